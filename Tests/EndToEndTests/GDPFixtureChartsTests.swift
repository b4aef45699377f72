import Foundation
import Testing

/// The GDP fixture's charts that use emphasis and reading aids: small multiples on one scale,
/// named colours with a reference line and notes, a log axis, highlighted bars.
struct GDPFixtureChartsTests {
    /// The fixture built in a scratch folder named `name`: its page, after checking the build said nothing.
    static func builtPage(_ name: String) throws -> String {
        let project = try CLI.scratchFolder(name)
        defer { try? FileManager.default.removeItem(at: project) }
        try CLI.copyFixture("gdp", to: project.appendingPathComponent("content"))
        let run = try CLI.build(in: project)
        #expect(run.status == 0)
        #expect(run.stderr == "", "no error or warning")
        return try String(contentsOf: project.appendingPathComponent("output/index.html"), encoding: .utf8)
    }

    /// The faceted figure (five small SVGs in a grid, on one scale) against a golden
    /// (`Fixtures/goldens/gdp-five-facets.html`; `RECORD_GOLDENS=1` rewrites it: look at it then).
    @Test func facetedFigureMatchesItsGolden() throws {
        let html = try Self.builtPage("gdp-facets-golden")
        let figure = "<figure class=\"figure figure-chart\" id=\"fig-five-facets\""
            + html.components(separatedBy: "id=\"fig-five-facets\"").last!.components(separatedBy: "</figure>")[0] + "</figure>\n"
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/goldens/gdp-five-facets.html")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try figure.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(figure == (try String(contentsOf: golden, encoding: .utf8)), "the faceted figure differs from its golden; re-record with RECORD_GOLDENS=1 and look at it")
    }

    @Test func facetsNotesLogAndHighlightedBars() throws {
        let html = try Self.builtPage("gdp-charts")

        // Five small charts, largest last value first, each its own accessible SVG, all on one y scale.
        let facets = html.components(separatedBy: "id=\"fig-five-facets\"").last!.components(separatedBy: "</figure>")[0]
        let names = facets.components(separatedBy: "<p class=\"chart-facet-title\" aria-hidden=\"true\">").dropFirst()
            .map { $0.components(separatedBy: "<")[0] }
        #expect(names == ["United States", "China", "Germany", "Japan", "India"])
        let svgs = facets.components(separatedBy: "<svg").dropFirst()
        #expect(svgs.count == 5)
        let yTicks = svgs.map { svg in svg.components(separatedBy: "class=\"axis axis-y\"")[1].components(separatedBy: "</g>")[0] }
        #expect(Set(yTicks).count == 1, "every facet has the same value axis")
        #expect(facets.contains("aria-labelledby=\"fig-five-facets-f1-w300-title fig-five-facets-f1-w300-desc\""))
        #expect(facets.contains("GDP of five economies, one chart each: China</title>"))

        // Colours by name, a reference line and notes, said in the description too.
        #expect(html.contains("A line marks $20 trillion at $20T. Note at 2008: Financial crisis. Note for 2020 to 2021: Pandemic."))
        #expect(html.contains(">Financial crisis</text>") && html.contains(">Pandemic</text>"))
        // The log axis: powers of ten, said in the description.
        #expect(html.contains(">$10B</text>") && html.contains(">$100T</text>"))
        #expect(html.contains("The value axis is logarithmic"))
        // Highlighted bars: the two named in colour, the rest grey.
        let bars = html.components(separatedBy: "id=\"fig-largest-highlight\"").last!.components(separatedBy: "</figure>")[0]
        #expect(bars.contains("In colour: United States, China; the rest in grey."))
        #expect(bars.components(separatedBy: "fill:var(--chart-other,#b8bec6)\"><title>").count - 1 == 2 * 8, "eight grey bars, wide and narrow drawing")
    }
}
