/// The words a reader sees that the author did not write: "Contents", "Download the data (CSV)",
/// "Source:", "Total", the sentences of a chart's description. They come from the theme's
/// `theme.yml` (`strings:`), so a theme can reword them and a second language can translate them;
/// a key the theme leaves out falls back to the built-in English table (`InterfaceStrings.english`,
/// which `InterfaceStringsTests` keeps equal to `themes/default/theme.yml`).
///
/// Swift code reads a string through a typed `Key` (`strings[.downloadData]`), so a misspelt key is
/// a compile error; templates read the same table by name (`{{strings.contents}}`).
public struct InterfaceStrings: Sendable, Hashable {
    /// The strings by key, e.g. `"download_data": "Download the data (CSV)"`.
    public private(set) var table: [String: String]

    /// The built-in English strings with `overrides` (a theme's `strings:`) laid over them.
    public init(overriding overrides: [String: String] = [:]) {
        table = Self.englishTable.merging(Self.chartEnglishTable) { own, _ in own }.merging(overrides) { _, theme in theme }
    }

    /// The built-in English strings.
    public static let english = InterfaceStrings()

    /// The string of `key` (every key has an English default, so this is never empty by accident).
    public subscript(key: Key) -> String { table[key.name] ?? "" }

    /// The string named `name`, as templates see it.
    public subscript(name: String) -> String? { table[name] }

    /// The string of `key` with each `{placeholder}` replaced: `format(.figureLabel, ["n": "3"])` is
    /// "Figure 3". A placeholder without a value is left as written, so a theme's typo shows.
    public func format(_ key: Key, _ values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    /// `pattern` with each `{name}` found in `values` replaced by its value, in one pass (a value
    /// that itself holds `{…}` is not expanded again).
    static func fill(_ pattern: String, _ values: [String: String]) -> String {
        guard pattern.contains("{") else { return pattern }
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] else {
                out += "{"
                rest = rest[afterOpen...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The name of an interface string, as written in `theme.yml`.
    public struct Key: Sendable, Hashable {
        public let name: String
        public init(_ name: String) { self.name = name }
    }
}
