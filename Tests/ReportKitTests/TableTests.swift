import Testing
@testable import ReportKit

struct TableTests {
    @Test func tableFigureHTML() throws {
        let rendered = try DirectiveFixtures.render(.table, """
            id: cf-companies
            data: data/companies.csv
            columns: [company, {column: capital, label: Capital}, shareholders, share]
            sort: -capital
            total: [capital, shareholders]
            caption: Licensed <companies>
            notes: Two & more
            """)
        #expect(rendered.anchor == "tbl-cf-companies")
        #expect(rendered.caption == "Licensed <companies>")
        let missing = "<span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">no data</span>"
        #expect(rendered.html == """
            <figure class="figure figure-table" id="tbl-cf-companies">
            <div class="table-scroll" role="region" aria-labelledby="tbl-cf-companies-caption" tabindex="0">
            <table class="data-table">
            <caption id="tbl-cf-companies-caption"><span class="figure-label">@@NUM@@</span> Licensed &lt;companies&gt;</caption>
            <thead>
            <tr><th scope="col">Company</th><th scope="col" class="num">Capital <span class="unit">(million yuan)</span></th><th scope="col" class="num">Shareholders</th><th scope="col" class="num">Share</th></tr>
            </thead>
            <tbody>
            <tr><th scope="row">Mashang Consumer Finance</th><td class="num">4,000.00</td><td class="num">5</td><td class="num">12.5%</td></tr>
            <tr><th scope="row">&lt;script&gt;alert(1)&lt;/script&gt;</th><td class="num">10.25</td><td class="num missing">\(missing)</td><td class="num">3.0%</td></tr>
            <tr><th scope="row">Zhaolian</th><td class="num">1.00</td><td class="num">2</td><td class="num missing">\(missing)</td></tr>
            </tbody>
            <tfoot>
            <tr><th scope="row">Total</th><td class="num">4,011.25</td><td class="num">7</td><td class="num"></td></tr>
            </tfoot>
            </table>
            </div>
            <p class="figure-source">Source: CBIRC &lt;list&gt; &amp; filings <span class="data-link">· <a class="data-download" href="tbl-cf-companies.csv" download="tbl-cf-companies.csv">Download the data (CSV)</a> · <a class="data-download" href="../data/companies.csv" download="companies.csv">full data file (CSV)</a></span></p>
            <p class="figure-notes">Note: Two &amp; more</p>
            </figure>
            """)
        #expect(!rendered.html.contains("<script>"))
    }

    @Test func allColumnsByDefaultAndFormatOverride() throws {
        let rendered = try DirectiveFixtures.render(.table, """
            id: balances
            data: data/balances.csv
            columns: [year, {column: balance, format: number.3}]
            filter: [product = Jiebei, year >= 2021]
            caption: Jiebei
            source: Own calculation
            """)
        #expect(rendered.html.contains("<tr><th scope=\"row\">2021</th><td class=\"num\">0.950</td></tr>\n<tr><th scope=\"row\">2022</th><td class=\"num\">1.100</td></tr>\n</tbody>"))
        #expect(rendered.html.contains("<th scope=\"col\">Year</th><th scope=\"col\" class=\"num\">Balance <span class=\"unit\">(trillion yuan)</span></th>"))
        #expect(rendered.html.contains("<p class=\"figure-source\">Source: Own calculation <span class=\"data-link\">· "))
        #expect(!rendered.html.contains("<tfoot>"))

        let all = try DirectiveFixtures.render(.table, "id: all\ndata: data/balances.csv\ncaption: All")
        #expect(all.html.contains("<tr><th scope=\"row\">2021</th><td>Jiebei</td><td class=\"num\">0.95</td></tr>"))
        #expect(all.html.contains("<tr><th scope=\"row\">2020</th><td>Huabei</td><td class=\"num\">1.50</td></tr>"))
    }

    @Test func tableSpecErrors() throws {
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: data/companies.csv\ncaption: C\ntotal: [company]") == """
            content/page.md:13:9: error[RG0309]: column 'company' is text; 'total' sums numeric columns
            hint: list only numeric columns under 'total'
            """)
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: data/companies.csv\ncaption: C\ncolumns: [{column: capital, lable: Cap}]") == """
            content/page.md:13:29: error[RG0302]: unknown key 'lable' in a table column
            hint: did you mean 'label'?
            """)
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: data/companies.csv\ncaption: C\ncolumns: [{column: company, format: number}]") == """
            content/page.md:13:37: error[RG0309]: column 'company' is text; 'format' applies to numeric columns
            hint: remove 'format' from this column
            """)
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: data/companies.csv\ncaption: C\nlimit: many") == """
            content/page.md:13:8: error[RG0307]: limit must be a positive whole number, found 'many'
            hint: write how many rows to keep, e.g. limit: 10
            """)
    }

    @Test func htmlTableDirectly() {
        let table = DataTable(path: "data/t.csv", columns: [
            DataColumn(name: "k", type: .text),
            DataColumn(name: "v", label: "Value", type: .number, unit: "%"),
        ], rows: [[.text("a"), .number(1.5, decimals: 1)], [.text("b"), .number(-12000, decimals: 0)]])
        let html = HTMLTable(table: table, totals: ["v"], strings: .english).html(anchor: "tbl-t", captionHTML: "T")
        #expect(html.contains("<td class=\"num\">1.5</td>"))
        #expect(html.contains("<td class=\"num\">−12,000.0</td>"))
        #expect(html.contains("<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"num\">−11,998.5</td></tr>\n</tfoot>"))
    }

    @Test func chineseCellsAreMarkedForScreenReaders() {
        #expect(HTMLTable.isChinese("中国银行、百联集团"))
        #expect(HTMLTable.isChinese("苏宁云南 (2)"))
        #expect(!HTMLTable.isChinese("Ant (蚂蚁)"))
        #expect(!HTMLTable.isChinese("2023"))
        let table = DataTable(path: "data/t.csv", columns: [DataColumn(name: "en", type: .text), DataColumn(name: "zh", type: .text)],
                              rows: [[.text("Bank of China"), .text("中国银行")]])
        #expect(HTMLTable(table: table, strings: .english).html(anchor: "tbl-t", captionHTML: "T")
            .contains("<tr><th scope=\"row\">Bank of China</th><td lang=\"zh\">中国银行</td></tr>"))
    }
}

struct WrittenDecimalsTests {
    @Test func asWrittenKeepsEachCellsDecimals() throws {
        let table = DataTable(path: "data/k.csv", columns: [DataColumn(name: "what", type: .text), DataColumn(name: "value", type: .number)],
                              rows: [[.text("Companies"), .number(30, decimals: 0)], [.text("Balance"), .number(47.8, decimals: 1)],
                                     [.text("Share"), .number(86.19, decimals: 2)]])
        var choice = TableColumnChoice(column: "value")
        choice.keepsWrittenDecimals = true
        let html = HTMLTable(table: table, columns: [TableColumnChoice(column: "what"), choice], strings: .english).html(anchor: "tbl-k", captionHTML: "K")
        #expect(html.contains(">30</td>"))
        #expect(html.contains(">47.8</td>"))
        #expect(html.contains(">86.19</td>"))
        let consistent = HTMLTable(table: table, strings: .english).html(anchor: "tbl-k", captionHTML: "K")
        #expect(consistent.contains(">30.00</td>"))
    }
}
