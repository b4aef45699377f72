/// JSON string literals, safe to embed in an HTML `<script>` element as well.
extension String {
    /// The string as a quoted JSON literal; `<`, `>`, `&`, control characters and the JavaScript
    /// line separators U+2028/U+2029 are written as `\u` escapes, so the result can sit inside
    /// `<script>` without ending it.
    public var jsonStringLiteral: String {
        if !Self.needsJSONEscaping(utf8) { return "\"" + self + "\"" }
        var out: [UInt8] = []
        var text = self
        text.withUTF8 { appendJSONStringLiteral(utf8: $0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any byte must be escaped: quote, backslash, `<`, `>`, `&`, a control character, or
    /// the lead byte 0xE2 of U+2028/U+2029 (a few other characters share it and take the slow path).
    static func needsJSONEscaping(_ bytes: String.UTF8View) -> Bool {
        if let found = bytes.withContiguousStorageIfAvailable({ $0.contains(where: needsJSONEscape) }) { return found }
        return bytes.contains(where: needsJSONEscape)
    }
}

/// Appends `utf8` (valid UTF-8) as a quoted JSON literal, escaped as `String.jsonStringLiteral`
/// describes, working on bytes (runs that need no escape are copied whole): the search index
/// writes every page's text through it.
func appendJSONStringLiteral(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    let backslash = UInt8(ascii: "\\")
    func appendEscape(_ letter: Character) {
        out.append(backslash)
        out.append(letter.asciiValue!)
    }
    func appendUnicodeEscape(_ value: Int) {
        out.append(backslash)
        out.append(UInt8(ascii: "u"))
        for shift in [12, 8, 4, 0] { out.append(hexDigits[value >> shift & 15]) }
    }
    out.reserveCapacity(out.count + bytes.count + 2)
    out.append(UInt8(ascii: "\""))
    var index = 0
    var plainStart = 0
    // The table through a pointer: this loop runs over every byte of every page's text.
    jsonEscapedBytes.withUnsafeBufferPointer { escaped in
        while index < bytes.count {
            let byte = bytes[index]
            guard escaped[Int(byte)] else {
                index &+= 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
            switch byte {
            case UInt8(ascii: "\""): appendEscape("\"")
            case backslash: appendEscape("\\")
            case UInt8(ascii: "\n"): appendEscape("n")
            case UInt8(ascii: "\r"): appendEscape("r")
            case UInt8(ascii: "\t"): appendEscape("t")
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR: line ends in JavaScript.
                appendUnicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                index += 2
            case 0xE2: out.append(byte)
            default: appendUnicodeEscape(Int(byte))  // `<`, `>`, `&`, control characters
            }
            index += 1
            plainStart = index
        }
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<bytes.count]))
    out.append(UInt8(ascii: "\""))
}

/// Appends `text` as a quoted JSON literal (`appendJSONStringLiteral(utf8:to:)`).
func appendJSONStringLiteral(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { appendJSONStringLiteral(utf8: $0, to: &out) }
}

/// Whether a byte of UTF-8 may need a JSON escape: quote, backslash, `<`, `>`, `&`, a control
/// character, or the lead byte 0xE2 of U+2028/U+2029 (other characters share it).
@inline(__always)
private func needsJSONEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
        || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0xE2
}

/// `needsJSONEscape` of every byte, looked up (one load per byte of every page's text).
private let jsonEscapedBytes: [Bool] = (0...255).map { needsJSONEscape(UInt8($0)) }

private let hexDigits = Array("0123456789abcdef".utf8)
