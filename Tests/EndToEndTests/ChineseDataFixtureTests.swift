import Foundation
import Testing

/// `Fixtures/zh-data/`: one pair of CSV files with labels per language in their `NAME.yml`, built with
/// a copy of the default theme whose `theme.yml` sets `locale: zh-Hans` (what the Chinese edition's
/// strings will say), and again with `locale: en`: the same numbers, Chinese or English labels,
/// 万/亿 or T/B.
struct ChineseDataFixtureTests {
    /// Builds the fixture with the default theme's `locale` set to `locale`; the home page's HTML.
    static func build(locale: String) throws -> String {
        let project = try CLI.scratchFolder("zh-data")
        defer { try? FileManager.default.removeItem(at: project) }
        try CLI.copyFixture("zh-data", to: project.appendingPathComponent("content"))
        let theme = project.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: CLI.theme, to: theme)
        try Data("strings:\n  locale: \(locale)\n".utf8).write(to: theme.appendingPathComponent("theme.yml"))
        let run = try CLI.run(["build", "--content", "content", "--output", "output", "-q"], in: project)   // site.yml's theme
        #expect(run.status == 0)
        #expect(run.stderr == "", "no error or warning")
        return try String(contentsOf: project.appendingPathComponent("output/index.html"), encoding: .utf8)
    }

    @Test func aChinesePageShowsChineseLabelsAndMyriads() throws {
        let html = try Self.build(locale: "zh-Hans")
        let chart = html.components(separatedBy: "id=\"fig-lenders\"").last?.components(separatedBy: "</figure>").first ?? ""
        for expected in [">消费金融公司（全部）</text>", ">360 (Internet lending platform)</text>", ">8243.6亿元</text>", ">1035亿元</text>",
                         ">贷款余额</text>", "亿元</text>", "Source: 吴贵鹃 2025，第4.1节"] {
            #expect(chart.contains(expected), "the Chinese chart lacks \(expected)")
        }
        #expect(!chart.contains("B</text>") && !chart.contains("¥"), "no Western units in the Chinese chart")
        let table = html.components(separatedBy: "id=\"tbl-consumer-loans\"").last?.components(separatedBy: "</figure>").first ?? ""
        for expected in [">年份</th>", ">贷款类别</th>", ">余额</th>", ">2023年</th>", ">住房按揭贷款</td>", ">41.2万亿元</td>",
                         ">其他消费贷款</td>", ">6.6万亿元</td>", ">47.8万亿元</td>"] {
            #expect(table.contains(expected), "the Chinese table lacks \(expected)")
        }
    }

    @Test func theSameDataInEnglish() throws {
        let html = try Self.build(locale: "en")
        for expected in [">Lender</th>", ">Licensed consumer finance companies (all)</th>", ">¥824.36B</text>", ">¥103.5B</text>", ">Outstanding loans</text>",
                         ">Year</th>", ">2023</th>", ">Housing mortgage loans</td>", ">¥41.2T</td>", "Source: Wu 2025, section 4.1"] {
            #expect(html.contains(expected), "the English page lacks \(expected)")
        }
        let figures = html.components(separatedBy: "<figure").dropFirst().joined()
        for chinese in ["亿元", "放贷机构", "住房按揭贷款", "2023年<", "吴贵鹃"] {
            #expect(!figures.contains(chinese), "the English figures show \(chinese) (only the captions, written in the page, are Chinese)")
        }
    }
}
