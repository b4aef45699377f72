import Yams

/// The chart keys that change how a drawn chart reads rather than what data it shows:
/// `x-domain`, `scale`/`x-scale` (log axes), `colors`, `highlight`, `rule` and `note`.
/// Each is checked against the chart the data made (its series, categories and x axis), so an error
/// names what the chart has.
extension DirectiveRenderer {
    /// Values `scale` and `x-scale` take.
    static let scaleNames = ["linear", "log"]
    /// Keys of a `rule:` entry and of a `note:` entry.
    static let ruleKeys = ["x", "y", "label"]
    static let noteKeys = ["x", "text"]

    /// Sets the options of `spec` on `model`.
    /// `shownName` turns a series or category written as in the data file into the label the page
    /// shows (a Chinese page's `values:` label), so either form may be named.
    func applyChartOptions(_ spec: DirectiveSpec, to model: inout ChartModel, shownName: (String) -> String = { $0 }) throws(DiagnosticList) {
        try applyHighlightAndColours(spec, to: &model, shownName: shownName)
        if spec.values["x-domain"] != nil {
            let items = try spec.stringList("x-domain")
            let bounds = try items.map { item throws(DiagnosticList) in try xPosition(item, in: model, key: "x-domain", categories: false) }
            guard bounds.count == 2, bounds[0] < bounds[1] else {
                throw DiagnosticList(.error(.invalidDomain, "'x-domain' must be two values, the smaller first, found \(items.map(\.value))",
                                            at: spec.location(of: "x-domain"), hint: "write x-domain: [1990, 2030]"))
            }
            model.axes.xDomain = bounds[0]...bounds[1]
        }
        model.axes.yLog = try isLog(spec, key: "scale", kind: model.kind, allowed: ChartAxes.logKinds)
        model.axes.xLog = try isLog(spec, key: "x-scale", kind: model.kind, allowed: [.scatter])
        model.annotations = try annotations(spec, model: model)
        try checkLogValues(spec, model: model)
    }

    /// The names `highlight` and `colors` may use: the series, or the categories of a one-series bar
    /// chart or scatter plot (its bars, its labelled points).
    static func paintableNames(_ model: ChartModel) -> [String] {
        let names = model.series.map(\.name)
        guard model.series.count == 1, ChartModel.categoryPaintKinds.contains(model.kind) else { return names }
        return names + model.categories
    }

    private func applyHighlightAndColours(_ spec: DirectiveSpec, to model: inout ChartModel, shownName: (String) -> String) throws(DiagnosticList) {
        let names = Self.paintableNames(model)
        func known(_ written: Located<String>, _ key: String) throws(DiagnosticList) -> String {
            let shown = shownName(written.value)
            let name = Located(value: names.contains(shown) ? shown : written.value, location: written.location)
            guard names.contains(name.value) else {
                throw DiagnosticList(.error(.unknownSeries, "no series '\(name.value)' to \(key == "highlight" ? "highlight" : "colour") in \(spec.subject)", at: name.location,
                                            hint: Suggestion.hint(for: name.value, in: names, noun: "a series:")
                                                ?? "\(key) names series, the values of the 'series' column or the y columns' labels (or the bars or points of a one-series bar chart or scatter plot)"))
            }
            return name.value
        }
        for name in try spec.stringList("highlight") {
            model.highlight.append(try known(name, "highlight"))
        }
        guard let node = spec.values["colors"], !node.isNull else { return }
        guard case let .mapping(mapping) = node else {
            throw DiagnosticList(.error(.wrongValueType, "'colors' must be a mapping of series to colours, found \(node.kindName)",
                                        at: spec.source.location(of: node), hint: "write colors: {United States: blue, China: orange}"))
        }
        for (keyNode, value) in mapping {
            let name = try known(Located(value: keyNode.scalarText ?? "", location: spec.source.location(of: keyNode)), "colors")
            let colour = (value.scalarText ?? "").trimmed.lowercased()
            guard let index = ChartPaint.colourNames.firstIndex(of: colour) else {
                throw DiagnosticList(.error(.unknownColour, "unknown colour '\(value.scalarText ?? value.kindName)' for '\(name)'", at: spec.source.location(of: value),
                                            hint: Suggestion.hint(for: colour, in: ChartPaint.colourNames, noun: "one of the palette's colours:")))
            }
            model.colors[name] = index
        }
    }

    /// Whether `key` asks for a log axis; an error for another word or a chart kind not in `allowed`.
    private func isLog(_ spec: DirectiveSpec, key: String, kind: ChartModel.Kind, allowed: Set<ChartModel.Kind>) throws(DiagnosticList) -> Bool {
        guard let value = try spec.string(key) else { return false }
        let name = value.value.trimmed.lowercased()
        guard Self.scaleNames.contains(name) else {
            throw DiagnosticList(.error(.invalidScale, "unknown \(key) '\(value.value)'", at: value.location,
                                        hint: Suggestion.hint(for: name, in: Self.scaleNames) ?? "write \(key): log or \(key): linear"))
        }
        guard name == "log" else { return false }
        guard allowed.contains(kind) else {
            let charts = ChartModel.Kind.allCases.filter(allowed.contains).map(\.rawValue).joined(separator: " and ")
            throw DiagnosticList(.error(.invalidScale, "a \(kind.rawValue) chart cannot take '\(key): log'", at: value.location,
                                        hint: "a log axis suits \(charts) charts; bars and areas show amounts by their length from zero, which a log axis has not got"))
        }
        return true
    }

    /// A zero or negative value on a log axis is an error naming the first one.
    private func checkLogValues(_ spec: DirectiveSpec, model: ChartModel) throws(DiagnosticList) {
        let y = (try? spec.stringList("y").first?.value) ?? nil
        func hint(_ key: String) -> String {
            let column = key == "scale" ? y ?? "Value" : (try? spec.string("x")?.value) ?? "x"
            return "a log axis shows positive numbers only: filter those rows out (e.g. filter: \(column) > 0), or remove '\(key): log'"
        }
        if model.axes.yLog {
            var found: (series: String, label: String, value: Double)?
            for series in model.series where found == nil {
                if let i = series.values.firstIndex(where: { ($0 ?? 1) <= 0 }) {
                    let label = i < model.categories.count ? model.categories[i] : ""
                    found = (series.name, label, series.values[i]!)
                }
            }
            let limits = (model.yDomain.map { [$0.lowerBound] } ?? []) + model.annotations.compactMap { if case let .rule(.y, v, _) = $0 { v } else { nil } }
            if found == nil, let bad = limits.first(where: { $0 <= 0 }) { found = ("y-domain or rule", "", bad) }
            if let found {
                let place = found.label.isEmpty ? "'\(found.series)'" : "'\(found.series)' at \(found.label)"
                throw DiagnosticList(.error(.logScaleNotPositive, "'scale: log' cannot place the value \(found.value.wholeNumberText) of \(place): a log axis has no zero",
                                            at: spec.location(of: "scale"), hint: hint("scale")))
            }
        }
        if model.axes.xLog, let bad = (model.xValues + (model.axes.xDomain.map { [$0.lowerBound] } ?? [])).first(where: { $0 <= 0 }) {
            throw DiagnosticList(.error(.logScaleNotPositive, "'x-scale: log' cannot place the x value \(bad.wholeNumberText): a log axis has no zero",
                                        at: spec.location(of: "x-scale"), hint: hint("x-scale")))
        }
    }

    // MARK: - Annotations

    /// The `rule:` and `note:` entries (each one mapping or a list of them), rules first.
    private func annotations(_ spec: DirectiveSpec, model: ChartModel) throws(DiagnosticList) -> [ChartAnnotation] {
        var result: [ChartAnnotation] = []
        for node in spec.nodeList("rule") {
            let fields = try annotationFields(node, key: "rule", allowed: Self.ruleKeys, spec: spec)
            let label = fields["label"]?.value
            switch (fields["x"], fields["y"]) {
            case let (nil, y?):
                guard let value = CellParser.number(y.value)?.value, abs(value) <= ChartModel.valueLimit else {
                    throw DiagnosticList(.error(.invalidAnnotation, "the y of a rule must be a number, found '\(y.value)'", at: y.location,
                                                hint: "write rule: {y: 0, label: Break-even}"))
                }
                result.append(.rule(axis: .y, value: value, label: label))
            case let (x?, nil):
                try requireXAxis(spec, model: model, key: "rule", location: x.location)
                result.append(.rule(axis: .x, value: try xPosition(x, in: model, key: "rule", categories: true), label: label))
            default:
                throw DiagnosticList(.error(.invalidAnnotation, "a rule needs either 'x' or 'y' (one of them)", at: spec.source.location(of: node),
                                            hint: "write rule: {y: 0, label: Break-even} for a line across, or rule: {x: 2008} for a line up"))
            }
        }
        for node in spec.nodeList("note") {
            let fields = try annotationFields(node, key: "note", allowed: Self.noteKeys, spec: spec)
            guard let text = fields["text"], !text.value.trimmed.isEmpty, let xNode = noteX(node) else {
                throw DiagnosticList(.error(.invalidAnnotation, "a note needs 'x' (a value or [from, to]) and 'text'", at: spec.source.location(of: node),
                                            hint: "write note: {x: 2008, text: Financial crisis} or note: {x: [2008, 2009], text: Recession}"))
            }
            try requireXAxis(spec, model: model, key: "note", location: spec.source.location(of: xNode))
            let points = try xNodeValues(xNode, spec: spec).map { item throws(DiagnosticList) in try xPosition(item, in: model, key: "note", categories: true) }
            guard points.count == 1 || (points.count == 2 && points[0] < points[1]) else {
                throw DiagnosticList(.error(.invalidAnnotation, "the x of a note is one value or a period [from, to], the earlier first",
                                            at: spec.source.location(of: xNode), hint: "write note: {x: [2008, 2009], text: Recession}"))
            }
            result.append(.note(from: points[0], to: points.count == 2 ? points[1] : nil, text: text.value.trimmed))
        }
        return result
    }

    /// The scalar fields of one `rule`/`note` mapping (a note's `x` list is read by `noteX`).
    private func annotationFields(_ node: Node, key: String, allowed: [String], spec: DirectiveSpec) throws(DiagnosticList) -> [String: Located<String>] {
        let example = key == "rule" ? "rule: {y: 0, label: Break-even}" : "note: {x: 2008, text: Financial crisis}"
        guard case let .mapping(mapping) = node else {
            throw DiagnosticList(.error(.invalidAnnotation, "'\(key)' must be a mapping (or a list of them), found \(node.kindName)",
                                        at: spec.source.location(of: node), hint: "write \(example)"))
        }
        var fields: [String: Located<String>] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.scalarText ?? ""
            guard allowed.contains(name) else {
                throw DiagnosticList(.error(.unknownSpecKey, "unknown key '\(name)' in '\(key)'", at: spec.source.location(of: keyNode),
                                            hint: Suggestion.hint(for: name, in: allowed)))
            }
            if let text = value.scalarText { fields[name] = Located(value: text, location: spec.source.location(of: value)) }
        }
        return fields
    }

    /// The `x` node of a note mapping.
    private func noteX(_ node: Node) -> Node? {
        guard case let .mapping(mapping) = node else { return nil }
        return mapping.first { $0.key.scalarText == "x" }?.value
    }

    /// The one or two values of a note's `x`.
    private func xNodeValues(_ node: Node, spec: DirectiveSpec) throws(DiagnosticList) -> [Located<String>] {
        let items: [Node]
        if case let .sequence(sequence) = node { items = Array(sequence) } else { items = [node] }
        return try items.map { item throws(DiagnosticList) in
            guard let text = item.scalarText else {
                throw DiagnosticList(.error(.invalidAnnotation, "the x of a note must be a value or [from, to], found \(item.kindName)",
                                            at: spec.source.location(of: item), hint: "write note: {x: [2008, 2009], text: Recession}"))
            }
            return Located(value: text, location: spec.source.location(of: item))
        }
    }

    /// Rules across x and notes need an x axis running left to right: not a pie, not horizontal bars.
    private func requireXAxis(_ spec: DirectiveSpec, model: ChartModel, key: String, location: SourceLocation) throws(DiagnosticList) {
        let refused: Set<ChartModel.Kind> = [.pie, .donut, .horizontalBar]
        guard refused.contains(model.kind) else { return }
        throw DiagnosticList(.error(.invalidAnnotation, "a \(model.kind.rawValue) chart has no x axis for a \(key) at an x value", at: location,
                                    hint: model.kind == .horizontalBar ? "on horizontal bars, mark a value with rule: {y: …} (the value axis)"
                                                                       : "use a bar or line chart to point at a category or a time"))
    }

    /// Where `item` falls on the chart's x axis: a number or year, a date (days since 1970), or with
    /// `categories` a category's position; an error naming what the axis holds otherwise.
    private func xPosition(_ item: Located<String>, in model: ChartModel, key: String, categories: Bool) throws(DiagnosticList) -> Double {
        let text = item.value.trimmed
        switch model.xKind {
        case .category:
            guard categories else {
                throw DiagnosticList(.error(.invalidDomain, "'\(key)' needs numbers, years or dates on the x axis; this chart's x values are categories",
                                            at: item.location, hint: "remove '\(key)', or choose a numeric x column"))
            }
            guard let index = model.categories.firstIndex(of: text) else {
                throw DiagnosticList(.error(.invalidAnnotation, "no x value '\(text)' in this chart for the \(key)", at: item.location,
                                            hint: (CellParser.number(text) == nil ? Suggestion.hint(for: text, in: model.categories, noun: "an x value:")
                                                  : Suggestion.choices(model.categories, noun: "one of the x values:")) ?? "name one of the chart's x values"))
            }
            return Double(index)
        case .date:
            guard let days = ISODate.daysSince1970(text) else {
                throw DiagnosticList(.error(key == "x-domain" ? .invalidDomain : .invalidAnnotation, "the x axis holds dates; '\(text)' is not a date",
                                            at: item.location, hint: "write dates as yyyy-mm-dd, e.g. 2008-09-15"))
            }
            return Double(days)
        case .year, .linear:
            guard let value = CellParser.number(text)?.value, abs(value) <= ChartModel.valueLimit else {
                throw DiagnosticList(.error(key == "x-domain" ? .invalidDomain : .invalidAnnotation, "the x axis holds numbers; '\(text)' is not a number",
                                            at: item.location, hint: key == "x-domain" ? "write x-domain: [1990, 2030]" : "write \(key): {x: 2008, …}"))
            }
            return value
        }
    }
}
