/// Placeholders written into page HTML while pages are rendered in parallel, and replaced once
/// every page is known (figure numbers and cross-references need the whole site).
/// They use private-use characters, which `SourceText` strips from all input.
enum Token {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// Stands for a figure's or table's label, e.g. "Figure 3".
    static func label(_ anchor: String) -> String { "\u{E000}L\(anchor)\u{E001}" }
    /// Stands for the label of a directive whose anchor is not known yet.
    static let pendingLabel = "\u{E000}L?\u{E001}"
    /// Stands for a cross-reference link to `anchor`.
    static func reference(_ anchor: String) -> String { "\u{E000}X\(anchor)\u{E001}" }

    /// `html` with every token replaced by `replacement(kind, anchor)`.
    static func replace(in html: String, _ replacement: (Character, String) -> String) -> String {
        guard html.contains(open) else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let start = rest.firstIndex(of: open) {
            result += rest[..<start]
            let afterOpen = rest.index(after: start)
            guard afterOpen < rest.endIndex, let end = rest[afterOpen...].firstIndex(of: close) else {
                rest = rest[afterOpen...]
                continue
            }
            let kind = rest[afterOpen]
            let anchor = String(rest[rest.index(after: afterOpen)..<end])
            result += replacement(kind, anchor)
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        return result
    }
}
