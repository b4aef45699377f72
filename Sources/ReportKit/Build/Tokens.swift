/// Placeholders written into page HTML while pages are rendered in parallel, and replaced once
/// every page is known (figure numbers and cross-references need the whole site).
/// They are delimited by the Unicode noncharacters U+FDD0 and U+FDD1, which no input can put into
/// a page: text files holding any noncharacter are refused when read (`UTF8Check`), Markdown
/// character references to one are refused before parsing (`NoncharacterReferences`), and values
/// from data and specs are written through `htmlEscaped`, which spells them as `&#xFDD0;`.
/// (Noncharacters are "not for interchange": HTML calls them a parse error, so refusing them loses
/// nothing an author could publish.)
enum Token {
    /// U+FDD0 and U+FDD1 (Swift refuses noncharacters in string literals).
    static let open = String(Unicode.Scalar(0xFDD0 as UInt32)!)
    static let close = String(Unicode.Scalar(0xFDD1 as UInt32)!)

    /// Stands for a figure's or table's label, e.g. "Figure 3".
    static func label(_ anchor: String) -> String { open + "L" + anchor + close }
    /// Stands for the label of a directive whose anchor is not known yet.
    static let pendingLabel = open + "L?" + close
    /// Stands for a cross-reference link to `anchor`.
    static func reference(_ anchor: String) -> String { open + "X" + anchor + close }
    /// Stands for the page's citation number `index` (in reading order), formatted once the whole
    /// site's citations are known (numbers, 2021a/2021b).
    static func citation(_ index: Int) -> String { open + "C" + String(index) + close }
    /// Stands for the page's bibliography ("References" at the end of a page that cites).
    static let bibliography = open + "B" + close
    /// Stands for the site-wide list of references (on the page `references.md`, if there is one).
    static let siteBibliography = open + "S" + close

    /// `html` with every token replaced by `replacement(kind, anchor)`. Scans UTF-8 bytes: this runs
    /// over every page of the site.
    static func replace(in html: String, _ replacement: (Character, String) -> String) -> String {
        let bytes = html.utf8
        // U+FDD0 is EF B7 90 in UTF-8, U+FDD1 is EF B7 91.
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
        find(0x90, in: bytes, from: index)
    }

    private static func firstClose(in bytes: String.UTF8View, from index: String.Index) -> String.Index? {
        find(0x91, in: bytes, from: index)
    }

    /// The index of the next `EF B7 last` sequence.
    private static func find(_ last: UInt8, in bytes: String.UTF8View, from index: String.Index) -> String.Index? {
        var i = index
        while let lead = bytes.firstIndex(ofByte: 0xEF, from: i) {
            let second = bytes.index(after: lead)
            guard second < bytes.endIndex else { return nil }
            let third = bytes.index(after: second)
            guard third < bytes.endIndex else { return nil }
            if bytes[second] == 0xB7 && bytes[third] == last { return lead }
            i = second
        }
        return nil
    }
}
