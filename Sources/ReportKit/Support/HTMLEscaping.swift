/// Escaping for HTML and SVG text and attribute values. Everything that comes from content,
/// front matter or data passes through here before it reaches the output.
extension String {
    /// The string with `& < > " '` replaced by entities: safe in element text and in quoted attributes,
    /// in HTML and in SVG/XML alike.
    public var htmlEscaped: String {
        guard contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
