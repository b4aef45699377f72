import Yams

/// The contents of a data file's `NAME.yml`: title, source, units, notes, licence and per-column
/// type, label and unit.
struct DataMetadata {
    /// What the yml says about one column.
    struct Column {
        var name: String
        var type: ColumnType?
        var label: String?
        var unit: String?
        /// The column's default number format (`format: $.3s`), for every table and chart showing it.
        var format: NumberFormat?
        /// The column's currency, an ISO 4217 code (`currency: USD`), if it differs from the file's.
        var currency: String?
        /// Where the column's key is written, for "no such column" errors.
        var location: SourceLocation
    }

    static let keys = ["title", "source", "units", "notes", "licence", "license", "currency", "columns", "lists"]
    static let columnKeys = ["type", "label", "unit", "format", "currency", "values"]

    var title: String?
    var source: String?
    var units: String?
    var notes: String?
    /// An SPDX licence of the data, when it is not the site's (`license` is accepted too).
    var licence: SPDXLicence?
    /// The currency of the file's money columns, an ISO 4217 code (`currency: USD`).
    var currency: String?
    /// Columns in the order the yml lists them.
    var columns: [Column] = []
    /// Named value lists (`lists: {aggregates: [ARB, CSS]}`), for filters: `code not in aggregates`.
    var lists: [String: [String]] = [:]
    /// Labels written per language, and category values' labels (`DataMetadata+Labels.swift`).
    var labels = DataLabels()
    /// Where each labelled value of a column's `values:` is written.
    var valueLocations: [String: [String: SourceLocation]] = [:]

    /// Parses the yml text; `file` is how diagnostics name it. Reports every problem found.
    static func parse(_ yaml: String, file: String) -> Result<DataMetadata, DiagnosticList> {
        let source: YAMLSource
        do {
            source = try YAMLSource(yaml, origin: SourceLocation(file: file), what: "data metadata")
        } catch {
            return .failure(error)
        }
        var metadata = DataMetadata()
        var problems: [Diagnostic] = []
        guard let root = source.root else { return .success(metadata) }
        guard case let .mapping(mapping) = root else {
            return .failure(DiagnosticList(.error(.notAMapping, "expected a mapping of keys (title, source, units, notes, columns), found \(root.kindName)",
                                                  at: source.location(of: root), hint: "write one 'key: value' per line, e.g. title: Personal loans")))
        }
        func text(_ node: Node, key: String) -> String? {
            if node.isNull { return nil }
            guard let value = node.scalarText else {
                problems.append(.error(.wrongValueType, "'\(key)' must be text, found \(node.kindName)", at: source.location(of: node),
                                       hint: "write the text after the colon, in quotes if it starts with [ or {"))
                return nil
            }
            return value
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            switch key {
            case "title": metadata.title = metadata.fileLabel(value, key: key, source: source, problems: &problems)
            case "source": metadata.source = metadata.fileLabel(value, key: key, source: source, problems: &problems)
            case "units": metadata.units = metadata.fileLabel(value, key: key, source: source, problems: &problems)
            case "notes": metadata.notes = metadata.fileLabel(value, key: key, source: source, problems: &problems)
            case "licence", "license":
                guard let id = text(value, key: key) else { continue }
                if metadata.licence != nil {
                    problems.append(.error(.duplicateKey, "'licence' and 'license' are one key, given twice in data metadata", at: source.location(of: keyNode),
                                           hint: "keep one of the two spellings"))
                } else if let licence = SPDXLicence.named(id) {
                    metadata.licence = licence
                } else {
                    problems.append(.error(.unknownLicence, "unknown licence '\(id)'", at: source.location(of: value), hint: SPDXLicence.hint(for: id)))
                }
            case "currency": metadata.currency = currencyCode(value, source: source, problems: &problems)
            case "columns":
                if value.isNull { continue }
                guard case let .mapping(columns) = value else {
                    problems.append(.error(.wrongValueType, "'columns' must be a mapping of column names to {type, label, unit}, found \(value.kindName)",
                                           at: source.location(of: value),
                                           hint: "put one line per column under 'columns:', indented, e.g. amount: {type: number, unit: billion yuan}"))
                    continue
                }
                for (nameNode, spec) in columns {
                    var column = Column(name: nameNode.scalarText ?? "", location: source.location(of: nameNode))
                    if case let .mapping(fields) = spec {
                        for (fieldNode, fieldValue) in fields {
                            let field = fieldNode.scalarText ?? ""
                            switch field {
                            case "type":
                                guard let name = text(fieldValue, key: "type") else { continue }
                                if let type = ColumnType(rawValue: name) {
                                    column.type = type
                                } else {
                                    problems.append(.error(.unknownColumnType, "unknown column type '\(name)' for column '\(column.name)'",
                                                           at: source.location(of: fieldValue),
                                                           hint: Suggestion.hint(for: name, in: ColumnType.allCases.map(\.rawValue))))
                                }
                            case "label", "unit":
                                let label = metadata.columnLabel(fieldValue, column: column.name, key: field, source: source, problems: &problems)
                                if field == "label" { column.label = label } else { column.unit = label }
                            case "values":
                                metadata.readValueLabels(fieldValue, column: column.name, source: source, problems: &problems)
                            case "currency": column.currency = currencyCode(fieldValue, source: source, problems: &problems)
                            case "format":
                                guard let name = text(fieldValue, key: "format") else { continue }
                                if let format = NumberFormat(name: name) {
                                    column.format = format
                                } else {
                                    problems.append(.error(.unknownFormat, "unknown format '\(name)' for column '\(column.name)'",
                                                           at: source.location(of: fieldValue), hint: NumberFormat.unknownHint(name)))
                                }
                            default:
                                problems.append(.error(.unknownMetadataKey, "unknown key '\(field)' for column '\(column.name)'",
                                                       at: source.location(of: fieldNode),
                                                       hint: Suggestion.hint(for: field, in: columnKeys)))
                            }
                        }
                    } else if !spec.isNull {
                        problems.append(.error(.wrongValueType, "column '\(column.name)' must be a mapping like {type: number, label: ..., unit: ...}, found \(spec.kindName)",
                                               at: source.location(of: spec), hint: "e.g. \(column.name): {type: number, unit: billion yuan}"))
                    }
                    metadata.columns.append(column)
                }
            case "lists":
                metadata.lists = parseLists(value, source: source, problems: &problems)
            default:
                problems.append(.error(.unknownMetadataKey, "unknown key '\(key)' in data metadata", at: source.location(of: keyNode),
                                       hint: Suggestion.hint(for: key, in: keys)))
            }
        }
        return problems.isEmpty ? .success(metadata) : .failure(DiagnosticList(problems))
    }

    /// A `currency:` value: an ISO 4217 code such as USD, EUR or CNY.
    static func currencyCode(_ node: Node, source: YAMLSource, problems: inout [Diagnostic]) -> String? {
        guard let code = node.scalarText?.trimmed, CurrencyCode.isValid(code) else {
            problems.append(.error(.invalidCurrency, "currency must be an ISO 4217 code such as USD, EUR or CNY, found '\(node.scalarText ?? node.kindName)'",
                                   at: source.location(of: node), hint: "write the three capital letters of the currency, e.g. currency: USD"))
            return nil
        }
        return code
    }

    /// `lists:`: a mapping of names to lists of single values.
    static func parseLists(_ node: Node, source: YAMLSource, problems: inout [Diagnostic]) -> [String: [String]] {
        let hint = "write one list per line under 'lists:', indented, e.g. aggregates: [ARB, CSS, EAS]"
        if node.isNull { return [:] }
        guard case let .mapping(mapping) = node else {
            problems.append(.error(.wrongValueType, "'lists' must be a mapping of names to lists of values, found \(node.kindName)",
                                   at: source.location(of: node), hint: hint))
            return [:]
        }
        var lists: [String: [String]] = [:]
        for (nameNode, listNode) in mapping {
            let name = nameNode.scalarText ?? ""
            let items: [Node]
            if case let .sequence(sequence) = listNode { items = Array(sequence) } else { items = [listNode] }
            var values: [String] = []
            for item in items {
                guard let text = item.scalarText else {
                    problems.append(.error(.wrongValueType, "each value of list '\(name)' must be a single value, found \(item.kindName)",
                                           at: source.location(of: item), hint: hint))
                    continue
                }
                values.append(text)
            }
            lists[name] = values
        }
        return lists
    }
}
