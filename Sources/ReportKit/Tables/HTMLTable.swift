/// Writes a `DataTable` as an accessible HTML `<table>`: caption, column headers with units,
/// the first column as row headers, right-aligned numbers with consistent decimals, missing
/// cells as a dash read out as "no data", and an optional totals row.
public struct HTMLTable: Sendable {
    /// The rows to show (already filtered, sorted and limited).
    public var table: DataTable
    /// The columns to show, in order.
    public var columns: [TableColumnChoice]
    /// Columns to sum in a `<tfoot>` row.
    public var totals: [String]
    /// The table whose columns set the decimals shown: the whole data file, so a filtered view
    /// prints `0.90` like the full table does.
    public var decimalsSource: DataTable
    /// The theme's words: the totals row's label, what a screen reader says for a missing cell.
    public var strings: InterfaceStrings

    /// `columns` must name columns of `table` (checked by the directive stage); empty means all.
    /// `decimalsSource` is the unfiltered table (defaults to `table`).
    public init(table: DataTable, columns: [TableColumnChoice] = [], totals: [String] = [], decimalsSource: DataTable? = nil,
                strings: InterfaceStrings) {
        self.table = table
        self.strings = strings
        self.decimalsSource = decimalsSource ?? table
        self.columns = columns.isEmpty ? table.columns.map { TableColumnChoice(column: $0.name) } : columns
        self.totals = totals
    }

    /// The scrollable region holding the table. `captionHTML` is already-escaped HTML.
    public func html(anchor: String, captionHTML: String) -> String {
        let shown = columns.compactMap { choice in table.columnIndex(choice.column).map { (choice, table.columns[$0], $0) } }
        let cards = Self.isTextHeavy(table, columns: shown.map(\.2))
        var out = "<div class=\"table-scroll\(cards ? " table-scroll-cards" : "")\" role=\"region\" aria-labelledby=\"\(anchor)-caption\" tabindex=\"0\">\n"
        out += cards ? "<table class=\"data-table table-cards\">\n" : "<table class=\"data-table\">\n"
        out += "<caption id=\"\(anchor)-caption\">\(captionHTML)</caption>\n"
        out += "<thead>\n<tr>"
        for (choice, column, _) in shown {
            var label = (choice.label ?? column.label).htmlEscaped
            if let unit = column.unit, !unit.isEmpty { label += " <span class=\"unit\">(\(unit.htmlEscaped))</span>" }
            out += "<th scope=\"col\"\(column.type.isNumeric ? " class=\"num\"" : "")>\(label)</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        let formats = shown.map { choice, column, index in cellFormat(choice: choice, column: column, index: index) }
        // Card rows label each cell with its column (CSS shows `data-label` on narrow screens).
        let labels = shown.map { choice, column, _ in cards ? " data-label=\"\((choice.label ?? column.label).htmlEscaped)\"" : "" }
        for row in table.rows {
            out += "<tr>"
            for (position, (_, column, index)) in shown.enumerated() {
                out += cell(row[index], column: column, format: formats[position], isRowHeader: position == 0, label: labels[position])
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n"
        let totals = Set(self.totals)
        let totalled = shown.enumerated().filter { totals.contains($0.element.0.column) }
        if !totalled.isEmpty {
            out += "<tfoot>\n<tr>"
            for (position, (choice, column, index)) in shown.enumerated() {
                if totals.contains(choice.column) {
                    let sum = table.rows.reduce(0.0) { $0 + ($1[index].number ?? 0) }
                    let text = formats[position].format(sum).htmlEscaped
                    out += position == 0 ? "<th scope=\"row\" class=\"num\">\(text)</th>" : "<td class=\"num\">\(text)</td>"
                } else if position == 0 {
                    out += "<th scope=\"row\">\(strings[.total].htmlEscaped)</th>"
                } else {
                    out += column.type.isNumeric ? "<td class=\"num\"></td>" : "<td></td>"
                }
            }
            out += "</tr>\n</tfoot>\n"
        }
        out += "</table>\n</div>"
        return out
    }

    /// How a numeric column's cells print: the chosen format, else the column's from `NAME.yml`,
    /// else the type's (`DataTable.numberFormat`), with its own decimals or the most written in the column.
    func cellFormat(choice: TableColumnChoice, column: DataColumn, index: Int) -> CellFormat {
        let sourceIndex = decimalsSource.columnIndex(column.name)
        let decimals = (sourceIndex == nil ? table : decimalsSource).rows.reduce(0) { result, row in
            if case let .number(_, written) = row[sourceIndex ?? index] { return max(result, written) }
            return result
        }
        let base = table.numberFormat(for: column, explicit: choice.format)
        return CellFormat(format: base, decimals: base.decimals ?? (column.type == .integer ? 0 : decimals),
                          keepsWrittenDecimals: choice.keepsWrittenDecimals)
    }

    /// A number format with the decimals settled for a whole column.
    struct CellFormat {
        var format: NumberFormat
        var decimals: Int
        var keepsWrittenDecimals = false
        func format(_ value: Double) -> String { format.format(value, decimals: decimals) }
        /// A cell's number, with its own written decimals when the column keeps them.
        func format(_ value: Double, written: Int) -> String {
            format.format(value, decimals: keepsWrittenDecimals ? written : decimals)
        }
    }

    /// Whether a table reads better as stacked cards on phones than as a grid: at least three columns
    /// and long texts (on average over 40 characters in the text cells, or over 120 per row).
    static func isTextHeavy(_ table: DataTable, columns: [Int]) -> Bool {
        guard columns.count >= 3, !table.rows.isEmpty else { return false }
        var textCharacters = 0
        var textCells = 0
        for row in table.rows {
            for index in columns where !table.columns[index].type.isNumeric {
                textCharacters += row[index].text.count
                textCells += 1
            }
        }
        guard textCells > 0 else { return false }
        return textCharacters > 40 * textCells || textCharacters > 120 * table.rows.count
    }

    func cell(_ value: DataValue, column: DataColumn, format: CellFormat, isRowHeader: Bool, label: String = "") -> String {
        let numeric = column.type.isNumeric
        let open = (isRowHeader ? "<th scope=\"row\"" : "<td") + label
        let close = isRowHeader ? "</th>" : "</td>"
        switch value {
        case .missing:
            return "\(open) class=\"\(numeric ? "num " : "")missing\"><span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">\(strings[.missingValue].htmlEscaped)</span>\(close)"
        case let .number(number, written) where numeric:
            return "\(open) class=\"num\">\(format.format(number, written: written).htmlEscaped)\(close)"
        default:
            let text = format.format.locale.text(of: value, type: column.type)   // 2023年 in Chinese
            let lang = Self.isChinese(text) ? " lang=\"zh\"" : ""
            return "\(open)\(lang)>\(text.htmlEscaped)\(close)"
        }
    }

    /// Whether `text` is written in Chinese only (Han characters with CJK or ASCII punctuation),
    /// so screen readers switch voice for it: a `name_zh` column in an English page.
    static func isChinese(_ text: String) -> Bool {
        var sawHan = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: sawHan = true
            case 0x3000...0x303F, 0xFF00...0xFFEF: continue
            case 0x20...0x7E where !scalar.properties.isAlphabetic: continue
            default: return false
            }
        }
        return sawHan
    }
}
