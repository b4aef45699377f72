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
    /// Han, kana, Hangul and their extensions: the scripts written without spaces between words
    /// (the search index cuts them into bigrams; an `@` after them starts a reference).
    var isWrittenWithoutWordSpaces: Bool {
        switch value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x312F, 0x3130...0x318F, 0x31A0...0x31FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
             0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
