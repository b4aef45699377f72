import Testing
@testable import ReportKit

struct ChartRendererTests {
    let model = ChartModel(kind: .bar, id: "age", title: "Age & users", categories: ["18–24", "<25>"],
                           series: [.init(name: "Share", values: [23.5, nil])], valueFormat: NumberFormat(.percent))

    @Test func svgIsAccessibleAndResponsive() {
        let svg = ChartRenderer.svg(for: model)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-bar\" viewBox=\"0 0 640 "))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"age-title age-desc\""))
        #expect(svg.contains("<title id=\"age-title\">Age &amp; users</title>"))
        #expect(svg.contains("<desc id=\"age-desc\">Bar chart of 2 categories. Highest: 18–24, 23.5%.</desc>"))
        #expect(!svg.contains(" width=\"640"))
        #expect(svg.contains("var(--chart-1,#0072B2)"))
        #expect(svg.contains("class=\"grid\" aria-hidden=\"true\""))
    }

    @Test func dataTableHasHeadersAndFormattedCells() {
        let html = ChartRenderer.dataTable(for: model)
        #expect(html == "<table class=\"chart-data-table\"><thead><tr><th scope=\"col\"></th><th scope=\"col\" class=\"num\">Share</th></tr></thead>"
            + "<tbody><tr><th scope=\"row\">18–24</th><td class=\"num\">23.5%</td></tr>"
            + "<tr><th scope=\"row\">&lt;25&gt;</th><td class=\"num\"></td></tr></tbody></table>")
    }

    @Test func dataTableShowsYearsPlainAndDatesISO() {
        let years = ChartModel(kind: .line, id: "y", title: "t", xKind: .year, xValues: [2022, 2023],
                               series: [.init(name: "A", values: [1_200, 1_500.5])], xTitle: "Year")
        let html = ChartRenderer.dataTable(for: years)
        #expect(html.contains("<th scope=\"col\">Year</th>"))
        #expect(html.contains("<th scope=\"row\">2023</th><td class=\"num\">1,500.5</td>"))
        #expect(ChartData.isoDate(daysSince1970: 19_358) == "2023-01-01")
        #expect(ISODate.days(year: 2023, month: 1, day: 1) == 19_358)
    }

    @Test func lineDescriptionGivesTheChange() {
        let line = ChartModel(kind: .line, id: "l", title: "t", xKind: .year, xValues: [2015, 2023],
                              series: [.init(name: "Balance", values: [0.2, 6.3])])
        #expect(ChartRenderer.svg(for: line).contains("The value rose from 0.2 (2015) to 6.3 (2023)."))
    }

    @Test func everyKindSurvivesEdgeCases() {
        let cases: [[ChartModel.Series]] = [
            [], [.init(name: "z", values: [0, 0])], [.init(name: "n", values: [-5, -1])], [.init(name: "g", values: [nil, nil])],
        ]
        for kind in ChartModel.Kind.allCases {
            for series in cases {
                let model = ChartModel(kind: kind, id: "e", title: "e", categories: ["a", "b"], xValues: [1, 2], series: series)
                let parsed = SVGTexts.parse(ChartRenderer.svg(for: model))
                #expect(parsed.error == nil, "\(kind)")
                #expect(parsed.viewBox.first == 0 && parsed.viewBox.count == 4, "\(kind)")
            }
        }
    }

    @Test func extremeNumbersNeverTrap() {
        // Stacked sums past 1e308 made the value axis fall back to 0…1 while a 1e17 bar was drawn on
        // it: its coordinate overflowed `Int` in SVGBuilder and the build trapped.
        let extremes: [Double?] = [1e308, 1e17, -1e308, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, 1e15, -1e15, 1.7976931348623157e308, nil, 0]
        let xs: [Double] = [1e308, -1e308, 1e300, .nan, .infinity, 1e18, -1e18, 2020, 0, 1e-300, .leastNonzeroMagnitude, 1]
        for kind in ChartModel.Kind.allCases {
            for xKind in [ChartModel.XKind.category, .linear, .year, .date] {
                let model = ChartModel(kind: kind, id: "x", title: "Extremes", xKind: xKind,
                                       categories: (0..<extremes.count).map { "c\($0)" }, xValues: xs,
                                       series: [.init(name: "A", values: extremes), .init(name: "B", values: extremes.reversed()),
                                                .init(name: "C", values: extremes.map { $0.map { $0 / 3 } })],
                                       valueFormat: NumberFormat(.compact))
                let svg = ChartRenderer.svg(for: model) + ChartRenderer.svg(for: model, width: 360) + ChartRenderer.dataTable(for: model)
                #expect(!svg.contains("nan") && !svg.contains("inf"), "\(kind), \(xKind)")
                #expect(SVGTexts.parse(ChartRenderer.svg(for: model)).error == nil, "\(kind), \(xKind)")
            }
        }
        #expect(SVGBuilder.number(1e300) == "1000000000")
        #expect(SVGBuilder.number(-1e17) == "-1000000000")
        #expect(ChartData.formatX(1e300, kind: .year, format: NumberFormat()).count == 301)
        #expect(ChartData.isoDate(daysSince1970: -1e300) == ChartData.isoDate(daysSince1970: -100_000_000))
        #expect((-Double.infinity).clampedInt(1...5) == 1 && Double.nan.clampedInt(1...5) == 1 && 9.3e18.clampedInt(0...Int.max) == Int.max)
    }

    @Test func manyLongCategoriesStayInside() {
        let labels = (1...22).map { "Very long category label number \($0) 消费金融公司" }
        for kind in [ChartModel.Kind.bar, .groupedBar, .stackedBar, .line] {
            let model = ChartModel(kind: kind, id: "m", title: "m", categories: labels,
                                   series: [.init(name: "A", values: (1...22).map { Double($0 * 1000) }),
                                            .init(name: "B series with a long name", values: (1...22).map { Double($0 * 700) })])
            #expect(SVGTexts.parse(ChartRenderer.svg(for: model)).layoutProblems(width: 640) == [], "\(kind)")
        }
    }

    @Test func largeInputsStayTidy() {
        let n = 300
        let labels = (0..<n).map { "Item \($0) 类别" }
        let values = (0..<n).map { Double(($0 * 7919) % 1000) + 1 }
        for kind in ChartModel.Kind.allCases {
            let model = ChartModel(kind: kind, id: "big", title: "Big", xKind: kind == .scatter ? .linear : .category,
                                   categories: labels, xValues: values.map { $0 / 7 },
                                   series: [.init(name: "A", values: values), .init(name: "B", values: values.reversed())])
            #expect(SVGTexts.parse(ChartRenderer.svg(for: model)).layoutProblems(width: 640) == [], "\(kind)")
        }
    }
}
