/// Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE,
/// U+FFFF, U+1FFFE, …): code points reserved for a program's internal use and "not for
/// interchange". HTML treats them as a parse error. The build uses two of them to delimit its own
/// placeholders (`Token`), so input may not contain them: text files holding one are refused, and
/// values that reach HTML through escaping are written as character references.
public enum Noncharacters {
    /// Whether `scalar` is a noncharacter.
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// The byte offset and scalar of the first noncharacter in valid UTF-8 `bytes`, or `nil`.
    /// Scans bytes: only the lead bytes 0xEF (U+F000–U+FFFF) and 0xF0–0xF4 (planes 1–16) can start one.
    public static func first(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, scalar: Unicode.Scalar)? {
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            if lead >= 0xEF {
                let length = lead == 0xEF ? 3 : 4
                if offset + length <= bytes.count {
                    var value = UInt32(lead & (length == 3 ? 0x0F : 0x07))
                    for next in 1..<length { value = value << 6 | UInt32(bytes[offset + next] & 0x3F) }
                    if let scalar = Unicode.Scalar(value), contains(scalar) { return (offset, scalar) }
                }
            }
            offset += 1
        }
        return nil
    }
}
