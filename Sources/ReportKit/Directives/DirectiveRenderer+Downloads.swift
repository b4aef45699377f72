/// The downloads under a figure: the CSV of exactly what it shows, its data file, and for a chart
/// its stand-alone SVG.
extension DirectiveRenderer {
    /// One link under a figure.
    struct FigureLink {
        /// Relative to the page (made by `SiteHref`).
        var href: String
        /// The name the browser saves it under.
        var fileName: String
        var words: InterfaceStrings.Key
        /// `data-download` for CSV files (the stand-alone report inlines them), else `chart-download`.
        var className: String
    }

    /// The CSV of `columns` (names, in order) of `rows`: exactly what a figure shows, after every
    /// transform, with the columns' names as the header and each cell as written (derived and
    /// aggregated numbers from their shortest decimal text), quoted as RFC 4180 needs.
    static func figureCSV(_ rows: DataTable, columns: [String]) -> String {
        let indices = columns.compactMap(rows.columnIndex)
        var lines = [indices.map { CSVExport.field(rows.columns[$0].name) }.joined(separator: ",")]
        for row in rows.rows {
            lines.append(indices.map { CSVExport.field(row[$0].text) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The columns a chart shows: x, the series column, then the y columns (the rows stay in the
    /// long form of the data file, one per drawn value or group of values).
    func chartColumns(_ spec: DirectiveSpec, table: DataTable) throws(DiagnosticList) -> [String] {
        var names = [try spec.column(try spec.requiredString("x"), in: table).name]
        if let series = try spec.string("series") { names.append(try spec.column(series, in: table).name) }
        for y in try spec.stringList("y") { names.append(try spec.column(y, in: table).name) }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The links under a figure `anchor` showing `table`'s data from `sourceHref`: its own CSV,
    /// the data file, and, when `svg` is given, the chart as SVG.
    func figureLinks(anchor: String, sourceHref: String, chart: Bool) -> [FigureLink] {
        let sourceName = sourceHref.split(separator: "/").last.map { $0.removingPercentEncoding ?? String($0) } ?? "data.csv"
        var links = [
            FigureLink(href: SiteHref.to(anchor + ".csv"), fileName: anchor + ".csv", words: .downloadData, className: "data-download"),
            FigureLink(href: sourceHref, fileName: sourceName, words: .downloadSource, className: "data-download"),
        ]
        if chart {
            links.append(FigureLink(href: SiteHref.to(anchor + ".svg"), fileName: anchor + ".svg", words: .downloadSVG, className: "chart-download"))
        }
        return links
    }

    /// The links as HTML, separated by middle dots. Each saves its file under its own name
    /// (`download`), also from the stand-alone report, where it is a `data:` URL.
    func linksHTML(_ links: [FigureLink]) -> String {
        links.map { link in
            "<a class=\"\(link.className)\" href=\"\(link.href.htmlEscaped)\" download=\"\(link.fileName.htmlEscaped)\">\(strings[link.words].htmlEscaped)</a>"
        }.joined(separator: " · ")
    }
}
