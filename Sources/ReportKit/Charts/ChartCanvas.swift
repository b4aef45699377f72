import Foundation

/// The drawing state of one chart: the data, the SVG being written and the height it needs.
/// Each chart family adds its drawing method in an extension (`ChartCanvas+Bars.swift` …).
struct ChartCanvas: Sendable {
    /// Space kept free along every edge of the viewBox.
    static let pad = 4.0
    /// Gap between an axis and its tick labels.
    static let tickPadding = 6.0
    /// Height of one legend row.
    static let legendRow = 18.0

    var data: ChartData
    var svg = SVGBuilder()
    var width = ChartRenderer.designWidth
    var height = 400.0
    /// Labels the layout had no room for and left out (point labels, annotation texts): a warning.
    var droppedLabels = 0
    /// Boxes (minX, minY, maxX, maxY) of drawn marks (bars, line vertices) that annotation texts
    /// rather avoid; they may still cover them, with a halo, when no other place is free.
    var markBoxes: [(Double, Double, Double, Double)] = []

    init(data: ChartData) {
        self.data = data
    }

    var fontSize: Double { SVGBuilder.fontSize }
    var model: ChartModel { data.model }

    /// Width of a label at the chart font size.
    func measure(_ text: String, bold: Bool = false) -> Double {
        TextMeasure.width(text, fontSize: fontSize, bold: bold)
    }

    /// Baseline offset that centres a line of text vertically on a point.
    var centerBaseline: Double { fontSize * 0.35 }

    /// A chart with nothing to show: an empty frame saying so.
    mutating func drawEmpty() {
        height = 120
        svg.beginGroup(class: "empty", hidden: true)
        svg.rect(x: Self.pad, y: Self.pad, width: width - 2 * Self.pad, height: height - 2 * Self.pad,
                 style: "fill:none;stroke:\(ChartPaint.grid.css)")
        svg.endGroup()
        svg.text(model.strings[.noData], x: width / 2, y: height / 2 + centerBaseline, anchor: .middle, paint: .muted)
    }

    // MARK: - Header and titles

    /// The band above the plot: an optional legend, then an optional bold title (the value axis's,
    /// or the categories' for horizontal bars), left-aligned.
    struct Header {
        var legendTop: Double
        var titleBaseline: Double
        /// Where the band ends.
        var bottom: Double
    }

    /// Lays out the header for this chart's series names and title.
    func header(legend: Bool, title: String?) -> Header {
        var top = Self.pad
        let legendTop = top
        if legend { top += legendLayout(data.names, maxWidth: width - 2 * Self.pad).height + 6 }
        let titleBaseline = top + fontSize * TextMeasure.ascent
        if title != nil { top += 20 }
        return Header(legendTop: legendTop, titleBaseline: titleBaseline, bottom: top)
    }

    /// Draws what `header` laid out, and the other axis title centred under the plot at `bottomCenter`.
    mutating func drawHeaderAndTitles(_ header: Header, legend: Bool, title: String?, bottomTitle: String?, bottomCenter: Double) {
        let maxWidth = width - 2 * Self.pad
        if legend { drawLegend(data.names, x: Self.pad, y: header.legendTop, maxWidth: maxWidth) }
        if let title { drawTitle(title, x: Self.pad, y: header.titleBaseline, anchor: .start, maxWidth: maxWidth) }
        if let bottomTitle {
            drawTitle(bottomTitle, x: bottomCenter, y: height - Self.pad - fontSize * TextMeasure.descent, anchor: .middle, maxWidth: maxWidth)
        }
    }

    /// Space between an axis and the baseline of the first line of labels under it.
    var labelDrop: Double { Self.tickPadding + 2 + fontSize * TextMeasure.ascent }

    /// Height of a bottom axis with `lines` lines of labels (without the title under it).
    func bottomAxisHeight(lines: Int) -> Double {
        Self.tickPadding + 2 + Double(lines) * SVGBuilder.lineStep
    }

    // MARK: - Legend

    /// Where each legend item goes for these names in rows no wider than `maxWidth`, and the total height.
    func legendLayout(_ names: [String], maxWidth: Double) -> (items: [(x: Double, row: Int, text: String)], height: Double) {
        var items: [(x: Double, row: Int, text: String)] = []
        var x = 0.0, row = 0
        for name in names {
            let text = TextMeasure.truncate(name, maxWidth: maxWidth - 18, fontSize: fontSize)
            let itemWidth = 16 + measure(text)
            if x > 0 && x + itemWidth > maxWidth {
                x = 0
                row += 1
            }
            items.append((x, row, text))
            x += itemWidth + 16
        }
        return (items, names.isEmpty ? 0 : Double(row + 1) * Self.legendRow)
    }

    /// Draws a legend of coloured squares and series names with its top-left corner at (x, y).
    mutating func drawLegend(_ names: [String], x: Double, y: Double, maxWidth: Double) {
        let layout = legendLayout(names, maxWidth: maxWidth)
        svg.beginGroup(class: "legend")
        for (index, item) in layout.items.enumerated() {
            let top = y + Double(item.row) * Self.legendRow
            svg.rect(x: x + item.x, y: top + 3, width: 12, height: 12, style: "fill:\(data.paint(index).css)")
            svg.text(item.text, x: x + item.x + 16, y: top + 13.5)
        }
        svg.endGroup()
    }

    // MARK: - Axes

    /// Ticks and their labels for a value axis of `pixels` length, thinned until the labels have room
    /// (`spacing` is the wanted distance between ticks). The domain (the data's extent, from
    /// `valueDomain`) is widened to whole steps of the chosen ticks, so the axis always ends on a tick
    /// and never more than one step beyond the data. A log axis (`scale: log`) gets `LogTicks`.
    func valueTicks(domain: (Double, Double), pixels: Double, spacing: Double, horizontal: Bool) -> (domain: (Double, Double), ticks: [Double], labels: [String]) {
        Self.axisTicks(domain: domain, pixels: pixels, spacing: spacing, log: model.axes.yLog, format: model.valueFormat) { labels in
            horizontal ? (labels.map { measure($0) }.max() ?? 0) + 12 : fontSize * 1.6
        }
    }

    /// The ticks of a linear or log axis over the data's `domain`, `count` lowered from `pixels / spacing`
    /// until the gap between ticks is at least `needed(labels)`.
    static func axisTicks(domain: (Double, Double), pixels: Double, spacing: Double, log: Bool, format: NumberFormat,
                          needed: ([String]) -> Double) -> (domain: (Double, Double), ticks: [Double], labels: [String]) {
        var count = (pixels / spacing).clampedInt(2...1_000)
        while true {
            var nice: (Double, Double), ticks: [Double], labels: [String]
            if log, let logTicks = LogTicks.ticks(domain.0, domain.1, count: count) {
                (nice, ticks) = logTicks
                // Each tick labelled alone: a shared SI prefix or decimals would print 1 as 0.000001M.
                labels = ticks.map { format.tickLabels(for: [$0])[0] }
            } else {
                (nice, ticks) = LinearScale.niceTicks(domain.0, domain.1, count: count)
                labels = format.tickLabels(for: ticks)
            }
            if count <= 2 || ticks.count < 2 { return (nice, ticks, labels) }
            // On a log axis the closest ticks are the last two (1-2-5 or 1…9 within a decade).
            let gap = log ? pixels * Foundation.log10(ticks[ticks.count - 1] / ticks[ticks.count - 2]) / max(1e-12, Foundation.log10(nice.1 / nice.0))
                          : pixels * abs(ticks[1] - ticks[0]) / max(1e-12, abs(nice.1 - nice.0))
            if gap >= needed(labels) { return (nice, ticks, labels) }
            count -= 1
        }
    }

    /// Horizontal gridlines and tick labels left of the plot for a vertical value axis.
    mutating func drawVerticalValueAxis(scale: LinearScale, ticks: [Double], labels: [String], left: Double, right: Double) {
        svg.beginGroup(class: "grid", hidden: true, style: "stroke:\(ChartPaint.grid.css)")
        for tick in ticks where tick != 0 || scale.d0 > 0 || scale.d1 < 0 {
            svg.line(left, scale(tick), right, scale(tick))
        }
        svg.endGroup()
        svg.beginGroup(class: "axis axis-y", hidden: true, style: "fill:\(ChartPaint.muted.css)")
        for (tick, label) in zip(ticks, labels) {
            svg.text(label, x: left - Self.tickPadding, y: scale(tick) + centerBaseline, anchor: .end)
        }
        svg.endGroup()
    }

    /// Vertical gridlines and tick labels under the plot for a horizontal value axis.
    mutating func drawHorizontalValueAxis(scale: LinearScale, ticks: [Double], labels: [String], top: Double, bottom: Double, gridlines: Bool = true) {
        if gridlines {
            svg.beginGroup(class: "grid", hidden: true, style: "stroke:\(ChartPaint.grid.css)")
            for tick in ticks where tick != 0 || scale.d0 > 0 || scale.d1 < 0 {
                svg.line(scale(tick), top, scale(tick), bottom)
            }
            svg.endGroup()
        }
        svg.beginGroup(class: "axis axis-x", hidden: true, style: "fill:\(ChartPaint.muted.css)")
        for (tick, label) in zip(ticks, labels) {
            svg.text(label, x: scale(tick), y: bottom + labelDrop, anchor: .middle)
        }
        svg.endGroup()
    }

    /// The baseline or axis line, drawn over the marks' ends.
    mutating func drawAxisLine(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
        svg.beginGroup(class: "axis-line", hidden: true, style: "stroke:\(ChartPaint.axis.css)")
        svg.line(x1, y1, x2, y2)
        svg.endGroup()
    }

    /// An axis title: bold, at the given point.
    mutating func drawTitle(_ title: String, x: Double, y: Double, anchor: SVGBuilder.Anchor, maxWidth: Double) {
        let text = TextMeasure.truncate(title, maxWidth: maxWidth, fontSize: fontSize, bold: true)
        svg.text(text, x: x, y: y, anchor: anchor, bold: true)
    }

    /// The extent the value axis must show: these values, zero when `zero` is set (never on a log
    /// axis), the model's `yDomain` (the spec's `y-domain`) and its `rule: {y: …}` lines. `valueTicks`
    /// makes it nice.
    func valueDomain(_ values: [Double], zero: Bool, count: Int) -> (Double, Double) {
        var all = values + (model.yDomain.map { [$0.lowerBound, $0.upperBound] } ?? [])
        for case let .rule(.y, value, _) in model.annotations { all.append(value) }
        if model.axes.yLog { all = all.filter { $0 > 0 } }
        return Self.valueExtent(all, zero: zero && !model.axes.yLog)
    }

    /// The smallest and largest of these values, and zero when `zero` is set; `(0, 1)` for none.
    static func valueExtent(_ values: [Double], zero: Bool) -> (Double, Double) {
        guard var lo = values.min(), var hi = values.max() else { return (0, 1) }
        if zero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        return (lo, hi)
    }
}
