/// Turns a `RawTable` (text cells) into a typed `DataTable`, checking the header, the row widths,
/// the yml's column names and every cell against its column's type.
struct DataTyper {
    var raw: RawTable
    var metadata: DataMetadata
    /// Content-relative path of the data file.
    var path: String
    /// The data file as diagnostics name it.
    var file: String
    /// The yml file as diagnostics name it.
    var ymlFile: String

    func table() -> Result<DataTable, DiagnosticList> {
        var problems: [Diagnostic] = []
        let raw = HeaderCheck.withoutEmptyTrailingColumns(self.raw)
        let header = raw.header
        let isJSON = path.lowercased().hasSuffix(".json")
        guard !header.isEmpty else {
            return .failure(DiagnosticList(.error(.emptyDataFile, "data file is empty; expected a header row and at least one data row",
                                                  at: SourceLocation(file: file, line: 1, column: 1),
                                                  hint: isJSON ? "write an array of records, e.g. [{\"year\": 2023, \"amount\": 1.5}]"
                                                               : "write the column names on the first line and a row of values on each line below, e.g. year,amount")))
        }
        guard !raw.rows.isEmpty else {
            return .failure(DiagnosticList(.error(.noDataRows, "data file has a header row but no data rows",
                                                  at: SourceLocation(file: file, line: 1, column: 1),
                                                  hint: "add the values below the header, one row per line, e.g. 2023,1.5")))
        }
        // Lookups by name go through dictionaries: a file may have 100,000 columns, and a search
        // of the header per column made loading quadratic in their number.
        var firstColumn: [String: Int] = [:]
        // Rows one field short of a header with an empty name: the header's fault, said once there.
        let shortWidth = HeaderCheck.widthWithoutEmptyNames(raw)
        firstColumn.reserveCapacity(header.count)
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                let filled = raw.rows.firstIndex { index < $0.count && !($0[index] ?? "").trimmed.isEmpty }
                let extraName = shortWidth.map { HeaderCheck.extraNameHint(raw, rowWidth: $0) }
                problems.append(.error(.emptyColumnName, "column \(index + 1) has an empty name in the header row",
                                       at: raw.locate(-1, index),
                                       hint: extraName ?? filled.map { "give it a name in the header row (line \(raw.locate(-1, 0).line)): it holds values, e.g. '\(raw.rows[$0][index] ?? "")' on line \(raw.rowLines[$0])" }
                                           ?? "give every column a name"))
            } else if let first = firstColumn[name] {
                problems.append(.error(.duplicateColumnName, "duplicate column name '\(name)' (also column \(first + 1))",
                                       at: raw.locate(-1, index), hint: "column names must be unique: rename one of the two in the header row (line \(raw.locate(-1, 0).line))"))
            } else {
                firstColumn[name] = index
            }
        }
        problems += HeaderCheck.fieldCountProblems(raw, skipping: shortWidth)
        for column in metadata.columns where firstColumn[column.name] == nil {
            problems.append(.error(.unknownColumn, "column '\(column.name)' is not in \(path)", at: column.location,
                                   hint: Suggestion.hint(for: column.name, in: header, noun: "a column of the file:")))
        }
        guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }

        var declarations: [String: DataMetadata.Column] = [:]
        for column in metadata.columns where declarations[column.name] == nil { declarations[column.name] = column }
        var columns: [DataColumn] = []
        var typedColumns: [[DataValue]] = []
        for (index, name) in header.enumerated() {
            let declared = declarations[name]
            let texts = raw.rows.map { $0[index] ?? "" }
            let type: ColumnType
            let values: [DataValue]
            var bad: [Int] = []
            if let declaredType = declared?.type {
                type = declaredType
                (values, bad) = CellParser.parseColumn(texts, as: declaredType)
            } else {
                (type, values) = CellParser.inferColumn(texts, name: name)
            }
            if let first = bad.first {
                // Only declared types can fail: inferred ones fall back to text.
                var hint = "column '\(name)' is declared as \(type.rawValue) in \(ymlFile)"
                if bad.count == 2 { hint += "; 1 more cell in this column does not parse either" }
                if bad.count > 2 { hint += "; \(bad.count - 1) more cells in this column do not parse either" }
                problems.append(.error(.invalidCell, "cell '\(texts[first].trimmed)' in column '\(name)' is not \(CellParser.noun(for: type))",
                                       at: raw.locate(first, index), hint: hint))
            }
            if declared?.format?.needsCurrency == true, (declared?.currency ?? metadata.currency) == nil, let declared {
                problems.append(.error(.missingCurrency, "column '\(name)' has format 'currency' but \(ymlFile) names no currency",
                                       at: declared.location, hint: NumberFormat.missingCurrencyHint))
            }
            columns.append(DataColumn(name: name, label: declared?.label, type: type, unit: declared?.unit,
                                      format: declared?.format, currency: declared?.currency))
            typedColumns.append(values)
        }
        guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
        let rows = raw.rows.indices.map { row in typedColumns.map { $0[row] } }
        var table = DataTable(path: path, title: metadata.title, source: metadata.source, notes: metadata.notes,
                              columns: columns, rows: rows, rowLines: raw.rowLines, units: metadata.units)
        table.licence = metadata.licence
        table.lists = metadata.lists
        table.labels = metadata.labels
        let labelProblems = metadata.valueLabelProblems(in: table)
        guard labelProblems.isEmpty else { return .failure(DiagnosticList(labelProblems)) }
        table.currency = metadata.currency
        return .success(table)
    }
}
