import Testing
@testable import ReportKit

/// `colors`, `highlight` on bars, `x-domain`, `scale: log`, `rule`/`note` and `facet` as specs write them.
struct ChartOptionsTests {
    static let lines = """
        id: b
        type: line
        data: data/balances.csv
        x: year
        y: balance
        series: product
        """

    @Test func namedColoursTakeTheirPaletteColourAndTheOthersTheFreeOnes() throws {
        let model = try DirectiveFixtures.renderer().chartModel(for: DirectiveFixtures.block(.chart, Self.lines + "\ncolors: {Jiebei: blue}\ncaption: B"))
        let data = ChartData(model)
        #expect(data.names == ["Huabei", "Jiebei"])
        #expect(data.paint(1) == .series(0) && data.paint(0) == .series(1), "Jiebei blue; Huabei the first colour left, orange")
    }

    @Test func anUnknownColourOrSeriesInColorsIsAnError() throws {
        #expect(try DirectiveFixtures.error(.chart, Self.lines + "\ncolors: {Huabei: purpel}\ncaption: B") == """
            content/page.md:16:18: error[RG0342]: unknown colour 'purpel' for 'Huabei'
            hint: expected one of the palette's colours: 'blue', 'orange', 'green', 'pink', 'sky', 'red', 'yellow', 'black'
            """)
        #expect(try DirectiveFixtures.error(.chart, Self.lines + "\ncolors: {Huabai: red}\ncaption: B") == """
            content/page.md:16:10: error[RG0320]: no series 'Huabai' to colour in chart 'b'
            hint: did you mean 'Huabei'?
            """)
    }

    @Test func highlightNamesTheBarsOfAOneSeriesBarChart() throws {
        let html = try DirectiveFixtures.render(.chart, """
            id: b
            type: bar
            data: data/balances.csv
            filter: product = Huabei
            x: year
            y: balance
            highlight: ["2021"]
            caption: B
            """).html
        #expect(html.contains("style=\"fill:var(--chart-other,#b8bec6)\""))
        #expect(html.contains("style=\"fill:var(--chart-1,#0072B2)\""))
        #expect(html.contains("In colour: 2021; the rest in grey."))
    }

    @Test func logScaleRefusesBarsAndUnknownWords() throws {
        #expect(try DirectiveFixtures.error(.chart, """
            id: b
            type: bar
            data: data/balances.csv
            x: year
            y: balance
            series: product
            scale: log
            caption: B
            """)?.contains("error[RG0341]: a bar chart cannot take 'scale: log'") == true)
        #expect(try DirectiveFixtures.error(.chart, Self.lines + "\nscale: logarithmic\ncaption: B")?
            .contains("error[RG0341]: unknown scale 'logarithmic'") == true)
    }

    @Test func xDomainNeedsNumbersAndWidensTheAxis() throws {
        let model = try DirectiveFixtures.renderer().chartModel(for: DirectiveFixtures.block(.chart, Self.lines + "\nx-domain: [2015, 2025]\ncaption: B"))
        #expect(model.axes.xDomain == 2015...2025)
        #expect(try DirectiveFixtures.error(.chart, Self.lines + "\nx-domain: [2025, 2015]\ncaption: B")?.contains("error[RG0321]") == true)
    }

    @Test func rulesAndNotesAreReadAgainstTheXAxis() throws {
        let model = try DirectiveFixtures.renderer().chartModel(for: DirectiveFixtures.block(.chart, Self.lines
            + "\nrule: [{y: 1, label: One}, {x: 2020}]\nnote: {x: [2020, 2021], text: Two years}\ncaption: B"))
        #expect(model.annotations == [.rule(axis: .y, value: 1, label: "One"), .rule(axis: .x, value: 2020, label: nil),
                                      .note(from: 2020, to: 2021, text: "Two years")])
        #expect(try DirectiveFixtures.error(.chart, Self.lines + "\nrule: {x: 2020, y: 1}\ncaption: B")?.contains("error[RG0343]: a rule needs either 'x' or 'y'") == true)
        #expect(try DirectiveFixtures.error(.chart, Self.lines + "\nnote: {x: [2021, 2020], text: Back}\ncaption: B")?.contains("the earlier first") == true)
    }

    @Test func aNoteWithNoRoomIsADroppedLabelsWarning() throws {
        let long = String(repeating: "A very long note that cannot fit anywhere ", count: 4)
        let rendered = try DirectiveFixtures.render(.chart, Self.lines + "\nnote: {x: 2020, text: \(long)}\ncaption: B")
        #expect(rendered.warnings.map(\.code) == [.labelsDropped])
        #expect(rendered.warnings.first?.description.contains("chart 'b' had no room for 1 label and left it out") == true)
    }

    @Test func facetsShareOneValueScale() throws {
        var models = [
            ChartModel(kind: .line, id: "a", title: "A", xKind: .year, xValues: [2020, 2021], series: [.init(name: "s", values: [10, 12])]),
            ChartModel(kind: .line, id: "b", title: "B", xKind: .year, xValues: [2021, 2022], series: [.init(name: "s", values: [1, 30])]),
        ]
        DirectiveRenderer.shareScales(&models)
        #expect(models.allSatisfy { $0.yDomain == 0...30 && $0.axes.xDomain == 2020...2022 })
        let ticks = models.map { model in
            ChartRenderer.svg(for: model, width: 300).components(separatedBy: "class=\"axis axis-y\"")[1].components(separatedBy: "</g>")[0]
        }
        #expect(ticks[0] == ticks[1])
    }
}
