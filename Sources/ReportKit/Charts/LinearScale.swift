import Foundation

/// A linear map from a numeric domain to a pixel range, with "nice" 1-2-5 ticks computed the way
/// d3-array's `ticks` does: every tick is an integer multiple of the step (or an integer divided by the
/// inverse step), so `0.1 * 3` never shows up as `0.30000000000000004`.
struct LinearScale: Sendable, Hashable {
    var domain: (Double, Double) { (d0, d1) }
    var d0: Double
    var d1: Double
    var r0: Double
    var r1: Double
    /// Logarithmic: equal ratios take equal distances (the domain must be positive; `LogTicks`).
    var isLog = false

    init(domain: (Double, Double), range: (Double, Double), log: Bool = false) {
        d0 = domain.0.isFinite ? domain.0 : 0
        d1 = domain.1.isFinite ? domain.1 : 1
        r0 = range.0
        r1 = range.1
        isLog = log && d0 > 0 && d1 > 0
    }

    /// The pixel position of `value`; the middle of the range for a degenerate domain (or, on a
    /// log scale, for a value that is not positive).
    func callAsFunction(_ value: Double) -> Double {
        guard d1 != d0, value.isFinite else { return (r0 + r1) / 2 }
        if isLog && value <= 0 { return (r0 + r1) / 2 }
        let t = isLog ? (log10(value) - log10(d0)) / (log10(d1) - log10(d0)) : (value - d0) / (d1 - d0)
        let position = r0 + t * (r1 - r0)
        return position.isFinite ? position : (r0 + r1) / 2
    }

    /// About `count` nice ticks inside the domain.
    func ticks(_ count: Int) -> [Double] {
        Self.ticks(d0, d1, count: count)
    }

    static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.d0 == b.d0 && a.d1 == b.d1 && a.r0 == b.r0 && a.r1 == b.r1 && a.isLog == b.isLog
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(d0); hasher.combine(d1); hasher.combine(r0); hasher.combine(r1); hasher.combine(isLog)
    }

    // MARK: - d3-array ticks

    private static let e10 = 50.0.squareRoot(), e5 = 10.0.squareRoot(), e2 = 2.0.squareRoot()

    /// First and last tick index and the increment: positive = step, negative = minus the inverse step.
    static func tickSpec(_ start: Double, _ stop: Double, count: Double) -> (Double, Double, Double) {
        let step = (stop - start) / max(0, count)
        let power = floor(log10(step))
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow(10, -power) / factor
            i1 = (start * inc).rounded()
            i2 = (stop * inc).rounded()
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow(10, power) * factor
            i1 = (start / inc).rounded()
            i2 = (stop / inc).rounded()
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1 && 0.5 <= count && count < 2 { return tickSpec(start, stop, count: count * 2) }
        return (i1, i2, inc)
    }

    /// d3's `ticks(start, stop, count)`: nice round values between `start` and `stop`.
    static func ticks(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard count > 0, start.isFinite, stop.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (lo, hi) = reverse ? (stop, start) : (start, stop)
        let (i1, i2, inc) = tickSpec(lo, hi, count: Double(count))
        guard i2 >= i1, inc.isFinite, inc != 0, i2 - i1 < 10_000 else { return [] }
        let n = Int(i2 - i1) + 1
        var values = (0..<n).map { i in inc < 0 ? (i1 + Double(i)) / -inc : (i1 + Double(i)) * inc }
        if reverse { values.reverse() }
        return values.map { $0 == 0 ? 0 : $0 }   // no −0
    }

    /// d3's `tickIncrement`: the step (positive) or minus its inverse (negative) for about `count` ticks.
    static func tickIncrement(_ start: Double, _ stop: Double, count: Int) -> Double {
        let step = (stop - start) / Double(max(0, count))
        let power = floor(log10(step))
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        return power >= 0 ? factor * pow(10, power) : -pow(10, -power) / factor
    }

    /// The step between ticks of `ticks(start, stop, count)` as a positive number.
    static func tickStep(_ start: Double, _ stop: Double, count: Int) -> Double {
        let inc = tickIncrement(min(start, stop), max(start, stop), count: count)
        return inc < 0 ? 1 / -inc : inc
    }

    /// A nice domain and its ticks for data from `start` to `stop`: d3-scale's `nice()` settles the
    /// step (widening until it is stable), then the domain is the data's extent rounded out to whole
    /// steps, so it ends on ticks but never more than one step beyond the data (`nice()` alone can
    /// widen -4.5 … 9 to -10 … 10 by steps of 5). A degenerate extent keeps `niceDomain`'s answer.
    static func niceTicks(_ start: Double, _ stop: Double, count: Int) -> (domain: (Double, Double), ticks: [Double]) {
        let wide = niceDomain(start, stop, count: count)
        let inc = tickIncrement(wide.0, wide.1, count: count)
        var lo = min(start, stop), hi = max(start, stop)
        if lo == hi || !lo.isFinite || !hi.isFinite { (lo, hi) = wide }
        guard inc.isFinite, inc != 0 else { return (wide, ticks(wide.0, wide.1, count: count)) }
        /// `value` in steps, rounded down or up, ignoring float noise (0.7 × 10 = 7.000000000000001).
        func steps(_ value: Double, up: Bool) -> Double {
            let q = inc > 0 ? value / inc : value * -inc
            if abs(q - q.rounded()) < 1e-9 { return q.rounded() }
            return up ? ceil(q) : floor(q)
        }
        let i1 = steps(lo, up: false), i2 = steps(hi, up: true)
        guard i2 >= i1, i2 - i1 < 10_000 else { return (wide, ticks(wide.0, wide.1, count: count)) }
        let values = (0...Int(i2 - i1)).map { k in
            let i = i1 + Double(k)
            let v = inc > 0 ? i * inc : i / -inc
            return v == 0 ? 0 : v
        }
        return ((values.first!, values.last!), values)
    }

    /// d3-scale's `nice()`: the domain widened to whole tick steps, repeated until the step is stable.
    /// An empty or degenerate domain becomes a small one around its value.
    static func niceDomain(_ start: Double, _ stop: Double, count: Int) -> (Double, Double) {
        guard start.isFinite, stop.isFinite else { return (0, 1) }
        var lo = min(start, stop), hi = max(start, stop)
        if lo == hi {
            if lo == 0 { return (0, 1) }
            if lo > 0 { lo = 0 } else { hi = 0 }
        }
        var previous = 0.0
        for _ in 0..<10 {
            let step = tickIncrement(lo, hi, count: count)
            guard step.isFinite, step != 0 else { break }
            if step == previous { break }
            if step > 0 {
                lo = floor(lo / step) * step
                hi = ceil(hi / step) * step
            } else {
                lo = ceil(lo * step) / step
                hi = floor(hi * step) / step
            }
            previous = step
        }
        return (lo == 0 ? 0 : lo, hi == 0 ? 0 : hi)
    }
}
