import Foundation
import Testing
@testable import ReportKit

/// Charts of a Chinese page, drawn through the directive stage from `Fixtures/data/lenders.csv` with a
/// theme whose `locale` is `zh-Hans`: Chinese labels from the data's label maps, 万/亿 on the axis,
/// 2021年 on a year axis. Compared with goldens under `Fixtures/charts/` (`RECORD_GOLDENS=1` rewrites
/// them; look at them as PNG, `rsvg-convert`, before committing), and checked for overlapping text.
struct ChineseChartGoldenTests {
    static let specs: [String: String] = [
        "zh-bar": DataLabelTests.barChart,
        "zh-hbar": DataLabelTests.barChart.replacingOccurrences(of: "type: bar", with: "type: hbar"),
        "zh-line": "id: l\ntype: line\ndata: data/lenders.csv\nx: year\ny: balance\nseries: lender\ncaption: C\nhighlight: [JD Finance]",
    ]

    static func model(_ name: String) throws -> ChartModel {
        let renderer = try DataLabelTests.renderer(ChineseNumberTests.chinese)
        return try renderer.chartModel(for: DirectiveFixtures.block(.chart, try #require(specs[name])))
    }

    @Test(arguments: specs.keys.sorted())
    func matchesGolden(_ name: String) throws {
        for (width, suffix) in [(ChartRenderer.designWidth, ""), (DirectiveRenderer.narrowChartWidth, "-narrow")] {
            let svg = ChartRenderer.svg(for: try Self.model(name), width: width) + "\n"
            let file = name + suffix + ".svg"
            if ChartGoldenTests.recording {
                try svg.write(to: ChartGoldenTests.sourceFolder.appendingPathComponent(file), atomically: true, encoding: .utf8)
                continue
            }
            let folder = try #require(ChartGoldenTests.bundleFolder)
            let golden = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(svg == golden, "\(file) differs from the golden; re-record with RECORD_GOLDENS=1 and look at it")
        }
    }

    @Test(arguments: specs.keys.sorted())
    func chineseTextStaysApartAtBothWidths(_ name: String) throws {
        for width in [ChartRenderer.designWidth, DirectiveRenderer.narrowChartWidth] {
            let parsed = SVGTexts.parse(ChartRenderer.svg(for: try Self.model(name), width: width))
            #expect(parsed.error == nil)
            #expect(parsed.layoutProblems(width: width) == [], "\(name) at \(width)")
        }
    }
}

extension ChineseChartGoldenTests {
    /// Eight long Chinese category labels (full-width characters, measured as such) under a bar chart:
    /// wrapped or thinned, never drawn over each other, at the design and the phone width.
    @Test func longChineseCategoryLabelsDoNotOverlap() {
        let names = ["持牌消费金融公司", "商业银行信用卡中心", "互联网小额贷款公司", "电商平台消费信贷", "网络借贷信息中介", "汽车金融公司",
                     "融资担保公司", "其他持牌金融机构"]
        var model = ChartModel(kind: .bar, id: "zh-long", title: "贷款余额", categories: names,
                               series: [ChartModel.Series(name: "余额", values: [8243.6e8, 1.2e12, 9.1e11, 6.6e12, 3.5e10, 2.1e11, 4e9, 7.7e11])])
        model.valueFormat.style = .compact
        model.valueFormat.locale = .chinese(traditional: false)
        for width in [ChartRenderer.designWidth, DirectiveRenderer.narrowChartWidth] {
            let parsed = SVGTexts.parse(ChartRenderer.svg(for: model, width: width))
            #expect(parsed.error == nil)
            #expect(parsed.layoutProblems(width: width) == [], "at \(width)")
        }
    }
}
