import Foundation

/// Compact numbers by myriads (Chinese `万` 10⁴, `亿` 10⁸, `万亿` 10¹²), for the `compact` format
/// and d3's `s` in a `NumberLocale` with `myriadUnits`.
///
/// Digits come from the number's decimal text (`DecimalText`), shifted by the unit's power of ten, so
/// `824360000000` is `8243.6亿`, never float noise. The unit is chosen after rounding: `99995000` at
/// one decimal is `1.0亿`, not `10000.0万`, and `9999.5` with no decimals is `1.0万`. Above the last unit
/// the number grows: 10¹⁶ is `10000万亿`. No separators: a myriad-grouped number has at most four digits
/// before its unit, and Chinese does not write `8,243.6亿`.
extension NumberFormat {
    /// `value` in the largest unit that keeps its rounded digits at least 1: `decimals` decimals
    /// with a unit (one when `nil`), `plainDecimals` without; for `decimals == nil` with a unit, the
    /// fewest decimals up to one that show the value exactly (`1万`, `1.2万`), as `labels(for:)` wants.
    static func myriad(_ value: Double, units: [NumberLocale.CompactUnit], decimals: Int?, plainDecimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let whole = DecimalText(value)
        var index = whole.isZero ? -1 : (units.lastIndex { $0.power <= whole.exponent } ?? -1)
        while true {
            var digits = whole
            if index >= 0 { digits.exponent -= units[index].power }
            let places: Int
            if index < 0 {
                places = min(10, max(0, plainDecimals))
            } else if let decimals {
                places = min(10, max(0, decimals))
            } else {
                places = digits.rounded(toPlaces: 0) == digits ? 0 : 1
            }
            let rounded = digits.rounded(toPlaces: places)
            // Rounded up to a whole myriad of this unit (or of the plain number): take the next unit.
            if index + 1 < units.count, !rounded.isZero, rounded.exponent + (index >= 0 ? units[index].power : 0) >= units[index + 1].power {
                index += 1
                continue
            }
            let sign = value < 0 && !rounded.isZero ? "−" : ""
            return sign + digits.fixed(places) + (index >= 0 ? units[index].suffix : "")
        }
    }

    /// Tick labels of one axis in one unit, chosen from the largest tick (`0`, `2000亿`, `4000亿`;
    /// `0`, `0.5万亿`, `1万亿`), all with the decimals the step needs.
    static func myriadTickLabels(_ ticks: [Double], units: [NumberLocale.CompactUnit]) -> [String] {
        let largest = ticks.filter(\.isFinite).map(abs).max() ?? 0
        let unit = units.last { pow(10, Double($0.power)) <= largest }
        let divisor = unit.map { pow(10, Double($0.power)) } ?? 1
        let places = naturalDecimals(of: ticks.filter(\.isFinite).map { $0 / divisor }, limit: 6)
        return ticks.map { tick in
            guard tick.isFinite else { return "–" }
            if tick == 0 { return "0" }
            var digits = DecimalText(tick)
            if let unit { digits.exponent -= unit.power }
            let rounded = digits.rounded(toPlaces: places)
            return (tick < 0 && !rounded.isZero ? "−" : "") + digits.fixed(places) + (unit?.suffix ?? "")
        }
    }
}

extension D3Format {
    /// d3's `s` by myriads: rounded to `significant` digits first (as d3 does), then written in the
    /// largest unit not above the rounded value, its name put in `unit`. Values below 万 print plainly
    /// with the same significant digits (`0.00123`, not SI's `1.23m`: Chinese has no milli- units
    /// in prose).
    static func myriadDigits(_ decimal: DecimalText, significant: Int, units: [NumberLocale.CompactUnit], unit: inout String) -> String {
        let rounded = decimal.rounded(toSignificant: significant)
        var scaled = rounded
        if !rounded.isZero, let chosen = units.last(where: { $0.power <= rounded.exponent }) {
            unit = chosen.suffix
            scaled.exponent -= chosen.power
        }
        return scaled.fixed(max(0, significant - 1 - (scaled.isZero ? 0 : scaled.exponent)))
    }

    /// The divisor and prefix shared by the `s` tick labels of one axis, from its largest tick:
    /// an SI prefix (B for 10⁹), or a myriad unit in a locale that has them.
    static func tickUnit(for largest: Double, locale: NumberLocale) -> (divisor: Double, prefix: String) {
        if let units = locale.myriadUnits {
            guard let unit = units.last(where: { pow(10, Double($0.power)) <= largest }) else { return (1, "") }
            return (pow(10, Double(unit.power)), unit.suffix)
        }
        let group = largest == 0 ? 0 : max(-8, min(8, Int((log10(largest) / 3).rounded(.down))))
        return (pow(10, Double(group * 3)), prefixes[8 + group])
    }
}
