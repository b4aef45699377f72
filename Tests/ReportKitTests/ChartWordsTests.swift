import Testing
@testable import ReportKit

/// Every word a chart shows or says comes from the theme's interface strings.
struct ChartWordsTests {
    let german = InterfaceStrings(InterfaceStrings.english.table.merging([
        "chart_bar": "Balkendiagramm", "chart_donut": "Ringdiagramm", "chart_of_categories": "{chart} mit {categories}",
        "count_category_other": "{n} Kategorien", "chart_highest": "Höchster Wert: {label}, {value}",
        "chart_lowest": "Niedrigster Wert: {label}, {value}", "chart_sentence_separator": "; ", "chart_sentence_end": "!",
        "total": "Summe", "no_data": "Keine Daten", "chart_empty": "{chart} ohne Daten",
    ]) { _, german in german })

    func model(_ kind: ChartModel.Kind, _ values: [Double?]) -> ChartModel {
        var model = ChartModel(kind: kind, id: "w", title: "W", categories: ["a", "b"], series: [.init(name: "v", values: values)])
        model.strings = german
        return model
    }

    @Test func descriptionTotalAndNoDataFollowTheTheme() {
        let bar = ChartRenderer.svg(for: model(.bar, [1, 2]))
        #expect(bar.contains("<desc id=\"w-desc\">Balkendiagramm mit 2 Kategorien; Höchster Wert: b, 2; Niedrigster Wert: a, 1!</desc>"))
        let donut = ChartRenderer.svg(for: model(.donut, [1, 2]))
        #expect(donut.contains(">Summe</text>") && !donut.contains(">Total<"))
        let empty = ChartRenderer.svg(for: model(.bar, [nil, nil]))
        #expect(empty.contains(">Keine Daten</text>") && empty.contains("Balkendiagramm ohne Daten!"))
    }

    @Test func englishByDefault() {
        let bar = ChartRenderer.svg(for: ChartModel(kind: .bar, id: "w", title: "W", categories: ["a", "b"], series: [.init(name: "v", values: [1, 2])]))
        #expect(bar.contains("<desc id=\"w-desc\">Bar chart of 2 categories. Highest: b, 2. Lowest: a, 1.</desc>"))
    }
}

/// `highlight`: named series in palette order, the rest grey and drawn first.
struct HighlightTests {
    @Test func highlightedSeriesTakeTheFirstColoursAndTheRestGrey() {
        var model = ChartModel(kind: .line, id: "h", title: "H", xKind: .year, xValues: [2020, 2021],
                               series: [.init(name: "a", values: [1, 2]), .init(name: "b", values: [2, 3]), .init(name: "c", values: [3, 1])])
        model.highlight = ["c", "a"]
        let data = ChartData(model)
        #expect((0..<3).map { data.paint($0) } == [.series(1), .other, .series(0)])
        #expect(data.drawOrder == [1, 0, 2])
        let svg = ChartRenderer.svg(for: model)
        #expect(svg.contains("stroke:var(--chart-other,#b8bec6)"))
    }

    @Test func anUnknownSeriesIsAnError() throws {
        #expect(try DirectiveFixtures.error(.chart, """
            id: b
            type: line
            data: data/balances.csv
            x: year
            y: balance
            series: product
            highlight: [Huabai]
            caption: B
            """) == """
            content/page.md:16:13: error[RG0320]: no series 'Huabai' to highlight in chart 'b'
            hint: did you mean 'Huabei'?
            """)
    }
}

/// Series of a pivoted line chart follow their end values, not the alphabet.
struct SeriesOrderTests {
    @Test func largestEndValueFirstGapsLast() {
        let series: [ChartModel.Series] = [.init(name: "China", values: [1, 17.8]), .init(name: "Empty", values: [nil, nil]),
                                           .init(name: "Germany", values: [2, 4.5]), .init(name: "United States", values: [6, 27.4, nil])]
        #expect(ChartMapping.byEndValue(series).map(\.name) == ["United States", "China", "Germany", "Empty"])
    }
}

/// `y-domain`: a range the value axis spans at least.
struct YDomainTests {
    let chart = """
        id: b
        type: bar
        data: data/balances.csv
        x: year
        y: balance
        filter: product = Huabei
        caption: B
        """

    @Test func theAxisSpansTheGivenRange() throws {
        let model = try DirectiveFixtures.renderer().chartModel(for: DirectiveFixtures.block(.chart, chart + "\ny-domain: [0, 10]"))
        #expect(model.yDomain == 0...10)
        #expect(ChartRenderer.svg(for: model).contains(">10</text>"))
        #expect(!ChartRenderer.svg(for: try DirectiveFixtures.renderer().chartModel(for: DirectiveFixtures.block(.chart, chart))).contains(">10</text>"))
    }

    @Test func twoNumbersSmallerFirst() throws {
        #expect(try DirectiveFixtures.error(.chart, chart + "\ny-domain: [10, 0]") == """
            content/page.md:17:11: error[RG0321]: 'y-domain' must be two numbers, the smaller first, found ["10", "0"]
            hint: write y-domain: [0, 100]
            """)
    }
}
