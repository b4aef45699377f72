/// Writes a table as CSV (for JSON data files, which are published as CSV downloads).
enum CSVExport {
    static func bytes(of table: DataTable) -> [UInt8] {
        var lines = [table.columns.map { field($0.name) }.joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map { field($0.text) }.joined(separator: ","))
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// One field, quoted when it holds a comma, quote, line break or edge spaces.
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
