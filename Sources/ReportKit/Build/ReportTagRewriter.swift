/// The whole report's pass over a page's HTML (`WholeReport.rewrite`): `<h1>`…`<h5>` one level
/// down and every double-quoted attribute value passed through a function, in one scan of the
/// UTF-8 bytes (`memchr` to the next tag; no `Character`s, no Foundation search).
///
/// `report.html` and `report-standalone.html` differ only in a few values (images and downloads
/// inlined as `data:` URIs), so one pass writes both bodies: a `Value` says what an attribute
/// becomes in each.
///
/// Tags are found as HTML writes them: a `<`, then up to the first `>` outside double quotes;
/// comments and declarations (`<!…>`, `<?…>`) pass unchanged. Names are ASCII letters, digits,
/// `-`, `:` (and `_` in attribute names), or any non-ASCII byte; spaces are ASCII white space.
/// Values are read and written as they are in the HTML (entity-escaped), which is safe for the
/// ids and URLs the report rewrites.
enum ReportTagRewriter {
    /// What an attribute value becomes in `report.html`, and in the stand-alone file when it is
    /// different there (`nil`: the same).
    struct Value {
        var report: String
        var standalone: String? = nil
    }

    /// `html` rewritten for the report, and for the stand-alone file when `standalone` is true.
    /// `rewrite` gets the tag's name, the attribute's name and its value as written.
    static func rewrite(_ html: String, standalone: Bool,
                        _ rewrite: (_ tag: String, _ attribute: String, _ value: String) -> Value) -> (report: String, standalone: String?) {
        var html = html
        var out = Output(capacity: html.utf8.count + html.utf8.count / 8, standalone: standalone)
        html.withUTF8 { bytes in
            var position = 0
            while let open = bytes.firstIndex(ofByte: UInt8(ascii: "<"), from: position) {
                out.append(bytes, position..<open)
                var cursor = open + 1
                var inQuote = false
                while cursor < bytes.count && (inQuote || bytes[cursor] != UInt8(ascii: ">")) {
                    if bytes[cursor] == UInt8(ascii: "\"") { inQuote.toggle() }
                    cursor += 1
                }
                guard cursor < bytes.count else { out.append(bytes, open..<bytes.count); position = bytes.count; return }
                rewriteTag(bytes, open..<(cursor + 1), into: &out, rewrite)
                position = cursor + 1
            }
            out.append(bytes, position..<bytes.count)
        }
        return out.strings
    }

    /// One tag, `bytes[tag]` (from `<` to `>`), written to `out`.
    private static func rewriteTag(_ bytes: UnsafeBufferPointer<UInt8>, _ tag: Range<Int>, into out: inout Output,
                                   _ rewrite: (String, String, String) -> Value) {
        let second = bytes[tag.lowerBound + 1]
        // Comments and declarations pass unchanged.
        if second == UInt8(ascii: "!") || second == UInt8(ascii: "?") { out.append(bytes, tag); return }
        let isClosing = second == UInt8(ascii: "/")
        let nameStart = tag.lowerBound + (isClosing ? 2 : 1)
        var nameEnd = nameStart
        while nameEnd < tag.upperBound && isNameByte(bytes[nameEnd]) { nameEnd += 1 }
        out.append(bytes, tag.lowerBound..<nameStart)
        if nameEnd - nameStart == 2, bytes[nameStart] | 0x20 == UInt8(ascii: "h"),
           (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[nameStart + 1]) {
            out.append([UInt8(ascii: "h"), bytes[nameStart + 1] + 1])
        } else {
            out.append(bytes, nameStart..<nameEnd)
        }
        if isClosing { out.append(bytes, nameEnd..<tag.upperBound); return }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
        var cursor = nameEnd
        while cursor < tag.upperBound {
            let byte = bytes[cursor]
            out.append(bytes, cursor..<(cursor + 1))
            cursor += 1
            guard isSpace(byte) else { continue }
            let attributeStart = cursor
            while cursor < tag.upperBound && (isNameByte(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "_")) { cursor += 1 }
            out.append(bytes, attributeStart..<cursor)
            guard cursor > attributeStart, cursor + 1 < tag.upperBound, bytes[cursor] == UInt8(ascii: "="),
                  bytes[cursor + 1] == UInt8(ascii: "\"") else { continue }
            let valueStart = cursor + 2
            var valueEnd = valueStart
            while valueEnd < tag.upperBound && bytes[valueEnd] != UInt8(ascii: "\"") { valueEnd += 1 }
            guard valueEnd < tag.upperBound else { continue }
            let attribute = String(decoding: UnsafeBufferPointer(rebasing: bytes[attributeStart..<cursor]), as: UTF8.self)
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
            out.append(valueOpening)
            out.append(rewrite(name, attribute, value))
            out.append(valueClosing)
            cursor = valueEnd + 1
        }
    }

    private static let valueOpening = Array("=\"".utf8), valueClosing = Array("\"".utf8)

    /// A byte of a tag or attribute name: ASCII letters and digits, `-`, `:`, and any byte of a
    /// non-ASCII character.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: ":"), 0x80...: return true
        default: return false
        }
    }

    /// ASCII white space (tab, line feed, vertical tab, form feed, carriage return, space).
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// The bytes written so far: the report's, and the stand-alone file's when asked for.
    private struct Output {
        var report: [UInt8] = []
        var standalone: [UInt8]?

        init(capacity: Int, standalone: Bool) {
            report.reserveCapacity(capacity)
            if standalone { self.standalone = []; self.standalone?.reserveCapacity(capacity) }
        }

        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            guard !range.isEmpty else { return }
            let slice = UnsafeBufferPointer(rebasing: bytes[range])
            report.append(contentsOf: slice)
            standalone?.append(contentsOf: slice)
        }

        mutating func append(_ bytes: [UInt8]) {
            report.append(contentsOf: bytes)
            standalone?.append(contentsOf: bytes)
        }

        mutating func append(_ value: Value) {
            report.append(contentsOf: value.report.utf8)
            standalone?.append(contentsOf: (value.standalone ?? value.report).utf8)
        }

        var strings: (report: String, standalone: String?) {
            (String(decoding: report, as: UTF8.self), standalone.map { String(decoding: $0, as: UTF8.self) })
        }
    }
}
