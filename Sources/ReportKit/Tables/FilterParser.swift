/// Reads a `filter:` expression into a `FilterExpression`, checking column names and typing
/// values against the data table; every error points at the offending token.
///
/// Grammar (keywords lowercase; `and` binds tighter than `or`, `not` tighter than both):
///
///     expression := and-term ("or" and-term)*
///     and-term   := factor ("and" factor)*
///     factor     := "not" factor | "(" expression ")" | condition
///     condition  := name sign value | name ["not"] "in" list | name "contains" value
///     list       := "[" value ("," value)* "]" | list-name from the data file's yml `lists:`
///     name/value := a quoted text, or bare words (several words are read as one, spaces kept)
struct FilterParser: TokenParsing {
    typealias Token = FilterLexer.Token

    var text: String
    var tokens: [Token]
    var table: DataTable
    /// Where the expression's first character is written.
    var location: SourceLocation
    var position = 0
    var depth = 0

    /// How deeply parentheses and `not` may nest (a guard against a stack overflow).
    static let maxDepth = 64

    static let syntaxCode = DiagnosticCode.invalidFilter
    static let endName = "the end of the filter"
    static let textName = "filter "
    static let arithmetic = false
    static let syntaxHint = "write conditions like \"Year >= 2000\" or \"Country Code\" in [USA, CHN], joined with and, or, not "
        + "and parentheses (signs: = != < <= > >=; also not in, contains); quote a name or value that is a keyword"

    /// Parses `text` (written at `location`) against `table`'s columns and `lists`.
    static func parse(_ text: String, table: DataTable, location: SourceLocation) throws(DiagnosticList) -> FilterExpression {
        var parser = FilterParser(text: text, tokens: try tokens(of: text, at: location), table: table, location: location)
        let expression = try parser.expression()
        let next = parser.current
        guard next.kind == .end else {
            throw parser.failure("unexpected '\(next.text)' after a complete condition in filter '\(text)'", at: next,
                                 hint: "join conditions with 'and' or 'or', and quote a value that holds a keyword or sign")
        }
        return expression
    }

    /// The location of the character `offset` scalars into `text` (the text's own location when it spans lines).
    static func place(_ offset: Int, in text: String, _ location: SourceLocation) -> SourceLocation {
        guard !text.contains(where: \.isNewline) else { return location }
        var shifted = location
        shifted.column = max(1, location.column) + offset
        return shifted
    }

    mutating func expression() throws(DiagnosticList) -> FilterExpression {
        var result = try andTerm()
        while current.isKeyword("or") {
            _ = take()
            result = .or(result, try andTerm())
        }
        return result
    }

    mutating func andTerm() throws(DiagnosticList) -> FilterExpression {
        var result = try factor()
        while current.isKeyword("and") {
            _ = take()
            result = .and(result, try factor())
        }
        return result
    }

    mutating func factor() throws(DiagnosticList) -> FilterExpression {
        let token = current
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            throw failure("filter '\(text)' nests parentheses or 'not' more than \(Self.maxDepth) deep", at: token,
                          hint: "write the condition more simply")
        }
        if token.isKeyword("not") {
            _ = take()
            return .not(try factor())
        }
        if token.kind == .openParen {
            _ = take()
            let inner = try expression()
            guard current.kind == .closeParen else {
                throw failure("expected ')' to close the '(' at column \(Self.place(token.offset, in: text, location).column), found \(Self.describe(current))",
                              at: current)
            }
            _ = take()
            return inner
        }
        return try condition()
    }

    mutating func condition() throws(DiagnosticList) -> FilterExpression {
        guard let (name, nameToken) = phrase() else {
            throw failure("expected a column name in filter '\(text)', found \(Self.describe(current))", at: current)
        }
        guard let column = table.column(name) else {
            if let (known, next) = knownPrefix(of: nameToken) {
                throw failure("expected a sign (= != < <= > >=), 'in', 'not in' or 'contains' after column '\(known)', found '\(next.text)'", at: next)
            }
            throw failure("unknown column '\(name)' in filter '\(text)'", at: nameToken, code: .unknownColumn,
                          hint: Suggestion.hint(for: name, in: table.columns.map(\.name), noun: "a column of \(table.path):")
                              ?? "quote a column name that holds a keyword (and, or, not, in, contains)")
        }
        let sign = current
        if sign.kind == .comparison {
            _ = take()
            guard let op = FilterComparison(written: sign.text) else {
                throw failure("unknown sign '\(sign.text)' in filter '\(text)'", at: sign)
            }
            let (raw, valueToken) = try value(after: sign)
            return .compare(column: column.name, op: op, value: try typed(raw, column: column, at: valueToken))
        }
        if sign.isKeyword("contains") {
            _ = take()
            let (raw, _) = try value(after: sign)
            return .contains(column: column.name, text: raw)
        }
        var negated = false
        if sign.isKeyword("not") {
            _ = take()
            negated = true
            guard current.isKeyword("in") else {
                throw failure("expected 'in' after 'not' in filter '\(text)', found \(Self.describe(current))", at: current)
            }
        }
        if current.isKeyword("in") {
            let set = try list(after: take(), column: column)
            let member = FilterExpression.member(column: column.name, of: set)
            return negated ? .not(member) : member
        }
        throw failure("expected a sign (= != < <= > >=), 'in', 'not in' or 'contains' after column '\(column.name)', found \(Self.describe(sign))", at: sign)
    }

    /// A name or value: one quoted text, or a run of bare words that are not keywords (read with
    /// the spaces between them as written); `nil` when the next token is neither.
    mutating func phrase() -> (String, Token)? {
        let first = current
        if first.kind == .quoted {
            _ = take()
            return (first.text, first)
        }
        guard first.kind == .word, !first.isAnyKeyword else { return nil }
        var last = take()
        while current.kind == .word, !current.isAnyKeyword { last = take() }
        return (String(text[first.range.lowerBound..<last.range.upperBound]), first)
    }

    /// The longest run of words starting at `first` that names a column, and the word after it,
    /// when a phrase is not a column but begins with one (`year 2020`: a sign is missing).
    func knownPrefix(of first: Token) -> (String, Token)? {
        guard first.kind == .word, let start = tokens.firstIndex(of: first) else { return nil }
        var end = start
        while tokens[end + 1].kind == .word, !tokens[end + 1].isAnyKeyword { end += 1 }
        for last in stride(from: end - 1, through: start, by: -1) {
            let name = String(text[first.range.lowerBound..<tokens[last].range.upperBound])
            if table.column(name) != nil { return (name, tokens[last + 1]) }
        }
        return nil
    }

    mutating func value(after sign: Token) throws(DiagnosticList) -> (String, Token) {
        guard let found = phrase() else {
            throw failure("expected a value after '\(sign.text)' in filter '\(text)', found \(Self.describe(current))", at: current)
        }
        return found
    }

    /// `[a, b, …]` or the name of a list in the data file's yml.
    mutating func list(after keyword: Token, column: DataColumn) throws(DiagnosticList) -> FilterValueSet {
        var set = FilterValueSet()
        if current.kind == .openBracket {
            _ = take()
            while true {
                let (raw, token) = try value(after: tokens[position - 1])
                set.insert(try typed(raw, column: column, at: token))
                let next = take()
                if next.kind == .closeBracket { return set }
                guard next.kind == .comma else {
                    throw failure("expected ',' or ']' in the list of filter '\(text)', found \(Self.describe(next))", at: next,
                                  hint: "write a list as [USA, CHN, \"United Kingdom\"]")
                }
            }
        }
        let token = current
        guard token.kind == .word, !token.isAnyKeyword else {
            throw failure("expected a list like [USA, CHN] or the name of a list after '\(keyword.text)', found \(Self.describe(token))", at: token,
                          hint: "write the values in brackets, or name a list written under 'lists:' in the data file's yml")
        }
        _ = take()
        guard let values = table.lists[token.text] else {
            let known = table.lists.keys.sorted()
            throw failure("unknown list '\(token.text)' in filter '\(text)'", at: token, code: .unknownValueList,
                          hint: Suggestion.hint(for: token.text, in: known, noun: "a list of \(table.path):")
                              ?? "write the values in brackets, e.g. [USA, CHN], or add the list to the data file's yml: lists: {\(token.text): [USA, CHN]}")
        }
        for raw in values { set.insert(try typed(raw, column: column, at: token, list: token.text)) }
        return set
    }

    /// `raw` as a value of `column`'s type, or an error at `token`.
    func typed(_ raw: String, column: DataColumn, at token: Token, list: String? = nil) throws(DiagnosticList) -> DataValue {
        let what = list.map { "value '\(raw)' of list '\($0)'" } ?? "filter value '\(raw)'"
        switch column.type {
        case .integer, .number, .percent, .year:
            let body = column.type == .percent && raw.hasSuffix("%") ? String(raw.dropLast()) : raw
            guard let (number, decimals) = CellParser.number(body) else {
                throw failure("\(what) is not a number, but column '\(column.name)' is \(column.type.rawValue)", at: token, code: .filterValueType,
                              hint: "compare the column with a number, e.g. \"\(column.name) >= 100\"")
            }
            return .number(number, decimals: decimals)
        case .date:
            guard ISODate.daysSince1970(raw) != nil else {
                throw failure("\(what) is not a date (yyyy-mm-dd), but column '\(column.name)' is date", at: token, code: .filterValueType,
                              hint: "write the date as yyyy-mm-dd, e.g. \"\(column.name) >= 2020-01-01\"")
            }
            return .text(raw)
        case .text:
            return .text(raw)
        }
    }
}
