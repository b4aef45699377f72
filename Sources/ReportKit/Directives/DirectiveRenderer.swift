import Foundation

/// Turns `table` and `chart` blocks into HTML, reading data from the catalogue.
///
/// Each block's YAML is checked (keys, id, data path, columns, types), its rows go through
/// `filter`, `sort` and `limit`, and the result becomes a `<figure>`: an accessible table, or
/// an SVG chart with its numbers in a `<details>` table. Every problem is a `Diagnostic` at the
/// line of the page where the offending key is written.
public struct DirectiveRenderer: Sendable {
    /// The data files directives may name.
    public var catalog: DataCatalog
    /// Charts with more points than this (rows × y columns) are refused instead of drawn.
    public var maxChartPoints = Self.defaultMaxChartPoints
    /// The theme's words around figures ("Source:", "Download the data (CSV)", "Total").
    public var strings: InterfaceStrings
    /// Curly quotes and dashes in captions, sources and notes too (`SmartPunctuation`), as in the Markdown.
    public var smartPunctuation = false
    /// The theme's light chart colours, with which charts are exported as stand-alone SVG files.
    public var chartColours = ChartColours()

    /// The default chart size limit, unless `site.yml` says otherwise (`SiteConfig`).
    public static let defaultMaxChartPoints = SiteConfig.defaultMaxChartPoints

    /// A renderer reading from `catalog`, refusing charts of more than `maxChartPoints` points, with
    /// the theme's interface `strings`.
    public init(catalog: DataCatalog, maxChartPoints: Int = Self.defaultMaxChartPoints, strings: InterfaceStrings) {
        self.catalog = catalog
        self.maxChartPoints = maxChartPoints
        self.strings = strings
    }

    /// Keys allowed in an entry of a table's `columns:` list.
    static let tableColumnKeys = ["column", "label", "format"]
    /// The table-column format that prints each number as written (for columns mixing quantities).
    static let asWrittenFormat = "as-written"

    /// A checked spec with its data: what both tables and charts start from.
    struct Prepared {
        var spec: DirectiveSpec
        var anchor: String
        var caption: String
        /// The data table named by `data:`, with its derived columns; grouped when the spec groups
        /// (`RowQuery.shaped`): the columns the spec may name.
        var table: DataTable
        /// The rows left after every transform (never empty): what the figure shows.
        var rows: DataTable
    }

    /// Checks the spec's keys, id, caption and data file, and applies the row transforms.
    func prepare(_ block: DirectiveBlock) throws(DiagnosticList) -> Prepared {
        var spec = try DirectiveSpec(block)
        let id = try spec.requiredString("id")
        guard Self.isValidID(id.value) else {
            throw DiagnosticList(.error(.invalidID, "invalid id '\(id.value)'", at: id.location,
                                        hint: "use lowercase letters, digits and hyphens, starting with a letter or digit, e.g. 'loan-split'"))
        }
        let anchor = "\(block.kind.anchorPrefix)-\(id.value)"
        spec.subject = "\(block.kind.rawValue) '\(id.value)'"
        let caption = try spec.requiredString("caption").value.trimmed
        let source = try dataTable(spec)
        let query = try query(spec, table: source)
        let table = query.shaped(source)
        if query.group != nil { spec.groupedColumns = table.columns.map(\.name) }
        let rows = query.rows(of: table)
        if rows.rows.isEmpty {
            let filters = try spec.stringList("filter").map { "'\($0.value)'" }.joined(separator: " and ")
            throw DiagnosticList(.error(.noRowsAfterFilter, "no rows left after filter \(filters) (\(source.path) has \(source.rows.count) rows)",
                                        at: spec.location(of: "filter"), hint: "check the filter's column and value"))
        }
        // Labels and numbers in the page's language, once the rows are chosen (`DataTable+Language.swift`).
        return Prepared(spec: spec, anchor: anchor, caption: caption, table: table.shown(with: strings, values: false), rows: rows.shown(with: strings))
    }

    /// The chart model a `chart` block describes (what `render` draws), for other outputs
    /// such as image exports and for tests.
    public func chartModel(for block: DirectiveBlock) throws(DiagnosticList) -> ChartModel {
        let prepared = try prepare(block)
        return try chartModel(prepared.spec, table: prepared.table, rows: prepared.rows,
                              anchor: prepared.anchor, caption: prepared.caption)
    }

    /// Charts are drawn twice: at the design width, and at this width for phones (the theme shows
    /// one of the two), so that text stays readable on a 390 px screen instead of shrinking to 7 px.
    static let narrowChartWidth: Double = 360

    /// Text from YAML as the page shows it: with smart punctuation when the site uses it.
    func typeset(_ text: String) -> String { smartPunctuation ? SmartPunctuation.apply(text) : text }

    /// Renders one block. `numberToken` goes wherever the figure or table number belongs.
    public func render(_ block: DirectiveBlock, numberToken: String) throws(DiagnosticList) -> RenderedDirective {
        let prepared = try prepare(block)
        let (spec, anchor, table, rows) = (prepared.spec, prepared.anchor, prepared.table, prepared.rows)
        let caption = typeset(prepared.caption)
        let writtenSource: String? = try spec.string("source")?.value ?? table.source
        let writtenNotes: String? = try spec.string("notes")?.value ?? table.notes
        let source = writtenSource.map(typeset)
        let notes = writtenNotes.map(typeset)
        let captionHTML = "<span class=\"figure-label\">\(numberToken)</span> \(caption.htmlEscaped)"
        let links = figureLinks(anchor: anchor, sourceHref: SiteHref.to(catalog.csvOutputPath(for: table.path), from: block.rootPrefix),
                                chart: block.kind == .chart && spec.values["facet"] == nil)
        let footer = footer(source: source, notes: notes, links: links)

        let html: String
        var warnings: [Diagnostic] = []
        var downloads: [FigureDownload] = []
        switch block.kind {
        case .table:
            let columns = try tableColumns(spec, table: table)
            let shown = columns.isEmpty ? table.columns.map(\.name) : columns.map(\.column)
            downloads.append(FigureDownload(fileName: anchor + ".csv", text: Self.figureCSV(rows, columns: shown)))
            let totals = try spec.stringList("total")
            for total in totals {
                let column = try spec.column(total, in: table)
                guard column.type.isNumeric else {
                    throw DiagnosticList(.error(.columnNotNumeric, "column '\(column.name)' is \(column.type.rawValue); 'total' sums numeric columns",
                                                at: total.location, hint: "list only numeric columns under 'total'"))
                }
                let index = rows.columnIndex(column.name)!
                guard rows.rows.reduce(0.0, { $0 + ($1[index].number ?? 0) }).isFinite else {
                    throw DiagnosticList(.error(.valueOutOfRange, "the total of column '\(column.name)' is too large to print", at: total.location,
                                                hint: "its values add up past the largest number a computer can hold (about 1.8e308); "
                                                    + "check the column's values, or leave it out of 'total'"))
                }
            }
            let tableHTML = HTMLTable(table: rows, columns: columns, totals: totals.map(\.value), decimalsSource: table, strings: strings)
                .html(anchor: anchor, captionHTML: captionHTML)
            html = "<figure class=\"figure figure-table\" id=\"\(anchor)\">\n\(tableHTML)\n\(footer)</figure>"
        case .chart where spec.values["facet"] != nil:
            let faceted = try facetedChart(spec, table: table, rows: rows, anchor: anchor, caption: caption,
                                           captionHTML: captionHTML, footer: footer)
            (html, warnings) = (faceted.html, faceted.warnings)
            downloads.append(faceted.download)
        case .chart:
            let model = try chartModel(spec, table: table, rows: rows, anchor: anchor, caption: caption)
            let (wide, wideDropped) = ChartRenderer.render(model, width: ChartRenderer.designWidth)
            let (narrow, narrowDropped) = ChartRenderer.render(model, width: Self.narrowChartWidth)
            downloads.append(FigureDownload(fileName: anchor + ".csv", text: Self.figureCSV(rows, columns: try chartColumns(spec, table: table))))
            downloads.append(FigureDownload(fileName: anchor + ".svg", text: ChartSVGExport.standalone(wide, colours: chartColours)))
            warnings = ChartGuards.warnings(for: model, narrowSVG: narrow, subject: spec.subject, location: spec.location(of: "type"))
                + ChartGuards.droppedLabels(max(wideDropped, narrowDropped), subject: spec.subject, location: spec.location(of: "type"))
            html = """
            <figure class="figure figure-chart" id="\(anchor)">
            <figcaption>\(captionHTML)</figcaption>
            <div class="chart-frame"><div class="chart-wide">\(wide)</div>\
            <div class="chart-narrow">\(narrow)</div></div>
            <details class="chart-data"><summary>\(strings[.chartData].htmlEscaped)</summary>\(ChartRenderer.dataTable(for: model))</details>
            \(footer)</figure>
            """
        }
        var rendered = RenderedDirective(kind: block.kind, anchor: anchor, caption: caption, html: html,
                                         dataFiles: [table.path], location: block.location)
        rendered.warnings = warnings
        rendered.downloads = downloads
        return rendered
    }

    /// Whether `id` matches `[a-z0-9][a-z0-9-]*`.
    static func isValidID(_ id: String) -> Bool { DirectiveBlock.isValidID(id) }

    /// The source line (with the download `links`, `DirectiveRenderer+Downloads.swift`) and the notes
    /// line under a figure. The links' span has a class that lets print style sheets leave it out.
    func footer(source: String?, notes: String?, links: [FigureLink]) -> String {
        let link = linksHTML(links)
        var out = "<p class=\"figure-source\">"
        if let source, !source.trimmed.isEmpty {
            out += InterfaceStrings.fill(strings[.figureSource].htmlEscaped, ["source": source.trimmed.htmlEscaped])
                + " <span class=\"data-link\">· \(link)</span></p>\n"
        } else {
            out += "<span class=\"data-link\">\(link)</span></p>\n"
        }
        if let notes, !notes.trimmed.isEmpty {
            out += "<p class=\"figure-notes\">" + InterfaceStrings.fill(strings[.figureNote].htmlEscaped, ["note": notes.trimmed.htmlEscaped]) + "</p>\n"
        }
        return out
    }

    // MARK: - Data

    /// The table named by `data:`, which must stay inside the content folder and exist.
    func dataTable(_ spec: DirectiveSpec) throws(DiagnosticList) -> DataTable {
        let data = try spec.requiredString("data")
        guard let path = Self.normalizedPath(data.value) else {
            throw DiagnosticList(.error(.pathOutsideContent, "path '\(data.value)' leaves the content folder", at: data.location,
                                        hint: "data paths are relative to the content folder, e.g. 'data/loans.csv'"))
        }
        // `data: x.csv` may leave out the `data/` folder.
        guard let table = catalog.tables[path] ?? catalog.tables["data/" + path] else {
            let known = catalog.tables.keys.sorted()
            throw DiagnosticList(.error(.dataFileNotFound, "data file '\(path)' not found", at: data.location,
                                        hint: Suggestion.hint(for: path, in: known, noun: "one of") ?? "put CSV or JSON files under the content folder, e.g. content/data/"))
        }
        return table
    }

    /// `path` with `.` segments and doubled slashes removed; `nil` if it is absolute or climbs out with `..`.
    static func normalizedPath(_ path: String) -> String? {
        let trimmed = path.trimmed
        if trimmed.hasPrefix("/") || trimmed.hasPrefix("\\") || trimmed.hasPrefix("~") || trimmed.contains(":") { return nil }
        var parts: [Substring] = []
        for part in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// A `format:` value as a `NumberFormat`.
    static func numberFormat(_ name: Located<String>) throws(DiagnosticList) -> NumberFormat {
        guard let format = NumberFormat(name: name.value) else {
            throw DiagnosticList(.error(.unknownFormat, "unknown format '\(name.value)'", at: name.location,
                                        hint: NumberFormat.unknownHint(name.value)))
        }
        return format
    }

    /// The transforms (`RowQuery`, in its order: derive, filter, group, latest, top, sort, limit),
    /// each checked against the columns the steps before it leave.
    func query(_ spec: DirectiveSpec, table source: DataTable) throws(DiagnosticList) -> RowQuery {
        var spec = spec
        var query = RowQuery()
        query.derive = try derivedColumns(spec, table: source)
        var table = source
        table.rows = []
        table.rowLines = []
        table = query.shaped(table)
        for filter in try spec.stringList("filter", atText: true) {
            query.filters.append(try RowFilter(filter.value, table: table, location: filter.location))
        }
        query.group = try rowGroup(spec, table: table)
        if let group = query.group {
            table = group.apply(to: table)
            spec.groupedColumns = table.columns.map(\.name)
        }
        if let latest = try spec.string("latest") {
            query.latest = try spec.column(Located(value: latest.value.trimmed, location: latest.location), in: table).name
        }
        query.top = try topRows(spec, table: table)
        for key in try spec.stringList("sort") {
            var name = key.value.trimmed
            let descending = name.hasPrefix("-")
            if descending || name.hasPrefix("+") { name = String(name.dropFirst()).trimmed }
            let column = try spec.column(Located(value: name, location: key.location), in: table)
            query.sort.append(RowQuery.SortKey(column: column.name, descending: descending))
        }
        if let limit = try spec.string("limit") {
            guard let count = Int(limit.value.trimmed), count > 0 else {
                throw DiagnosticList(.error(.invalidLimit, "limit must be a positive whole number, found '\(limit.value)'", at: limit.location,
                                            hint: "write how many rows to keep, e.g. limit: 10"))
            }
            query.limit = count
        }
        return query
    }

    // MARK: - Tables

    /// The `columns:` list of a table spec: names, or `{column, label, format}` mappings.
    func tableColumns(_ spec: DirectiveSpec, table: DataTable) throws(DiagnosticList) -> [TableColumnChoice] {
        var choices: [TableColumnChoice] = []
        for node in spec.nodeList("columns") {
            let location = spec.source.location(of: node)
            var name: Located<String>?
            var label: String?
            var formatName: Located<String>?
            switch node {
            case let .scalar(scalar):
                name = Located(value: scalar.string, location: location)
            case let .mapping(mapping):
                for (keyNode, value) in mapping {
                    let key = keyNode.scalarText ?? ""
                    guard Self.tableColumnKeys.contains(key) else {
                        throw DiagnosticList(.error(.unknownSpecKey, "unknown key '\(key)' in a table column", at: spec.source.location(of: keyNode),
                                                    hint: Suggestion.hint(for: key, in: Self.tableColumnKeys)))
                    }
                    guard let text = value.scalarText else {
                        throw DiagnosticList(.error(.wrongValueType, "'\(key)' must be a single value, found \(value.kindName)", at: spec.source.location(of: value),
                                                    hint: "write a table column like {column: capital, label: Registered capital}"))
                    }
                    let located = Located(value: text, location: spec.source.location(of: value))
                    switch key {
                    case "column": name = located
                    case "label": label = text
                    default: formatName = located
                    }
                }
            default:
                throw DiagnosticList(.error(.wrongValueType, "each entry of 'columns' must be a column name or {column, label, format}, found \(node.kindName)",
                                            at: location, hint: "e.g. columns: [company, {column: capital, label: Registered capital}]"))
            }
            guard let name else {
                throw DiagnosticList(.error(.missingSpecKey, "table column entry is missing 'column'", at: location,
                                            hint: "write {column: capital, label: Registered capital}"))
            }
            let column = try spec.column(name, in: table)
            var format: NumberFormat?
            let keepsWrittenDecimals = formatName?.value == Self.asWrittenFormat
            if keepsWrittenDecimals { format = NumberFormat(.number) }   // not the column's default from NAME.yml
            if let formatName, !keepsWrittenDecimals {
                format = try Self.numberFormat(formatName)
                guard column.type.isNumeric else {
                    throw DiagnosticList(.error(.columnNotNumeric, "column '\(column.name)' is \(column.type.rawValue); 'format' applies to numeric columns",
                                                at: formatName.location, hint: "remove 'format' from this column"))
                }
            }
            if let formatName, table.numberFormat(for: column, explicit: format).needsCurrency {
                throw DiagnosticList(.error(.missingCurrency, "format 'currency' needs a currency, and \(table.path)'s yml names none",
                                            at: formatName.location, hint: NumberFormat.missingCurrencyHint))
            }
            var choice = TableColumnChoice(column: column.name, label: label, format: format)
            choice.keepsWrittenDecimals = keepsWrittenDecimals
            choices.append(choice)
        }
        return choices
    }

    // MARK: - Charts

    /// The chart model for a `chart` spec: type, x, y, series and format checked against the data.
    func chartModel(_ spec: DirectiveSpec, table: DataTable, rows: DataTable, anchor: String, caption: String) throws(DiagnosticList) -> ChartModel {
        let typeName = try spec.requiredString("type")
        guard let kind = ChartModel.Kind(rawValue: typeName.value.trimmed) else {
            throw DiagnosticList(.error(.unknownChartType, "unknown chart type '\(typeName.value)'", at: typeName.location,
                                        hint: Suggestion.hint(for: typeName.value, in: ChartModel.Kind.allCases.map(\.rawValue))))
        }
        let x = try spec.column(try spec.requiredString("x"), in: table)
        let yNames = try spec.stringList("y")
        guard !yNames.isEmpty else {
            throw DiagnosticList(.error(.missingSpecKey, "chart spec is missing the required key 'y'", at: spec.location,
                                        hint: "name the numeric column to draw, e.g. y: amount"))
        }
        var ys: [DataColumn] = []
        for name in yNames {
            let column = try spec.column(name, in: table)
            guard column.type.isNumeric else {
                throw DiagnosticList(.error(.columnNotNumeric, "column '\(column.name)' is \(column.type.rawValue); the y values of a \(kind.rawValue) chart must be numbers",
                                            at: name.location,
                                            hint: "choose a numeric column, or declare its type in the data file's yml"))
            }
            ys.append(column)
        }
        var series: DataColumn?
        if let name = try spec.string("series") {
            series = try spec.column(name, in: table)
            if ys.count > 1 {
                throw DiagnosticList(.error(.seriesNeedsOneY, "with 'series', give one y column (found \(ys.count))", at: spec.location(of: "y"),
                                            hint: "'series' splits one value column into one series per \(name.value)"))
            }
        }
        if kind == .pie || kind == .donut, ys.count > 1 || series != nil {
            throw DiagnosticList(.error(.singleSeriesChart, "a \(kind.rawValue) chart shows one series: give one y column and no 'series'",
                                        at: spec.location(of: series != nil ? "series" : "y"),
                                        hint: "e.g. y: amount; for several series use a bar or line chart"))
        }
        let points = rows.rows.count * (series == nil ? ys.count : 1)
        if points > maxChartPoints {
            throw DiagnosticList(.error(.tooManyChartPoints, "\(spec.subject) would draw \(points) points; the limit is \(maxChartPoints)", at: spec.location(of: "data"),
                                        hint: "narrow the data with 'filter' or 'limit', or raise 'max_chart_points' under options in site.yml"))
        }
        let format = try spec.string("format").map { name throws(DiagnosticList) in try Self.numberFormat(name) }
        let mapping = ChartMapping(spec: spec, kind: kind, table: rows, x: x, ys: ys, series: series, format: format)
        var model = try mapping.model(id: anchor, title: caption)
        model.strings = strings
        model.yDomain = try yDomain(spec)
        // `highlight` and `colors` may name a series or bar as the data file writes it or as the page shows it (its label).
        let language = strings.labelLanguage
        let shownName: (String) -> String = { written in
            for column in [series, x].compactMap({ $0 }) {
                let shown = rows.shownValue(written, column: column.name, language: language)
                if shown != written { return shown }
            }
            return written
        }
        try applyChartOptions(spec, to: &model, shownName: shownName)
        return model
    }
}

extension Unicode.Scalar {
    /// `a`–`z` or `0`–`9`.
    var isLowerAlphanumericASCII: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}
