import Foundation

/// Appends SVG elements to a string with fixed-precision coordinates, so the same chart always
/// produces the same bytes. Every text passes through `htmlEscaped`.
struct SVGBuilder: Sendable {
    /// Font size of every label, in user units.
    static let fontSize = 12.0

    enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// One text element as placed, for layout checks.
    struct PlacedText: Sendable, Hashable {
        var text: String
        var x: Double
        var y: Double
        var anchor: Anchor
        var bold: Bool
    }

    private(set) var markup = ""
    private(set) var texts: [PlacedText] = []

    /// How far from the origin a coordinate may print: far outside any chart, well inside `Int`.
    static let coordinateLimit = 1e9

    /// A coordinate with at most one decimal, trailing zeros trimmed, never `-0`, `nan` or `inf`;
    /// a coordinate beyond ±`coordinateLimit` (a mark far off the chart) prints at that limit.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (min(max(value, -coordinateLimit), coordinateLimit) * 10).rounded()
        if tenths == 0 { return "0" }
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    mutating func raw(_ text: String) {
        markup += text
    }

    /// Opens a `<g>`; `hidden` marks decoration for assistive technology.
    mutating func beginGroup(class className: String, hidden: Bool = false, style: String? = nil) {
        markup += "<g class=\"\(className)\""
        if hidden { markup += " aria-hidden=\"true\"" }
        if let style { markup += " style=\"\(style)\"" }
        markup += ">"
    }

    mutating func endGroup() {
        markup += "</g>"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, style: String? = nil) {
        let n = Self.number
        markup += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\""
        if let style { markup += " style=\"\(style)\"" }
        markup += "/>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, style: String? = nil, title: String? = nil) {
        let n = Self.number
        markup += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\""
        finish("rect", style: style, title: title)
    }

    mutating func circle(cx: Double, cy: Double, r: Double, style: String? = nil, title: String? = nil) {
        let n = Self.number
        markup += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\""
        finish("circle", style: style, title: title)
    }

    mutating func path(_ d: String, style: String, title: String? = nil) {
        markup += "<path d=\"\(d)\""
        finish("path", style: style, title: title)
    }

    /// Ends an opened shape element: its style, and a `<title>` child (the hover text) when given.
    private mutating func finish(_ tag: String, style: String?, title: String?) {
        if let style { markup += " style=\"\(style)\"" }
        if let title {
            markup += "><title>\(title.htmlEscaped)</title></\(tag)>"
        } else {
            markup += "/>"
        }
    }

    /// One line of text with its baseline at `y`.
    /// With `halo`, the text is outlined in the background colour so it reads over lines and bars.
    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, bold: Bool = false, paint: ChartPaint? = nil, halo: Bool = false) {
        let n = Self.number
        markup += "<text x=\"\(n(x))\" y=\"\(n(y))\""
        if anchor != .start { markup += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { markup += " font-weight=\"bold\"" }
        if paint != nil || halo {
            let fill = paint.map { "fill:\($0.css)" }
            let outline = halo ? "paint-order:stroke;stroke:\(ChartPaint.background.css);stroke-width:3;stroke-linejoin:round" : nil
            markup += " style=\"\([fill, outline].compactMap { $0 }.joined(separator: ";"))\""
        }
        markup += ">\(content.htmlEscaped)</text>"
        texts.append(PlacedText(text: content, x: x, y: y, anchor: anchor, bold: bold))
    }

    /// Several lines of text, the first baseline at `y`.
    mutating func lines(_ lines: [String], x: Double, y: Double, anchor: Anchor = .start, bold: Bool = false, paint: ChartPaint? = nil) {
        for (i, line) in lines.enumerated() {
            text(line, x: x, y: y + Double(i) * SVGBuilder.lineStep, anchor: anchor, bold: bold, paint: paint)
        }
    }

    /// Distance between the baselines of wrapped lines.
    static let lineStep = fontSize * TextMeasure.lineHeight

    /// Path data builder with the same number formatting.
    struct PathData {
        private(set) var d = ""
        mutating func move(_ x: Double, _ y: Double) { d += "M\(SVGBuilder.number(x)),\(SVGBuilder.number(y))" }
        mutating func line(_ x: Double, _ y: Double) { d += "L\(SVGBuilder.number(x)),\(SVGBuilder.number(y))" }
        mutating func arc(r: Double, large: Bool, sweep: Bool, _ x: Double, _ y: Double) {
            let n = SVGBuilder.number
            d += "A\(n(r)),\(n(r)) 0 \(large ? 1 : 0) \(sweep ? 1 : 0) \(n(x)),\(n(y))"
        }
        mutating func close() { d += "Z" }
    }
}

extension SVGBuilder {
    /// Estimated bounding box of a placed text: (minX, minY, maxX, maxY).
    static func box(of text: PlacedText) -> (Double, Double, Double, Double) {
        let w = TextMeasure.width(text.text, fontSize: fontSize, bold: text.bold)
        let x0: Double
        switch text.anchor {
        case .start: x0 = text.x
        case .middle: x0 = text.x - w / 2
        case .end: x0 = text.x - w
        }
        return (x0, text.y - TextMeasure.ascent * fontSize, x0 + w, text.y + TextMeasure.descent * fontSize)
    }
}
