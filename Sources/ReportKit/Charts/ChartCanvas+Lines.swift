/// Line and area charts over categories, years, dates or numbers. Several lines are labelled at
/// their ends; a legend replaces the end labels when they would collide or drift far from their line.
extension ChartCanvas {
    /// Where everything of a line chart goes, computed before anything is drawn.
    private struct LinePlan {
        var top = 0.0, left = 0.0, right = 0.0, plotBottom = 0.0
        var header = Header(legendTop: 0, titleBaseline: 0, bottom: 0)
        var useLegend = false
        var yScale = LinearScale(domain: (0, 1), range: (0, 1))
        var yTicks: [Double] = [], yTickLabels: [String] = []
        /// x position of each index, `nil` when the index has no usable x.
        var xs: [Double?] = []
        /// x-axis labels: lines of text and where they are centred.
        var xLabels: [(lines: [String], x: Double)] = []
        var xTicksAreMarks = false
        /// The numeric x axis's scale; `nil` when x is categories.
        var xScale: LinearScale?
        /// Labels at the line ends: series, lines of text, the point labelled and the label's centre.
        var endLabels: [(series: Int, lines: [String], x: Double, pointY: Double, y: Double)] = []
    }

    /// `true` when several areas are stacked on each other.
    private var stacksAreas: Bool {
        model.kind == .area && data.values.count > 1 && !data.allValues.contains(where: { $0 < 0 })
    }

    /// The top line of each series: the values, or for stacked areas the running totals.
    private var plotted: [[Double?]] {
        guard stacksAreas else { return data.values }
        var running = Array(repeating: 0.0, count: data.count)
        return data.values.map { series in
            series.enumerated().map { i, value in
                running[i] += value ?? 0
                return value == nil ? nil : running[i]
            }
        }
    }

    mutating func drawLines() {
        let multi = data.values.count > 1
        let plan = planLines(legend: stacksAreas) ?? planLines(legend: true)!
        let isArea = model.kind == .area
        let width = self.width, left = plan.left, right = plan.right
        let plotRight = width - right
        let y = plan.yScale
        let tops = plotted

        drawVerticalValueAxis(scale: y, ticks: plan.yTicks, labels: plan.yTickLabels, left: left, right: plotRight)
        let plot = PlotArea(left: left, right: plotRight, top: plan.top, bottom: plan.plotBottom, value: y) { value in
            if let xScale = plan.xScale { return (xScale(value), 0) }
            let i = value.clampedInt(-1...plan.xs.count)
            return plan.xs.indices.contains(i) ? plan.xs[i].map { ($0, 0) } : nil
        }
        drawAnnotationBands(plot)

        // Areas first, then lines on top.
        svg.beginGroup(class: "marks")
        if isArea {
            for (s, series) in tops.enumerated().reversed() {
                let opacity = stacksAreas ? "0.85" : "0.25"
                var path = SVGBuilder.PathData()
                for segment in segments(series, xs: plan.xs) where segment.count > 1 {
                    let bases: [Double] = segment.map { i in
                        guard stacksAreas, s > 0 else { return 0 }
                        return tops[s - 1][i] ?? (data.values[0..<s].reduce(0) { $0 + ($1[i] ?? 0) })
                    }
                    path.move(plan.xs[segment[0]]!, y(series[segment[0]]!))
                    for i in segment.dropFirst() { path.line(plan.xs[i]!, y(series[i]!)) }
                    for (k, i) in segment.enumerated().reversed() { path.line(plan.xs[i]!, y(bases[k])) }
                    path.close()
                }
                if !path.d.isEmpty {
                    svg.path(path.d, style: "fill:\(data.paint(s).css);fill-opacity:\(opacity);stroke:none", title: multi ? data.names[s] : nil)
                }
            }
        }
        for s in data.drawOrder where s < tops.count {
            let series = tops[s]
            var path = SVGBuilder.PathData()
            let pieces = segments(series, xs: plan.xs)
            for segment in pieces where segment.count > 1 {
                path.move(plan.xs[segment[0]]!, y(series[segment[0]]!))
                for i in segment.dropFirst() { path.line(plan.xs[i]!, y(series[i]!)) }
            }
            for i in pieces.joined() { markBoxes.append((plan.xs[i]! - 2, y(series[i]!) - 2, plan.xs[i]! + 2, y(series[i]!) + 2)) }
            let paint = data.paint(s).css
            if !path.d.isEmpty {
                let stroke = stacksAreas ? ChartPaint.background.css : paint
                svg.path(path.d, style: "fill:none;stroke:\(stroke);stroke-width:\(stacksAreas ? 1 : 2);stroke-linejoin:round;stroke-linecap:round",
                         title: multi ? data.names[s] : nil)
            }
            // Markers: on every point of short lines, and always on points that stand alone.
            let markAll = !isArea && data.count <= 24
            let labelled = plan.endLabels.first { $0.series == s }.flatMap { _ in pieces.last?.last }
            svg.beginGroup(class: "points", style: "fill:\(paint);stroke:\(ChartPaint.background.css);stroke-width:1")
            for segment in pieces {
                for i in segment where markAll || segment.count == 1 || i == labelled {
                    svg.circle(cx: plan.xs[i]!, cy: y(series[i]!), r: 3.5, title: tooltip(series: s, index: i))
                }
            }
            svg.endGroup()
        }
        svg.endGroup()

        // Baseline at zero (or the bottom of the plot).
        let baseline = y.d0 <= 0 && y.d1 >= 0 ? y(0) : plan.plotBottom
        drawAxisLine(left, baseline, plotRight, baseline)

        // x axis.
        svg.beginGroup(class: "axis axis-x", hidden: true)
        if plan.xTicksAreMarks {
            svg.beginGroup(class: "ticks", style: "stroke:\(ChartPaint.axis.css)")
            for label in plan.xLabels { svg.line(label.x, plan.plotBottom, label.x, plan.plotBottom + 4) }
            svg.endGroup()
        }
        svg.beginGroup(class: "tick-labels", style: "fill:\(ChartPaint.muted.css)")
        for label in plan.xLabels {
            svg.lines(label.lines, x: label.x, y: plan.plotBottom + labelDrop, anchor: .middle)
        }
        svg.endGroup()
        svg.endGroup()

        // End labels: series names (several lines) or the last value (one line).
        if plan.endLabels.contains(where: { abs($0.y - $0.pointY) > 3 }) {
            svg.beginGroup(class: "leaders", hidden: true, style: "stroke:\(ChartPaint.axis.css);stroke-width:0.75")
            for label in plan.endLabels where abs(label.y - label.pointY) > 3 {
                svg.line(label.x + 5, label.pointY, label.x + 10, label.y)
            }
            svg.endGroup()
        }
        svg.beginGroup(class: "labels")
        for label in plan.endLabels {
            let first = label.y - Double(label.lines.count - 1) * SVGBuilder.lineStep / 2 + centerBaseline
            svg.lines(label.lines, x: label.x + 12, y: first)
        }
        svg.endGroup()
        drawAnnotations(plot)

        drawHeaderAndTitles(plan.header, legend: plan.useLegend, title: model.yTitle, bottomTitle: model.xTitle, bottomCenter: (left + plotRight) / 2)
    }

    /// Runs of consecutive indices where both x and the value are present.
    private func segments(_ series: [Double?], xs: [Double?]) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        for i in series.indices {
            if series[i] != nil, i < xs.count, xs[i] != nil {
                current.append(i)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Lays out a line chart; `nil` when end labels were asked for but do not work.
    private mutating func planLines(legend useLegend: Bool) -> LinePlan? {
        var plan = LinePlan()
        plan.useLegend = useLegend && data.values.count > 1
        let pad = Self.pad
        let multi = data.values.count > 1
        let tops = plotted
        plan.header = header(legend: plan.useLegend, title: model.yTitle)
        let top = plan.header.bottom + 8
        plan.top = top

        // y domain: areas start at zero; lines too unless that squashes the data into a thin band.
        let values = tops.flatMap { $0.compactMap { $0 } }
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let zero = model.kind == .area || (lo >= 0 && lo <= hi / 2) || (hi <= 0 && hi >= lo / 2)
        let domain: (Double, Double)
        (domain, plan.yTicks, plan.yTickLabels) = valueTicks(domain: valueDomain(values, zero: zero, count: 5),
                                                             pixels: height - top - 80, spacing: 50, horizontal: false)
        plan.left = pad + max(8, plan.yTickLabels.map { measure($0) }.max() ?? 0) + Self.tickPadding

        // Right margin: end labels, or half of the last x label.
        let lastIndex: [Int?] = tops.map { series in series.indices.last(where: { series[$0] != nil && data.xs.indices.contains($0) }) }
        var endTexts: [[String]?] = []
        if multi && !useLegend {
            // Every line must reach the right edge for its label to sit there; names wrap onto 2 lines.
            guard lastIndex.allSatisfy({ $0 == data.count - 1 }) else { return nil }
            endTexts = data.names.map { TextMeasure.wrap($0, maxWidth: 140, fontSize: fontSize, maxLines: 2) }
            guard endTexts.allSatisfy({ $0 != nil }) else { return nil }
        } else if !multi {
            let labels = model.valueFormat.labels(for: data.values.first?.compactMap { $0 } ?? [])
            endTexts = [lastIndex.first.flatMap { $0 } == nil ? nil : labels.last.map { [$0] }]
        }
        let endWidth = endTexts.compactMap { $0?.map { measure($0) }.max() }.max() ?? 0
        plan.right = pad + (endWidth > 0 ? endWidth + 14 : 12)

        // x axis.
        var bottom = pad
        let plotLeft = plan.left
        var plotRight = width - plan.right
        if model.xKind == .category || !data.xs.contains(where: { $0 != nil }) {
            let step = (plotRight - plotLeft) / Double(max(1, data.count))
            plan.xs = (0..<data.count).map { plotLeft + (Double($0) + 0.5) * step }
            // Each label wraps onto 2 lines within its share of the axis and never past the edges;
            // when they do not fit, only every k-th category is labelled (truncated as a last resort).
            let xs = plan.xs.map { $0 ?? 0 }
            func room(_ i: Int, every k: Int) -> Double {
                min(step * Double(k) - 6, 2 * (xs[i] - pad), 2 * (width - pad - xs[i]))
            }
            var every = 1
            var labels: [(lines: [String], x: Double)] = []
            var found = false
            while every <= max(1, data.count) && !found {
                labels = []
                found = true
                for i in stride(from: 0, to: data.count, by: every) {
                    guard let lines = TextMeasure.wrap(data.labels[i], maxWidth: room(i, every: every), fontSize: fontSize, maxLines: 2) else {
                        found = false
                        break
                    }
                    labels.append((lines, xs[i]))
                }
                if !found { every += 1 }
            }
            if !found {
                every = (90 / step).rounded(.up).clampedInt(1...max(1, data.count))
                labels = stride(from: 0, to: data.count, by: every).map { i in
                    (TextMeasure.wrapTruncating(data.labels[i], maxWidth: max(14, room(i, every: every)), fontSize: fontSize, maxLines: 2), xs[i])
                }
            }
            plan.xLabels = labels
            plan.xTicksAreMarks = every > 1
        } else {
            let present = data.xs.compactMap { $0 } + xAxisExtras
            var x0 = present.min()!, x1 = present.max()!
            if x0 == x1 { x0 -= 1; x1 += 1 }
            // Half of the outermost labels must fit in the margins.
            var ticks = xTicks(x0, x1, pixels: plotRight - plotLeft)
            if let last = ticks.last, last.value >= x1 - (x1 - x0) * 0.02 {
                let half = measure(last.label) / 2 + pad
                if plan.right < half { plan.right = half; plotRight = width - plan.right }
                ticks = xTicks(x0, x1, pixels: plotRight - plotLeft)
            }
            if let first = ticks.first, first.value <= x0 + (x1 - x0) * 0.02 {
                plan.left = max(plan.left, pad + measure(first.label) / 2)
            }
            let scale = LinearScale(domain: (x0, x1), range: (plan.left, plotRight))
            plan.xs = data.xs.map { $0.map { scale($0) } }
            plan.xScale = scale
            plan.xLabels = ticks.map { ([$0.label], scale($0.value)) }
            plan.xTicksAreMarks = true
        }
        let xLineCount = plan.xLabels.map(\.lines.count).max() ?? 1
        bottom += bottomAxisHeight(lines: xLineCount)
        if model.xTitle != nil { bottom += 20 }
        height = max(height, top + 200 + bottom)
        plan.plotBottom = height - bottom
        plan.yScale = LinearScale(domain: domain, range: (plan.plotBottom, top), log: model.axes.yLog)

        // End labels, pushed apart vertically.
        var items: [(series: Int, lines: [String], x: Double, target: Double)] = []
        for (s, lines) in endTexts.enumerated() {
            guard let lines, let last = lastIndex[s], let x = plan.xs[last], let v = tops[s][last] else { continue }
            items.append((s, lines, x, plan.yScale(v)))
        }
        items.sort { $0.target < $1.target || ($0.target == $1.target && $0.series < $1.series) }
        let heights = items.map { Double($0.lines.count) * SVGBuilder.lineStep }
        var ys = items.map(\.target)
        let minY = top - 4, maxY = plan.plotBottom + 4
        for k in ys.indices.dropFirst() { ys[k] = max(ys[k], ys[k - 1] + (heights[k - 1] + heights[k]) / 2 + 1) }
        if let last = ys.indices.last, ys[last] + heights[last] / 2 > maxY {
            ys[last] = maxY - heights[last] / 2
            for k in ys.indices.dropLast().reversed() { ys[k] = min(ys[k], ys[k + 1] - (heights[k] + heights[k + 1]) / 2 - 1) }
        }
        if let first = ys.first, first - heights[0] / 2 < minY {
            if multi { return nil }
            ys[0] = minY + heights[0] / 2
        }
        if multi, zip(ys, items).contains(where: { abs($0 - $1.target) > 3 * SVGBuilder.lineStep }) { return nil }
        plan.endLabels = zip(items, ys).map { ($0.series, $0.lines, $0.x, $0.target, $1) }
        return plan
    }

    /// Ticks for a numeric x axis: whole years, calendar dates or nice numbers, thinned until the
    /// labels have room.
    private func xTicks(_ x0: Double, _ x1: Double, pixels: Double) -> [(value: Double, label: String)] {
        var count = (pixels / 80).clampedInt(2...1_000)
        while true {
            let ticks: [(value: Double, label: String)]
            switch model.xKind {
            case .year:
                var values = LinearScale.ticks(x0, x1, count: count).filter { $0 == $0.rounded() }
                if values.isEmpty { values = [x0.rounded(.up)].filter { $0 <= x1 } }
                ticks = values.map { ($0, model.xFormat.locale.yearText($0.wholeNumberText)) }
            case .date:
                ticks = dateTicks(x0, x1, count: count)
            case .linear, .category:
                let values = LinearScale.ticks(x0, x1, count: count)
                ticks = Array(zip(values, model.xFormat.tickLabels(for: values)))
            }
            guard count > 2, ticks.count > 1 else { return ticks }
            let spacing = pixels * (ticks[1].value - ticks[0].value) / (x1 - x0)
            if spacing >= (ticks.map { measure($0.label) }.max() ?? 0) + 12 { return ticks }
            count -= 1
        }
    }

    /// Ticks on the first of a month (every 1, 2, 3 or 6 months) or of a year, for x in days since 1970.
    private func dateTicks(_ x0: Double, _ x1: Double, count: Int) -> [(value: Double, label: String)] {
        let (y0, m0, _) = ChartData.civil(fromDays: ChartData.wholeDays(x0))
        let (y1, _, _) = ChartData.civil(fromDays: ChartData.wholeDays(x1.rounded(.up)))
        let months = Double(max(1, (x1 - x0) / 30.44))
        if months / Double(count) > 9 {
            let years = LinearScale.ticks(Double(y0), Double(y1 + 1), count: count).filter { $0 == $0.rounded() }
            return years.compactMap { year in
                let day = Double(ISODate.days(year: year.clampedInt(-300_000...300_000), month: 1, day: 1))
                return day >= x0 && day <= x1 ? (day, model.xFormat.locale.yearText(year.wholeNumberText)) : nil
            }
        }
        let every = [1, 2, 3, 6].first { months / Double($0) <= Double(count) } ?? 12
        var result: [(value: Double, label: String)] = []
        var year = y0, month = m0
        while result.count < 400 {
            let day = Double(ISODate.days(year: year, month: month, day: 1))
            if day > x1 { break }
            if day >= x0, (month - 1) % every == 0 {
                result.append((day, model.xFormat.locale.monthText(year: year, month: month)))
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }
}
