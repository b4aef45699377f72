import Yams

/// A value from a directive spec together with where it was written.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

/// The YAML mapping of a `table` or `chart` block: checked against the keys its kind allows,
/// with typed accessors whose errors point at the offending line of the page.
struct DirectiveSpec {
    static let tableKeys = ["id", "data", "caption", "columns", "derive", "filter", "group", "latest", "top", "sort", "limit", "total", "source", "notes"]
    static let chartKeys = ["id", "type", "data", "x", "y", "series", "format", "x-title", "y-title",
                            "caption", "source", "notes", "derive", "filter", "group", "latest", "top", "sort", "limit", "highlight", "y-domain",
                            "x-domain", "scale", "x-scale", "colors", "rule", "note", "facet"]
    static let requiredTableKeys = ["id", "data", "caption"]
    static let requiredChartKeys = ["id", "type", "data", "x", "y", "caption"]

    var kind: DirectiveBlock.Kind
    var source: YAMLSource
    /// Values by key, as written.
    var values: [String: Node]
    /// Where the spec starts (the first YAML line), for problems that belong to no key.
    var location: SourceLocation { source.origin }
    /// "chart spec" / "table spec", for messages.
    var what: String { "\(kind.rawValue) spec" }
    /// How messages name the directive once its id is known: `chart 'loan-split'`.
    var subject: String
    /// The columns a `group` leaves, once it is read: an unknown column is then explained by it.
    var groupedColumns: [String]?

    /// Parses the block's YAML and checks its keys: unknown keys (with did-you-mean) and missing
    /// required keys are reported together.
    init(_ block: DirectiveBlock) throws(DiagnosticList) {
        kind = block.kind
        subject = "\(block.kind.rawValue) spec"
        let what = "\(block.kind.rawValue) spec"
        source = try YAMLSource(block.yaml, origin: block.location, what: what)
        guard let root = source.root else {
            throw DiagnosticList(.error(.emptySpec, "empty \(what)", at: block.location,
                                        hint: "write the spec as YAML, starting with 'id:', 'data:' and 'caption:'"))
        }
        guard case let .mapping(mapping) = root else {
            throw DiagnosticList(.error(.notAMapping, "expected the \(what) to be a mapping of keys, found \(root.kindName)",
                                        at: source.location(of: root), hint: "write the spec as 'key: value' lines, e.g. id: loan-split"))
        }
        let allowed = kind == .table ? Self.tableKeys : Self.chartKeys
        var problems: [Diagnostic] = []
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            if allowed.contains(key) {
                values[key] = value
            } else {
                problems.append(.error(.unknownSpecKey, "unknown key '\(key)' in \(what)", at: source.location(of: keyNode),
                                       hint: Suggestion.hint(for: key, in: allowed)))
            }
        }
        let required = kind == .table ? Self.requiredTableKeys : Self.requiredChartKeys
        for key in required where values[key] == nil || values[key]!.isNull {
            problems.append(.error(.missingSpecKey, "\(what) is missing the required key '\(key)'", at: block.location, hint: Self.requiredHint(key)))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        self.values = values
    }

    /// What to write for a missing required key.
    static func requiredHint(_ key: String) -> String {
        let examples = ["id": "id: loan-split", "data": "data: data/loans.csv", "caption": "caption: Personal loans, 2023",
                        "type": "type: bar", "x": "x: year", "y": "y: amount"]
        return "add a line such as '\(examples[key] ?? key + ": ...")'"
    }

    /// The location of the value of `key` (or of the spec when the key is absent).
    func location(of key: String) -> SourceLocation {
        values[key].map { source.location(of: $0) } ?? location
    }

    /// The text value of `key`, or `nil` when absent; an error when it is a list or mapping.
    func string(_ key: String) throws(DiagnosticList) -> Located<String>? {
        guard let node = values[key], !node.isNull else { return nil }
        guard let text = node.scalarText else {
            throw DiagnosticList(.error(.wrongValueType, "'\(key)' must be a single value, found \(node.kindName)", at: source.location(of: node),
                                        hint: "write one value after '\(key):', in quotes if it starts with [ or {"))
        }
        return Located(value: text, location: source.location(of: node))
    }

    /// The text value of a required key.
    func requiredString(_ key: String) throws(DiagnosticList) -> Located<String> {
        guard let value = try string(key) else {
            throw DiagnosticList(.error(.missingSpecKey, "\(what) is missing the required key '\(key)'", at: location, hint: Self.requiredHint(key)))
        }
        return value
    }

    /// A key that holds one value or a list of values, e.g. `sort: -amount` or `sort: [-amount, year]`.
    /// With `atText`, each location is where the text starts (after an opening quote).
    func stringList(_ key: String, atText: Bool = false) throws(DiagnosticList) -> [Located<String>] {
        guard let node = values[key], !node.isNull else { return [] }
        let items: [Node]
        if case let .sequence(sequence) = node { items = Array(sequence) } else { items = [node] }
        var result: [Located<String>] = []
        for item in items {
            guard let text = item.scalarText else {
                throw DiagnosticList(.error(.wrongValueType, "each item of '\(key)' must be a single value, found \(item.kindName)",
                                            at: source.location(of: item), hint: "write the list as \(key): [first, second]"))
            }
            result.append(Located(value: text, location: atText ? textLocation(of: item) : source.location(of: item)))
        }
        return result
    }

    /// Where the text of a scalar starts: after its opening quote when it is quoted, so that a
    /// column counted in the text (a filter's token) lands on the right character.
    func textLocation(of node: Node) -> SourceLocation {
        var location = source.location(of: node)
        if case let .scalar(scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            location.column += 1
        }
        return location
    }

    /// The column `name` of `table`, or an error with a did-you-mean hint.
    func column(_ name: Located<String>, in table: DataTable) throws(DiagnosticList) -> DataColumn {
        guard let column = table.column(name.value) else {
            if let grouped = groupedColumns {
                throw DiagnosticList(.error(.unknownColumn, "unknown column '\(name.value)' in \(subject) after 'group'", at: name.location,
                                            hint: "'group' leaves only its 'by' columns and aggregates: \(grouped.joined(separator: ", ")); "
                                                + "group by '\(name.value)' or aggregate it to keep it"))
            }
            throw DiagnosticList(.error(.unknownColumn, "unknown column '\(name.value)' in \(subject)", at: name.location,
                                        hint: Suggestion.hint(for: name.value, in: table.columns.map(\.name),
                                                              noun: "a column of \(table.path):")))
        }
        return column
    }

    /// The items of a list key (a single value counts as a one-item list), as nodes.
    func nodeList(_ key: String) -> [Node] {
        guard let node = values[key], !node.isNull else { return [] }
        if case let .sequence(sequence) = node { return Array(sequence) }
        return [node]
    }
}
