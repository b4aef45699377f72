/// Draws a `ChartModel` as inline SVG. (Placeholder until the chart engine lands.)
public enum ChartRenderer {
    /// The chart as one `<svg>` element with `role="img"`, `<title>` and `<desc>`.
    public static func svg(for model: ChartModel) -> String {
        "<svg role=\"img\" viewBox=\"0 0 640 400\" aria-labelledby=\"\(model.id)-title\"><title id=\"\(model.id)-title\">\(model.title.htmlEscaped)</title></svg>"
    }

    /// The chart's numbers as an HTML `<table>`, for a `<details>` element under the chart.
    public static func dataTable(for model: ChartModel) -> String {
        "<table></table>"
    }
}
