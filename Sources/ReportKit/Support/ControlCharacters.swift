/// Control characters in input: C0 controls other than tab, line feed and carriage return, DEL,
/// and the C1 controls U+0080…U+009F.
///
/// They are refused with a diagnostic rather than silently replaced: none has a meaning in a page
/// (HTML forbids them in text, XML and so the SVG of a chart cannot hold them at all), a NUL used to
/// cut a figure short where its HTML met cmark-gfm's C strings, and one in a data file is almost
/// always the sign of a damaged export or a binary file saved as text, which the researcher should
/// see rather than have papered over.
enum ControlCharacters {
    /// A control character found in a text, with where it stands (1-based; the column counts
    /// Unicode scalars, like every other column the tool reports).
    struct Found: Sendable, Hashable {
        var scalar: Unicode.Scalar
        var line: Int
        var column: Int

        /// How messages name it: `U+0000 (NUL)`.
        var name: String { ControlCharacters.name(of: scalar) }
    }

    /// Whether `scalar` is a control character that input may not hold.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// The first control character of `text` and its line and column, or `nil`: a scan of the
    /// UTF-8 bytes (C0 and DEL are single bytes, C1 controls are `C2 80`…`C2 9F`), so clean text,
    /// the usual case, costs one pass and no allocation.
    static func first(in text: String) -> Found? {
        guard let offset = firstByteOffset(in: text.utf8) else { return nil }
        let before = text.utf8.prefix(offset)
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        let line = before.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let column = Substring(text.utf8[lineStart..<before.endIndex]).unicodeScalars.count + 1
        let scalar = Substring(text.utf8[before.endIndex...]).unicodeScalars.first!
        return Found(scalar: scalar, line: line, column: column)
    }

    /// Whether `text` holds a control character.
    static func any(in text: String) -> Bool {
        firstByteOffset(in: text.utf8) != nil
    }

    /// The byte offset of the first control character.
    private static func firstByteOffset(in utf8: String.UTF8View) -> Int? {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Int? in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return index }
                } else if byte == 0x7F {
                    return index
                } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                    return index
                }
                index += 1
            }
            return nil
        }
        if let found = utf8.withContiguousStorageIfAvailable(scan) { return found }
        return Array(utf8).withUnsafeBufferPointer(scan)
    }

    /// `U+0000 (NUL)`, `U+001B (ESC)`, `U+0085`: the code point, and its common name where it has one.
    static func name(of scalar: Unicode.Scalar) -> String {
        let names = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
                     "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"]
        let code = scalar.codePoint
        if scalar.value < 0x20 { return "\(code) (\(names[Int(scalar.value)]))" }
        if scalar.value == 0x7F { return "\(code) (DEL)" }
        return code
    }
}
