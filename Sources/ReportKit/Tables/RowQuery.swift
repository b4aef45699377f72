/// The row transforms of a directive, applied in this fixed order (the README lists it too):
///
/// 1. `derive` (computed columns, in the order written; each may use the ones before it),
/// 2. `filter` (all conditions must hold; it may use derived columns),
/// 3. `group` (one row per group, with sums, means, minimums, maximums or counts),
/// 4. `latest` (keep the rows holding the column's largest value, e.g. the latest year left),
/// 5. `top` (the n rows with the largest values of a column, in each group of `per`),
/// 6. `sort` (stable; `-column` for descending; missing cells last) and 7. `limit`;
///
/// a chart's `series` then pivots the rows left (`ChartMapping`). Steps 1–3 change the columns:
/// `shaped(_:)` gives the table later steps, the spec's columns and the downloads see.
public struct RowQuery: Sendable, Hashable {
    /// One sort key: a column, ascending unless `descending`.
    public struct SortKey: Sendable, Hashable {
        /// The column sorted on.
        public var column: String
        /// Largest first (written `-column` in specs).
        public var descending: Bool

        /// A sort key on `column`.
        public init(column: String, descending: Bool = false) {
            self.column = column
            self.descending = descending
        }
    }

    /// Computed columns, added in order before anything else.
    public var derive: [DerivedColumn] = []
    /// Conditions that must all hold.
    public var filters: [RowFilter]
    /// Rows summarised per group, after filtering.
    public var group: RowGroup?
    /// Keep only the rows whose cell in this column is the largest left after filtering.
    public var latest: String?
    /// Keep the `n` rows with the largest `by`, overall or per value of `per`.
    public var top: TopRows?
    /// Sort keys, most significant first.
    public var sort: [SortKey]
    /// How many rows to keep after sorting; `nil` keeps all.
    public var limit: Int?

    /// A query; the defaults keep every row in file order.
    public init(filters: [RowFilter] = [], sort: [SortKey] = [], limit: Int? = nil) {
        self.filters = filters
        self.sort = sort
        self.limit = limit
    }

    /// `table` through every step. Row lines follow their rows. Unknown columns match nothing
    /// (check them when parsing).
    public func apply(to table: DataTable) -> DataTable {
        rows(of: shaped(table))
    }

    /// `table` with the derived columns; with `group`, its filtered rows grouped. Without `group`
    /// every row is kept (filtering is left to `rows(of:)`), so a table prints each column with
    /// the decimals of the whole file, not only of the rows shown.
    public func shaped(_ table: DataTable) -> DataTable {
        var result = table
        for column in derive { result = column.adding(to: result) }
        guard let group else { return result }
        return group.apply(to: filtered(result))
    }

    /// The rows of a `shaped(_:)` table left after the later steps (filter, when not grouped;
    /// latest, top, sort, limit).
    public func rows(of table: DataTable) -> DataTable {
        var indices = Array(table.rows.indices)
        if group == nil { indices = matching(indices, in: table) }
        if let latest, let column = table.columnIndex(latest),
           let top = indices.map({ table.rows[$0][column] }).filter({ $0 != .missing }).min(by: { Self.compare($0, $1, descending: true) < 0 }) {
            indices = indices.filter { Self.compare(table.rows[$0][column], top, descending: false) == 0 }
        }
        if let top { indices = top.keep(indices, of: table) }
        let keys = sort.compactMap { key in table.columnIndex(key.column).map { ($0, key.descending) } }
        if !keys.isEmpty {
            indices.sort { a, b in
                for (column, descending) in keys {
                    let order = Self.compare(table.rows[a][column], table.rows[b][column], descending: descending)
                    if order != 0 { return order < 0 }
                }
                return a < b
            }
        }
        if let limit { indices = Array(indices.prefix(max(0, limit))) }
        var result = table
        result.rows = indices.map { table.rows[$0] }
        result.rowLines = indices.map { table.rowLines[$0] }
        return result
    }

    /// The rows of `table` passing every filter.
    func filtered(_ table: DataTable) -> DataTable {
        let indices = matching(Array(table.rows.indices), in: table)
        var result = table
        result.rows = indices.map { table.rows[$0] }
        result.rowLines = indices.map { table.rowLines[$0] }
        return result
    }

    private func matching(_ indices: [Int], in table: DataTable) -> [Int] {
        var indices = indices
        for filter in filters {
            indices = indices.filter { filter.matches(table.rows[$0], in: table) }
        }
        return indices
    }

    /// `top: {n: 15, by: Value, per: Year}`: the `n` rows with the largest `by` (missing cells
    /// last, ties in file order), in each group of rows sharing a `per` value, or overall.
    public struct TopRows: Sendable, Hashable {
        public var n: Int
        public var by: String
        public var per: String?

        public init(n: Int, by: String, per: String? = nil) {
            self.n = n
            self.by = by
            self.per = per
        }

        /// The `indices` of `table` kept, in their order.
        func keep(_ indices: [Int], of table: DataTable) -> [Int] {
            guard let by = table.columnIndex(by) else { return indices }
            let per = per.flatMap { table.columnIndex($0) }
            var groups: [String: [Int]] = [:]
            for index in indices { groups[per.map { table.rows[index][$0].text } ?? "", default: []].append(index) }
            var kept = Set<Int>()
            for members in groups.values {
                let ranked = members.sorted { a, b in
                    let order = RowQuery.compare(table.rows[a][by], table.rows[b][by], descending: true)
                    return order != 0 ? order < 0 : a < b
                }
                kept.formUnion(ranked.prefix(max(0, n)))
            }
            return indices.filter(kept.contains)
        }
    }

    /// -1, 0 or 1; missing cells sort after every value in both directions.
    static func compare(_ a: DataValue, _ b: DataValue, descending: Bool) -> Int {
        let order: Int
        switch (a, b) {
        case (.missing, .missing): return 0
        case (.missing, _): return 1
        case (_, .missing): return -1
        case let (.number(x, _), .number(y, _)): order = x < y ? -1 : x > y ? 1 : 0
        case let (.text(x), .text(y)): order = x < y ? -1 : x > y ? 1 : 0
        case (.number, .text): order = -1
        case (.text, .number): order = 1
        }
        return descending ? -order : order
    }
}
