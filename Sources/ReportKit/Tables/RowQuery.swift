/// The row transforms of a directive, applied in this order: `filter` (all conditions must hold),
/// `latest` (keep the rows holding the column's largest value, e.g. the latest year left),
/// `top` (the n rows with the largest values of a column, in each group of `per`),
/// `sort` (stable; `-column` for descending; missing cells last) and `limit`.
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

    /// Conditions that must all hold.
    public var filters: [RowFilter]
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

    /// `table` with only the rows that pass every filter, sorted, then cut to `limit`.
    /// Row lines follow their rows. Unknown columns match nothing (check them when parsing).
    public func apply(to table: DataTable) -> DataTable {
        var indices = Array(table.rows.indices)
        for filter in filters {
            indices = indices.filter { filter.matches(table.rows[$0], in: table) }
        }
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
