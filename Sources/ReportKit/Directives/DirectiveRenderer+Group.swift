import Yams

extension DirectiveRenderer {
    /// `derive: {Trillions: Value / 1e12, Share: "Value / World * 100"}`: new columns, each read
    /// against the columns before it (the data file's and the ones derived earlier).
    func derivedColumns(_ spec: DirectiveSpec, table: DataTable) throws(DiagnosticList) -> [DerivedColumn] {
        guard let node = spec.values["derive"], !node.isNull else { return [] }
        let example = "write derive: {Trillions: Value / 1e12}, a new column's name and its arithmetic"
        guard case let .mapping(mapping) = node else {
            throw DiagnosticList(.error(.wrongValueType, "'derive' must be a mapping of new column names to expressions, found \(node.kindName)",
                                        at: spec.source.location(of: node), hint: example))
        }
        var shape = table
        shape.rows = []
        shape.rowLines = []
        var derived: [DerivedColumn] = []
        for (keyNode, value) in mapping {
            let name = (keyNode.scalarText ?? "").trimmed
            guard !name.isEmpty else {
                throw DiagnosticList(.error(.wrongValueType, "a derived column needs a name", at: spec.source.location(of: keyNode), hint: example))
            }
            guard shape.column(name) == nil else {
                throw DiagnosticList(.error(.columnExists, "'derive' names a column '\(name)' that \(table.path) already has",
                                            at: spec.source.location(of: keyNode), hint: "give the computed column a new name, e.g. '\(name) (derived)'"))
            }
            guard let text = value.scalarText, !text.trimmed.isEmpty else {
                throw DiagnosticList(.error(.wrongValueType, "'\(name)' of 'derive' must be an expression such as Value / 1e12, found \(value.kindName)",
                                            at: spec.source.location(of: value), hint: example))
            }
            let expression = try DeriveParser.parse(text, table: shape, location: spec.textLocation(of: value))
            let column = DerivedColumn(name: name, text: text, expression: expression)
            derived.append(column)
            shape = column.adding(to: shape)
        }
        return derived
    }

    /// Keys of a `group:` mapping: `by` and the aggregates.
    static let groupKeys = ["by"] + RowGroup.Aggregate.allCases.map(\.rawValue)

    /// `group: {by: [Region, Year], sum: Value}`, checked against the (derived) columns.
    func rowGroup(_ spec: DirectiveSpec, table: DataTable) throws(DiagnosticList) -> RowGroup? {
        guard let node = spec.values["group"], !node.isNull else { return nil }
        let example = "write group: {by: [Region, Year], sum: Value} (aggregates: sum, mean, min, max, count)"
        guard case let .mapping(mapping) = node else {
            throw DiagnosticList(.error(.wrongValueType, "'group' must be a mapping of 'by' and aggregates, found \(node.kindName)",
                                        at: spec.source.location(of: node), hint: example))
        }
        var by: [String] = []
        var measures: [RowGroup.Measure] = []
        var used: [String: String] = [:]   // column → the key that uses it
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            guard Self.groupKeys.contains(key) else {
                throw DiagnosticList(.error(.unknownSpecKey, "unknown key '\(key)' in 'group'", at: spec.source.location(of: keyNode),
                                            hint: Suggestion.hint(for: key, in: Self.groupKeys) ?? example))
            }
            let items: [Node]
            if case let .sequence(sequence) = value { items = Array(sequence) } else { items = [value] }
            for item in items {
                guard let text = item.scalarText else {
                    throw DiagnosticList(.error(.wrongValueType, "each item of '\(key)' in 'group' must be a column name, found \(item.kindName)",
                                                at: spec.source.location(of: item), hint: example))
                }
                let location = spec.source.location(of: item)
                let column = try spec.column(Located(value: text.trimmed, location: location), in: table)
                if let earlier = used[column.name] {
                    throw DiagnosticList(.error(.invalidGroup, "column '\(column.name)' is named by both '\(earlier)' and '\(key)' in 'group'", at: location,
                                                hint: "a column is either grouped by or aggregated, once; derive a copy to aggregate it twice"))
                }
                used[column.name] = key
                guard let aggregate = RowGroup.Aggregate(rawValue: key) else {
                    by.append(column.name)
                    continue
                }
                if aggregate == .sum || aggregate == .mean, !column.type.isNumeric {
                    throw DiagnosticList(.error(.columnNotNumeric, "column '\(column.name)' is \(column.type.rawValue); '\(key)' adds numbers",
                                                at: location, hint: "use 'count' for how many values a group has, or 'min'/'max'"))
                }
                measures.append(RowGroup.Measure(column: column.name, aggregate: aggregate))
            }
        }
        guard !by.isEmpty, !measures.isEmpty else {
            throw DiagnosticList(.error(.missingSpecKey, by.isEmpty ? "'group' needs 'by': the columns whose values make a group"
                                            : "'group' needs an aggregate: sum, mean, min, max or count of a column",
                                        at: spec.source.location(of: node), hint: example))
        }
        return RowGroup(by: by, measures: measures, countLabel: strings[.groupCount])
    }
}
