/// A data file's cells as text, before typing: what the CSV and JSON readers produce.
struct RawTable {
    /// Column names in file order.
    var header: [String]
    /// One text cell per column for each data row (`nil` where a JSON record lacks the key).
    var rows: [[String?]]
    /// The 1-based line where each row starts.
    var rowLines: [Int]
    /// The location of field `field` of row `row` (row `-1` is the header), for diagnostics.
    var locate: (_ row: Int, _ field: Int) -> SourceLocation
}
