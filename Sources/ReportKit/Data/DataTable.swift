/// The type of a data column, declared in the data file's `NAME.yml` or inferred from its cells.
public enum ColumnType: String, Sendable, Hashable, CaseIterable {
    case text, integer, number, percent, year, date

    /// Whether cells of this type are numbers (right-aligned in tables, usable on a quantitative axis).
    public var isNumeric: Bool { self == .integer || self == .number || self == .percent }
}

/// One cell of a data table.
public enum DataValue: Sendable, Hashable {
    /// A number, with the count of decimals it was written with (so `12.50` prints as `12.50`).
    case number(Double, decimals: Int)
    case text(String)
    /// An empty cell.
    case missing

    /// The number, or `nil` for text and missing cells.
    public var number: Double? {
        if case let .number(value, _) = self { return value }
        return nil
    }

    /// The cell as the data file wrote it (numbers with their original decimals).
    public var text: String {
        switch self {
        case let .number(value, decimals):
            // From the decimal text, not `%.Nf` of the binary value, which can print float noise.
            guard value.isFinite else { return String(value) }
            return (value < 0 ? "-" : "") + DecimalText(value).fixed(decimals)
        case let .text(text): return text
        case .missing: return ""
        }
    }
}

/// A column of a data table: its name in the file, the label readers see, its type and unit.
public struct DataColumn: Sendable, Hashable {
    /// The column's name in the file's header (or JSON keys).
    public var name: String
    /// What readers see in headers and axis titles (defaults to the name).
    public var label: String
    /// Declared in `NAME.yml`, else inferred from the cells.
    public var type: ColumnType
    /// Unit shown in headers and axis titles, e.g. "trillion yuan" or "%".
    public var unit: String?
    /// The default number format from `NAME.yml`, used by every table and chart showing the column.
    public var format: NumberFormat?
    /// The column's currency (ISO 4217) from `NAME.yml`, when it differs from the file's.
    public var currency: String?

    /// A column; the label defaults to the name.
    public init(name: String, label: String? = nil, type: ColumnType, unit: String? = nil,
                format: NumberFormat? = nil, currency: String? = nil) {
        self.name = name
        self.label = label ?? name
        self.type = type
        self.unit = unit
        self.format = format
        self.currency = currency
    }
}

/// A typed data set loaded from a CSV or JSON file, with the metadata of its `NAME.yml`.
public struct DataTable: Sendable, Hashable {
    /// Path relative to the content folder, e.g. `data/consumer-loans-2023.csv`.
    public var path: String
    /// The `title:` of `NAME.yml`.
    public var title: String?
    /// The `source:` of `NAME.yml`, shown under figures unless the spec overrides it.
    public var source: String?
    /// The `notes:` of `NAME.yml`, shown under figures unless the spec overrides it.
    public var notes: String?
    /// The file-wide unit from `NAME.yml` (`units:`), if any.
    public var units: String?
    /// The data's own licence (`licence:` of `NAME.yml`), when it differs from the site's.
    public var licence: SPDXLicence?
    /// The currency of the file's money columns (ISO 4217, `currency:` in `NAME.yml`).
    public var currency: String?
    /// Named value lists from `NAME.yml` (`lists:`), for filters such as `code not in aggregates`.
    public var lists: [String: [String]] = [:]
    /// Labels written per language and category values' labels (`values:`), from `NAME.yml`;
    /// `shown(with:)` picks a page's language from them.
    public var labels = DataLabels()
    /// Whose conventions its numbers print by (`numberFormat(for:)`); set by `shown(with:)`.
    public var numberLocale: NumberLocale = .western
    /// Columns in file order.
    public var columns: [DataColumn] {
        didSet { positions = Self.positions(of: columns) }
    }
    /// The index of each column by name (the first, should two share one): a lookup costs the same
    /// for a file of 100,000 columns as for one of three.
    private var positions: [String: Int]
    /// Rows of cells, one per column, in file order.
    public var rows: [[DataValue]]
    /// The 1-based line in the data file where each row starts (for diagnostics).
    public var rowLines: [Int]

    /// A table; `rowLines` defaults to one line per row after a header line.
    public init(path: String, title: String? = nil, source: String? = nil, notes: String? = nil,
                columns: [DataColumn], rows: [[DataValue]], rowLines: [Int] = [], units: String? = nil) {
        self.units = units
        self.path = path
        self.title = title
        self.source = source
        self.notes = notes
        self.columns = columns
        self.positions = Self.positions(of: columns)
        self.rows = rows
        self.rowLines = rowLines.isEmpty ? Array(2..<(rows.count + 2)) : rowLines
    }

    /// The column called `name`, if any.
    public func column(_ name: String) -> DataColumn? {
        columnIndex(name).map { columns[$0] }
    }

    /// The index of the column called `name`, if any.
    public func columnIndex(_ name: String) -> Int? {
        positions[name]
    }

    private static func positions(of columns: [DataColumn]) -> [String: Int] {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(columns.count)
        for (index, column) in columns.enumerated() where positions[column.name] == nil { positions[column.name] = index }
        return positions
    }
}
