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
    public func format(_ value: Double, decimals requested: Int = 0) -> String {
        let places = decimals ?? requested
        switch style {
        case .number:
            return Self.grouped(value, decimals: places)
        case .percent:
            return Self.grouped(value, decimals: places) + "%"
        case let .currency(symbol):
            let body = Self.grouped(abs(value), decimals: places)
            return (value < 0 ? "−" : "") + symbol + body
        case .compact:
            let magnitude = abs(value)
            let (divisor, suffix): (Double, String) =
                magnitude >= 1e12 ? (1e12, "T") : magnitude >= 1e9 ? (1e9, "B") :
                magnitude >= 1e6 ? (1e6, "M") : magnitude >= 1e3 ? (1e3, "k") : (1, "")
            return Self.grouped(value / divisor, decimals: decimals ?? (suffix.isEmpty ? places : 1)) + suffix
        }
    }

    /// Digits with a comma every three places and a true minus sign.
    static func grouped(_ value: Double, decimals: Int) -> String {
        let rounded = String(format: "%.\(max(0, decimals))f", abs(value))
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
        let isZero = Double(rounded) == 0
        return (value < 0 && !isZero ? "−" : "") + text
    }
}
