/// Builds the `FieldLocator` only when a diagnostic needs it (it copies the text's scalars).
final class LazyFieldLocator {
    private let text: String
    private let file: String
    private var built: FieldLocator?

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

    /// The location of field `field` (0-based) of the row starting on `line`.
    func location(line: Int, field: Int) -> SourceLocation {
        guard line >= 1, line <= lineStarts.count else { return SourceLocation(file: file, line: line, column: 1) }
        var index = lineStarts[line - 1]
        var currentLine = line
        var column = 1
        var fieldsSeen = 0
        var inQuotes = false
        while fieldsSeen < field, index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                inQuotes.toggle()
            } else if scalar == "," && !inQuotes {
                fieldsSeen += 1
            } else if (scalar == "\n" || scalar == "\r") && !inQuotes {
                break
            }
            if scalar == "\n" || (scalar == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n")) {
                currentLine += 1
                column = 0
            }
            index += 1
            column += 1
        }
        return SourceLocation(file: file, line: currentLine, column: column)
    }
}
