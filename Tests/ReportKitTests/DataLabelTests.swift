import Foundation
import Testing
@testable import ReportKit

/// Labels per language in `NAME.yml` (`label: {en: …, zh: …}`, a column's `values:`), picked by the
/// theme's `locale`, and Chinese tables and charts drawn from them with 万/亿 numbers.
struct DataLabelTests {
    static let chinese = ChineseNumberTests.chinese

    static func renderer(_ strings: InterfaceStrings) throws -> DirectiveRenderer {
        DirectiveRenderer(catalog: try DataFixtures.catalog("data/lenders.csv"), strings: strings)
    }

    static let barChart = """
        id: lenders
        type: bar
        data: data/lenders.csv
        x: lender
        y: balance
        filter: year = 2022
        caption: Balances
        """

    @Test func mapsAreReadWithTheFirstEntryAsDefault() throws {
        let table = try DataFixtures.table("data/lenders.csv")
        #expect(table.title == "Consumer loan balances by lender")
        #expect(table.source == "Illustrative figures")
        #expect(table.column("lender")?.label == "Lender")
        #expect(table.labels.file["notes"] == nil, "a plain string is not kept as a map")
        #expect(table.labels.values["lender"]?["JD Finance"] == LocalizedText(entries: [.init(language: "zh", text: "京东金融")]))
        #expect(table.rows[1][1] == .text("JD Finance"), "loading keeps the values as written")
    }

    @Test func aChineseTableShowsChineseLabelsAndValues() throws {
        let table = try DataFixtures.table("data/lenders.csv")
        let zh = table.shown(with: Self.chinese)
        #expect(zh.title == "各贷款机构消费贷款余额")
        #expect(zh.source == "示意数据")
        #expect(zh.notes == "Not real data.")
        #expect(zh.columns.map(\.label) == ["年份", "贷款机构", "余额"])
        #expect(zh.rows.map { $0[1] } == ["蚂蚁集团", "京东金融", "其他机构", "蚂蚁集团", "京东金融", "其他机构"].map { DataValue.text($0) })
        #expect(zh.numberLocale == .chinese(traditional: false))
        let en = table.shown(with: .english)
        #expect(en.rows.map { $0[1] } == table.rows.map { $0[1] }, "values without an English label stay as written")
        #expect(en.columns.map(\.label) == ["Year", "Lender", "Balance"])
        // A language the maps do not name gets the default (first) entry; a value, as written.
        let french = table.shown(with: InterfaceStrings(["locale": "fr"]))
        #expect(french.title == "Consumer loan balances by lender")
        #expect(french.rows[0][1] == .text("Ant Group"))
        #expect(table.shownValue("JD Finance", column: "lender", language: "zh") == "京东金融")
        #expect(table.shownValue("Nobody", column: "lender", language: "zh") == "Nobody")
    }

    @Test func tagsMatchByPrimarySubtag() {
        let text = LocalizedText(entries: [.init(language: "en", text: "Lender"), .init(language: "zh-Hans", text: "贷款机构")])
        #expect(text.text(for: "zh") == "贷款机构")
        #expect(text.text(for: "ZH-hans") == "贷款机构")
        #expect(text.text(for: "de") == "Lender")
        #expect(LocalizedText("Lender").text(in: "zh") == "Lender")
        #expect(LocalizedText.isLanguageTag("zh-Hant-TW"))
        #expect(!LocalizedText.isLanguageTag("english"))
        #expect(!LocalizedText.isLanguageTag("zh-"))
    }

    @Test func malformedMapsAreErrorsAtTheirPlace() {
        #expect(DataFixtures.errors("data/bad-labels.csv") == """
            content/data/bad-labels.yml:1:9: error[RG0240]: 'english' in the map of 'title' is not a language tag
            hint: a label map's keys are BCP 47 language tags such as en, zh or zh-Hans, e.g. label: {en: Lender, zh: 贷款机构}
            content/data/bad-labels.yml:3:24: error[RG0240]: the 'en' text of the label of column 'lender' must be text, found a list
            hint: write the text, or one entry per language with its BCP 47 tag, e.g. label: {en: Lender, zh: 贷款机构}
            content/data/bad-labels.yml:3:43: error[RG0240]: 'values' of column 'lender' must map values of the column to their labels, found a list
            hint: e.g. values: {Ant Group: {en: Ant Group, zh: 蚂蚁集团}}
            content/data/bad-labels.yml:4:19: error[RG0240]: the map of the unit of column 'balance' names no language
            hint: write the text, or one entry per language with its BCP 47 tag, e.g. label: {en: Lender, zh: 贷款机构}
            """)
    }

    @Test func aChineseTablePrintsMyriadsYearsAndLabels() throws {
        let yaml = "id: t\ndata: data/lenders.csv\ncaption: C\ncolumns: [year, lender, balance]\nsort: -balance\nlimit: 3"
        let html = try Self.renderer(Self.chinese).render(DirectiveFixtures.block(.table, yaml), numberToken: "1").html
        for expected in [">年份</th>", ">贷款机构</th>", ">余额</th>", ">2022年</th>", ">蚂蚁集团</td>", ">1.84万亿元</td>",
                         ">9540亿元</td>", "示意数据"] {
            #expect(html.contains(expected), "the Chinese table lacks \(expected)")
        }
        let english = try Self.renderer(.english).render(DirectiveFixtures.block(.table, yaml), numberToken: "1").html
        for expected in [">Year</th>", ">2022</th>", ">Ant Group</td>", ">¥1.84T</td>", ">¥954B</td>", "Illustrative figures"] {
            #expect(english.contains(expected), "the English table lacks \(expected)")
        }
    }

    @Test func aChineseChartShowsYiOnItsAxisAndHighlightsByTheWrittenValue() throws {
        let renderer = try Self.renderer(Self.chinese)
        let model = try renderer.chartModel(for: DirectiveFixtures.block(.chart, Self.barChart))
        #expect(model.categories == ["蚂蚁集团", "京东金融", "其他机构"])
        #expect(model.yTitle == "余额")
        let svg = ChartRenderer.svg(for: model)
        #expect(svg.contains("亿元</text>"), "the axis counts in 亿")
        #expect(!svg.contains("B</text>") && !svg.contains("T</text>") && !svg.contains("¥"))
        let line = "id: l\ntype: line\ndata: data/lenders.csv\nx: year\ny: balance\nseries: lender\ncaption: C\nhighlight: [JD Finance]"
        let lines = try renderer.chartModel(for: DirectiveFixtures.block(.chart, line))
        #expect(lines.highlight == ["京东金融"], "highlight names the value as the data file writes it")
        #expect(lines.series.map(\.name) == ["蚂蚁集团", "其他机构", "京东金融"])
        let shown = try renderer.chartModel(for: DirectiveFixtures.block(.chart, line.replacingOccurrences(of: "JD Finance", with: "京东金融")))
        #expect(shown.highlight == ["京东金融"], "or as the page shows it")
    }
}
