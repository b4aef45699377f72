import Foundation

/// How a number prints in tables, chart axes and labels.
///
/// Percent values are percentage points: `35.2` prints as `35.2%`.
public struct NumberFormat: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        /// Thousands separators, e.g. `12,345.6`.
        case number
        /// Percentage points with a `%` sign.
        case percent
        /// One SI-style suffix: `1.2k`, `3.4M`, `5.6B`.
        case compact
        /// A currency symbol before the number, e.g. `$1,200`; `nil` takes the data's currency
        /// (`currency:` in `NAME.yml`, an ISO 4217 code), set in `currency` when the format is resolved.
        case currency(String?)
        /// A d3-format specifier such as `$.3s` or `,.1f`.
        case pattern(D3Format)
    }

    public var style: Style
    /// Fixed count of decimals; `nil` keeps the decimals the caller asks for (or the value's own).
    public var decimals: Int?
    /// What `$` in a pattern and `.currency(nil)` print: the data's currency.
    public var currency: D3Format.Currency?
    /// Thousands separators; off for year columns (`2024`, never `2,024`).
    public var grouping = true
    /// The values are percentage points (a column of type percent): a pattern's `%` does not multiply by 100.
    public var percentPoints = false
    /// Whose conventions compact numbers, d3's `s`, money and dates follow (`万`/`亿` in Chinese).
    public var locale: NumberLocale = .western

    public init(_ style: Style = .number, decimals: Int? = nil) {
        self.style = style
        self.decimals = decimals
    }

    /// Names accepted in specs and `NAME.yml`: `number`, `percent`, `compact`, `currency`
    /// (the data's currency), `currency:$`, each optionally followed by `.N` for N decimals
    /// (`percent.1`); any other name is read as a d3-format specifier (`$.3s`).
    public static let names = ["number", "percent", "compact", "currency", "integer"]

    /// Parses a format name or d3-format specifier as written in a spec; `nil` when it is neither.
    public init?(name: String) {
        if let named = Self(alias: name) {
            self = named
        } else if !name.trimmed.isEmpty, let pattern = D3Format(name.trimmed) {
            self.init(.pattern(pattern))
        } else {
            return nil
        }
    }

    /// Whether this is the `currency` format without a symbol, which needs the data's currency code.
    public var needsCurrency: Bool {
        if case .currency(nil) = style { return currency == nil }
        return false
    }

    /// What to do when `currency` is used without a currency code.
    public static let missingCurrencyHint = "add the currency's ISO 4217 code to the data file's yml (currency: USD, or per column), "
        + "or write the symbol in the format (currency:$, or $,.0f)"

    /// The hint for a format name that is neither a name nor a d3-format specifier.
    public static func unknownHint(_ name: String) -> String {
        let base = name.split(separator: ".").first.map(String.init) ?? name
        if let named = Suggestion.hint(for: base, in: names, noun: "one of"), named.hasPrefix("did you mean") {
            return named + " (optionally followed by .N for N decimals, e.g. number.1)"
        }
        return "write one of number, integer, percent, compact, currency (with .N for N decimals), or a d3-format string such as ,.1f or $.3s"
    }

    /// A format by its name (`percent.1`, `currency:$`); `nil` when the name is not one.
    init?(alias name: String) {
        var base = name.trimmingCharacters(in: .whitespaces)
        var decimals: Int?
        if let dot = base.lastIndex(of: "."), let n = Int(base[base.index(after: dot)...]), n >= 0, n <= 10 {
            decimals = n
            base = String(base[..<dot])
        }
        switch base {
        case "number": self.init(.number, decimals: decimals)
        case "integer": self.init(.number, decimals: 0)
        case "percent": self.init(.percent, decimals: decimals)
        case "compact": self.init(.compact, decimals: decimals)
        case "currency": self.init(.currency(nil), decimals: decimals)
        default:
            if base.hasPrefix("currency:") {
                self.init(.currency(String(base.dropFirst("currency:".count))), decimals: decimals)
            } else {
                return nil
            }
        }
    }

    /// `value` formatted with `decimals` (or this format's fixed decimals when set).
    /// Negative numbers take a true minus sign (`−1,200`); non-finite values print as `–`.
    public func format(_ value: Double, decimals requested: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let places = min(10, max(0, decimals ?? requested))
        switch style {
        case .number:
            return grouped(value, decimals: places)
        case .percent:
            return grouped(value, decimals: places) + "%"
        case let .currency(symbol):
            let body = grouped(abs(value), decimals: places)
            let money = symbol.map { D3Format.Currency(prefix: $0) } ?? currency ?? D3Format.Currency(prefix: "")
            return (Self.isNegative(value, decimals: places) ? "−" : "") + money.prefix + body + money.suffix
        case .compact:
            if let units = locale.myriadUnits { return Self.myriad(value, units: units, decimals: decimals ?? 1, plainDecimals: places) }
            let decimalsWith = { (suffix: String) in decimals ?? (suffix.isEmpty ? places : 1) }
            let (divisor, suffix) = Self.compactUnit(for: value) { _, suffix in decimalsWith(suffix) }
            return grouped(value / divisor, decimals: decimalsWith(suffix)) + suffix
        case let .pattern(pattern):
            return pattern.format(value, currency: currency ?? .dollar, percentPoints: percentPoints, locale: locale)
        }
    }

    /// Labels for the ticks of one axis, all with the same number of decimals: as many as the step
    /// between ticks needs (0, 20, 40 → no decimals; 0, 0.05, 0.1 → two), ignoring fixed decimals.
    /// A compact format uses one suffix for every tick, chosen from the largest (`0`, `0.5M`, `1.0M`).
    public func tickLabels(for ticks: [Double]) -> [String] {
        let finite = ticks.filter(\.isFinite)
        switch style {
        case let .pattern(pattern):
            return pattern.tickLabels(ticks, currency: currency ?? .dollar, percentPoints: percentPoints, locale: locale)
        case .compact:
            if let units = locale.myriadUnits { return Self.myriadTickLabels(ticks, units: units) }
            let (divisor, suffix) = Self.compactUnit(for: finite.map(abs).max() ?? 0)
            let places = Self.naturalDecimals(of: finite.map { $0 / divisor }, limit: 6)
            return ticks.map { tick in
                guard tick.isFinite else { return "–" }
                return tick == 0 ? "0" : grouped(tick / divisor, decimals: places) + suffix
            }
        default:
            let places = Self.naturalDecimals(of: finite, limit: 10)
            var plain = self
            plain.decimals = nil
            return ticks.map { plain.format($0, decimals: places) }
        }
    }

    /// Labels for data values shown together (bar labels, a data table column): this format's fixed
    /// decimals when set, otherwise the fewest decimals (at most 3) that show every value exactly.
    public func labels(for values: [Double]) -> [String] {
        if case .pattern = style { return values.map { format($0) } }
        let places = decimals ?? Self.naturalDecimals(of: values.filter(\.isFinite), limit: 3)
        if case .compact = style, decimals == nil {
            if let units = locale.myriadUnits { return values.map { Self.myriad($0, units: units, decimals: nil, plainDecimals: places) } }
            return values.map { value in
                guard value.isFinite else { return "–" }
                let decimalsWith = { (divisor: Double, suffix: String) in suffix.isEmpty ? places : Self.naturalDecimals(of: [value / divisor], limit: 1) }
                let (divisor, suffix) = Self.compactUnit(for: value, decimals: decimalsWith)
                return grouped(value / divisor, decimals: decimalsWith(divisor, suffix)) + suffix
            }
        }
        return values.map { format($0, decimals: places) }
    }

    /// The fewest decimals (up to `limit`) with which every value prints exactly.
    public static func naturalDecimals(of values: [Double], limit: Int = 3) -> Int {
        for places in 0..<max(0, limit) {
            let scale = pow(10.0, Double(places))
            let exact = values.allSatisfy { value in
                let scaled = abs(value) * scale
                guard scaled < 1e15 else { return true }
                return abs(scaled - scaled.rounded()) <= 1e-7 * max(1, scaled)
            }
            if exact { return places }
        }
        return max(0, limit)
    }

    /// The compact units, smallest first: none, k, M, B (not G), T.
    static let compactUnits: [(divisor: Double, power: Int, suffix: String)] = [(1, 0, ""), (1e3, 3, "k"), (1e6, 6, "M"), (1e9, 9, "B"), (1e12, 12, "T")]

    /// Divisor and suffix for a compact number of this magnitude.
    static func compactUnit(for magnitude: Double) -> (Double, String) {
        let unit = compactUnits[compactUnitIndex(for: magnitude)]
        return (unit.divisor, unit.suffix)
    }

    /// The index in `compactUnits` of the largest unit not above `magnitude` (none below 1).
    static func compactUnitIndex(for magnitude: Double) -> Int {
        compactUnits.lastIndex { magnitude >= $0.divisor } ?? 0
    }

    /// Divisor and suffix for `value` printed with `decimals(divisor, suffix)` decimals, chosen after
    /// rounding (from the value's decimal text, as `myriad` does): 999,950 at one decimal is
    /// `1.0M`, not `1,000.0k`; 999.7 with none is `1.0k`, not `1,000`.
    static func compactUnit(for value: Double, decimals: (Double, String) -> Int) -> (Double, String) {
        let units = compactUnits
        var index = compactUnitIndex(for: abs(value))
        while index + 1 < units.count {
            var digits = DecimalText(value)
            digits.exponent -= units[index].power
            let rounded = digits.rounded(toPlaces: min(10, max(0, decimals(units[index].divisor, units[index].suffix))))
            guard !rounded.isZero, rounded.exponent >= 3 else { break }
            index += 1
        }
        return (units[index].divisor, units[index].suffix)
    }

    /// Whether `value` prints with a minus sign at `decimals` places (−0.0 and values rounding to zero do not).
    static func isNegative(_ value: Double, decimals: Int) -> Bool {
        value < 0 && (abs(value) * pow(10.0, Double(decimals))).rounded() != 0
    }

    /// Digits rounded from the value's decimal text (`DecimalText`), with a comma every three
    /// places unless `grouping` is off, and a true minus sign.
    func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let places = min(10, max(0, decimals))
        let rounded = DecimalText(value).fixed(places)
        let parts = rounded.split(separator: ".", maxSplits: 1)
        var text = grouping ? D3Format.grouped(String(parts[0]), width: nil) : String(parts[0])
        if parts.count > 1 { text += "." + parts[1] }
        return (Self.isNegative(value, decimals: places) ? "−" : "") + text
    }
}
