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
        /// A currency symbol before the number, e.g. `¥1,200`.
        case currency(String)
    }

    public var style: Style
    /// Fixed count of decimals; `nil` keeps the decimals the caller asks for (or the value's own).
    public var decimals: Int?

    public init(_ style: Style = .number, decimals: Int? = nil) {
        self.style = style
        self.decimals = decimals
    }

    /// Names accepted in specs and `NAME.yml`: `number`, `percent`, `compact`, `currency`
    /// (yuan), `currency:$`, each optionally followed by `.N` for N decimals (`percent.1`).
    public static let names = ["number", "percent", "compact", "currency", "integer"]

    /// Parses a format name as written in a spec; `nil` when the name is unknown.
    public init?(name: String) {
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
        case "currency": self.init(.currency("¥"), decimals: decimals)
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
            return Self.grouped(value, decimals: places)
        case .percent:
            return Self.grouped(value, decimals: places) + "%"
        case let .currency(symbol):
            let body = Self.grouped(abs(value), decimals: places)
            return (Self.isNegative(value, decimals: places) ? "−" : "") + symbol + body
        case .compact:
            let (divisor, suffix) = Self.compactUnit(for: abs(value))
            return Self.grouped(value / divisor, decimals: decimals ?? (suffix.isEmpty ? places : 1)) + suffix
        }
    }

    /// Labels for the ticks of one axis, all with the same number of decimals: as many as the step
    /// between ticks needs (0, 20, 40 → no decimals; 0, 0.05, 0.1 → two), ignoring fixed decimals.
    /// A compact format uses one suffix for every tick, chosen from the largest (`0`, `0.5M`, `1.0M`).
    public func tickLabels(for ticks: [Double]) -> [String] {
        let finite = ticks.filter(\.isFinite)
        switch style {
        case .compact:
            let (divisor, suffix) = Self.compactUnit(for: finite.map(abs).max() ?? 0)
            let places = Self.naturalDecimals(of: finite.map { $0 / divisor }, limit: 6)
            return ticks.map { tick in
                guard tick.isFinite else { return "–" }
                return tick == 0 ? "0" : Self.grouped(tick / divisor, decimals: places) + suffix
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
        let places = decimals ?? Self.naturalDecimals(of: values.filter(\.isFinite), limit: 3)
        if case .compact = style, decimals == nil {
            return values.map { value in
                guard value.isFinite else { return "–" }
                let (divisor, suffix) = Self.compactUnit(for: abs(value))
                if suffix.isEmpty { return Self.grouped(value, decimals: places) }
                let own = Self.naturalDecimals(of: [value / divisor], limit: 1)
                return Self.grouped(value / divisor, decimals: own) + suffix
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

    /// Divisor and suffix for a compact number of this magnitude: k, M, B (not G), T.
    static func compactUnit(for magnitude: Double) -> (Double, String) {
        magnitude >= 1e12 ? (1e12, "T") : magnitude >= 1e9 ? (1e9, "B") :
            magnitude >= 1e6 ? (1e6, "M") : magnitude >= 1e3 ? (1e3, "k") : (1, "")
    }

    /// Whether `value` prints with a minus sign at `decimals` places (−0.0 and values rounding to zero do not).
    static func isNegative(_ value: Double, decimals: Int) -> Bool {
        value < 0 && (abs(value) * pow(10.0, Double(decimals))).rounded() != 0
    }

    /// Digits with a comma every three places and a true minus sign.
    static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let places = min(10, max(0, decimals))
        let rounded = String(format: "%.\(places)f", abs(value))
        let parts = rounded.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [Substring] = []
        while integer.count > 3 {
            groups.insert(Substring(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(Substring(integer), at: 0)
        var text = groups.joined(separator: ",")
        if parts.count > 1 { text += "." + parts[1] }
        return (isNegative(value, decimals: places) ? "−" : "") + text
    }
}
