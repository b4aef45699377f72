/// The long description of a chart for `<desc>`: what is shown, how many categories and series,
/// the largest and smallest values with their labels, and for lines the change from first to last.
enum ChartDescription {
    static func sentence(for data: ChartData) -> String {
        let model = data.model
        if data.isEmpty { return "\(kindName(model.kind)) with no data." }
        var parts: [String] = []
        let seriesCount = data.values.count
        let format = model.valueFormat
        let all = data.allValues
        /// A value with the same decimals as the chart's other values.
        func value(_ v: Double) -> String { format.labels(for: all + [v]).last ?? "" }
        let isPercent: Bool = { if case .percent = format.style { return true } else { return false } }()

        switch model.kind {
        case .pie, .donut:
            let slices = (data.values.first ?? []).enumerated().compactMap { i, v in v.flatMap { $0 > 0 ? (i, $0) : nil } }
            let total = slices.reduce(0) { $0 + $1.1 }
            parts.append("\(kindName(model.kind)) of \(count(slices.count, "part")) of a total of \(value(total))")
            if let most = slices.max(by: { $0.1 < $1.1 }), let least = slices.min(by: { $0.1 < $1.1 }), total > 0 {
                let share = { (v: Double) in isPercent ? "" : " (" + NumberFormat(.percent).labels(for: [(1000 * v / total).rounded() / 10])[0] + ")" }
                parts.append("Largest: \(data.labels[most.0]), \(value(most.1))\(share(most.1))")
                if slices.count > 1 { parts.append("Smallest: \(data.labels[least.0]), \(value(least.1))\(share(least.1))") }
            }
        default:
            var head = "\(kindName(model.kind)) of "
            let isOverX = model.kind == .line || model.kind == .area || model.kind == .scatter
            if isOverX && data.count > 0 && model.kind != .scatter {
                head += "\(count(seriesCount, "series", plural: "series")) over \(count(data.count, "point")), \(data.labels[0]) to \(data.labels[data.count - 1])"
            } else if model.kind == .scatter {
                head += "\(count(data.allValues.count, "point"))" + (seriesCount > 1 ? " in \(count(seriesCount, "series", plural: "series"))" : "")
            } else {
                head += count(data.count, "category", plural: "categories") + (seriesCount > 1 ? " and \(count(seriesCount, "series", plural: "series"))" : "")
            }
            parts.append(head)
            if let title = model.yTitle { parts.append("Values: \(title)") }
            var cells: [(s: Int, i: Int, v: Double)] = []
            for (s, series) in data.values.enumerated() {
                for (i, v) in series.enumerated() { if let v { cells.append((s, i, v)) } }
            }
            func where_(_ cell: (s: Int, i: Int, v: Double)) -> String {
                let label = data.labels[cell.i]
                return seriesCount > 1 ? "\(data.names[cell.s]), \(label)" : label
            }
            if let high = cells.max(by: { $0.v < $1.v }), let low = cells.min(by: { $0.v < $1.v }) {
                if high.v == low.v && cells.count > 1 {
                    parts.append("Every value is \(value(high.v))")
                } else {
                    parts.append("Highest: \(where_(high)), \(value(high.v))")
                    if cells.count > 1 { parts.append("Lowest: \(where_(low)), \(value(low.v))") }
                }
            }
            if model.kind == .stackedBar && seriesCount > 1 {
                let totals = (0..<data.count).map { i in data.values.reduce(0) { $0 + ($1[i] ?? 0) } }
                if let top = totals.indices.max(by: { totals[$0] < totals[$1] }) {
                    parts.append("Largest total: \(data.labels[top]), \(format.labels(for: totals)[top])")
                }
            }
            if model.kind == .scatter, let x0 = data.xs.compactMap({ $0 }).min(), let x1 = data.xs.compactMap({ $0 }).max() {
                let labels = model.xFormat.labels(for: [x0, x1])
                parts.append("\(model.xTitle ?? "x") ranges from \(labels[0]) to \(labels[1])")
            }
            if model.kind == .line || model.kind == .area {
                for (s, series) in data.values.enumerated().prefix(6) {
                    guard let first = series.firstIndex(where: { $0 != nil }), let last = series.lastIndex(where: { $0 != nil }), first < last,
                          let a = series[first], let b = series[last] else { continue }
                    let verb = b > a ? "rose" : b < a ? "fell" : "stayed"
                    let change = b == a ? "at \(value(a))" : "from \(value(a)) (\(data.labels[first])) to \(value(b)) (\(data.labels[last]))"
                    parts.append("\(seriesCount > 1 ? data.names[s] : "The value") \(verb) \(change)")
                }
            }
        }
        return parts.joined(separator: ". ") + "."
    }

    static func kindName(_ kind: ChartModel.Kind) -> String {
        switch kind {
        case .bar: return "Bar chart"
        case .horizontalBar: return "Horizontal bar chart"
        case .groupedBar: return "Grouped bar chart"
        case .stackedBar: return "Stacked bar chart"
        case .line: return "Line chart"
        case .area: return "Area chart"
        case .pie: return "Pie chart"
        case .donut: return "Donut chart"
        case .scatter: return "Scatter plot"
        }
    }

    static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
