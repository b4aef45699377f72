/// Reference lines (`rule:`) and notes (`note:`) over a chart's marks. Their words are placed where
/// they overlap no other text of the chart (tick labels, end labels, point labels, earlier notes)
/// and stay inside the plot; a text with no free place is left out and counted in `droppedLabels`.
/// Texts carry a halo in the background colour, so they read over lines and bars in light and dark mode.
extension ChartCanvas {
    /// The plot a chart family drew, as annotations need it.
    struct PlotArea {
        var left: Double, right: Double, top: Double, bottom: Double
        /// The value axis (y; horizontal for `hbar`).
        var value: LinearScale
        var valueIsHorizontal = false
        /// Where an x value (a number, or a category's position) falls along the other axis, and the
        /// half-width of what is drawn there (a bar's band; 0 for a point); `nil` when it is not shown.
        var x: (Double) -> (center: Double, halfWidth: Double)?
    }

    /// Values the x axis must take in besides the data (numeric x only): `x-domain`, x rules and notes.
    var xAxisExtras: [Double] {
        guard model.xKind != .category else { return [] }
        var extras = model.axes.xDomain.map { [$0.lowerBound, $0.upperBound] } ?? []
        for annotation in model.annotations {
            switch annotation {
            case let .rule(.x, value, _): extras.append(value)
            case let .note(from, to, _): extras += [from] + (to.map { [$0] } ?? [])
            case .rule(.y, _, _): break
            }
        }
        return extras
    }

    /// Draws the shaded bands of notes over periods, under the marks (call before drawing them).
    mutating func drawAnnotationBands(_ plot: PlotArea) {
        guard model.annotations.contains(where: { if case .note = $0 { true } else { false } }) else { return }
        svg.beginGroup(class: "annotation-bands", hidden: true, style: "fill:\(ChartPaint.other.css);fill-opacity:0.3")
        for case let .note(from, to, _) in model.annotations {
            guard let (a, b) = span(from: from, to: to, plot: plot), b - a > 0.5 else { continue }
            svg.rect(x: a, y: plot.top, width: b - a, height: plot.bottom - plot.top)
        }
        svg.endGroup()
    }

    /// Where a note's line (`a == b`) or band runs along the x axis.
    private func span(from: Double, to: Double?, plot: PlotArea) -> (Double, Double)? {
        guard let start = plot.x(from), let end = plot.x(to ?? from) else { return nil }
        guard to != nil || start.halfWidth > 0 else { return (start.center, start.center) }
        return (min(start.center - start.halfWidth, end.center - end.halfWidth), max(start.center + start.halfWidth, end.center + end.halfWidth))
    }

    /// Draws the rules, the lines of notes at one x and every annotation's text over the marks
    /// (call after every other text but the header is placed).
    mutating func drawAnnotations(_ plot: PlotArea) {
        guard !model.annotations.isEmpty else { return }
        svg.beginGroup(class: "annotations")
        for annotation in model.annotations {
            switch annotation {
            case let .rule(.y, value, label):
                drawValueRule(value, label: label, plot: plot)
            case let .rule(.x, value, label):
                guard let at = plot.x(value) else { droppedLabels += label == nil ? 0 : 1; continue }
                drawMarker(from: at.center, to: at.center, text: label, plot: plot, dashed: false)
            case let .note(from, to, text):
                guard let (a, b) = span(from: from, to: to, plot: plot) else { droppedLabels += 1; continue }
                drawMarker(from: a, to: b, text: text, plot: plot, dashed: true)
            }
        }
        svg.endGroup()
    }

    /// A line across the plot at `value` on the value axis, its label at the end of the line.
    private mutating func drawValueRule(_ value: Double, label: String?, plot: PlotArea) {
        let at = plot.value(value)
        let style = "stroke:\(ChartPaint.text.css);stroke-width:1"
        if plot.valueIsHorizontal {
            svg.line(at, plot.top, at, plot.bottom, style: style)
            guard let label else { return }
            let baseline = plot.top + fontSize * TextMeasure.ascent + 2
            place(label, candidates: [(at + 4, baseline, .start), (at - 4, baseline, .end),
                                      (at + 4, plot.bottom - 4, .start), (at - 4, plot.bottom - 4, .end)], plot: plot)
        } else {
            svg.line(plot.left, at, plot.right, at, style: style)
            guard let label else { return }
            let above = at - 4, below = at + 4 + fontSize * TextMeasure.ascent
            place(label, candidates: [(plot.right - 2, above, .end), (plot.right - 2, below, .end),
                                      (plot.left + 4, above, .start), (plot.left + 4, below, .start)], plot: plot)
        }
    }

    /// A vertical line at `a` (a band from `a` to `b` is drawn by `drawAnnotationBands`) and its text
    /// near the top of the plot, right of the mark or left of it.
    private mutating func drawMarker(from a: Double, to b: Double, text: String?, plot: PlotArea, dashed: Bool) {
        if b - a <= 0.5 {
            svg.line(a, plot.top, a, plot.bottom, style: "stroke:\(ChartPaint.text.css);stroke-width:1" + (dashed ? ";stroke-dasharray:3 3" : ""))
        }
        guard let text else { return }
        var candidates: [(Double, Double, SVGBuilder.Anchor)] = []
        for row in 0..<3 {
            let baseline = plot.top + fontSize * TextMeasure.ascent + 2 + Double(row) * SVGBuilder.lineStep
            candidates += [(b + 4, baseline, .start), (a - 4, baseline, .end)]
        }
        place(text, candidates: candidates, plot: plot)
    }

    /// Draws `text` at the first candidate inside the plot that overlaps no text drawn so far;
    /// counts it in `droppedLabels` when there is none.
    /// Candidates clear of the marks too are tried first.
    private mutating func place(_ text: String, candidates: [(Double, Double, SVGBuilder.Anchor)], plot: PlotArea) {
        let taken = svg.texts.map { SVGBuilder.box(of: $0) }
        func overlaps(_ box: (Double, Double, Double, Double), _ others: [(Double, Double, Double, Double)]) -> Bool {
            others.contains { box.0 < $0.2 && $0.0 < box.2 && box.1 < $0.3 && $0.1 < box.3 }
        }
        for avoidMarks in [true, false] {
            for (x, y, anchor) in candidates {
                let box = SVGBuilder.box(of: .init(text: text, x: x, y: y, anchor: anchor, bold: false))
                let inside = box.0 >= plot.left && box.2 <= plot.right && box.1 >= plot.top - 2 && box.3 <= plot.bottom + 2
                if inside && !overlaps(box, taken) && !(avoidMarks && overlaps(box, markBoxes)) {
                    svg.text(text, x: x, y: y, anchor: anchor, halo: true)
                    return
                }
            }
        }
        droppedLabels += 1
    }
}
