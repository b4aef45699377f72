/// Escaping for HTML and SVG text and attribute values. Everything that comes from content,
/// front matter or data passes through here before it reaches the output.
extension String {
    /// The string with `& < > " '` replaced by entities, and Unicode noncharacters by character
    /// references: safe in element text and in quoted attributes, in HTML and in SVG/XML alike.
    public var htmlEscaped: String {
        // Bytes, not Characters: `"` followed by a combining mark is one Character that is not `"`,
        // and a Character test let it through unescaped (out of a quoted attribute).
        // 0xEF and above lead the code points that may be noncharacters (written as references, so
        // that a value can never forge the build's placeholders: see `Token`).
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 >= 0xEF }) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where Noncharacters.contains(scalar): out += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
