/// Reads the text of one data cell as a value of a column type, and infers a column's type
/// from its cells when the data file's `NAME.yml` does not declare it.
enum CellParser {
    /// Cell texts that mean "no data" in a numeric, year or date column.
    static let missingMarkers: Set<String> = ["", "-", "—", "–", "NA", "N/A", "n/a", "na", "null", "NULL"]

    /// `text` as a value of `type`; `nil` when it does not parse as that type.
    static func parse(_ text: String, as type: ColumnType) -> DataValue? {
        let trimmed = text.trimmed
        if type == .text { return trimmed.isEmpty ? .missing : .text(trimmed) }
        if missingMarkers.contains(trimmed) { return .missing }
        switch type {
        case .text:
            return .text(trimmed)
        case .integer:
            guard let (value, decimals) = number(trimmed), decimals == 0, value == value.rounded() else { return nil }
            return .number(value, decimals: 0)
        case .number:
            guard let (value, decimals) = number(trimmed) else { return nil }
            return .number(value, decimals: decimals)
        case .percent:
            let body = trimmed.hasSuffix("%") ? String(trimmed.dropLast()).trimmed : trimmed
            guard let (value, decimals) = number(body) else { return nil }
            return .number(value, decimals: decimals)
        case .year:
            guard trimmed.count == 4, trimmed.allSatisfy(\.isASCIIDigit), let year = Int(trimmed) else { return nil }
            return .number(Double(year), decimals: 0)
        case .date:
            guard ISODate.daysSince1970(trimmed) != nil else { return nil }
            return .text(trimmed)
        }
    }

    /// The most specific type every non-missing cell parses as: year (for a column named like a
    /// year), date, integer, number, percent (when cells carry `%`), else text.
    static func inferType(of cells: [String], columnName: String) -> ColumnType {
        let values = cells.map(\.trimmed).filter { !missingMarkers.contains($0) }
        guard !values.isEmpty else { return .text }
        let name = columnName.lowercased()
        if name == "year" || name.hasSuffix("_year") || name.hasSuffix(" year"),
           values.allSatisfy({ parse($0, as: .year) != nil }) { return .year }
        if values.allSatisfy({ $0.count == 10 && parse($0, as: .date) != nil }) { return .date }
        if values.contains(where: { $0.hasSuffix("%") }) {
            return values.allSatisfy { parse($0, as: .percent) != nil } ? .percent : .text
        }
        if values.allSatisfy({ parse($0, as: .integer) != nil }) { return .integer }
        if values.allSatisfy({ parse($0, as: .number) != nil }) { return .number }
        return .text
    }

    /// Parses a plain decimal number: an optional sign (`-`, `+` or `−`), digits with optional
    /// comma thousands separators (`1,234.5`), an optional fraction and exponent.
    /// Returns the value and the count of decimals as written.
    static func number(_ text: String) -> (value: Double, decimals: Int)? {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" || first == "\u{2212}" {
            negative = first != "+"
            scalars = scalars.dropFirst()
        }
        var integerPart = ""
        var fraction = ""
        var exponent = 0
        var groups: [String] = [""]
        var index = scalars.startIndex
        while index < scalars.endIndex, scalars[index] == "," || isDigit(scalars[index]) {
            if scalars[index] == "," { groups.append("") } else { groups[groups.count - 1].unicodeScalars.append(scalars[index]) }
            index = scalars.index(after: index)
        }
        if groups.count > 1 {
            // Thousands separators must group exactly three digits.
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        integerPart = groups.joined()
        if index < scalars.endIndex, scalars[index] == "." {
            index = scalars.index(after: index)
            while index < scalars.endIndex, isDigit(scalars[index]) {
                fraction.unicodeScalars.append(scalars[index])
                index = scalars.index(after: index)
            }
            guard !fraction.isEmpty else { return nil }
        }
        guard !integerPart.isEmpty || !fraction.isEmpty else { return nil }
        if index < scalars.endIndex, scalars[index] == "e" || scalars[index] == "E" {
            let rest = String(String.UnicodeScalarView(scalars[scalars.index(after: index)...]))
            guard let value = Int(rest), abs(value) < 400 else { return nil }
            exponent = value
            index = scalars.endIndex
        }
        guard index == scalars.endIndex else { return nil }
        let literal = (integerPart.isEmpty ? "0" : integerPart) + (fraction.isEmpty ? "" : "." + fraction) + (exponent == 0 ? "" : "e\(exponent)")
        guard let magnitude = Double(literal), magnitude.isFinite else { return nil }
        return (negative ? -magnitude : magnitude, max(0, fraction.count - exponent))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// The article-and-noun phrase for error messages: "a number", "an integer", ...
    static func noun(for type: ColumnType) -> String {
        switch type {
        case .text: return "text"
        case .integer: return "an integer"
        case .number: return "a number"
        case .percent: return "a percentage"
        case .year: return "a year (four digits)"
        case .date: return "a date (yyyy-mm-dd)"
        }
    }
}

/// ISO 8601 calendar dates (`yyyy-mm-dd`), as used by `date` columns.
enum ISODate {
    /// Days from 1970-01-01 to the date written as `yyyy-mm-dd`; `nil` if it is not a valid date.
    static func daysSince1970(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        // Howard Hinnant's days-from-civil algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
