/// One column shown in an HTML table: the data column, an optional header label replacing the
/// column's own, and an optional number format replacing the one its type implies.
public struct TableColumnChoice: Sendable, Hashable {
    public var column: String
    public var label: String?
    public var format: NumberFormat?

    public init(column: String, label: String? = nil, format: NumberFormat? = nil) {
        self.column = column
        self.label = label
        self.format = format
    }
}
