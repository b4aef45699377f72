/// What the `filter:` and `derive:` parsers share: a position in the tokens of `text` (from
/// `FilterLexer`), taking tokens, and errors placed at the token they are about.
protocol TokenParsing {
    var text: String { get }
    var tokens: [FilterLexer.Token] { get }
    /// Where the expression's first character is written.
    var location: SourceLocation { get }
    var position: Int { get set }

    /// The code of a syntax error, and the hint it gets unless a more precise one is given.
    static var syntaxCode: DiagnosticCode { get }
    static var syntaxHint: String { get }
    /// How messages name the end of the text ("the end of the filter").
    static var endName: String { get }
    /// How messages name the whole text before it is quoted ("filter " or nothing).
    static var textName: String { get }
    /// Whether `+ - * /` are operators (`FilterLexer`'s arithmetic mode).
    static var arithmetic: Bool { get }
}

extension TokenParsing {
    /// The tokens of `text`, written at `location`; an unclosed quote is an error at the quote.
    static func tokens(of text: String, at location: SourceLocation) throws(DiagnosticList) -> [FilterLexer.Token] {
        do {
            return try FilterLexer.tokens(of: text, arithmetic: arithmetic)
        } catch {
            throw DiagnosticList(.error(syntaxCode, "quote \(error.quote) is never closed in \(textName)'\(text)'",
                                        at: FilterParser.place(error.offset, in: text, location), hint: "close the quoted text with \(error.quote)"))
        }
    }

    var current: FilterLexer.Token { tokens[position] }

    /// The current token, moving past it (never past the `.end` token).
    mutating func take() -> FilterLexer.Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// An error at `token`'s place in the page.
    func failure(_ message: String, at token: FilterLexer.Token, code: DiagnosticCode = Self.syntaxCode, hint: String? = nil) -> DiagnosticList {
        DiagnosticList(.error(code, message, at: FilterParser.place(token.offset, in: text, location), hint: hint ?? Self.syntaxHint))
    }

    /// How a token is named in messages.
    static func describe(_ token: FilterLexer.Token) -> String {
        token.kind == .end ? endName : "'\(token.text)'"
    }
}
