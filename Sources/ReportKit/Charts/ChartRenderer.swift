/// Draws a `ChartModel` as inline, accessible, responsive SVG, and its numbers as an HTML table.
///
/// The SVG has a `viewBox` 640 units wide and no fixed size (the theme styles `svg.chart` with
/// `max-width:100%;height:auto`). Colours come from CSS custom properties with Okabe–Ito fallbacks:
/// `--chart-1` … `--chart-8` for series, `--chart-text`, `--chart-muted` (tick labels),
/// `--chart-grid`, `--chart-axis` and `--chart-bg` (separators between touching marks).
public enum ChartRenderer {
    /// The design width of every chart, in SVG user units.
    public static let designWidth = 640.0

    /// The chart as one inline `<svg>` element with `role="img"`, `<title>` and `<desc>`.
    public static func svg(for model: ChartModel) -> String {
        let data = ChartData(model)
        var canvas = ChartCanvas(data: data)
        if data.isEmpty {
            canvas.drawEmpty()
        } else {
            switch model.kind {
            case .bar, .horizontalBar, .groupedBar, .stackedBar:
                canvas.drawBars()
            case .line, .area:
                canvas.drawLines()
            case .pie, .donut:
                canvas.drawPie()
            case .scatter:
                canvas.drawScatter()
            }
        }
        return assemble(model: model, data: data, canvas: canvas)
    }

    /// The chart's numbers as an HTML `<table class="chart-data-table">`: one row per category (or x
    /// value), one column per series, values formatted with the model's `valueFormat`.
    public static func dataTable(for model: ChartModel) -> String {
        ChartDataTable.html(for: ChartData(model))
    }

    /// Wraps the drawn marks in the `<svg>` element with its title and description. The viewBox grows
    /// to take in any text the layout could not keep inside (it should never need to).
    private static func assemble(model: ChartModel, data: ChartData, canvas: ChartCanvas) -> String {
        var minX = 0.0, minY = 0.0, maxX = designWidth, maxY = canvas.height
        for text in canvas.svg.texts {
            let box = SVGBuilder.box(of: text)
            minX = min(minX, box.0 - 1); minY = min(minY, box.1 - 1)
            maxX = max(maxX, box.2 + 1); maxY = max(maxY, box.3 + 1)
        }
        let n = SVGBuilder.number
        let id = model.id.htmlEscaped
        let viewBox = "\(n(minX.rounded(.down))) \(n(minY.rounded(.down))) \(n((maxX - minX.rounded(.down)).rounded(.up))) \(n((maxY - minY.rounded(.down)).rounded(.up)))"
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-\(model.kind.rawValue)\" viewBox=\"\(viewBox)\""
        out += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
        out += " style=\"max-width:100%;height:auto;font-family:system-ui,sans-serif;font-size:12px;font-variant-numeric:tabular-nums;fill:\(ChartPaint.text.css)\">"
        out += "<title id=\"\(id)-title\">\(model.title.htmlEscaped)</title>"
        out += "<desc id=\"\(id)-desc\">\(ChartDescription.sentence(for: data).htmlEscaped)</desc>"
        out += canvas.svg.markup
        out += "</svg>"
        return out
    }
}
