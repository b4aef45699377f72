/// Draws a `ChartModel` as inline, accessible, responsive SVG, and its numbers as an HTML table.
///
/// The SVG has a `viewBox` 640 units wide and no fixed size (the theme styles `svg.chart` with
/// `max-width:100%;height:auto`). Colours come from CSS custom properties with Okabe–Ito fallbacks:
/// `--chart-1` … `--chart-8` for series, `--chart-text`, `--chart-muted` (tick labels),
/// `--chart-grid`, `--chart-axis` and `--chart-bg` (separators between touching marks).
public enum ChartRenderer {
    /// The design width of every chart, in SVG user units.
    public static let designWidth = 640.0

    /// The CSS custom properties charts paint with and the light-theme fallback each `var()` carries:
    /// `--chart-1` … `--chart-8` (series, Okabe–Ito), `--chart-text`, `--chart-muted`, `--chart-grid`,
    /// `--chart-axis`, `--chart-bg`. A theme overrides them for dark mode and print.
    public static var cssCustomProperties: [(name: String, fallback: String)] {
        ChartPaint.all.map(\.customProperty)
    }

    /// The chart as one inline `<svg>` element with `role="img"`, `<title>` and `<desc>`.
    public static func svg(for model: ChartModel) -> String {
        svg(for: model, width: designWidth)
    }

    /// The chart laid out for another design width (clamped to 280 … 1200), e.g. 360 for a variant
    /// that the theme shows on phones instead of scaling the 640-wide chart down to unreadable text.
    /// A width other than 640 suffixes the element ids with `-wWIDTH`, so both variants can share a page.
    public static func svg(for model: ChartModel, width: Double) -> String {
        render(model, width: width).svg
    }

    /// The chart laid out for `width` (as `svg(for:width:)`), with how many labels (point labels,
    /// annotation texts) the layout found no room for and left out, for a warning.
    /// `height` is the least height the layout starts from (it grows to fit); small multiples ask for less.
    public static func render(_ model: ChartModel, width: Double, height: Double = 400) -> (svg: String, droppedLabels: Int) {
        let width = min(1200, max(280, width.isFinite ? width.rounded() : designWidth))
        let data = ChartData(model)
        var canvas = ChartCanvas(data: data)
        canvas.width = width
        canvas.height = min(2_000, max(120, height.isFinite ? height : 400))
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
        return (assemble(model: model, data: data, canvas: canvas), canvas.droppedLabels)
    }

    /// The chart's numbers as an HTML `<table class="chart-data-table">`: one row per category (or x
    /// value), one column per series, values formatted with the model's `valueFormat`.
    public static func dataTable(for model: ChartModel) -> String {
        ChartDataTable.html(for: ChartData(model))
    }

    /// Wraps the drawn marks in the `<svg>` element with its title and description. The viewBox grows
    /// to take in any text the layout could not keep inside (it should never need to).
    private static func assemble(model: ChartModel, data: ChartData, canvas: ChartCanvas) -> String {
        var minX = 0.0, minY = 0.0, maxX = canvas.width, maxY = canvas.height
        for text in canvas.svg.texts {
            let box = SVGBuilder.box(of: text)
            minX = min(minX, box.0 - 1); minY = min(minY, box.1 - 1)
            maxX = max(maxX, box.2 + 1); maxY = max(maxY, box.3 + 1)
        }
        let n = SVGBuilder.number
        let id = (model.id + (canvas.width == designWidth ? "" : "-w\(Int(canvas.width))")).htmlEscaped
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
