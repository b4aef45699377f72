extension Character {
    /// Whether this character, standing right before an `@`, glues the `@` to a word, so that
    /// `name@example.org` is an e-mail address and not a reference to `@example`.
    ///
    /// Chinese, Japanese and Korean text puts no space between words, so a CJK character before
    /// `@` does not glue: `见@tbl-modes` and `吴贵鹃@wu2025` are references, as they would be
    /// after a space in English.
    var gluesFollowingAtSign: Bool {
        guard isLetter || isNumber || self == "_" else { return false }
        return !unicodeScalars.contains { $0.isWrittenWithoutWordSpaces }
    }
}

extension Unicode.Scalar {
    /// Han ideographs, kana, Hangul and CJK punctuation: scripts written without spaces between words.
    var isWrittenWithoutWordSpaces: Bool {
        switch value {
        case 0x3000...0x30FF, // CJK symbols and punctuation, Hiragana, Katakana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, // Han
             0x20000...0x2FA1F, // Han, supplementary planes
             0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, // Hangul
             0xFF00...0xFFEF: // full-width forms
            return true
        default:
            return false
        }
    }
}
