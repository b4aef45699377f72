import Foundation

/// Conversions from `Double` to whole numbers that cannot trap.
///
/// `Int(someDouble)` stops the program when the value is NaN, infinite or beyond `Int`'s range,
/// and chart layout computes counts, positions and labels from user data (values near ±1e308, a
/// plot squeezed to zero width). Every such conversion goes through these instead.
extension Double {
    /// The value truncated toward zero and clamped to `range`; NaN gives the lower bound.
    func clampedInt(_ range: ClosedRange<Int>) -> Int {
        guard !isNaN else { return range.lowerBound }
        // Double(Int.max) rounds up to 2^63, so `<` keeps the conversion below exactly in range.
        guard self > Double(range.lowerBound) else { return range.lowerBound }
        guard self < Double(range.upperBound) else { return range.upperBound }
        return Int(self)
    }

    /// The value rounded to a whole number and printed without separators (`2023`):
    /// through `Int` while that is exact, else with `%.0f`; `–` for NaN and infinities.
    var wholeNumberText: String {
        guard isFinite else { return "–" }
        let rounded = self.rounded()
        return abs(rounded) < 1e15 ? String(Int(rounded)) : String(format: "%.0f", rounded)
    }
}
