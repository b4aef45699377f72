/// The words a reader sees that the author did not write: "Contents", "Download the data (CSV)",
/// "Source:", "Total", the words of a formatted citation. They come from the theme's `theme.yml`
/// (`strings:`), so a theme can reword them and a second language can translate them; a key a
/// theme leaves out falls back to the built-in theme's `theme.yml` (`Theme.defaultStrings`, read
/// from `themes/default/theme.yml` built into the binary). No such word is written in Swift.
///
/// Swift code reads a string through a typed `Key` (`strings[.downloadData]`, the keys in
/// `InterfaceStrings+Keys.swift`), so a misspelt key is a compile error, and `InterfaceStringsTests`
/// checks that the default theme defines every key; templates read the same table by name
/// (`{{strings.contents}}`).
public struct InterfaceStrings: Sendable, Hashable {
    /// The strings by key, e.g. `"download_data": "Download the data (CSV)"`.
    public private(set) var table: [String: String]

    /// The strings of `table` (a theme's own over the built-in theme's: `Theme.load`).
    public init(_ table: [String: String]) {
        self.table = table
    }

    /// The string of `key` (the built-in theme defines every key, so this is empty only when a theme
    /// sets it so).
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
