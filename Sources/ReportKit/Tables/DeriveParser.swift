/// Reads a `derive:` expression into a `DeriveExpression`, checking its column names against
/// the data table; every error points at the offending token. It shares the filter's lexer
/// (`FilterLexer`, arithmetic mode), so names are written the same way in both.
///
/// Grammar (`*` and `/` bind tighter than `+` and `-`; all are left-associative):
///
///     sum     := product (("+" | "-") product)*
///     product := unary (("*" | "/") unary)*
///     unary   := "-" unary | "+" unary | "(" sum ")" | number | name
///     number  := digits with an optional fraction and exponent: 100, 0.5, 1e12, 2.5e-3
///     name    := a quoted text, or bare words (several words are read as one, spaces kept)
struct DeriveParser: TokenParsing {
    typealias Token = FilterLexer.Token

    var text: String
    var tokens: [Token]
    var table: DataTable
    var location: SourceLocation
    var position = 0
    var depth = 0

    /// How deeply parentheses and signs may nest (a guard against a stack overflow).
    static let maxDepth = 64

    static let syntaxCode = DiagnosticCode.invalidDerive
    static let endName = "the end of the expression"
    static let textName = ""
    static let arithmetic = true
    static let syntaxHint = "write arithmetic like \"Value / 1e12\" or \"(Exports - Imports) / GDP * 100\": numbers, column names "
        + "(quoted when they hold a sign or start with a digit), + - * / and parentheses"

    /// Parses `text` (written at `location`) against `table`'s columns.
    static func parse(_ text: String, table: DataTable, location: SourceLocation) throws(DiagnosticList) -> DeriveExpression {
        var parser = DeriveParser(text: text, tokens: try tokens(of: text, at: location), table: table, location: location)
        let expression = try parser.sum()
        guard parser.current.kind == .end else {
            throw parser.failure("unexpected \(Self.describe(parser.current)) in '\(text)'", at: parser.current,
                                 hint: "join values with + - * /, and quote a column name that holds a sign or a bracket")
        }
        return expression
    }

    mutating func sum() throws(DiagnosticList) -> DeriveExpression {
        var result = try product()
        while current.kind == .arithmetic, current.text == "+" || current.text == "-" {
            let op: DeriveOperator = take().text == "+" ? .add : .subtract
            result = .binary(op, result, try product())
        }
        return result
    }

    mutating func product() throws(DiagnosticList) -> DeriveExpression {
        var result = try unary()
        while current.kind == .arithmetic, current.text == "*" || current.text == "/" {
            let op: DeriveOperator = take().text == "*" ? .multiply : .divide
            result = .binary(op, result, try unary())
        }
        return result
    }

    mutating func unary() throws(DiagnosticList) -> DeriveExpression {
        let token = current
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            throw failure("'\(text)' nests parentheses or signs more than \(Self.maxDepth) deep", at: token, hint: "write the expression more simply")
        }
        if token.kind == .arithmetic, token.text == "-" || token.text == "+" {
            _ = take()
            let inner = try unary()
            return token.text == "-" ? .negate(inner) : inner
        }
        if token.kind == .openParen {
            _ = take()
            let inner = try sum()
            guard current.kind == .closeParen else {
                throw failure("expected ')' to close the '(' at column \(FilterParser.place(token.offset, in: text, location).column), found \(Self.describe(current))",
                              at: current)
            }
            _ = take()
            return inner
        }
        if token.kind == .word, let first = token.text.first, first.isASCIIDigit || first == "." {
            _ = take()
            guard let number = CellParser.number(token.text), let decimal = DeriveExpression.decimal(number.value) else {
                throw failure("'\(token.text)' is not a number", at: token, hint: "write numbers like 100, 0.5 or 1e12; quote a column name that starts with a digit")
            }
            return .number(decimal)
        }
        guard token.kind == .word || token.kind == .quoted else {
            throw failure("expected a number, a column name or '(' in '\(text)', found \(Self.describe(token))", at: token)
        }
        var last = take()
        if token.kind == .word {
            while current.kind == .word, current.text.first.map({ !$0.isASCIIDigit && $0 != "." }) ?? false { last = take() }
        }
        let name = token.kind == .quoted ? token.text : String(text[token.range.lowerBound..<last.range.upperBound])
        guard let column = table.column(name) else {
            throw failure("unknown column '\(name)' in '\(text)'", at: token, code: .unknownColumn,
                          hint: Suggestion.hint(for: name, in: table.columns.map(\.name), noun: "a column of \(table.path):")
                              ?? "quote a column name that holds a sign or a bracket")
        }
        guard column.type.isNumeric || column.type == .year else {
            throw failure("column '\(column.name)' is \(column.type.rawValue); 'derive' computes with numbers", at: token, code: .columnNotNumeric,
                          hint: "use numeric columns, or declare the column's type in the data file's yml")
        }
        return .column(column.name)
    }
}
