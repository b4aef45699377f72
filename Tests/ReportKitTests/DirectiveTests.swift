import Testing
@testable import ReportKit

/// Renders directive blocks written on line 10 of `content/page.md` against the fixture data.
enum DirectiveFixtures {
    static let location = SourceLocation(file: "content/page.md", line: 10, column: 1)

    static func renderer() throws -> DirectiveRenderer {
        DirectiveRenderer(catalog: try DataFixtures.catalog("data/balances.csv", "data/companies.csv", "data/records.json"), strings: .english)
    }

    static func block(_ kind: DirectiveBlock.Kind, _ yaml: String) -> DirectiveBlock {
        DirectiveBlock(kind: kind, yaml: yaml, location: location, rootPrefix: "../")
    }

    static func render(_ kind: DirectiveBlock.Kind, _ yaml: String) throws -> RenderedDirective {
        try renderer().render(block(kind, yaml), numberToken: "@@NUM@@")
    }

    /// The full diagnostics text a block produces, or nil if it renders.
    static func error(_ kind: DirectiveBlock.Kind, _ yaml: String) throws -> String? {
        let renderer = try renderer()
        do {
            _ = try renderer.render(block(kind, yaml), numberToken: "@@NUM@@")
            return nil
        } catch {
            return error.description
        }
    }
}

struct DirectiveTests {
    let chart = """
        id: balances
        type: line
        data: data/balances.csv
        x: year
        y: balance
        series: product
        caption: Balances by product
        """

    @Test func unknownKeyWithDidYouMean() throws {
        #expect(try DirectiveFixtures.error(.chart, chart + "\nsortt: -balance") == """
            content/page.md:17:1: error[RG0302]: unknown key 'sortt' in chart spec
            hint: did you mean 'sort'?
            """)
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: data/balances.csv\ncaption: C\ntype: bar") == """
            content/page.md:13:1: error[RG0302]: unknown key 'type' in table spec
            hint: did you mean 'top'?
            """)
    }

    @Test func missingRequiredKeys() throws {
        #expect(try DirectiveFixtures.error(.chart, "id: a\ndata: data/balances.csv\nx: year\ny: balance\ncaption: C") == """
            content/page.md:10:1: error[RG0303]: chart spec is missing the required key 'type'
            hint: add a line such as 'type: bar'
            """)
    }

    @Test func yamlSyntaxErrorAtItsLine() throws {
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: data/balances.csv\ncaption: Loans: 2023") == """
            content/page.md:12:15: error[RG0105]: invalid YAML in table spec: mapping values are not allowed in this context
            hint: quote a value that contains ': ', e.g. caption: "Loans: 2023"
            """)
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: [data/balances.csv\ncaption: C") == """
            content/page.md:12:8: error[RG0105]: invalid YAML in table spec: did not find expected ',' or ']' (while parsing a flow sequence)
            hint: a value starting with '[' or '{' is read as a list or mapping: close it, or quote the value
            """)
    }

    @Test func invalidID() throws {
        #expect(try DirectiveFixtures.error(.table, "id: Loan_Split\ndata: data/balances.csv\ncaption: C") == """
            content/page.md:10:5: error[RG0304]: invalid id 'Loan_Split'
            hint: use lowercase letters, digits and hyphens, starting with a letter or digit, e.g. 'loan-split'
            """)
    }

    @Test func unknownColumn() throws {
        let yaml = chart.replacingOccurrences(of: "y: balance", with: "y: balanse")
        #expect(try DirectiveFixtures.error(.chart, yaml) == """
            content/page.md:14:4: error[RG0201]: unknown column 'balanse' in chart 'balances'
            hint: did you mean 'balance'?
            """)
    }

    @Test func unknownColumnWithoutCloseMatch() throws {
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: data/balances.csv\ncaption: C\nsort: -zzzzzz") == """
            content/page.md:13:7: error[RG0201]: unknown column 'zzzzzz' in table 't'
            hint: expected a column of data/balances.csv: 'year', 'product', 'balance'
            """)
    }

    @Test func dataFolderMayBeLeftOut() throws {
        let yaml = chart.replacingOccurrences(of: "data/balances.csv", with: "balances.csv")
        #expect(try DirectiveFixtures.render(.chart, yaml).dataFiles == ["data/balances.csv"])
    }

    @Test func missingDataFile() throws {
        let yaml = chart.replacingOccurrences(of: "data/balances.csv", with: "data/balance.csv")
        #expect(try DirectiveFixtures.error(.chart, yaml) == """
            content/page.md:12:7: error[RG0202]: data file 'data/balance.csv' not found
            hint: did you mean 'data/balances.csv'?
            """)
    }

    @Test func pathLeavingTheContentFolder() throws {
        for path in ["../secret.csv", "/etc/passwd", "data/../../x.csv"] {
            let yaml = chart.replacingOccurrences(of: "data/balances.csv", with: path)
            #expect(try DirectiveFixtures.error(.chart, yaml) == """
                content/page.md:12:7: error[RG0117]: path '\(path)' leaves the content folder
                hint: data paths are relative to the content folder, e.g. 'data/loans.csv'
                """)
        }
        // A path that climbs and comes back stays inside.
        let yaml = chart.replacingOccurrences(of: "data/balances.csv", with: "./data/../data/balances.csv")
        #expect(try DirectiveFixtures.render(.chart, yaml).dataFiles == ["data/balances.csv"])
    }

    @Test func emptyAfterFilter() throws {
        #expect(try DirectiveFixtures.error(.chart, chart + "\nfilter: \"year > 2030\"") == """
            content/page.md:17:9: error[RG0314]: no rows left after filter 'year > 2030' (data/balances.csv has 6 rows)
            hint: check the filter's column and value
            """)
    }

    @Test func wrongColumnType() throws {
        let yaml = chart.replacingOccurrences(of: "type: line", with: "type: bar")
            .replacingOccurrences(of: "y: balance", with: "y: product")
            .replacingOccurrences(of: "series: product\n", with: "")
        #expect(try DirectiveFixtures.error(.chart, yaml) == """
            content/page.md:14:4: error[RG0309]: column 'product' is text; the y values of a bar chart must be numbers
            hint: choose a numeric column, or declare its type in the data file's yml
            """)
    }

    @Test func unknownChartTypeAndFormat() throws {
        let badType = chart.replacingOccurrences(of: "type: line", with: "type: lines")
        #expect(try DirectiveFixtures.error(.chart, badType) == """
            content/page.md:11:7: error[RG0308]: unknown chart type 'lines'
            hint: did you mean 'line'?
            """)
        #expect(try DirectiveFixtures.error(.chart, chart + "\nformat: numbr.1") == """
            content/page.md:17:9: error[RG0306]: unknown format 'numbr.1'
            hint: did you mean 'number'? (optionally followed by .N for N decimals, e.g. number.1)
            """)
    }

    @Test func pieTakesOneSeries() throws {
        let yaml = chart.replacingOccurrences(of: "type: line", with: "type: pie")
        #expect(try DirectiveFixtures.error(.chart, yaml) == """
            content/page.md:15:9: error[RG0311]: a pie chart shows one series: give one y column and no 'series'
            hint: e.g. y: amount; for several series use a bar or line chart
            """)
    }

    @Test func pivotedLongTableChartModel() throws {
        let model = try DirectiveFixtures.renderer().chartModel(for: DirectiveFixtures.block(.chart, chart))
        var years = NumberFormat(.number)
        years.grouping = false   // a year axis never prints 2,020
        #expect(model == ChartModel(
            kind: .line, id: "fig-balances", title: "Balances by product", xKind: .year,
            categories: ["2020", "2021", "2022"], xValues: [2020, 2021, 2022],
            series: [
                ChartModel.Series(name: "Huabei", values: [1.5, 1.7, 1.9]),
                ChartModel.Series(name: "Jiebei", values: [0.8, 0.95, 1.1]),
            ],
            xTitle: "Year", yTitle: "Balance (trillion yuan)",
            valueFormat: NumberFormat(.number), xFormat: years))
    }

    @Test func barChartOfFilteredRowsWithFormatAndTitles() throws {
        let yaml = """
            id: huabei
            type: bar
            data: data/balances.csv
            x: year
            y: balance
            filter: product = Huabei
            sort: -year
            format: number.2
            y-title: Trillion yuan
            caption: Huabei
            """
        let model = try DirectiveFixtures.renderer().chartModel(for: DirectiveFixtures.block(.chart, yaml))
        #expect(model.xKind == .category)
        #expect(model.categories == ["2022", "2021", "2020"])
        #expect(model.xValues == [])
        #expect(model.series == [ChartModel.Series(name: "Balance", values: [1.9, 1.7, 1.5])])
        #expect(model.yTitle == "Trillion yuan")
        #expect(model.valueFormat == NumberFormat(.number, decimals: 2))
    }

    @Test func duplicatePivotCell() throws {
        let yaml = chart.replacingOccurrences(of: "x: year", with: "x: product").replacingOccurrences(of: "series: product", with: "series: product")
        #expect(try DirectiveFixtures.error(.chart, yaml) == """
            content/page.md:15:9: error[RG0312]: two rows of data/balances.csv (lines 2 and 4) give series 'Huabei' a value at product 'Huabei'
            hint: filter the data so that each product appears once per product
            """)
    }

    @Test func chartFigureHTML() throws {
        let rendered = try DirectiveFixtures.render(.chart, chart + "\nsource: Paper <3>")
        #expect(rendered.anchor == "fig-balances")
        #expect(rendered.caption == "Balances by product")
        #expect(rendered.kind == .chart)
        #expect(rendered.dataFiles == ["data/balances.csv"])
        #expect(rendered.location == DirectiveFixtures.location)
        let model = try DirectiveFixtures.renderer().chartModel(for: DirectiveFixtures.block(.chart, chart))
        #expect(rendered.html == """
            <figure class="figure figure-chart" id="fig-balances">
            <figcaption><span class="figure-label">@@NUM@@</span> Balances by product</figcaption>
            <div class="chart-frame"><div class="chart-wide">\(ChartRenderer.svg(for: model))</div>\
            <div class="chart-narrow">\(ChartRenderer.svg(for: model, width: 360))</div></div>
            <details class="chart-data"><summary>Data for this chart</summary>\(ChartRenderer.dataTable(for: model))</details>
            <p class="figure-source">Source: Paper &lt;3&gt; <span class="data-link">· <a class="data-download" href="fig-balances.csv" download="fig-balances.csv">Download the data (CSV)</a> · <a class="data-download" href="../data/balances.csv" download="balances.csv">full data file (CSV)</a> · <a class="chart-download" href="fig-balances.svg" download="fig-balances.svg">chart (SVG)</a></span></p>
            <p class="figure-notes">Note: Year-end balances.</p>
            </figure>
            """)
    }

    @Test func jsonDataLinksToItsCSV() throws {
        let rendered = try DirectiveFixtures.render(.table, "id: records\ndata: data/records.json\ncaption: Records")
        #expect(rendered.html.contains("<a class=\"data-download\" href=\"../data/records.csv\" download=\"records.csv\">full data file (CSV)</a>"))
    }

    @Test func dateAxis() throws {
        let yaml = "id: founded\ntype: scatter\ndata: data/records.json\nx: founded\ny: capital\ncaption: Founding"
        let model = try DirectiveFixtures.renderer().chartModel(for: DirectiveFixtures.block(.chart, yaml))
        #expect(model.xKind == .date)
        #expect(model.categories == ["2014-06-01", "2015-03-18"])
        #expect(model.xValues == [16222, 16512])
        #expect(model.series == [ChartModel.Series(name: "capital", values: [40, 10.05])])
    }

    @Test func duplicateKey() throws {
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: data/balances.csv\ncaption: C\nid: u") == """
            content/page.md:13:1: error[RG0106]: duplicate key 'id' in table spec
            hint: each key may appear only once
            """)
    }
}
