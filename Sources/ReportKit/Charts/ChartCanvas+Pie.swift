import Foundation

/// Pie and donut charts of the first series. Slices run clockwise from twelve o'clock in data order;
/// every slice is labelled outside with its name, value and share, labels pushed apart on each side.
extension ChartCanvas {
    mutating func drawPie() {
        let pad = Self.pad
        let values = data.values.first ?? []
        let slices: [(index: Int, value: Double)] = values.enumerated().compactMap { i, v in
            guard let v, v > 0 else { return nil }
            return (i, v)
        }
        let total = slices.reduce(0) { $0 + $1.value }
        guard total > 0, total.isFinite else {
            drawEmpty()
            return
        }

        // Label texts: the name (wrapped) and "value · share".
        let formatted = model.valueFormat.labels(for: slices.map(\.value))
        let isPercent: Bool = { if case .percent = model.valueFormat.style { return true } else { return false } }()
        let shares = slices.map { 100 * $0.value / total }
        let shareTexts = NumberFormat(.percent).labels(for: shares.map { ($0 * 10).rounded() / 10 })
        let natural = slices.map { measure(data.labels[$0.index]) }.max() ?? 0
        let labelWidth = min(170, max(60, natural))
        let radius = max(60, min(130, width / 2 - pad - 28 - labelWidth))
        let labelMax = width / 2 - pad - 28 - radius
        var blocks: [[String]] = []
        var detailStart: [Int] = []
        for (k, slice) in slices.enumerated() {
            var lines = TextMeasure.wrapTruncating(data.labels[slice.index], maxWidth: labelMax, fontSize: fontSize, maxLines: 3)
            detailStart.append(lines.count)
            // Numbers are never cut: value and share go on separate lines when they do not fit on one.
            let detail = isPercent ? formatted[k] : "\(formatted[k]) · \(shareTexts[k])"
            if isPercent || measure(detail) <= labelMax {
                lines.append(detail)
            } else {
                lines.append(formatted[k])
                lines.append(shareTexts[k])
            }
            blocks.append(lines)
        }

        // Angles, measured clockwise from twelve o'clock.
        var angles: [(start: Double, end: Double)] = []
        var running = 0.0
        for slice in slices {
            let start = running / total * 2 * .pi
            running += slice.value
            angles.append((start, running / total * 2 * .pi))
        }

        // Place labels relative to the centre, then push apart on each side.
        let gap = 4.0
        var targets: [(k: Int, right: Bool, y: Double, height: Double)] = []
        for (k, angle) in angles.enumerated() {
            let mid = (angle.start + angle.end) / 2
            let h = Double(blocks[k].count) * SVGBuilder.lineStep
            targets.append((k, sin(mid) >= 0 && mid < .pi, -(radius + 14) * cos(mid), h))
        }
        // On each side, labels below the centre are pushed down and labels above it pushed up, so
        // leader lines run away from the pie instead of across it.
        var centers = Array(repeating: 0.0, count: slices.count)
        for side in [true, false] {
            let group = targets.filter { $0.right == side }
            let lower = group.filter { $0.y >= 0 }.sorted { $0.y < $1.y || ($0.y == $1.y && $0.k < $1.k) }
            let upper = group.filter { $0.y < 0 }.sorted { $0.y > $1.y || ($0.y == $1.y && $0.k < $1.k) }
            var previousBottom = -Double.infinity
            for item in lower {
                let center = max(item.y, previousBottom + gap + item.height / 2)
                centers[item.k] = center
                previousBottom = center + item.height / 2
            }
            var previousTop = lower.first.map { centers[$0.k] - $0.height / 2 } ?? Double.infinity
            for item in upper {
                let center = min(item.y, previousTop - gap - item.height / 2)
                centers[item.k] = center
                previousTop = center - item.height / 2
            }
        }
        let labelTop = targets.map { centers[$0.k] - $0.height / 2 }.min() ?? 0
        let labelBottom = targets.map { centers[$0.k] + $0.height / 2 }.max() ?? 0
        let minY = min(-radius - 4, labelTop), maxY = max(radius + 4, labelBottom)
        let cx = width / 2, cy = pad + 6 - minY
        height = cy + maxY + pad + 6

        // Slices.
        let inner = model.kind == .donut ? radius * 0.58 : 0
        func point(_ angle: Double, _ r: Double) -> (Double, Double) { (cx + r * sin(angle), cy - r * cos(angle)) }
        svg.beginGroup(class: "marks", style: "stroke:\(ChartPaint.background.css);stroke-width:1")
        for (k, slice) in slices.enumerated() {
            let (a0, a1) = angles[k]
            var path = SVGBuilder.PathData()
            let large = a1 - a0 > .pi
            if slices.count == 1 {
                // A full ring: two half arcs.
                let top = point(0, radius), bottom = point(.pi, radius)
                path.move(top.0, top.1)
                path.arc(r: radius, large: false, sweep: true, bottom.0, bottom.1)
                path.arc(r: radius, large: false, sweep: true, top.0, top.1)
                path.close()
                if inner > 0 {
                    let t = point(0, inner), b = point(.pi, inner)
                    path.move(t.0, t.1)
                    path.arc(r: inner, large: false, sweep: false, b.0, b.1)
                    path.arc(r: inner, large: false, sweep: false, t.0, t.1)
                    path.close()
                }
            } else {
                let p0 = point(a0, radius), p1 = point(a1, radius)
                if inner > 0 {
                    let q1 = point(a1, inner), q0 = point(a0, inner)
                    path.move(p0.0, p0.1)
                    path.arc(r: radius, large: large, sweep: true, p1.0, p1.1)
                    path.line(q1.0, q1.1)
                    path.arc(r: inner, large: large, sweep: false, q0.0, q0.1)
                } else {
                    path.move(cx, cy)
                    path.line(p0.0, p0.1)
                    path.arc(r: radius, large: large, sweep: true, p1.0, p1.1)
                }
                path.close()
            }
            svg.path(path.d, style: "fill:\(ChartPaint.series(k).css)\(slices.count == 1 ? ";fill-rule:evenodd" : "")",
                     title: "\(data.labels[slice.index]): \(formatted[k])")
        }
        svg.endGroup()

        // Leader lines and labels.
        svg.beginGroup(class: "leaders", hidden: true, style: "fill:none;stroke:\(ChartPaint.axis.css)")
        for target in targets {
            let mid = (angles[target.k].start + angles[target.k].end) / 2
            let from = point(mid, radius + 2), elbow = point(mid, radius + 10)
            let y = cy + centers[target.k]
            let endX = target.right ? cx + radius + 20 : cx - radius - 20
            var path = SVGBuilder.PathData()
            path.move(from.0, from.1)
            path.line(elbow.0, elbow.1)
            path.line(endX, y)
            svg.path(path.d, style: "stroke-width:0.75")
        }
        svg.endGroup()
        svg.beginGroup(class: "labels")
        for target in targets {
            let lines = blocks[target.k]
            let x = target.right ? cx + radius + 24 : cx - radius - 24
            let first = cy + centers[target.k] - Double(lines.count - 1) * SVGBuilder.lineStep / 2 + centerBaseline
            let anchor: SVGBuilder.Anchor = target.right ? .start : .end
            let nameCount = detailStart[target.k]
            svg.lines(Array(lines.prefix(nameCount)), x: x, y: first, anchor: anchor)
            svg.lines(Array(lines.dropFirst(nameCount)), x: x, y: first + Double(nameCount) * SVGBuilder.lineStep, anchor: anchor, paint: .muted)
        }
        svg.endGroup()

        // A donut shows the total in its hole (not for shares, whose total is 100%).
        if inner > 0 && !isPercent {
            let totalText = model.valueFormat.labels(for: slices.map(\.value) + [total]).last!
            if measure(totalText, bold: true) < inner * 1.6 {
                svg.text(model.strings[.total], x: cx, y: cy - 4, anchor: .middle, paint: .muted)
                svg.text(totalText, x: cx, y: cy + 12, anchor: .middle, bold: true)
            }
        }
    }
}
