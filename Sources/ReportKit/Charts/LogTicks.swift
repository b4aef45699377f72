import Foundation

/// Ticks and domain of a logarithmic axis over positive values.
///
/// The ticks are the densest of these sets that gives at most `count` ticks: every whole number
/// times a power of ten (1, 2, 3 … 9, 10, 20 …), 1-2-5 (1, 2, 5, 10, 20, 50 …), powers of ten
/// (1, 10, 100 …), then every second, third … power of ten (1, 100, 10⁴ …). The domain runs from
/// the largest tick at or below the smallest value to the smallest tick at or above the largest,
/// so it never reaches more than one tick step beyond the data. Ticks are exact decimals
/// (`2 / 100`, never `2 * 0.01`), so they print without float noise.
enum LogTicks {
    /// One candidate set: mantissas within a decade, and the step between decades used.
    private struct Level {
        var mantissas: [Double]
        var decades: Int
    }

    /// Dense to sparse.
    private static let levels: [Level] = [
        Level(mantissas: [1, 2, 3, 4, 5, 6, 7, 8, 9], decades: 1),
        Level(mantissas: [1, 2, 5], decades: 1),
        Level(mantissas: [1], decades: 1),
    ] + (2...40).map { Level(mantissas: [1], decades: $0) }

    /// The nice domain and its ticks for values from `lo` to `hi` (both positive), with at most
    /// `count` ticks (never fewer than two unless the data is one value on a tick). `nil` when the
    /// range is not positive and finite.
    static func ticks(_ lo: Double, _ hi: Double, count: Int) -> (domain: (Double, Double), ticks: [Double])? {
        guard lo > 0, hi > 0, lo.isFinite, hi.isFinite else { return nil }
        var (low, high) = (min(lo, hi), max(lo, hi))
        if low == high { (low, high) = (low / 2, high * 2) }   // one value: the ticks around it
        // When no level gives `count` ticks or fewer (a wide range for a short axis), the fewest.
        var fewest: (domain: (Double, Double), ticks: [Double])?
        for level in levels {
            let candidates = values(level, from: low, to: high)
            guard let first = candidates.last(where: { $0 <= low }), let last = candidates.first(where: { $0 >= high }) else { continue }
            let result = (domain: (first, last), ticks: candidates.filter { $0 >= first && $0 <= last })
            if result.ticks.count <= max(2, count) { return result }
            if fewest == nil || result.ticks.count < fewest!.ticks.count { fewest = result }
        }
        return fewest
    }

    /// Every tick of `level` from the decade below `lo` to the decade above `hi` (bounded: at most
    /// 700 decades, the whole range of `Double`).
    private static func values(_ level: Level, from lo: Double, to hi: Double) -> [Double] {
        let step = level.decades
        let e0 = Int(floor(log10(lo))).floorMultiple(of: step) - step
        let e1 = Int(ceil(log10(hi))) + step
        var result: [Double] = []
        for exponent in stride(from: e0, through: e1, by: step) {
            for mantissa in level.mantissas {
                let value = power(mantissa, exponent)
                if value.isFinite && value > 0 { result.append(value) }
            }
        }
        return result
    }

    /// `mantissa × 10^exponent` as the nearest `Double` to the decimal (division for negative exponents).
    static func power(_ mantissa: Double, _ exponent: Int) -> Double {
        exponent >= 0 ? mantissa * pow(10, Double(exponent)) : mantissa / pow(10, Double(-exponent))
    }
}

private extension Int {
    /// The largest multiple of `step` at or below this number.
    func floorMultiple(of step: Int) -> Int {
        let r = self % step
        return r == 0 ? self : r > 0 ? self - r : self - r - step
    }
}
