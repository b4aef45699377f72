import Yams

/// Labels per language in `NAME.yml`: wherever a human label is allowed (`title`, `source`, `notes`,
/// `units`, a column's `label` and `unit`, a category value's name under a column's `values:`), a plain
/// string or a map of language tags to strings, `{en: Lender, zh: 贷款机构}`, the first entry the default.
extension DataMetadata {
    /// The hint for a label map that cannot be read.
    static let labelMapHint = "write the text, or one entry per language with its BCP 47 tag, e.g. label: {en: Lender, zh: 贷款机构}"

    /// A label: a plain string or a map of languages; `nil` (with a problem reported) when it is neither.
    static func labelText(_ node: Node, key: String, source: YAMLSource, problems: inout [Diagnostic]) -> LocalizedText? {
        if node.isNull { return nil }
        if let text = node.scalarText { return LocalizedText(text) }
        guard case let .mapping(mapping) = node else {
            problems.append(.error(.invalidLabelMap, "'\(key)' must be text or a map of languages to texts, found \(node.kindName)",
                                   at: source.location(of: node), hint: labelMapHint))
            return nil
        }
        var entries: [LocalizedText.Entry] = []
        for (languageNode, textNode) in mapping {
            let language = languageNode.scalarText ?? ""
            guard LocalizedText.isLanguageTag(language) else {
                problems.append(.error(.invalidLabelMap, "'\(language)' in the '\(key)' map is not a language tag",
                                       at: source.location(of: languageNode),
                                       hint: "a label map's keys are BCP 47 language tags such as en, zh or zh-Hans, e.g. label: {en: Lender, zh: 贷款机构}"))
                continue
            }
            guard let text = textNode.scalarText else {
                problems.append(.error(.invalidLabelMap, "the '\(language)' text of '\(key)' must be text, found \(textNode.kindName)",
                                       at: source.location(of: textNode), hint: labelMapHint))
                continue
            }
            entries.append(LocalizedText.Entry(language: language, text: text))
        }
        guard !entries.isEmpty else {
            if mapping.isEmpty {
                problems.append(.error(.invalidLabelMap, "the '\(key)' map names no language", at: source.location(of: node), hint: labelMapHint))
            }
            return nil
        }
        return LocalizedText(entries: entries)
    }

    /// A column's `values:`, a mapping from a value as the data file writes it to its label, plain or
    /// per language: `values: {Ant Group: {zh: 蚂蚁集团}, JD: JD.com}`.
    static func valueLabels(_ node: Node, column: String, source: YAMLSource, problems: inout [Diagnostic]) -> [String: LocalizedText] {
        if node.isNull { return [:] }
        guard case let .mapping(mapping) = node else {
            problems.append(.error(.invalidLabelMap, "'values' of column '\(column)' must map values of the column to their labels, found \(node.kindName)",
                                   at: source.location(of: node), hint: "e.g. values: {Ant Group: {en: Ant Group, zh: 蚂蚁集团}}"))
            return [:]
        }
        var labels: [String: LocalizedText] = [:]
        for (valueNode, labelNode) in mapping {
            let value = valueNode.scalarText ?? ""
            if let label = labelText(labelNode, key: value, source: source, problems: &problems) { labels[value] = label }
        }
        return labels
    }

    /// `label(node, key:)` for a file-wide key: the default text, with the map kept in `labels.file`.
    mutating func fileLabel(_ node: Node, key: String, source: YAMLSource, problems: inout [Diagnostic]) -> String? {
        guard let text = Self.labelText(node, key: key, source: source, problems: &problems) else { return nil }
        if text.isPerLanguage { labels.file[key] = text }
        return text.defaultText
    }

    /// A column's `label` or `unit`: the default text, with the map kept in `labels.columns`.
    mutating func columnLabel(_ node: Node, column: String, key: String, source: YAMLSource, problems: inout [Diagnostic]) -> String? {
        guard let text = Self.labelText(node, key: key, source: source, problems: &problems) else { return nil }
        if text.isPerLanguage { labels.columns[column, default: [:]][key] = text }
        return text.defaultText
    }
}
