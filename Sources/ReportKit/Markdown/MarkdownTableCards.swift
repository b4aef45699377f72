import CcmarkGFM

/// Text-heavy Markdown tables read as stacked cards on phones, like data tables (`HTMLTable`):
/// the table gets `class="table-cards"` and each body cell a `data-label` with its column's
/// header, which the theme shows above the cell on narrow screens.
enum MarkdownTableCards {
    /// The header texts of `table` (a cmark-gfm table node) when it is text-heavy (at least three
    /// columns and over 40 characters a cell, or over 120 a row, on average), else nil.
    static func labels(of table: OpaquePointer, pass: DocumentPass) -> [String]? {
        guard let header = cmark_node_first_child(table) else { return nil }
        var labels: [String] = []
        var cell = cmark_node_first_child(header)
        while let current = cell {
            labels.append(pass.plainText(of: current))
            cell = cmark_node_next(current)
        }
        guard labels.count >= 3 else { return nil }
        var characters = 0, cells = 0, rows = 0
        var row = cmark_node_next(header)
        while let current = row {
            rows += 1
            var cell = cmark_node_first_child(current)
            while let body = cell {
                characters += pass.plainText(of: body).count
                cells += 1
                cell = cmark_node_next(body)
            }
            row = cmark_node_next(current)
        }
        guard cells > 0, characters > 40 * cells || characters > 120 * rows else { return nil }
        return labels
    }

    /// cmark-gfm's table HTML with the card class and each body cell's `data-label`.
    static func cards(_ html: String, labels: [String]) -> String {
        var html = html
        if html.hasPrefix("<table>") { html = "<table class=\"table-cards\">" + html.dropFirst("<table>".count) }
        guard let bodyStart = html.range(of: "<tbody>") else { return html }
        let attributes = labels.map { " data-label=\"\($0.htmlEscaped)\"" }
        var out = String(html[..<bodyStart.upperBound])
        var column = 0
        var rest = html[bodyStart.upperBound...]
        while let tag = rest.firstIndex(of: "<") {
            out += rest[..<tag]
            rest = rest[tag...]
            if rest.hasPrefix("<tr>") {
                column = 0
            } else if rest.hasPrefix("<td") {
                out += "<td" + (column < attributes.count ? attributes[column] : "")
                rest = rest.dropFirst(3)
                column += 1
                continue
            }
            out.append(rest.removeFirst())
        }
        out += rest
        return out
    }
}
