/// The long description of a chart for `<desc>`: what is shown, how many categories and series,
/// the largest and smallest values with their labels, and for lines the change from first to last.
/// Every word comes from the model's interface strings (`chart_…` and `count_…` in theme.yml).
enum ChartDescription {
    static func sentence(for data: ChartData) -> String {
        let model = data.model
        let words = model.strings
        func say(_ key: String, _ values: [String: String]) -> String { InterfaceStrings.fill(words[.init(key)], values) }
        let chart = kindName(model.kind, words)
        let end = words[.init("chart_sentence_end")]
        if data.isEmpty { return say("chart_empty", ["chart": chart]) + end }
        var parts: [String] = []
        let seriesCount = data.values.count
        let format = model.valueFormat
        let all = data.allValues
        /// A value with the same decimals as the chart's other values.
        func value(_ v: Double) -> String { format.labels(for: all + [v]).last ?? "" }
        let isPercent: Bool = { if case .percent = format.style { return true } else { return false } }()
        let series = words.count(seriesCount, "series")

        switch model.kind {
        case .pie, .donut:
            let slices = (data.values.first ?? []).enumerated().compactMap { i, v in v.flatMap { $0 > 0 ? (i, $0) : nil } }
            let total = slices.reduce(0) { $0 + $1.1 }
            parts.append(say("chart_of_parts", ["chart": chart, "parts": words.count(slices.count, "part"), "total": value(total)]))
            if let most = slices.max(by: { $0.1 < $1.1 }), let least = slices.min(by: { $0.1 < $1.1 }), total > 0 {
                func shared(_ v: Double) -> String {
                    if isPercent { return value(v) }
                    let share = NumberFormat(.percent).labels(for: [(1000 * v / total).rounded() / 10])[0]
                    return say("chart_share", ["value": value(v), "share": share])
                }
                parts.append(say("chart_largest", ["label": data.labels[most.0], "value": shared(most.1)]))
                if slices.count > 1 { parts.append(say("chart_smallest", ["label": data.labels[least.0], "value": shared(least.1)])) }
            }
        default:
            let points = words.count(model.kind == .scatter ? data.allValues.count : data.count, "point")
            if (model.kind == .line || model.kind == .area) && data.count > 0 {
                parts.append(say("chart_over_points", ["chart": chart, "series": series, "points": points,
                                                       "first": data.labels[0], "last": data.labels[data.count - 1]]))
            } else if model.kind == .scatter {
                parts.append(say(seriesCount > 1 ? "chart_of_points_in_series" : "chart_of_points", ["chart": chart, "points": points, "series": series]))
            } else {
                parts.append(say(seriesCount > 1 ? "chart_of_categories_and_series" : "chart_of_categories",
                                 ["chart": chart, "categories": words.count(data.count, "category"), "series": series]))
            }
            if let title = model.yTitle { parts.append(say("chart_values", ["title": title])) }
            var cells: [(s: Int, i: Int, v: Double)] = []
            for (s, series) in data.values.enumerated() {
                for (i, v) in series.enumerated() { if let v { cells.append((s, i, v)) } }
            }
            func place(_ cell: (s: Int, i: Int, v: Double)) -> String {
                let label = data.labels[cell.i]
                return seriesCount > 1 ? say("chart_series_at", ["series": data.names[cell.s], "label": label]) : label
            }
            if let high = cells.max(by: { $0.v < $1.v }), let low = cells.min(by: { $0.v < $1.v }) {
                if high.v == low.v && cells.count > 1 {
                    parts.append(say("chart_every_value", ["value": value(high.v)]))
                } else {
                    parts.append(say("chart_highest", ["label": place(high), "value": value(high.v)]))
                    if cells.count > 1 { parts.append(say("chart_lowest", ["label": place(low), "value": value(low.v)])) }
                }
            }
            if model.kind == .stackedBar && seriesCount > 1 {
                let totals = (0..<data.count).map { i in data.values.reduce(0) { $0 + ($1[i] ?? 0) } }
                if let top = totals.indices.max(by: { totals[$0] < totals[$1] }) {
                    parts.append(say("chart_largest_total", ["label": data.labels[top], "value": format.labels(for: totals)[top]]))
                }
            }
            if model.kind == .scatter, let x0 = data.xs.compactMap({ $0 }).min(), let x1 = data.xs.compactMap({ $0 }).max() {
                let labels = model.xFormat.labels(for: [x0, x1])
                parts.append(say("chart_x_range", ["axis": model.xTitle ?? words[.init("chart_x_axis")], "from": labels[0], "to": labels[1]]))
            }
            if model.kind == .line || model.kind == .area {
                for (s, values) in data.values.enumerated().prefix(6) {
                    guard let first = values.firstIndex(where: { $0 != nil }), let last = values.lastIndex(where: { $0 != nil }), first < last,
                          let a = values[first], let b = values[last] else { continue }
                    let name = seriesCount > 1 ? data.names[s] : words[.init("chart_the_value")]
                    if a == b {
                        parts.append(say("chart_stayed", ["series": name, "value": value(a)]))
                    } else {
                        parts.append(say(b > a ? "chart_rose" : "chart_fell", ["series": name, "from": value(a), "first": data.labels[first],
                                                                              "to": value(b), "last": data.labels[last]]))
                    }
                }
            }
        }
        parts += annotationSentences(for: data)
        return parts.joined(separator: words[.init("chart_sentence_separator")]) + end
    }

    /// "Bar chart", "Scatter plot", …: the `chart_KIND` string.
    static func kindName(_ kind: ChartModel.Kind, _ words: InterfaceStrings) -> String {
        words[.init("chart_" + kind.rawValue.replacingOccurrences(of: "-", with: "_"))]
    }
}
