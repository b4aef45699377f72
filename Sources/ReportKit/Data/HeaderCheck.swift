/// The header and row-width rules of a data file, which real exports stretch: a header or rows
/// ending in a comma (an empty, unnamed last column), and one mistake repeated on every row.
enum HeaderCheck {
    /// `raw` without trailing columns that have neither a name nor a value in any row, and without
    /// empty fields past the header's end: a header `year,anomaly,` over rows `1850,-0.42` (or rows
    /// `1850,-0.42,` under `year,anomaly`) reads as two columns. Nothing is lost: those cells are empty.
    static func withoutEmptyTrailingColumns(_ raw: RawTable) -> RawTable {
        var width = raw.header.count
        func isBlank(_ cell: String??) -> Bool { (cell ?? nil)?.trimmed.isEmpty ?? true }
        while width > 1, raw.header[width - 1].isEmpty,
              raw.rows.allSatisfy({ row in width - 1 >= row.count || isBlank(row[width - 1]) }) {
            width -= 1
        }
        var result = raw
        result.header = Array(raw.header.prefix(width))
        result.rows = raw.rows.map { row in
            guard row.count > width, row[width...].allSatisfy({ isBlank($0) }) else { return row }
            return Array(row.prefix(width))
        }
        return result
    }

    /// The width rows have when the header has an empty name too many (`Year,,Anomaly` over
    /// `1850,-0.42`): then the header is at fault, and reported once; `nil` when no row has it.
    static func widthWithoutEmptyNames(_ raw: RawTable) -> Int? {
        let empty = raw.header.filter(\.isEmpty).count
        guard empty > 0 else { return nil }
        let width = raw.header.count - empty
        return raw.rows.contains { $0.count == width } ? width : nil
    }

    /// The hint for a header with more names than its rows have fields, some of them empty.
    static func extraNameHint(_ raw: RawTable, rowWidth: Int) -> String {
        let empty = raw.header.count - rowWidth
        return "the header row has \(raw.header.count) names, \(empty == 1 ? "one" : String(empty)) of them empty, and the rows have "
            + "\(rowWidth) fields: remove the extra comma from the header row (line \(raw.locate(-1, 0).line))"
    }

    /// One diagnostic per kind of width mistake, however many rows make it: "expected 3 fields from
    /// the header, got 2 on 820 rows (lines 5, 6, 7, …)", at the first such row.
    /// Rows of `skipping` fields are left out (their problem is reported at the header).
    static func fieldCountProblems(_ raw: RawTable, skipping: Int? = nil) -> [Diagnostic] {
        let expected = raw.header.count
        var rowsByCount: [Int: [Int]] = [:]
        for (row, cells) in raw.rows.enumerated() where cells.count != expected && cells.count != skipping {
            rowsByCount[cells.count, default: []].append(row)
        }
        return rowsByCount.keys.sorted().map { got in
            let rows = rowsByCount[got]!
            let first = rows[0]
            let cells = raw.rows[first]
            var message = "expected \(expected) fields from the header, got \(got)"
            if rows.count > 1 {
                let lines = rows.prefix(3).map { String(raw.rowLines[$0]) }.joined(separator: ", ")
                message += " on \(rows.count) rows (lines \(lines)\(rows.count > 3 ? ", …" : ""))"
            }
            let spansLines = cells.contains { $0?.contains(where: \.isNewline) == true }
            let hint: String
            if spansLines {
                hint = "a quoted field of this row runs over several lines; is a closing quote (\") missing?"
            } else if rows.count == raw.rows.count {
                hint = "every row has \(got) fields: check the header row (line \(raw.locate(-1, 0).line)) for a missing or extra name"
            } else {
                hint = "quote fields that contain commas: \"1,234\""
            }
            return .error(.wrongFieldCount, message, at: raw.locate(first, got > expected ? expected : 0), hint: hint)
        }
    }
}
