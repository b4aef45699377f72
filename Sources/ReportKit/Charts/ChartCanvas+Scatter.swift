/// Scatter plots: linear x and y, one colour per series, points labelled with their category where
/// a label fits without covering another label or point.
extension ChartCanvas {
    mutating func drawScatter() {
        let pad = Self.pad
        let multi = data.values.count > 1
        let header = header(legend: multi, title: model.yTitle)
        let top = header.bottom + 8

        // x positions: xValues when present, else the index.
        let xValues: [Double?] = data.xs.contains(where: { $0 != nil }) ? data.xs : (0..<data.count).map { Double($0) }
        let points: [(s: Int, i: Int, x: Double, y: Double)] = data.values.enumerated().flatMap { s, series in
            series.enumerated().compactMap { i, v in
                guard let v, let x = xValues[i] else { return nil }
                return (s, i, x, v)
            }
        }
        guard !points.isEmpty else {
            drawEmpty()
            return
        }
        let (yDomain, yTicks, yLabels) = valueTicks(domain: valueDomain(points.map(\.y), zero: false, count: 5),
                                                    pixels: height - top - 80, spacing: 50, horizontal: false)
        let left = pad + max(8, yLabels.map { measure($0) }.max() ?? 0) + Self.tickPadding
        let xPositions = (points.map(\.x) + xAxisExtras).filter { !model.axes.xLog || $0 > 0 }
        let xExtent = (xPositions.min() ?? 0, xPositions.max() ?? 1)
        var right = pad + 12
        // The domain is made nice with the same tick count as the ticks drawn, so it ends at most
        // one tick step beyond the data (a nice domain for 6 ticks drawn with 3 ran far past it).
        let (xDomain, xTicks, xLabels) = Self.axisTicks(domain: xExtent, pixels: width - left - right, spacing: 80,
                                                        log: model.axes.xLog, format: model.xFormat) { labels in
            (labels.map { self.measure($0) }.max() ?? 0) + 12
        }
        right = max(right, pad + (xLabels.last.map { measure($0) / 2 } ?? 0))
        var bottom = bottomAxisHeight(lines: 1) + pad
        if model.xTitle != nil { bottom += 22 }
        let plotBottom = height - bottom
        let x = LinearScale(domain: xDomain, range: (left, width - right), log: model.axes.xLog)
        let y = LinearScale(domain: yDomain, range: (plotBottom, top), log: model.axes.yLog)

        drawVerticalValueAxis(scale: y, ticks: yTicks, labels: yLabels, left: left, right: width - right)
        let plot = PlotArea(left: left, right: width - right, top: top, bottom: plotBottom, value: y) { (x($0), 0) }
        drawAnnotationBands(plot)
        svg.beginGroup(class: "grid", hidden: true, style: "stroke:\(ChartPaint.grid.css)")
        for tick in xTicks { svg.line(x(tick), top, x(tick), plotBottom) }
        svg.endGroup()
        drawAxisLine(left, plotBottom, width - right, plotBottom)
        svg.beginGroup(class: "axis axis-x", hidden: true, style: "fill:\(ChartPaint.muted.css)")
        for (tick, label) in zip(xTicks, xLabels) {
            svg.text(label, x: x(tick), y: plotBottom + labelDrop, anchor: .middle)
        }
        svg.endGroup()

        let radius = 4.5
        svg.beginGroup(class: "marks")
        let byCategory = data.paintsCategories
        // Grey points first, so the coloured ones lie on top.
        let drawn = byCategory ? points.filter { data.barPaint(series: $0.s, index: $0.i) == .other }
                                     + points.filter { data.barPaint(series: $0.s, index: $0.i) != .other } : points
        for s in data.values.indices {
            svg.beginGroup(class: "series", style: "fill:\(data.paint(s).css);fill-opacity:0.85;stroke:\(ChartPaint.background.css);stroke-width:1")
            for point in drawn where point.s == s {
                let label = data.labels[point.i]
                let xText = ChartData.formatX(point.x, kind: .linear, format: model.xFormat)
                let yText = data.valueTexts[s][point.i] ?? ""
                let name = multi ? data.names[s] + ", " : ""
                svg.circle(cx: x(point.x), cy: y(point.y), r: radius, style: byCategory ? "fill:\(data.barPaint(series: s, index: point.i).css)" : nil,
                           title: "\(name)\(label.isEmpty ? "" : label + ": ")\(xText), \(yText)")
            }
            svg.endGroup()
        }
        svg.endGroup()

        // Point labels, greedily: right, left, above, below; skipped when none is free.
        if !model.categories.isEmpty && points.count <= 40 {
            var taken: [(Double, Double, Double, Double)] = points.map {
                (x($0.x) - radius, y($0.y) - radius, x($0.x) + radius, y($0.y) + radius)
            }
            svg.beginGroup(class: "labels")
            for point in points {
                let text = data.labels[point.i]
                guard !text.isEmpty else { continue }
                let px = x(point.x), py = y(point.y)
                let candidates: [(Double, Double, SVGBuilder.Anchor)] = [
                    (px + radius + 3, py + centerBaseline, .start),
                    (px - radius - 3, py + centerBaseline, .end),
                    (px, py - radius - 4 - fontSize * TextMeasure.descent, .middle),
                    (px, py + radius + 3 + fontSize * TextMeasure.ascent, .middle),
                ]
                var placed = false
                for (cx, cy, anchor) in candidates where !placed {
                    let box = SVGBuilder.box(of: .init(text: text, x: cx, y: cy, anchor: anchor, bold: false))
                    let inside = box.0 >= left && box.2 <= width - pad && box.1 >= top - 6 && box.3 <= plotBottom
                    let own = (px - radius, py - radius, px + radius, py + radius)
                    let free = !taken.contains { other in
                        other != own && box.0 < other.2 && other.0 < box.2 && box.1 < other.3 && other.1 < box.3
                    }
                    if inside && free {
                        svg.text(text, x: cx, y: cy, anchor: anchor)
                        taken.append(box)
                        placed = true
                    }
                }
                if !placed { droppedLabels += 1 }
            }
            svg.endGroup()
        }

        drawAnnotations(plot)
        drawHeaderAndTitles(header, legend: multi, title: model.yTitle, bottomTitle: model.xTitle, bottomCenter: (left + width - right) / 2)
    }
}
