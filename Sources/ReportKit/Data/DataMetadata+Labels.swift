import Yams

/// Labels per language in `NAME.yml`: wherever a human label is allowed (`title`, `source`, `notes`,
/// `units`, a column's `label` and `unit`, a category value's name under a column's `values:`), a plain
/// string or a map of language tags to strings, `{en: Lender, zh: 贷款机构}`, the first entry the default.
extension DataMetadata {
    /// The hint for a label map that cannot be read.
    static let labelMapHint = "write the text, or one entry per language with its BCP 47 tag, e.g. label: {en: Lender, zh: 贷款机构}"

    /// A label: a plain string or a map of languages; `nil` (with a problem reported) when it is neither.
    /// `what` names it in messages (`'title'`, `value 'Ant Group' of column 'lender'`).
    static func labelText(_ node: Node, what: String, source: YAMLSource, problems: inout [Diagnostic]) -> LocalizedText? {
        if node.isNull { return nil }
        if let text = node.scalarText { return LocalizedText(text) }
        guard case let .mapping(mapping) = node else {
            problems.append(.error(.invalidLabelMap, "\(what) must be text or a map of languages to texts, found \(node.kindName)",
                                   at: source.location(of: node), hint: labelMapHint))
            return nil
        }
        var entries: [LocalizedText.Entry] = []
        for (languageNode, textNode) in mapping {
            let language = languageNode.scalarText ?? ""
            guard LocalizedText.isLanguageTag(language) else {
                problems.append(.error(.invalidLabelMap, "'\(language)' in the map of \(what) is not a language tag",
                                       at: source.location(of: languageNode),
                                       hint: "a label map's keys are BCP 47 language tags such as en, zh or zh-Hans, e.g. label: {en: Lender, zh: 贷款机构}"))
                continue
            }
            guard let text = textNode.scalarText else {
                problems.append(.error(.invalidLabelMap, "the '\(language)' text of \(what) must be text, found \(textNode.kindName)",
                                       at: source.location(of: textNode), hint: labelMapHint))
                continue
            }
            entries.append(LocalizedText.Entry(language: language, text: text))
        }
        guard !entries.isEmpty else {
            if mapping.isEmpty {
                problems.append(.error(.invalidLabelMap, "the map of \(what) names no language", at: source.location(of: node), hint: labelMapHint))
            }
            return nil
        }
        return LocalizedText(entries: entries)
    }

    /// A column's `values:`, a mapping from a value as the data file writes it to its label, plain or
    /// per language: `values: {Ant Group: {zh: 蚂蚁集团}, JD: JD.com}`; kept in `labels.values`, with
    /// where each value is written in `valueLocations` (for `valueLabelProblems`).
    mutating func readValueLabels(_ node: Node, column: String, source: YAMLSource, problems: inout [Diagnostic]) {
        if node.isNull { return }
        guard case let .mapping(mapping) = node else {
            problems.append(.error(.invalidLabelMap, "'values' of column '\(column)' must map values of the column to their labels, found \(node.kindName)",
                                   at: source.location(of: node), hint: "e.g. values: {Ant Group: {en: Ant Group, zh: 蚂蚁集团}}"))
            return
        }
        for (valueNode, labelNode) in mapping {
            let value = valueNode.scalarText ?? ""
            guard let label = Self.labelText(labelNode, what: "value '\(value)' of column '\(column)'", source: source, problems: &problems) else { continue }
            labels.values[column, default: [:]][value] = label
            valueLocations[column, default: [:]][value] = source.location(of: valueNode)
        }
    }

    /// Values under a column's `values:` that no cell of `table` holds as text (a misspelt value would
    /// silently keep its CSV text on every page), and `values:` on a column of numbers, years or dates.
    func valueLabelProblems(in table: DataTable) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (column, values) in valueLocations.sorted(by: { $0.key < $1.key }) {
            guard let index = table.columnIndex(column) else { continue }
            let type = table.columns[index].type
            guard type == .text else {
                let first = values.values.min { ($0.line, $0.column) < ($1.line, $1.column) }
                problems.append(.error(.unknownLabelledValue, "column '\(column)' is \(type.rawValue); 'values' labels the categories of a text column",
                                       at: first, hint: "remove 'values' from this column, or declare it type: text"))
                continue
            }
            let present = Set(table.rows.compactMap { row -> String? in if case let .text(text) = row[index] { return text } else { return nil } })
            for (value, location) in values where !present.contains(value) {
                problems.append(.error(.unknownLabelledValue, "no cell of column '\(column)' in \(table.path) holds '\(value)'", at: location,
                                       hint: Suggestion.hint(for: value, in: present.sorted(), noun: "a value of the column:")
                                           ?? "write the value exactly as the data file does, or remove its label"))
            }
        }
        return problems.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
    }

    /// `labelText` for a file-wide key: the default text, with the map kept in `labels.file`.
    mutating func fileLabel(_ node: Node, key: String, source: YAMLSource, problems: inout [Diagnostic]) -> String? {
        guard let text = Self.labelText(node, what: "'\(key)'", source: source, problems: &problems) else { return nil }
        if text.isPerLanguage { labels.file[key] = text }
        return text.defaultText
    }

    /// A column's `label` or `unit`: the default text, with the map kept in `labels.columns`.
    mutating func columnLabel(_ node: Node, column: String, key: String, source: YAMLSource, problems: inout [Diagnostic]) -> String? {
        guard let text = Self.labelText(node, what: "the \(key) of column '\(column)'", source: source, problems: &problems) else { return nil }
        if text.isPerLanguage { labels.columns[column, default: [:]][key] = text }
        return text.defaultText
    }
}
