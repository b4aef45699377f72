/// The numbers behind a chart as an accessible HTML table: a header row of series names, a row
/// header per category (or x value), numeric cells right-aligned with class `num`.
enum ChartDataTable {
    static func html(for data: ChartData) -> String {
        let model = data.model
        let numericX = model.xKind != .category && data.xs.contains(where: { $0 != nil })
        let hasLabels = !model.categories.isEmpty
        var out = "<table class=\"chart-data-table\"><thead><tr>"
        let xTexts: [String] = data.xs.map { x in x.map { ChartData.formatX($0, kind: model.xKind, format: model.xFormat) } ?? "" }
        // Scatter-like tables with both labels and numeric x show both, unless the labels are the x values.
        let showXColumn = numericX && hasLabels && (0..<data.count).contains { data.labels[$0] != xTexts[$0] }
        let firstHeader = hasLabels ? (model.kind == .scatter ? "" : model.xTitle ?? "") : model.xTitle ?? ""
        out += "<th scope=\"col\">\(firstHeader.htmlEscaped)</th>"
        if showXColumn { out += "<th scope=\"col\" class=\"num\">\((model.xTitle ?? "x").htmlEscaped)</th>" }
        for name in data.names { out += "<th scope=\"col\" class=\"num\">\(name.htmlEscaped)</th>" }
        out += "</tr></thead><tbody>"
        let columns = data.values.map { series in
            let present = series.compactMap { $0 }
            var texts = model.valueFormat.labels(for: present).makeIterator()
            return series.map { $0 == nil ? "" : texts.next() ?? "" }
        }
        for i in 0..<data.count {
            out += "<tr><th scope=\"row\">\(data.labels[i].htmlEscaped)</th>"
            if showXColumn { out += "<td class=\"num\">\(xTexts[i].htmlEscaped)</td>" }
            for column in columns { out += "<td class=\"num\">\(column[i].htmlEscaped)</td>" }
            out += "</tr>"
        }
        out += "</tbody></table>"
        return out
    }
}
