import CSV

/// Reads CSV text (RFC 4180: quoted fields, embedded commas and line breaks, CRLF) with
/// CSV.swift, and keeps track of the line where each row starts.
enum CSVFile {
    /// The rows of `text` (already UTF-8-decoded, without byte-order mark). The first row is the header.
    /// Blank lines are skipped. `file` is how diagnostics name the file.
    static func read(_ text: String, file: String) -> Result<RawTable, Diagnostic> {
        if let found = ControlCharacters.first(in: text) {
            return .failure(.error(.controlCharacter, "control character \(found.name) in the data file",
                                   at: SourceLocation(file: file, line: found.line, column: found.column),
                                   hint: "control characters cannot appear in a page; remove it (it often comes from a damaged export, "
                                       + "or a binary file saved as CSV)"))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            return .failure(.error(.invalidCSV, "cannot read CSV: \(error)", at: SourceLocation(file: file),
                                   hint: "save the file as CSV text: a header row of column names, then one row of values per line"))
        }
        var records: [[String]] = []
        var lines: [Int] = []
        var line = 1
        while let row = reader.next() {
            let isBlank = row.count == 1 && row[0].trimmed.isEmpty
            if !isBlank {
                records.append(row)
                lines.append(line)
            }
            line += 1 + row.reduce(0) { $0 + lineBreaks(in: $1) }
        }
        let locator = LazyFieldLocator(text: text, file: file)
        let header = records.first ?? []
        return .success(RawTable(
            header: header.map(\.trimmed),
            rows: records.dropFirst().map { $0.map { Optional($0) } },
            rowLines: Array(lines.dropFirst()),
            locate: { row, field in locator.location(line: row < 0 ? (lines.first ?? 1) : lines[row + 1], field: field) }))
    }

    /// Line breaks inside a (quoted) field: LF, CRLF or a lone CR each count once.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\n" { count += previousCR ? 0 : 1 } else if scalar == "\r" { count += 1 }
            previousCR = scalar == "\r"
        }
        return count
    }
}
