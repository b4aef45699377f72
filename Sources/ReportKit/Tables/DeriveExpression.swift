import Foundation

/// A parsed `derive:` expression, e.g. `Value / 1e12` or `(Exports - Imports) / GDP * 100`.
///
/// It is evaluated in decimal arithmetic (Foundation's `Decimal`, 38 significant digits) from the
/// digits each cell was written with, never from the binary `Double`, so `0.1 + 0.2` is `0.3` and
/// `27360935000000 / 1e12` is `27.360935`. The result is then stored as the nearest `Double`
/// (about 15–17 significant digits) and prints from its shortest decimal text. A missing cell,
/// a division by zero or or a number beyond ±1e100 gives a missing cell, never an error.
indirect enum DeriveExpression: Sendable, Hashable {
    case number(Decimal)
    /// The cell of a numeric (or year) column, by name.
    case column(String)
    case negate(DeriveExpression)
    case binary(DeriveOperator, DeriveExpression, DeriveExpression)

    /// The value for the row `cells` of `table`; `nil` means a missing cell.
    func value(_ cells: [DataValue], in table: DataTable) -> Decimal? {
        switch self {
        case let .number(number):
            return number
        case let .column(name):
            guard let index = table.columnIndex(name), case let .number(value, _) = cells[index], value.isFinite else { return nil }
            return Self.decimal(value)
        case let .negate(inner):
            return inner.value(cells, in: table).map { -$0 }
        case let .binary(op, left, right):
            guard let a = left.value(cells, in: table), let b = right.value(cells, in: table) else { return nil }
            let result: Decimal
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            case .divide:
                guard !b.isZero else { return nil }
                result = a / b
            }
            return result.isNaN ? nil : result
        }
    }

    /// The cell's value for the row: the nearest `Double`, with the decimals of its shortest text.
    func cell(_ cells: [DataValue], in table: DataTable) -> DataValue {
        value(cells, in: table).map(Self.cell) ?? .missing
    }

    /// A decimal result as a cell: the nearest `Double` (read from the decimal's text, not
    /// converted through binary arithmetic), with the decimals of its shortest text.
    static func cell(_ decimal: Decimal) -> DataValue {
        guard !decimal.isNaN, let number = Double(decimal.description), number.isFinite, abs(number) <= largest else { return .missing }
        let text = DecimalText(number)
        return .number(number, decimals: max(0, text.digits.count - 1 - text.exponent))
    }

    /// Results beyond this are missing, like cells beyond it: `Decimal`'s own range ends near 1e165.
    static let largest = 1e100

    /// The exact decimal value of `value`'s shortest text (the digits the data file wrote);
    /// `nil` beyond ±1e100 or below 1e-100 in size, where `Decimal`'s exponent ends.
    static func decimal(_ value: Double) -> Decimal? {
        let text = DecimalText(value)
        guard (-100...100).contains(text.exponent) else { return nil }
        // At most 17 significant digits: they fit a UInt64 exactly.
        let significand = text.digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
        let exponent = text.exponent - (text.digits.count - 1)
        let magnitude = Decimal(sign: .plus, exponent: exponent, significand: Decimal(significand))
        return value < 0 ? -magnitude : magnitude
    }
}

/// An arithmetic operator of a `derive:` expression.
enum DeriveOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// One `derive:` entry: a new column `name` computed for every row from `expression`.
public struct DerivedColumn: Sendable, Hashable {
    /// The new column's name (also its label).
    public var name: String
    /// The expression as written.
    public var text: String
    var expression: DeriveExpression

    /// `table` with this column added at the end (type number), one cell per row.
    func adding(to table: DataTable) -> DataTable {
        var result = table
        result.columns.append(DataColumn(name: name, type: .number))
        for index in result.rows.indices {
            result.rows[index].append(expression.cell(table.rows[index], in: table))
        }
        return result
    }
}
