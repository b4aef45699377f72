/// Finds Markdown character references to Unicode noncharacters (`&#xFDD0;`, `&#64976;`).
///
/// cmark-gfm decodes numeric character references into the characters they name, so a reference
/// is another way to put a noncharacter into a page; the build reserves two of them for its own
/// placeholders (`Token`), and refuses them in text files too (`UTF8Check`). A reference inside a
/// code span is refused as well: it is rare, and the message says what to write instead.
enum NoncharacterReferences {
    /// A diagnostic for the first reference to a noncharacter in `markdown`, whose first line is
    /// line `firstLine` of `file`; `nil` when there is none.
    static func firstProblem(in markdown: String, file: String, firstLine: Int) -> Diagnostic? {
        // Most pages hold no `&#` at all: a byte search answers for them without copying the text.
        guard markdown.utf8.contains(byte: UInt8(ascii: "&")) else { return nil }
        let bytes = Array(markdown.utf8)
        var line = firstLine
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if byte == UInt8(ascii: "&"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "#"),
                      let value = referencedValue(bytes, from: index + 2),
                      let scalar = Unicode.Scalar(value), Noncharacters.contains(scalar) {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return .error(.noncharacter, "character reference to \(scalar.codePoint), a Unicode noncharacter, which cannot be published",
                              at: SourceLocation(file: file, line: line, column: column),
                              hint: "delete it; to show the reference itself as text, write '&amp;#' instead of '&#'")
            }
            index += 1
        }
        return nil
    }

    /// The code point of a reference whose digits start at `start` (after `&#`), as CommonMark
    /// reads them: `x` or `X` and 1–6 hex digits, or 1–7 decimal digits, then `;`.
    static func referencedValue(_ bytes: [UInt8], from start: Int) -> UInt32? {
        var index = start
        var radix: UInt32 = 10
        var maxDigits = 7
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            maxDigits = 6
            index += 1
        }
        var value: UInt32 = 0
        var digits = 0
        while index < bytes.count, digits < maxDigits, let digit = digitValue(bytes[index], radix: radix) {
            value = value * radix + digit
            digits += 1
            index += 1
        }
        guard digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
        return value
    }

    static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
