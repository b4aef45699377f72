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
        func needsEscape(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte >= 0xEF }
        // Scanned as a buffer where the bytes are at hand (a native string): a few instructions a byte.
        let needed = utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscape) } ?? utf8.contains(where: needsEscape)
        guard needed else { return self }
        // Runs of plain bytes are copied at once (a page's JSON-LD and citation text are full of quotes).
        var text = self
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 4 + 16)
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsEscape(byte) else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                var length = 1
                switch byte {
                case 0x26: out += "&amp;".utf8
                case 0x3C: out += "&lt;".utf8
                case 0x3E: out += "&gt;".utf8
                case 0x22: out += "&quot;".utf8
                case 0x27: out += "&#39;".utf8
                default:
                    // A lead byte of U+F000 and above (valid UTF-8: 0xEF to 0xF4).
                    length = min(byte == 0xEF ? 3 : 4, bytes.count - index)
                    let sequence = UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])
                    let scalar = String(decoding: sequence, as: UTF8.self).unicodeScalars.first!
                    if Noncharacters.contains(scalar) {
                        out += "&#x\(String(scalar.value, radix: 16, uppercase: true));".utf8
                    } else {
                        out.append(contentsOf: sequence)
                    }
                }
                index += length
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
