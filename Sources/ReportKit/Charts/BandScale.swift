/// Evenly spaced bands for categories (d3's `scaleBand`): each category gets a step of the range,
/// of which `bandwidth` is the bar and the rest is padding.
struct BandScale: Sendable, Hashable {
    var count: Int
    var start: Double
    var end: Double
    /// Share of each step left empty between bars (0 … 1).
    var paddingInner: Double
    /// Share of a step left empty before the first and after the last band.
    var paddingOuter: Double

    /// The distance from one band's start to the next.
    var step: Double {
        let n = Double(max(1, count))
        return (end - start) / max(1, n - paddingInner + 2 * paddingOuter)
    }

    /// The width of one band.
    var bandwidth: Double { step * (1 - paddingInner) }

    /// Where band `index` starts.
    func position(_ index: Int) -> Double {
        start + step * (paddingOuter + Double(index))
    }

    /// The middle of band `index`.
    func center(_ index: Int) -> Double {
        position(index) + bandwidth / 2
    }
}
