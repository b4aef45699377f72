/// Builds the `FieldLocator` only when a diagnostic needs it (it copies the text's scalars), and
/// keeps the field positions of each row it was asked about, so that any number of diagnostics in
/// one row (a header with 100,000 duplicate names) cost one scan of that row.
final class LazyFieldLocator {
    private let text: String
    private let file: String
    private var built: FieldLocator?
    private var rows: [Int: [SourceLocation]] = [:]

    init(text: String, file: String) {
        self.text = text
        self.file = file
    }

    var value: FieldLocator {
        if let built { return built }
        let locator = FieldLocator(text: text, file: file)
        built = locator
        return locator
    }

    /// The location of field `field` (0-based) of the row starting on `line`; past the row's last
    /// field, where the row ends.
    func location(line: Int, field: Int) -> SourceLocation {
        let starts = rows[line] ?? value.fieldStarts(line: line)
        rows[line] = starts
        return starts[min(max(field, 0), starts.count - 1)]
    }
}

/// Finds the line and character column where a field starts, by scanning the row's raw text.
/// Used only to point diagnostics at the right place.
struct FieldLocator {
    let scalars: [Unicode.Scalar]
    let file: String
    /// Offsets (in scalars) where each line starts.
    let lineStarts: [Int]

    init(text: String, file: String) {
        scalars = Array(text.unicodeScalars)
        self.file = file
        var starts = [0]
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\n" || (scalar == "\r" && next != "\n") { starts.append(index + 1) }
        }
        lineStarts = starts
    }

    /// Where each field of the row starting on `line` begins, then where the row ends (its line
    /// break or the end of the text). Quoted fields may span lines. One scan of the row.
    func fieldStarts(line: Int) -> [SourceLocation] {
        guard line >= 1, line <= lineStarts.count else { return [SourceLocation(file: file, line: line, column: 1)] }
        var index = lineStarts[line - 1]
        var currentLine = line
        var column = 1
        var starts = [SourceLocation(file: file, line: line, column: 1)]
        var inQuotes = false
        while index < scalars.count {
            let scalar = scalars[index]
            if (scalar == "\n" || scalar == "\r") && !inQuotes { break }
            if scalar == "\"" { inQuotes.toggle() }
            if scalar == "\n" || (scalar == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n")) {
                currentLine += 1
                column = 0
            }
            index += 1
            column += 1
            if scalar == "," && !inQuotes { starts.append(SourceLocation(file: file, line: currentLine, column: column)) }
        }
        starts.append(SourceLocation(file: file, line: currentLine, column: column))
        return starts
    }
}
