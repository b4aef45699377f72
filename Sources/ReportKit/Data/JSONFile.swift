import Yams

/// Reads a JSON data file: an array of flat objects, one per row. Keys become columns in the
/// order they are first seen. The JSON is read with Yams (JSON is YAML), which keeps key order,
/// the exact text of numbers (so their decimals) and the line of every value.
enum JSONFile {
    /// The most cells a JSON file may make. Records with different keys make a column for every
    /// key and a cell for every record in each, so a small file could ask for billions.
    static let maxCells = 10_000_000

    static func read(_ text: String, file: String) -> Result<RawTable, Diagnostic> {
        let source: YAMLSource
        do {
            source = try YAMLSource(text, origin: SourceLocation(file: file), what: "JSON data file")
        } catch {
            let bracketHint = "check for a missing ',', quote or closing bracket"
            guard var diagnostic = error.diagnostics.first else {
                return .failure(.error(.invalidJSON, "cannot read JSON", at: SourceLocation(file: file), hint: bracketHint))
            }
            diagnostic.message = diagnostic.message.replacingOccurrences(of: "invalid YAML in JSON data file", with: "invalid JSON")
            if diagnostic.message.hasPrefix("invalid JSON:") { diagnostic.code = .invalidJSON; diagnostic.hint = bracketHint }
            return .failure(diagnostic)
        }
        let hint = "a JSON data file is an array of records: [{\"year\": 2023, \"amount\": 1.5}, ...]"
        guard let root = source.root, case let .sequence(records) = root else {
            return .failure(.error(.invalidJSONRecords, "expected an array of records, found \(source.root?.kindName ?? "nothing")",
                                   at: SourceLocation(file: file), hint: hint))
        }
        var header: [String] = []
        // The keys seen so far: searching the header for each key was quadratic in the columns.
        var known: Set<String> = []
        var headerNodes: [Node] = []
        var rows: [[String?]] = []
        var lines: [Int] = []
        var cellNodes: [[Node?]] = []
        for record in records {
            guard case let .mapping(mapping) = record else {
                return .failure(.error(.invalidJSONRecords, "expected a record (an object), found \(record.kindName)",
                                       at: source.location(of: record), hint: hint))
            }
            var values: [String: Node] = [:]
            for (key, value) in mapping {
                let name = key.scalarText ?? ""
                if case .scalar = value {} else {
                    return .failure(.error(.invalidJSONRecords, "value of '\(name)' is \(value.kindName); records must be flat (numbers, strings, true/false or null)",
                                           at: source.location(of: value),
                                           hint: "give each nested value a key of its own in the record, e.g. \"\(name)_total\": 3, or write it as text in quotes"))
                }
                if known.insert(name).inserted {
                    header.append(name)
                    headerNodes.append(key)
                }
                values[name] = value
            }
            if (rows.count + 1) * header.count > maxCells {
                let count = { (n: Int) in NumberFormat().format(Double(n)) }
                return .failure(.error(.invalidJSONRecords, "the records of this file have \(count(header.count)) different keys: a table of \(count(rows.count + 1)) rows would have more than \(count(maxCells)) cells",
                                       at: source.location(of: record),
                                       hint: "every key becomes a column for every record: give the records the same keys, or split the file"))
            }
            rows.append([])
            cellNodes.append([])
            lines.append(source.location(of: record).line)
            for name in header {
                let node = values[name]
                rows[rows.count - 1].append(node.map { $0.isNull ? "" : ($0.scalarText ?? "") })
                cellNodes[cellNodes.count - 1].append(node)
            }
        }
        // Records seen before a key first appeared lack that column.
        let width = header.count
        rows = rows.map { $0 + Array(repeating: nil, count: width - $0.count) }
        return .success(RawTable(header: header, rows: rows, rowLines: lines, locate: { row, field in
            if row < 0 { return field < headerNodes.count ? source.location(of: headerNodes[field]) : SourceLocation(file: file) }
            if field < cellNodes[row].count, let node = cellNodes[row][field] { return source.location(of: node) }
            return SourceLocation(file: file, line: lines[row], column: 1)
        }))
    }
}
