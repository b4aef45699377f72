/// The sentences of a chart's description that say what the spec added to the data: what is
/// highlighted, a log axis, reference lines and notes, so a screen reader hears what a sighted reader is pointed at.
extension ChartDescription {
    static func annotationSentences(for data: ChartData) -> [String] {
        let model = data.model
        let words = model.strings
        func say(_ key: String, _ values: [String: String] = [:]) -> String { InterfaceStrings.fill(words[.init(key)], values) }
        var parts: [String] = []
        if !model.highlight.isEmpty {
            parts.append(say("chart_highlighted", ["names": model.highlight.joined(separator: words[.init("chart_list_separator")])]))
        }
        if model.axes.yLog { parts.append(say("chart_log_scale")) }
        if model.axes.xLog { parts.append(say("chart_x_log_scale")) }
        /// An x position as the axis prints it: a category's label, a year, a date or a number.
        func x(_ value: Double) -> String {
            if model.xKind == .category || !data.xs.contains(where: { $0 != nil }) {
                let i = value.clampedInt(-1...data.count)
                return data.labels.indices.contains(i) ? data.labels[i] : ""
            }
            return ChartData.formatX(value, kind: model.xKind, format: model.xFormat)
        }
        for annotation in model.annotations {
            switch annotation {
            case let .rule(axis, value, label):
                let text = axis == .y ? model.valueFormat.tickLabels(for: [value])[0] : x(value)
                parts.append(label.map { say("chart_rule_labelled", ["label": $0, "value": text]) } ?? say("chart_rule", ["value": text]))
            case let .note(from, to, text):
                if let to {
                    parts.append(say("chart_note_period", ["from": x(from), "to": x(to), "text": text]))
                } else {
                    parts.append(say("chart_note", ["x": x(from), "text": text]))
                }
            }
        }
        return parts
    }
}
