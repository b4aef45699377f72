import Yams

extension DirectiveRenderer {
    /// Keys of a `top:` mapping.
    static let topKeys = ["n", "by", "per"]

    /// `top: {n: 15, by: Value, per: Year}`, checked against the table's columns.
    func topRows(_ spec: DirectiveSpec, table: DataTable) throws(DiagnosticList) -> RowQuery.TopRows? {
        guard let node = spec.values["top"], !node.isNull else { return nil }
        let example = "write top: {n: 15, by: Value} or top: {n: 3, by: Value, per: Year}"
        guard case let .mapping(mapping) = node else {
            throw DiagnosticList(.error(.wrongValueType, "'top' must be a mapping of n, by and per, found \(node.kindName)",
                                        at: spec.source.location(of: node), hint: example))
        }
        var fields: [String: Located<String>] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            guard Self.topKeys.contains(key) else {
                throw DiagnosticList(.error(.unknownSpecKey, "unknown key '\(key)' in 'top'", at: spec.source.location(of: keyNode),
                                            hint: Suggestion.hint(for: key, in: Self.topKeys)))
            }
            guard let text = value.scalarText else {
                throw DiagnosticList(.error(.wrongValueType, "'\(key)' of 'top' must be a single value, found \(value.kindName)",
                                            at: spec.source.location(of: value), hint: example))
            }
            fields[key] = Located(value: text.trimmed, location: spec.source.location(of: value))
        }
        guard let nText = fields["n"], let byName = fields["by"] else {
            throw DiagnosticList(.error(.missingSpecKey, "'top' needs 'n' (how many rows) and 'by' (the column ranked)",
                                        at: spec.source.location(of: node), hint: example))
        }
        guard let n = Int(nText.value), n > 0 else {
            throw DiagnosticList(.error(.invalidLimit, "'n' of 'top' must be a positive whole number, found '\(nText.value)'",
                                        at: nText.location, hint: example))
        }
        let by = try spec.column(byName, in: table)
        guard by.type.isNumeric || by.type == .year || by.type == .date else {
            throw DiagnosticList(.error(.columnNotNumeric, "column '\(by.name)' is \(by.type.rawValue); 'top' ranks rows by numbers or dates",
                                        at: byName.location, hint: "rank by a numeric column, e.g. by: Value"))
        }
        let per = try fields["per"].map { name throws(DiagnosticList) in try spec.column(name, in: table).name }
        return RowQuery.TopRows(n: n, by: by.name, per: per)
    }
}

extension DirectiveRenderer {
    /// `y-domain: [low, high]`: two numbers, the smaller first.
    func yDomain(_ spec: DirectiveSpec) throws(DiagnosticList) -> ClosedRange<Double>? {
        let items = try spec.stringList("y-domain")
        guard !items.isEmpty else { return nil }
        let numbers = items.compactMap { CellParser.number($0.value.trimmed)?.value }
        guard items.count == 2, numbers.count == 2, numbers[0] < numbers[1], numbers.allSatisfy({ abs($0) <= ChartModel.valueLimit }) else {
            throw DiagnosticList(.error(.invalidDomain, "'y-domain' must be two numbers, the smaller first, found \(items.map(\.value))",
                                        at: spec.location(of: "y-domain"), hint: "write y-domain: [0, 100]"))
        }
        return numbers[0]...numbers[1]
    }
}
