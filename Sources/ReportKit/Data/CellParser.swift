/// Reads the text of one data cell as a value of a column type, and infers a column's type
/// from its cells when the data file's `NAME.yml` does not declare it.
enum CellParser {
    /// Cell texts that mean "no data" in a numeric, year or date column.
    static let missingMarkers: Set<String> = ["", "-", "—", "–", "NA", "N/A", "n/a", "na", "null", "NULL"]

    /// `text` as a value of `type`; `nil` when it does not parse as that type.
    static func parse(_ text: String, as type: ColumnType) -> DataValue? {
        let trimmed = text.trimmed
        if type == .text { return trimmed.isEmpty ? .missing : .text(trimmed) }
        if trimmed.utf8.count <= 4, missingMarkers.contains(trimmed) { return .missing }
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

    /// Every cell of a column parsed as `type`; `bad` lists the rows whose cell does not parse.
    static func parseColumn(_ cells: [String], as type: ColumnType) -> (values: [DataValue], bad: [Int]) {
        var values: [DataValue] = []
        values.reserveCapacity(cells.count)
        var bad: [Int] = []
        for (row, cell) in cells.enumerated() {
            if let value = parse(cell, as: type) {
                values.append(value)
            } else {
                values.append(.missing)
                bad.append(row)
            }
        }
        return (values, bad)
    }

    /// The most specific type every non-missing cell parses as, with the parsed cells: year (for
    /// a column named like a year), date, percent (when cells carry `%`), integer, number, else text.
    static func inferColumn(_ cells: [String], name: String) -> (type: ColumnType, values: [DataValue]) {
        let lowered = name.lowercased()
        let firstValue = cells.lazy.map(\.trimmed).first { !missingMarkers.contains($0) }
        guard let firstValue else { return (.text, cells.map { _ in .missing }) }
        var candidates: [ColumnType] = []
        if lowered == "year" || lowered.hasSuffix("_year") || lowered.hasSuffix(" year") { candidates.append(.year) }
        if firstValue.utf8.count == 10, ISODate.daysSince1970(firstValue) != nil { candidates.append(.date) }
        if cells.contains(where: { $0.trimmed.hasSuffix("%") }) {
            candidates.append(.percent)
        } else {
            candidates += [.integer, .number]
        }
        for type in candidates {
            if let values = parseAll(cells, as: type) { return (type, values) }
        }
        return (.text, cells.map { parse($0, as: .text)! })
    }

    /// Every cell parsed as `type`, or `nil` as soon as one does not parse.
    private static func parseAll(_ cells: [String], as type: ColumnType) -> [DataValue]? {
        var values: [DataValue] = []
        values.reserveCapacity(cells.count)
        for cell in cells {
            guard let value = parse(cell, as: type) else { return nil }
            values.append(value)
        }
        return values
    }

    /// Parses a plain decimal number: an optional sign (`-`, `+` or `−`), digits with optional
    /// comma thousands separators (`1,234.5`), an optional fraction and exponent.
    /// Returns the value and the count of decimals as written.
    static func number(_ text: String) -> (value: Double, decimals: Int)? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if text.hasPrefix("\u{2212}") {
            negative = true
            bytes = bytes.dropFirst(3)
        } else if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var literal: [UInt8] = []
        literal.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        // Integer part, with commas that must group exactly three digits.
        var groupLength = 0
        var sawComma = false
        var integerDigits = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            if isDigit(byte) {
                literal.append(byte)
                groupLength += 1
                integerDigits += 1
            } else if byte == UInt8(ascii: ",") {
                guard sawComma ? groupLength == 3 : (1...3).contains(groupLength) else { return nil }
                sawComma = true
                groupLength = 0
            } else {
                break
            }
            index = bytes.index(after: index)
        }
        if sawComma, groupLength != 3 { return nil }
        var fractionDigits = 0
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            literal.append(UInt8(ascii: "."))
            index = bytes.index(after: index)
            while index < bytes.endIndex, isDigit(bytes[index]) {
                literal.append(bytes[index])
                fractionDigits += 1
                index = bytes.index(after: index)
            }
            guard fractionDigits > 0 else { return nil }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        var exponent = 0
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            // A range check, not `abs(value) < 400`: `abs(Int.min)` traps (`1e-9223372036854775808`).
            guard let value = Int(String(decoding: bytes[bytes.index(after: index)...], as: UTF8.self)), (-399...399).contains(value) else { return nil }
            exponent = value
            literal += Array("e\(value)".utf8)
            index = bytes.endIndex
        }
        guard index == bytes.endIndex else { return nil }
        if integerDigits == 0 { literal.insert(UInt8(ascii: "0"), at: 0) }
        // Plain ASCII numbers (sign included) are already a valid literal, checked above: skip the copy.
        let plain = !sawComma && integerDigits > 0 && !text.hasPrefix("\u{2212}")
        let parsed = plain ? Double(text) : Double(String(decoding: literal, as: UTF8.self)).map { negative ? -$0 : $0 }
        guard let value = parsed, value.isFinite else { return nil }
        return (value, max(0, fractionDigits - exponent))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

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
