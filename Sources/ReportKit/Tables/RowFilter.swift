/// One `filter:` condition of a directive, `column op value`, e.g. `year >= 2020`.
///
/// Numeric and year columns compare as numbers; text and date columns compare as text
/// (ISO dates sort correctly as text). Missing cells never match.
public struct RowFilter: Sendable, Hashable {
    /// The comparison: `=`, `!=`, `<`, `<=`, `>`, `>=` (`==` is read as `=`).
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// The filter as written.
    public var text: String
    /// The column compared.
    public var column: String
    /// How the cell is compared with `value`.
    public var op: Operator
    /// The value to compare with: a number for numeric and year columns, else text.
    public var value: DataValue

    /// The filter parsed from `text` and checked against `table`'s columns; errors at `location`.
    public init(_ text: String, table: DataTable, location: SourceLocation) throws(DiagnosticList) {
        self.text = text
        let syntaxHint = "write a comparison like \"year >= 2020\" or \"product = Huabei\" (operators: = != < <= > >=)"
        guard let opStart = text.firstIndex(where: { "<>=!".contains($0) }) else {
            throw DiagnosticList(.error(.invalidFilter, "cannot read filter '\(text)'", at: location, hint: syntaxHint))
        }
        var opEnd = text.index(after: opStart)
        if opEnd < text.endIndex, text[opEnd] == "=" { opEnd = text.index(after: opEnd) }
        var opText = String(text[opStart..<opEnd])
        if opText == "==" { opText = "=" }
        column = String(text[..<opStart]).trimmed
        var rawValue = String(text[opEnd...]).trimmed
        if rawValue.count >= 2, let first = rawValue.first, first == "'" || first == "\"", rawValue.last == first {
            rawValue = String(rawValue.dropFirst().dropLast())
        }
        guard let op = Operator(rawValue: opText), !column.isEmpty, !rawValue.isEmpty else {
            throw DiagnosticList(.error(.invalidFilter, "cannot read filter '\(text)'", at: location, hint: syntaxHint))
        }
        self.op = op
        guard let column = table.column(column) else {
            throw DiagnosticList(.error(.unknownColumn, "unknown column '\(self.column)' in filter '\(text)'", at: location,
                                        hint: Suggestion.hint(for: self.column, in: table.columns.map(\.name), noun: "a column of \(table.path):")))
        }
        switch column.type {
        case .integer, .number, .percent, .year:
            let body = column.type == .percent && rawValue.hasSuffix("%") ? String(rawValue.dropLast()) : rawValue
            guard let (number, decimals) = CellParser.number(body) else {
                throw DiagnosticList(.error(.filterValueType, "filter value '\(rawValue)' is not a number, but column '\(column.name)' is \(column.type.rawValue)",
                                            at: location, hint: "compare the column with a number, e.g. \"\(column.name) >= 100\""))
            }
            value = .number(number, decimals: decimals)
        case .date:
            guard ISODate.daysSince1970(rawValue) != nil else {
                throw DiagnosticList(.error(.filterValueType, "filter value '\(rawValue)' is not a date (yyyy-mm-dd), but column '\(column.name)' is date",
                                            at: location, hint: "write the date as yyyy-mm-dd, e.g. \"\(column.name) >= 2020-01-01\""))
            }
            value = .text(rawValue)
        case .text:
            value = .text(rawValue)
        }
    }

    /// Whether `cell` passes this filter.
    public func matches(_ cell: DataValue) -> Bool {
        let order: Int
        switch (cell, value) {
        case let (.number(a, _), .number(b, _)): order = a < b ? -1 : a > b ? 1 : 0
        case let (.text(a), .text(b)): order = a < b ? -1 : a > b ? 1 : 0
        default: return false
        }
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}
