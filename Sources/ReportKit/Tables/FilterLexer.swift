/// Splits a `filter:` expression into tokens, each with its place in the text so that an error
/// can point at the token (`page.md:12:27`). `derive:` expressions use it too, in `arithmetic` mode.
///
/// Words are runs of characters other than spaces, quotes, brackets, commas and comparison
/// signs; `"…"` and `'…'` are quoted texts (no escapes: the other quote writes a quote).
/// In `arithmetic` mode, `+ - * /` are operators that also end words, and a word starting with a
/// digit or `.` is a number literal read whole, exponent included (`1e12`, `2.5E-3`).
struct FilterLexer {
    /// One token of a filter expression.
    struct Token: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            /// A bare word: a column name, a value, or one of the keywords `and or not in contains`.
            case word
            /// A quoted text (its `text` is without the quotes).
            case quoted
            /// A comparison sign: `=`, `==`, `!=`, `<>`, `<`, `<=`, `>`, `>=`.
            case comparison
            case openParen, closeParen, openBracket, closeBracket, comma
            /// `+ - * /` (arithmetic mode only).
            case arithmetic
            /// The end of the expression.
            case end
        }

        var kind: Kind
        /// The token's text (a quoted text without its quotes).
        var text: String
        /// Where the token starts and ends in the expression.
        var range: Range<String.Index>
        /// Its first character, counted in Unicode scalars from 0 (what editors count as columns).
        var offset: Int

        /// Whether this is the bare keyword `keyword` (keywords are lowercase).
        func isKeyword(_ keyword: String) -> Bool { kind == .word && text == keyword }

        /// Whether this bare word is one of the grammar's keywords.
        var isAnyKeyword: Bool { kind == .word && FilterLexer.keywords.contains(text) }
    }

    /// Words with a meaning in the grammar; quote a column or value spelt like one.
    static let keywords: Set<String> = ["and", "or", "not", "in", "contains"]

    /// A quote that is never closed, at `offset`.
    struct UnclosedQuote: Error {
        var offset: Int
        var quote: Character
    }

    /// The tokens of `text`, ending with an `.end` token.
    static func tokens(of text: String, arithmetic: Bool = false) throws(UnclosedQuote) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        var offset = 0
        func advance() {
            offset += text[index].unicodeScalars.count
            index = text.index(after: index)
        }
        while index < text.endIndex {
            let character = text[index]
            let start = index
            let startOffset = offset
            if character.isWhitespace {
                advance()
                continue
            }
            if character == "\"" || character == "'" {
                advance()
                let bodyStart = index
                while index < text.endIndex, text[index] != character { advance() }
                guard index < text.endIndex else { throw UnclosedQuote(offset: startOffset, quote: character) }
                let body = String(text[bodyStart..<index])
                advance()
                tokens.append(Token(kind: .quoted, text: body, range: start..<index, offset: startOffset))
                continue
            }
            if let kind = punctuation[character] {
                advance()
                tokens.append(Token(kind: kind, text: String(character), range: start..<index, offset: startOffset))
                continue
            }
            if "=!<>".contains(character) {
                advance()
                if index < text.endIndex, text[index] == "=" || (character == "<" && text[index] == ">") { advance() }
                tokens.append(Token(kind: .comparison, text: String(text[start..<index]), range: start..<index, offset: startOffset))
                continue
            }
            if arithmetic, "+-*/".contains(character) {
                advance()
                tokens.append(Token(kind: .arithmetic, text: String(character), range: start..<index, offset: startOffset))
                continue
            }
            if arithmetic, character.isASCIIDigit || character == "." {
                // A number literal: digits and points, then an exponent with its sign (`1e-12`).
                while index < text.endIndex, text[index].isASCIIDigit || text[index] == "." { advance() }
                if index < text.endIndex, text[index] == "e" || text[index] == "E" {
                    advance()
                    if index < text.endIndex, text[index] == "+" || text[index] == "-" { advance() }
                }
                while index < text.endIndex, !isBreak(text[index]), !"+-*/".contains(text[index]) { advance() }
                tokens.append(Token(kind: .word, text: String(text[start..<index]), range: start..<index, offset: startOffset))
                continue
            }
            while index < text.endIndex, !isBreak(text[index]), !(arithmetic && "+-*/".contains(text[index])) { advance() }
            tokens.append(Token(kind: .word, text: String(text[start..<index]), range: start..<index, offset: startOffset))
        }
        tokens.append(Token(kind: .end, text: "", range: text.endIndex..<text.endIndex, offset: offset))
        return tokens
    }

    private static let punctuation: [Character: Token.Kind] = [
        "(": .openParen, ")": .closeParen, "[": .openBracket, "]": .closeBracket, ",": .comma,
    ]

    /// Whether `character` ends a bare word.
    private static func isBreak(_ character: Character) -> Bool {
        character.isWhitespace || "\"'()[],=!<>".contains(character)
    }
}
