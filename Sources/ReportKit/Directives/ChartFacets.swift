/// Small multiples (`facet: Country Name`): one small chart per value of a column, in the order the
/// values first appear in the rows (after filter, latest, top, sort and limit; line and area charts
/// by their last value, largest first), all on one shared
/// value scale (and one shared x range for numbers, years and dates), so heights compare across charts.
///
/// Each small chart is its own `<svg>` (with its own title and description for screen readers)
/// in a CSS grid (`.chart-facets` in the theme): the grid wraps them to the width of the page and
/// to one column on a phone, which one SVG could only do by being drawn for each width. The
/// facet's name stands above its chart.
extension DirectiveRenderer {
    /// The design size of one small chart (SVG units): readable at one column on a 390 px phone
    /// and at two or three columns on a wide screen.
    static let facetWidth = 300.0
    static let facetHeight = 240.0
    /// More small charts than this is an error: no reader compares them.
    static let maxFacets = 36

    /// The figure of a faceted chart, its warnings and its download: several SVGs, so the figure
    /// downloads as its rows (facet column first), not as one SVG.
    func facetedChart(_ spec: DirectiveSpec, table: DataTable, rows: DataTable, anchor: String, caption: String,
                      captionHTML: String, footer: String) throws(DiagnosticList) -> (html: String, warnings: [Diagnostic], download: FigureDownload) {
        let facetName = try spec.requiredString("facet")
        let column = try spec.column(Located(value: facetName.value.trimmed, location: facetName.location), in: table)
        let index = rows.columnIndex(column.name)!
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (row, cells) in rows.rows.enumerated() {
            let value = cells[index].text
            guard !value.isEmpty else { continue }
            if members[value] == nil { order.append(value) }
            members[value, default: []].append(row)
        }
        guard order.count <= Self.maxFacets else {
            throw DiagnosticList(.error(.invalidFacet, "'facet: \(column.name)' would draw \(order.count) small charts; the limit is \(Self.maxFacets)",
                                        at: facetName.location, hint: "keep the values to compare, e.g. filter: \(column.name) in [A, B, C]"))
        }
        var models: [ChartModel] = []
        for (k, value) in order.enumerated() {
            var subset = rows
            subset.rows = members[value]!.map { rows.rows[$0] }
            subset.rowLines = members[value]!.map { rows.rowLines[$0] }
            let title = InterfaceStrings.fill(strings[.chartFacetTitle], ["caption": caption, "facet": value])
            var model = try chartModel(spec, table: table, rows: subset, anchor: "\(anchor)-f\(k + 1)", caption: title)
            if k == 0, model.kind == .pie || model.kind == .donut {
                throw DiagnosticList(.error(.invalidFacet, "a \(model.kind.rawValue) chart cannot be split into facets", at: facetName.location,
                                            hint: "small multiples share a value axis, which a \(model.kind.rawValue) has not got; use a bar chart"))
            }
            model.title = title
            model.xTitle = nil   // the same under every small chart; the caption says what x is
            models.append(model)
        }
        // Lines and areas read top down, as their series do (`ChartMapping.byEndValue`): largest last value first.
        if let kind = models.first?.kind, kind == .line || kind == .area {
            let ends = models.map { $0.series.first?.values.last { $0 != nil } ?? nil }
            let ranked = models.indices.sorted { (ends[$0] ?? -.infinity, -$0) > (ends[$1] ?? -.infinity, -$1) }
            (models, order) = (ranked.map { models[$0] }, ranked.map { order[$0] })
        }
        for k in models.indices { models[k].id = "\(anchor)-f\(k + 1)" }
        Self.shareScales(&models)

        var warnings: [Diagnostic] = []
        var dropped = 0
        var charts = ""
        var tables = ""
        for (model, value) in zip(models, order) {
            let (svg, droppedHere) = ChartRenderer.render(model, width: Self.facetWidth, height: Self.facetHeight)
            dropped += droppedHere
            for warning in ChartGuards.warnings(for: model, narrowSVG: svg, subject: spec.subject, location: spec.location(of: "type"))
            where !warnings.contains(where: { $0.code == warning.code }) {
                warnings.append(warning)
            }
            charts += "<div class=\"chart-facet\"><p class=\"chart-facet-title\" aria-hidden=\"true\">\(value.htmlEscaped)</p>\(svg)</div>"
            tables += "<p class=\"chart-facet-title\">\(value.htmlEscaped)</p>\(ChartRenderer.dataTable(for: model))"
        }
        warnings += ChartGuards.droppedLabels(dropped, subject: spec.subject, location: spec.location(of: "type"))
        let html = """
        <figure class="figure figure-chart figure-facets" id="\(anchor)">
        <figcaption>\(captionHTML)</figcaption>
        <div class="chart-frame chart-facets">\(charts)</div>
        <details class="chart-data"><summary>\(strings[.chartData].htmlEscaped)</summary>\(tables)</details>
        \(footer)</figure>
        """
        let columns = [column.name] + (try chartColumns(spec, table: table)).filter { $0 != column.name }
        return (html, warnings, FigureDownload(fileName: anchor + ".csv", text: Self.figureCSV(rows, columns: columns)))
    }

    /// Gives every small chart the value range of all of them (and the x range, for numeric x), as
    /// the range each must span at least; the charts have one size, so they get the same axes.
    static func shareScales(_ models: inout [ChartModel]) {
        var values: [Double] = []
        var xs: [Double] = []
        for model in models {
            let data = ChartData(model)
            let stacked = model.kind == .stackedBar || (model.kind == .area && data.values.count > 1 && !data.allValues.contains { $0 < 0 })
            if stacked {
                for i in 0..<data.count {
                    values.append(data.values.reduce(0) { $0 + min(0, $1[i] ?? 0) })
                    values.append(data.values.reduce(0) { $0 + max(0, $1[i] ?? 0) })
                }
            } else {
                values += data.allValues
            }
            if model.xKind != .category { xs += data.xs.compactMap { $0 } }
        }
        guard var lo = values.min(), var hi = values.max() else { return }
        // A line chart starts at zero unless that squashes its data; decided once for all of them.
        if lo >= 0 && lo <= hi / 2 && !(models.first?.axes.yLog ?? false) { lo = 0 }
        if hi <= 0 && hi >= lo / 2 { hi = 0 }
        for k in models.indices {
            let own = models[k].yDomain
            models[k].yDomain = min(lo, own?.lowerBound ?? lo)...max(hi, own?.upperBound ?? hi)
            if let x0 = xs.min(), let x1 = xs.max() {
                let ownX = models[k].axes.xDomain
                models[k].axes.xDomain = min(x0, ownX?.lowerBound ?? x0)...max(x1, ownX?.upperBound ?? x1)
            }
        }
    }
}
