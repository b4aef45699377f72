/// A data table as a page in one language shows it: its labels picked from the maps of `NAME.yml`
/// for the theme's `locale` (`InterfaceStrings.labelLanguage`), its category values replaced by their
/// labels, and its numbers printing by the locale's conventions (`numberLocale`).
///
/// Filters, sorting and `highlight` read the values as the data file writes them, so one spec
/// works in every language; only what is shown changes, after the rows are chosen.
extension DataTable {
    /// The table with its title, source, notes, units and column labels and units in `strings`'
    /// language (the default entry of a map that does not name it), and its numbers printing in
    /// `strings`' locale. With `values`, text cells of a column with `values:` show their label in that
    /// language (cells without one, as written).
    public func shown(with strings: InterfaceStrings, values: Bool = true) -> DataTable {
        var shown = self
        shown.numberLocale = strings.numberLocale
        guard !labels.isEmpty else { return shown }
        let language = strings.labelLanguage
        func pick(_ key: String, _ current: String?) -> String? { labels.file[key].map { $0.text(for: language) } ?? current }
        shown.title = pick("title", title)
        shown.source = pick("source", source)
        shown.notes = pick("notes", notes)
        shown.units = pick("units", units)
        if !labels.columns.isEmpty {
            shown.columns = columns.map { column in
                guard let own = labels.columns[column.name] else { return column }
                var column = column
                if let label = own["label"] { column.label = label.text(for: language) }
                if let unit = own["unit"] { column.unit = unit.text(for: language) }
                return column
            }
        }
        guard values, !labels.values.isEmpty else { return shown }
        for (index, column) in columns.enumerated() {
            guard let names = labels.values[column.name] else { continue }
            for row in shown.rows.indices {
                if case let .text(raw) = shown.rows[row][index], let label = names[raw]?.text(in: language) {
                    shown.rows[row][index] = .text(label)
                }
            }
        }
        return shown
    }

    /// How a value of `column` as the data file writes it is shown in `language` (its label, else as
    /// written): what a spec naming a value (`highlight: [Ant Group]`) finds in the shown table.
    public func shownValue(_ raw: String, column: String, language: String) -> String {
        labels.values[column]?[raw]?.text(in: language) ?? raw
    }
}

extension NumberLocale {
    /// A cell that is not a number as this locale shows it: a year (`2023年`) or a date (`2023年6月5日`)
    /// in its convention, any other cell as written.
    func text(of value: DataValue, type: ColumnType) -> String {
        switch type {
        case .year where value != .missing: return yearText(value.text)
        case .date: return dateText(value.text)
        default: return value.text
        }
    }
}
