extension Unicode.Scalar {
    /// The code point as messages name it: `U+0000`, `U+FDD0`, `U+1FFFE` (at least four hex digits).
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
