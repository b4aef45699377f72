import Foundation

/// `group: {by: [Region, Year], sum: Value}`: one row per distinct combination of the `by`
/// columns' values (in order of first appearance), holding those values and one aggregate per
/// aggregated column, which keeps its name (and its label, unit and format, except for `count`).
///
/// Missing cells are skipped, as in SQL: `sum`, `mean`, `min` and `max` use the cells that have
/// a value, and give a missing cell when a group has none; `count` is the number of cells with a
/// value (0 when none). Sums and means are computed in decimal arithmetic from the cells as
/// written (like `derive`), so a sum of cents prints no float noise.
public struct RowGroup: Sendable, Hashable {
    /// How one column of a group is summarised.
    public enum Aggregate: String, Sendable, Hashable, CaseIterable {
        case sum, mean, min, max, count
    }

    /// One aggregated column.
    public struct Measure: Sendable, Hashable {
        public var column: String
        public var aggregate: Aggregate

        public init(column: String, aggregate: Aggregate) {
            self.column = column
            self.aggregate = aggregate
        }
    }

    /// The columns whose values make a group, in the order the result shows them.
    public var by: [String]
    /// The aggregated columns, after the `by` columns, in this order.
    public var measures: [Measure]
    /// The label of a `count` column, `{label}` standing for its column's label (the theme's
    /// `group_count`, e.g. "{label} (count)").
    public var countLabel: String

    public init(by: [String], measures: [Measure], countLabel: String = "{label}") {
        self.by = by
        self.measures = measures
        self.countLabel = countLabel
    }

    /// The grouped table: the `by` columns and the measures, one row per group. Each row's line
    /// is the line of the group's first row in the data file.
    func apply(to table: DataTable) -> DataTable {
        let keys = by.compactMap(table.columnIndex)
        let sources = measures.compactMap { measure in table.columnIndex(measure.column).map { (measure, $0) } }
        var result = table
        result.columns = keys.map { table.columns[$0] } + sources.map { measure, index in column(for: measure, from: table.columns[index]) }
        var order: [[DataValue]] = []
        var members: [[DataValue]: [Int]] = [:]
        for row in table.rows.indices {
            let key = keys.map { table.rows[row][$0] }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(row)
        }
        result.rows = order.map { key in
            let rows = members[key]!
            return key + sources.map { measure, index in Self.aggregate(measure.aggregate, rows.map { table.rows[$0][index] }) }
        }
        result.rowLines = order.map { table.rowLines[members[$0]![0]] }
        return result
    }

    /// The result column of `measure`: the source column, a number (an integer for `count`).
    func column(for measure: Measure, from source: DataColumn) -> DataColumn {
        var column = source
        switch measure.aggregate {
        case .count:
            column = DataColumn(name: source.name, label: InterfaceStrings.fill(countLabel, ["label": source.label]), type: .integer)
        case .mean:
            if column.type == .integer { column.type = .number }
        case .sum, .min, .max:
            break
        }
        return column
    }

    /// The aggregate of `cells`, skipping missing ones.
    static func aggregate(_ aggregate: Aggregate, _ cells: [DataValue]) -> DataValue {
        let present = cells.filter { $0 != .missing }
        switch aggregate {
        case .count:
            return .number(Double(present.count), decimals: 0)
        case .min, .max:
            let ordered = present.sorted { RowQuery.compare($0, $1, descending: false) < 0 }
            return (aggregate == .min ? ordered.first : ordered.last) ?? .missing
        case .sum, .mean:
            let values = present.compactMap { $0.number.flatMap(DeriveExpression.decimal) }
            guard !values.isEmpty else { return .missing }
            var total = Decimal(0)
            for value in values { total += value }
            if aggregate == .mean { total /= Decimal(values.count) }
            return DeriveExpression.cell(total)
        }
    }
}
