/// How the numbers of one column print: the one place that settles a column's format for
/// tables and charts alike.
extension DataTable {
    /// The format for `column`'s numbers: `explicit` (a spec's `format`), else the column's
    /// `format` from `NAME.yml`, else its type's (percent with `%`, others with separators);
    /// with the column's (or file's) currency filled in, no thousands separators for a year
    /// column, and percentage points marked for a percent column.
    public func numberFormat(for column: DataColumn, explicit: NumberFormat? = nil) -> NumberFormat {
        var format = explicit ?? column.format ?? (column.type == .percent ? NumberFormat(.percent) : NumberFormat(.number))
        if let code = column.currency ?? currency { format.currency = numberLocale.currency(for: code) ?? CurrencyCode.currency(for: code) }
        format.locale = numberLocale
        format.grouping = format.grouping && column.type != .year
        format.percentPoints = column.type == .percent
        return format
    }
}
