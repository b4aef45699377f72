/// One column shown in an HTML table: the data column, an optional header label replacing the
/// column's own, and an optional number format replacing the one its type implies.
public struct TableColumnChoice: Sendable, Hashable {
    /// The data column's name.
    public var column: String
    /// Header text replacing the column's label.
    public var label: String?
    /// Number format replacing the one implied by the column type.
    public var format: NumberFormat?
    /// Print each number with the decimals it was written with (`format: as-written`), for columns
    /// that mix quantities, instead of one count of decimals for the whole column.
    public var keepsWrittenDecimals = false

    /// A shown column; `nil` label and format keep the column's own.
    public init(column: String, label: String? = nil, format: NumberFormat? = nil) {
        self.column = column
        self.label = label
        self.format = format
    }
}
