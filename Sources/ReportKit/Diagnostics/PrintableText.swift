/// Text made safe to print on a terminal: diagnostics quote file names and content values, and
/// a name or value holding escape codes could otherwise clear the screen, move the cursor or
/// print a fake "build succeeded". `Diagnostic.description` passes every part through here.
enum PrintableText {
    /// `text` with every character a terminal would act on, rather than show, written as an
    /// escape: `\n`, `\r`, `\t`, else `\u{1B}` (C0 and C1 controls, DEL, the line and paragraph
    /// separators, and the invisible bidirectional-text controls that make text read differently
    /// than it is).
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: mayStartUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isUnsafe(scalar) {
                    out += "\\u{" + hex(scalar.value) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether a terminal acts on this character instead of showing it (see `escaped`).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true          // C0, DEL, C1
        case 0x2028, 0x2029: return true                    // line and paragraph separators
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true // bidirectional controls
        default: return false
        }
    }

    /// Whether a UTF-8 byte can begin an unsafe character: a C0 control or DEL, or the lead byte
    /// of C1 controls (0xC2), of U+061C (0xD8) or of the U+20xx controls (0xE2). Most text has
    /// none and is returned as it is.
    static func mayStartUnsafe(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    /// Upper-case hexadecimal, at least two digits: `1B`, `202E`.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
