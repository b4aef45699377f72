import Foundation

/// The chart colours of a theme's light colour scheme: the `--chart-*` custom properties of the
/// first `:root { … }` rule of its `assets/style.css` (the rule outside any `@media`), e.g.
/// `chart-1` → `#0072B2`. Exported charts (`ChartSVGExport`) are drawn with them, so a chart
/// saved alone keeps the page's light colours without its style sheet.
public struct ChartColours: Sendable, Hashable {
    /// Custom property names without the leading `--` (`chart-1`, `chart-bg`), and their values.
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// The `--chart-*` declarations of the first `:root` rule of `styleSheet`; a later
    /// declaration of one property wins, as in CSS. Values holding `;`, `{`, `}`, `<`, `>`, `&`
    /// or quotes are left out (they could not be a colour and would break the SVG).
    public init(styleSheet: String) {
        var values: [String: String] = [:]
        if let root = styleSheet.range(of: ":root"), let open = styleSheet[root.upperBound...].firstIndex(of: "{"),
           let close = styleSheet[open...].firstIndex(of: "}") {
            for declaration in styleSheet[styleSheet.index(after: open)..<close].split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingCharacters(in: .whitespacesAndNewlines)
                let value = parts[1].trimmingCharacters(in: .whitespacesAndNewlines)
                guard name.hasPrefix("--chart-"), !value.isEmpty, !value.contains(where: { "{}<>&\"'".contains($0) }) else { continue }
                values[String(name.dropFirst(2))] = value
            }
        }
        self.values = values
    }

    /// `text` with every `var(--name, fallback)` replaced by this scheme's value of `--name`,
    /// else by its fallback (else left as written).
    public func resolving(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "var(--") {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: ")") else { break }
            let inside = rest[start.upperBound..<close]
            let name = inside.prefix { $0 != "," }.trimmingCharacters(in: .whitespaces)
            let fallback = inside.firstIndex(of: ",").map { inside[inside.index(after: $0)...].trimmingCharacters(in: .whitespaces) }
            if let value = values[name] ?? fallback {
                out += value
            } else {
                out += rest[start.lowerBound...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
