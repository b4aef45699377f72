/// Warnings for charts that build but do not read: more series than colours, more bars than a
/// reader can tell apart, a chart taller than two screens. They go to the page's warnings
/// (`RenderedDirective.warnings`), so `build`, `check` and `serve` report them alike.
enum ChartGuards {
    /// The palette's colours (`--chart-1` … `--chart-8`).
    static let colours = 8
    /// More bars than this are a warning.
    static let maxBars = 40
    /// A phone-width drawing taller than this (SVG units, about CSS pixels) is a warning: two screens.
    static let maxHeight = 1600.0

    /// The warnings for `model`, whose phone-width drawing is `narrowSVG`, written at `location`.
    static func warnings(for model: ChartModel, narrowSVG: String, subject: String, location: SourceLocation) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let isPie = model.kind == .pie || model.kind == .donut
        // With `highlight`, only the highlighted series take colours; the others are grey on purpose.
        let colours = isPie ? model.categories.count : model.highlight.isEmpty ? model.series.count : model.highlight.count
        if colours > Self.colours {
            warnings.append(.warning(.tooManySeries, "\(subject) has \(colours) \(isPie ? "slices" : "series") but only \(Self.colours) colours, so colours repeat",
                                     at: location, hint: isPie ? "show the largest parts and group the rest, or use a bar chart"
                                                               : "highlight the series the story is about (highlight: [United States, China]), "
                                                                 + "or keep only them (filter: Country Code in [USA, CHN], or top: {n: 8, by: Value, per: Year})"))
        }
        let bars: Set<ChartModel.Kind> = [.bar, .horizontalBar, .groupedBar, .stackedBar]
        if bars.contains(model.kind), model.categories.count > Self.maxBars {
            warnings.append(.warning(.tooManyBars, "\(subject) draws \(model.categories.count) bars; more than \(Self.maxBars) cannot be read or labelled",
                                     at: location, hint: "show the largest ones (top: {n: 15, by: ...}, or sort and limit) and put the full list in a table"))
        }
        if let height = viewBoxHeight(narrowSVG), height > Self.maxHeight {
            warnings.append(.warning(.chartTooTall, "\(subject) is \(Int(height)) px tall on a phone, more than two screens",
                                     at: location, hint: "draw fewer bars or series (top:, limit:), or show the data as a table"))
        }
        return warnings
    }

    /// The warning for a chart whose layout left out `count` labels (point labels, annotation texts).
    static func droppedLabels(_ count: Int, subject: String, location: SourceLocation) -> [Diagnostic] {
        guard count > 0 else { return [] }
        return [.warning(.labelsDropped, "\(subject) had no room for \(count) label\(count == 1 ? "" : "s") and left \(count == 1 ? "it" : "them") out",
                         at: location, hint: "shorten the texts of 'note' and 'rule', put notes further apart, or draw fewer points; "
                             + "the data table under the chart still lists every value")]
    }

    /// The height in an SVG's `viewBox="x y width height"`.
    static func viewBoxHeight(_ svg: String) -> Double? {
        guard let start = svg.range(of: "viewBox=\"") else { return nil }
        let numbers = svg[start.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
        return numbers.count == 4 ? Double(numbers[3]) : nil
    }
}
