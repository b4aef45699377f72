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

    /// `html` with every token replaced by `replacement(kind, anchor)`. Scans UTF-8 bytes: this runs
    /// over every page of the site.
    static func replace(in html: String, _ replacement: (Character, String) -> String) -> String {
        let bytes = html.utf8
        // U+E000 is EE 80 80 in UTF-8, U+E001 is EE 80 81.
        guard let first = firstOpen(in: bytes, from: bytes.startIndex) else { return html }
        var result = ""
        result.reserveCapacity(bytes.count)
        var cursor = bytes.startIndex
        var next: String.Index? = first
        while let start = next {
            result += html[cursor..<start]
            let bodyStart = bytes.index(start, offsetBy: 3)
            guard let end = firstClose(in: bytes, from: bodyStart), bodyStart < end else {
                cursor = bodyStart
                next = firstOpen(in: bytes, from: cursor)
                continue
            }
            let body = html[bodyStart..<end]
            result += replacement(body.first!, String(body.dropFirst()))
            cursor = bytes.index(end, offsetBy: 3)
            next = firstOpen(in: bytes, from: cursor)
        }
        result += html[cursor...]
        return result
    }

    private static func firstOpen(in bytes: String.UTF8View, from index: String.Index) -> String.Index? {
        find(0x80, in: bytes, from: index)
    }

    private static func firstClose(in bytes: String.UTF8View, from index: String.Index) -> String.Index? {
        find(0x81, in: bytes, from: index)
    }

    /// The index of the next `EE 80 last` sequence.
    private static func find(_ last: UInt8, in bytes: String.UTF8View, from index: String.Index) -> String.Index? {
        var i = index
        while let lead = bytes.firstIndex(ofByte: 0xEE, from: i) {
            let second = bytes.index(after: lead)
            guard second < bytes.endIndex else { return nil }
            let third = bytes.index(after: second)
            guard third < bytes.endIndex else { return nil }
            if bytes[second] == 0x80 && bytes[third] == last { return lead }
            i = second
        }
        return nil
    }
}
