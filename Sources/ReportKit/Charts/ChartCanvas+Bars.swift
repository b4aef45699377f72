/// Bar charts: `bar`, `hbar`, `grouped-bar` and `stacked-bar`. Vertical bars fall back to the
/// horizontal layout when their category labels cannot be wrapped under the bars.
extension ChartCanvas {
    /// How the series of a bar chart are arranged.
    private enum Arrangement {
        case single, grouped, stacked
    }

    private var arrangement: Arrangement {
        if data.values.count <= 1 { return .single }
        return model.kind == .stackedBar ? .stacked : .grouped
    }

    /// For stacked bars: per category the sum of the negative and of the positive values.
    private var stackSums: [(negative: Double, positive: Double)] {
        (0..<data.count).map { i in
            var negative = 0.0, positive = 0.0
            for series in data.values {
                guard let v = series[i] else { continue }
                if v < 0 { negative += v } else { positive += v }
            }
            return (negative, positive)
        }
    }

    /// The values the value axis must show.
    private var domainValues: [Double] {
        arrangement == .stacked ? stackSums.flatMap { [$0.negative, $0.positive] } : data.allValues
    }

    /// The label printed at the end of each bar (or each stack's total), `nil` where there is no bar.
    private func valueLabels() -> [[String?]] {
        let format = model.valueFormat
        if arrangement == .stacked {
            let totals = stackSums.map { $0.positive + $0.negative }
            let texts = format.labels(for: totals)
            return [texts.map { Optional($0) }]
        }
        return data.valueTexts
    }

    mutating func drawBars() {
        if model.kind != .horizontalBar, drawVerticalBars() { return }
        drawHorizontalBars()
    }

    // MARK: - Vertical

    /// Draws vertical bars; returns `false` without drawing when the category labels do not fit.
    private mutating func drawVerticalBars() -> Bool {
        let pad = Self.pad
        let arrangement = self.arrangement
        let seriesCount = max(1, data.values.count)
        let hasLegend = arrangement != .single
        let header = header(legend: hasLegend, title: model.yTitle)
        let top = header.bottom + 8

        let (domain, ticks, tickLabels) = valueTicks(domain: valueDomain(domainValues, zero: true, count: 5),
                                                     pixels: height - top - 80, spacing: 50, horizontal: false)
        let left = pad + max(8, tickLabels.map { measure($0) }.max() ?? 0) + Self.tickPadding
        let right = pad + 8
        let band = BandScale(count: data.count, start: left, end: width - right,
                             paddingInner: arrangement == .single ? 0.2 : 0.25, paddingOuter: 0.1)

        // Category labels must wrap under their bar (3 lines at most, 2 when bars are narrow). Labels
        // of a sequence (years, months, age groups) may instead show every k-th one.
        let maxLines = band.step >= 60 ? 3 : 2
        func wrapAll(every k: Int) -> [[String]]? {
            var result: [[String]] = []
            for (i, label) in data.labels.enumerated() {
                guard i % k == 0 else { result.append([]); continue }
                guard let lines = TextMeasure.wrap(label, maxWidth: band.step * Double(k) - 10, fontSize: fontSize,
                                                   maxLines: k == 1 ? maxLines : 1) else { return nil }
                result.append(lines)
            }
            return result
        }
        let sequential = data.count > 8 && data.labels.allSatisfy { $0.first?.isNumber == true }
        var found = wrapAll(every: 1)
        if found == nil && sequential {
            for k in 2...max(2, data.count) {
                found = wrapAll(every: k)
                if found != nil { break }
            }
        }
        guard let wrapped = found else { return false }
        let lineCount = wrapped.map(\.count).max() ?? 1
        var bottom = bottomAxisHeight(lines: lineCount) + pad
        if model.xTitle != nil { bottom += 20 }
        height = max(height, top + 220 + bottom)
        let plotTop = top, plotBottom = height - bottom

        // Value labels show when every one fits across its bar.
        let labels = valueLabels()
        let barWidth = arrangement == .grouped ? min(48, band.bandwidth / Double(seriesCount)) : min(96, band.bandwidth)
        let groupWidth = arrangement == .grouped ? barWidth * Double(seriesCount) : barWidth
        let inset = (band.bandwidth - groupWidth) / 2
        let room = arrangement == .grouped ? barWidth - 1 : band.step - 4
        let showValues = labels.allSatisfy { $0.allSatisfy { $0.map { measure($0) <= room } ?? true } }
        let values = domainValues
        let topInset = showValues && values.contains(where: { $0 > 0 }) ? 16.0 : 0
        let bottomInset = showValues && values.contains(where: { $0 < 0 }) ? 16.0 : 0
        let scale = LinearScale(domain: domain, range: (plotBottom - bottomInset, plotTop + topInset))

        drawVerticalValueAxis(scale: scale, ticks: ticks, labels: tickLabels, left: left, right: width - right)
        let plot = PlotArea(left: left, right: width - right, top: plotTop, bottom: plotBottom, value: scale) { value in
            let i = value.clampedInt(-1...band.count)
            return (0..<band.count).contains(i) ? (band.center(i), band.step / 2) : nil
        }
        drawAnnotationBands(plot)

        // Bars.
        let zero = scale(0)
        let byCategory = data.paintsCategories
        svg.beginGroup(class: "marks")
        switch arrangement {
        case .single, .grouped:
            for (s, series) in data.values.enumerated() {
                svg.beginGroup(class: "series", style: "fill:\(data.paint(s).css)")
                for (i, value) in series.enumerated() {
                    guard let value else { continue }
                    let x = band.position(i) + inset + (arrangement == .grouped ? Double(s) * barWidth : 0)
                    let y = scale(value)
                    let gap = arrangement == .grouped && barWidth > 6 ? 1.0 : 0
                    markBoxes.append((x, min(y, zero), x + barWidth - gap, max(y, zero)))
                    svg.rect(x: x, y: min(y, zero), width: barWidth - gap, height: abs(y - zero),
                             style: byCategory ? "fill:\(data.barPaint(series: s, index: i).css)" : nil, title: tooltip(series: s, index: i))
                }
                svg.endGroup()
            }
        case .stacked:
            for (s, series) in data.values.enumerated() {
                svg.beginGroup(class: "series", style: "fill:\(data.paint(s).css);stroke:\(ChartPaint.background.css);stroke-width:0.5")
                for (i, value) in series.enumerated() {
                    guard let value, value != 0 else { continue }
                    let base = stackBase(series: s, index: i)
                    let y0 = scale(base), y1 = scale(base + value)
                    svg.rect(x: band.position(i) + inset, y: min(y0, y1), width: barWidth, height: abs(y1 - y0), title: tooltip(series: s, index: i))
                }
                svg.endGroup()
            }
        }
        svg.endGroup()
        drawAxisLine(left, zero, width - right, zero)

        // Value labels above positive bars, below negative ones.
        if showValues {
            svg.beginGroup(class: "values")
            for (s, series) in labels.enumerated() {
                for (i, text) in series.enumerated() {
                    guard let text else { continue }
                    let value: Double
                    let x: Double
                    if arrangement == .stacked {
                        let sums = stackSums[i]
                        guard sums.positive != 0 || sums.negative != 0 else { continue }
                        value = sums.positive != 0 ? sums.positive : sums.negative
                        x = band.center(i)
                    } else {
                        guard let v = data.values[s][i] else { continue }
                        value = v
                        x = band.position(i) + inset + (arrangement == .grouped ? (Double(s) + 0.5) * barWidth : barWidth / 2)
                    }
                    let y = value < 0 ? scale(value) + 4 + fontSize * TextMeasure.ascent : scale(value) - 4 - fontSize * TextMeasure.descent
                    svg.text(text, x: x, y: y, anchor: .middle)
                }
            }
            svg.endGroup()
        }

        // Category labels.
        svg.beginGroup(class: "axis axis-x", hidden: true)
        for (i, lines) in wrapped.enumerated() where !lines.isEmpty {
            svg.lines(lines, x: band.center(i), y: plotBottom + labelDrop, anchor: .middle)
        }
        svg.endGroup()

        drawAnnotations(plot)
        drawHeaderAndTitles(header, legend: hasLegend, title: model.yTitle, bottomTitle: model.xTitle, bottomCenter: (left + width - right) / 2)
        return true
    }

    /// Where a stacked segment starts: the sum of the earlier series' values of the same sign.
    private func stackBase(series s: Int, index i: Int) -> Double {
        guard let value = data.values[s][i] else { return 0 }
        var base = 0.0
        for earlier in 0..<s {
            guard let v = data.values[earlier][i] else { continue }
            if (v < 0) == (value < 0) { base += v }
        }
        return base
    }

    /// The hover text of one mark: "Series, Category: value".
    func tooltip(series s: Int, index i: Int) -> String {
        let value = data.valueTexts[s][i] ?? "–"
        let name = data.values.count > 1 ? data.names[s] + ", " : ""
        return "\(name)\(data.labels[i]): \(value)"
    }

    // MARK: - Horizontal

    private mutating func drawHorizontalBars() {
        let pad = Self.pad
        let arrangement = self.arrangement
        let seriesCount = max(1, data.values.count)
        // The header carries the categories' title; the value axis's title goes under the plot.
        let hasLegend = arrangement != .single
        let header = header(legend: hasLegend, title: model.xTitle)
        let top = header.bottom + 4

        // Category labels on the left, wrapped to at most 3 lines and 36% of the width.
        let natural = data.labels.map { measure($0) }.max() ?? 0
        let labelWidth = min(width * 0.36, max(natural, 10))
        let wrapped = data.labels.map { TextMeasure.wrapTruncating($0, maxWidth: labelWidth, fontSize: fontSize, maxLines: 3) }
        let left = pad + (wrapped.flatMap { $0 }.map { measure($0) }.max() ?? 0) + 8
        let lineCount = Double(wrapped.map(\.count).max() ?? 1)
        let sub = 15.0
        let thickness = arrangement == .grouped ? sub * Double(seriesCount) : data.count > 12 ? 16 : 20
        let rowStep = max(thickness + (data.count > 12 ? 6 : 10), lineCount * SVGBuilder.lineStep + 6)
        let plotTop = top, plotBottom = top + Double(data.count) * rowStep

        // Value labels sit past the bar ends: reserve room for them on both sides.
        let labels = valueLabels()
        var positiveRoom = 0.0, negativeRoom = 0.0
        for (s, series) in labels.enumerated() {
            for (i, text) in series.enumerated() {
                guard let text else { continue }
                let value = arrangement == .stacked ? stackSums[i].positive + stackSums[i].negative : (data.values[s][i] ?? 0)
                if value < 0 { negativeRoom = max(negativeRoom, measure(text) + 6) } else { positiveRoom = max(positiveRoom, measure(text) + 6) }
            }
        }
        let extent = valueDomain(domainValues, zero: true, count: 5)
        var right = pad + max(positiveRoom, 8)
        var (domain, ticks, tickLabels) = valueTicks(domain: extent, pixels: width - left - right - negativeRoom, spacing: 80, horizontal: true)
        right = max(right, pad + (tickLabels.last.map { measure($0) / 2 } ?? 0))
        (domain, ticks, tickLabels) = valueTicks(domain: extent, pixels: width - left - right - negativeRoom, spacing: 80, horizontal: true)
        let scale = LinearScale(domain: domain, range: (left + negativeRoom, width - right))

        var bottom = bottomAxisHeight(lines: 1) + pad
        if model.yTitle != nil { bottom += 22 }
        height = plotBottom + bottom

        drawHorizontalValueAxis(scale: scale, ticks: ticks, labels: tickLabels, top: plotTop, bottom: plotBottom)
        let plot = PlotArea(left: scale.r0, right: width - right, top: plotTop, bottom: plotBottom, value: scale, valueIsHorizontal: true) { _ in nil }

        let zero = scale(0)
        let byCategory = data.paintsCategories
        svg.beginGroup(class: "marks")
        for (s, series) in data.values.enumerated() {
            let separator = arrangement == .stacked ? ";stroke:\(ChartPaint.background.css);stroke-width:0.5" : ""
            svg.beginGroup(class: "series", style: "fill:\(data.paint(s).css)\(separator)")
            for (i, value) in series.enumerated() {
                guard let value else { continue }
                let rowTop = plotTop + Double(i) * rowStep + (rowStep - thickness) / 2
                switch arrangement {
                case .single, .grouped:
                    let y = rowTop + (arrangement == .grouped ? Double(s) * sub : 0)
                    let x = scale(value)
                    markBoxes.append((min(x, zero), y, max(x, zero), y + (arrangement == .grouped ? sub - 1 : thickness)))
                    svg.rect(x: min(x, zero), y: y, width: abs(x - zero), height: arrangement == .grouped ? sub - 1 : thickness,
                             style: byCategory ? "fill:\(data.barPaint(series: s, index: i).css)" : nil, title: tooltip(series: s, index: i))
                case .stacked:
                    guard value != 0 else { continue }
                    let base = stackBase(series: s, index: i)
                    let x0 = scale(base), x1 = scale(base + value)
                    svg.rect(x: min(x0, x1), y: rowTop, width: abs(x1 - x0), height: thickness, title: tooltip(series: s, index: i))
                }
            }
            svg.endGroup()
        }
        svg.endGroup()
        drawAxisLine(zero, plotTop, zero, plotBottom)

        svg.beginGroup(class: "values")
        for (s, series) in labels.enumerated() {
            for (i, text) in series.enumerated() {
                guard let text else { continue }
                let rowTop = plotTop + Double(i) * rowStep + (rowStep - thickness) / 2
                let value: Double, center: Double
                if arrangement == .stacked {
                    let sums = stackSums[i]
                    guard sums.positive != 0 || sums.negative != 0 else { continue }
                    value = sums.positive != 0 ? sums.positive : sums.negative
                    center = rowTop + thickness / 2
                } else {
                    guard let v = data.values[s][i] else { continue }
                    value = v
                    center = arrangement == .grouped ? rowTop + Double(s) * sub + sub / 2 : rowTop + thickness / 2
                }
                let x = scale(value)
                svg.text(text, x: value < 0 ? x - 4 : x + 4, y: center + centerBaseline, anchor: value < 0 ? .end : .start)
            }
        }
        svg.endGroup()

        svg.beginGroup(class: "axis axis-y", hidden: true)
        for (i, lines) in wrapped.enumerated() {
            let center = plotTop + (Double(i) + 0.5) * rowStep
            let first = center - Double(lines.count - 1) * SVGBuilder.lineStep / 2 + centerBaseline
            svg.lines(lines, x: left - 8, y: first, anchor: .end)
        }
        svg.endGroup()

        drawAnnotations(plot)
        drawHeaderAndTitles(header, legend: hasLegend, title: model.xTitle, bottomTitle: model.yTitle, bottomCenter: (scale.r0 + scale.r1) / 2)
    }
}
