/// Character references in HTML text and attribute values: the named basics cmark-gfm and our
/// escaping write (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`) and numeric ones. Used to
/// read back generated HTML (the search index's text, the whole report's links) and the
/// attribute values of raw HTML.
enum HTMLEntities {
    /// The entity starting at `index` (`&amp;`, `&#39;`, `&#x6D88;`): its scalar and length in bytes;
    /// `nil` when it is not one we decode (the `&` is then kept as text).
    static func entity(in run: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        let end = min(run.count, index + 12)
        guard let semicolon = run.firstIndex(ofByte: UInt8(ascii: ";"), from: index + 1), semicolon < end else { return nil }
        let name = UnsafeBufferPointer(rebasing: run[(index + 1)..<semicolon])
        guard let scalar = decode(entity: name) else { return nil }
        return (scalar, semicolon + 1 - index)
    }

    /// The named basics cmark-gfm and our escaping write, and numeric references.
    static func decode(entity name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        case let reference where reference.hasPrefix("#"):
            let digits = reference.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        default: return nil
        }
    }

    /// Escaped HTML text or attribute value with its entities decoded (those `entity(in:at:)` knows).
    static func decoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var raw: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "&"), let (scalar, length) = entity(in: bytes, at: offset) {
                raw.append(contentsOf: UTF8.encode(scalar)!)
                offset += length
            } else {
                raw.append(bytes[offset])
                offset += 1
            }
        }
        return String(decoding: raw, as: UTF8.self)
    }

    /// `decoding` of a string.
    static func decoding(_ text: String) -> String {
        guard text.utf8.contains(byte: UInt8(ascii: "&")) else { return text }
        var text = text
        return text.withUTF8 { decoding($0) }
    }
}
