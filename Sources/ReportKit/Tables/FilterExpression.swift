/// A parsed `filter:` expression, e.g. `"Country Code" in [USA, CHN] and Year >= 2000`.
///
/// Column names are checked and values typed when parsing (`FilterParser`), so evaluating
/// cannot fail. Numeric and year columns compare as numbers, text and date columns as text
/// (ISO dates sort correctly as text). A comparison with a missing cell is false, so
/// `not (x = 1)` keeps the rows where `x` is missing.
indirect enum FilterExpression: Sendable, Hashable {
    /// `column op value`.
    case compare(column: String, op: FilterComparison, value: DataValue)
    /// `column in [a, b, …]`.
    case member(column: String, of: FilterValueSet)
    /// `column contains text` (case-sensitive, on the cell as written).
    case contains(column: String, text: String)
    case not(FilterExpression)
    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)

    /// Whether the row `cells` of `table` passes; a column the table lacks matches nothing.
    func matches(_ cells: [DataValue], in table: DataTable) -> Bool {
        switch self {
        case let .compare(column, op, value):
            guard let index = table.columnIndex(column) else { return false }
            return op.holds(cells[index], value)
        case let .member(column, set):
            guard let index = table.columnIndex(column) else { return false }
            return set.contains(cells[index])
        case let .contains(column, text):
            guard let index = table.columnIndex(column), cells[index] != .missing else { return false }
            return cells[index].text.contains(text)
        case let .not(inner):
            return !inner.matches(cells, in: table)
        case let .and(left, right):
            return left.matches(cells, in: table) && right.matches(cells, in: table)
        case let .or(left, right):
            return left.matches(cells, in: table) || right.matches(cells, in: table)
        }
    }
}

/// A comparison sign of a filter.
enum FilterComparison: String, Sendable, Hashable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The sign as written: `==` is `=`, `<>` is `!=`.
    init?(written: String) {
        switch written {
        case "==": self = .equal
        case "<>": self = .notEqual
        default: self.init(rawValue: written)
        }
    }

    /// Whether `cell op value` holds; false for a missing cell or a cell of the other kind.
    func holds(_ cell: DataValue, _ value: DataValue) -> Bool {
        let order: Int
        switch (cell, value) {
        case let (.number(a, _), .number(b, _)): order = a < b ? -1 : a > b ? 1 : 0
        case let (.text(a), .text(b)): order = a < b ? -1 : a > b ? 1 : 0
        default: return false
        }
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}

/// The values of an `in [...]` list, typed like their column: numbers compare by value
/// (`2000` and `2000.0` are one value), texts exactly.
struct FilterValueSet: Sendable, Hashable {
    var numbers: Set<Double> = []
    var texts: Set<String> = []

    mutating func insert(_ value: DataValue) {
        switch value {
        case let .number(number, _): numbers.insert(number)
        case let .text(text): texts.insert(text)
        case .missing: break
        }
    }

    func contains(_ cell: DataValue) -> Bool {
        switch cell {
        case let .number(number, _): return numbers.contains(number)
        case let .text(text): return texts.contains(text)
        case .missing: return false
        }
    }
}
