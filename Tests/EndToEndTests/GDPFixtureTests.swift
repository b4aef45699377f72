import Foundation
import Testing

/// The World Bank GDP file exactly as published (`Fixtures/gdp/data/gdp.csv`, a byte copy of
/// `../shared/data/gdp/data/gdp.csv`: 13,978 rows, countries mixed with 48 regional aggregates),
/// built with the short specs the README shows.
struct GDPFixtureTests {
    @Test func buildsWithShortSpecsAndPrintsTrillionsOfDollars() throws {
        let html = try GDPFixtureChartsTests.builtPage("gdp")
        let table = (html.components(separatedBy: "id=\"tbl-largest\"").last ?? "").components(separatedBy: "</table>")[0]
        let rows = table.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { row in
            row.components(separatedBy: "</tr>")[0].replacingOccurrences(of: "</th><td>", with: " | ")
                .replacingOccurrences(of: "</td><td class=\"num\">", with: " | ").replacingOccurrences(of: "</td>", with: "")
        }
        // Filter by a list from gdp.yml (no aggregates), the latest year, the 15 largest, "$.3s" from gdp.yml.
        #expect(rows.count == 15)
        #expect(rows.prefix(3) == ["United States | 2023 | $27.4T", "China | 2023 | $17.8T", "Germany | 2023 | $4.46T"])
        #expect(!rows.contains { $0.hasPrefix("World") || $0.contains("income") })
        // The line chart: five series, a year axis without separators, dollar ticks with one prefix.
        #expect(html.contains("Line chart of 5 series over 34 points, 1990 to 2023."))
        #expect(html.contains("stroke:var(--chart-other,#b8bec6)"), "Germany, Japan and India grey beside the highlighted two")
        #expect(html.contains(">$25T</text>") && html.contains(">2020</text>") && !html.contains(">2,020<"))
    }
}

/// Charts that build but cannot be read are warnings, the same in `check` and `build`.
struct ChartGuardTests {
    @Test func tooManySeriesBarsAndHeightAreWarnedByCheckAndBuild() throws {
        let project = try CLI.scratchFolder("gdp-guards")
        defer { try? FileManager.default.removeItem(at: project) }
        try CLI.copyFixture("gdp", to: project.appendingPathComponent("content"))
        // The charts: every country as a line, and every country's latest GDP as a bar.
        try Data("""
            # Unreadable

            ```chart
            id: all-lines
            type: line
            data: data/gdp.csv
            x: Year
            y: Value
            series: Country Name
            filter: Year >= 2020
            caption: Every economy
            ```

            ```chart
            id: all-lines-highlighted
            type: line
            data: data/gdp.csv
            x: Year
            y: Value
            series: Country Name
            filter: Year >= 2022 and Country Code not in aggregates
            top: {n: 12, by: Value, per: Year}
            highlight: [United States, China]
            caption: Twelve economies, two highlighted
            ```

            ```chart
            id: all-bars
            type: hbar
            data: data/gdp.csv
            x: Country Name
            y: Value
            filter: Country Code not in aggregates
            latest: Year
            sort: -Value
            caption: Every economy, latest year
            ```

            """.utf8).write(to: project.appendingPathComponent("content/index.md"))
        let expected = [
            "content/index.md:5:7: warning[RG0720]: chart 'all-lines' has 258 series but only 8 colours, so colours repeat",
            "content/index.md:29:7: warning[RG0721]: chart 'all-bars' draws 185 bars; more than 40 cannot be read or labelled",
            "content/index.md:29:7: warning[RG0722]: chart 'all-bars' is 6737 px tall on a phone, more than two screens",
        ]
        let check = try CLI.run(["check", "--content", "content", "--theme", CLI.theme.path], in: project)
        let build = try CLI.build(in: project)
        #expect(build.status == 0)
        for run in [check, build] {
            let lines = run.stderr.split(separator: "\n").map(String.init)
            for line in expected { #expect(lines.contains { $0.hasPrefix(line) }, "\(line)\n\(run.stderr)") }
            // Twelve series with two highlighted use two colours: no warning.
            #expect(!run.stderr.contains("all-lines-highlighted"))
        }
    }
}
