import Foundation

/// A chart's SVG made to stand alone, for the "Chart as SVG" download: opened in a viewer, put in
/// slides or a word processor, it keeps its colours and lines without the page's style sheet.
///
/// The page's chart takes its colours from the theme's `--chart-*` custom properties
/// (`var(--chart-1,#4e79a7)` in its inline styles), which only the page defines. Here every such
/// reference is replaced by the theme's light-scheme value (`ChartColours`), the chart gets its
/// size in pixels (from its `viewBox`, instead of the page's `max-width:100%`), a background of
/// the light scheme's `--chart-bg` behind the drawing, and an XML declaration. Nothing else changes: the drawing,
/// title and description are the page's.
public enum ChartSVGExport {
    /// The stand-alone file for `svg`, a chart drawn by `ChartRenderer.svg(for:)`.
    public static func standalone(_ svg: String, colours: ChartColours) -> String {
        var text = colours.resolving(svg)
        guard let rootEnd = text.firstIndex(of: ">"), text.hasPrefix("<svg ") else { return text }
        var root = String(text[..<rootEnd])
        root = root.replacingFirst("max-width:100%;height:auto;", with: "")
        if let size = viewBoxSize(root) { root += " width=\"\(size.width)\" height=\"\(size.height)\"" }
        let rect = "<rect width=\"100%\" height=\"100%\" fill=\"\(colours.values["chart-bg"] ?? "#ffffff")\"/>"
        var body = String(text[text.index(after: rootEnd)...])
        // Behind the drawing, after the title and description (which stay the first children).
        if let described = body.range(of: "</desc>") { body.insert(contentsOf: rect, at: described.upperBound) } else { body = rect + body }
        text = root + ">" + body
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text + "\n"
    }

    /// The width and height of the `viewBox="0 0 W H"` in an opening `<svg …>` tag, as written.
    static func viewBoxSize(_ tag: String) -> (width: Substring, height: Substring)? {
        guard let start = tag.range(of: "viewBox=\"") else { return nil }
        let value = tag[start.upperBound...].prefix { $0 != "\"" }
        let parts = value.split(separator: " ")
        guard parts.count == 4 else { return nil }
        return (parts[2], parts[3])
    }
}

private extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
