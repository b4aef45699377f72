/// JSON string literals, safe to embed in an HTML `<script>` element as well.
extension String {
    /// The string as a quoted JSON literal; `<`, `>`, `&`, control characters and the JavaScript
    /// line separators U+2028/U+2029 are written as `\u` escapes, so the result can sit inside
    /// `<script>` without ending it.
    public var jsonStringLiteral: String {
        if !Self.needsJSONEscaping(utf8) { return "\"" + self + "\"" }
        var out = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += Self.unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += Self.unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Whether any byte must be escaped: quote, backslash, `<`, `>`, `&`, a control character, or
    /// the lead byte 0xE2 of U+2028/U+2029 (a few other characters share it and take the slow path).
    static func needsJSONEscaping(_ bytes: String.UTF8View) -> Bool {
        bytes.contains { byte in
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0xE2
        }
    }

    /// `\u` followed by four hex digits.
    static func unicodeEscape(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}
