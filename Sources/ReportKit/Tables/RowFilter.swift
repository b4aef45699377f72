/// One `filter:` entry of a directive: an expression such as `year >= 2020`,
/// `"Country Code" not in aggregates and Year = 2023` or `(a = 1 or b = 2) and not c contains x`
/// (grammar in `FilterParser`). A directive's several entries must all hold.
public struct RowFilter: Sendable, Hashable {
    /// The filter as written.
    public var text: String
    /// The parsed expression, its columns checked and values typed.
    var expression: FilterExpression

    /// The filter parsed from `text` and checked against `table`'s columns and value lists;
    /// `location` is where its first character is written (errors point at the offending token).
    public init(_ text: String, table: DataTable, location: SourceLocation) throws(DiagnosticList) {
        self.text = text
        expression = try FilterParser.parse(text, table: table, location: location)
    }

    /// Whether the row `cells` of `table` passes this filter.
    public func matches(_ cells: [DataValue], in table: DataTable) -> Bool {
        expression.matches(cells, in: table)
    }
}
