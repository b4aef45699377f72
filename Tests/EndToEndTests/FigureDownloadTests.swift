import Foundation
import Testing

/// The GDP fixture's `derive` and `group` figures, and every figure's downloads: the CSV of
/// exactly what it shows, the data file, and each chart as a stand-alone SVG.
struct FigureDownloadTests {
    /// The GDP fixture built once into a scratch folder: its output folder.
    static func builtGDP(_ name: String, extra: [String: String] = [:]) throws -> (project: URL, status: Int32, stderr: String) {
        let project = try CLI.scratchFolder(name)
        try CLI.copyFixture("gdp", to: project.appendingPathComponent("content"))
        for (path, text) in extra { try Data(text.utf8).write(to: project.appendingPathComponent("content/" + path)) }
        let run = try CLI.build(in: project)
        return (project, run.status, run.stderr)
    }

    /// The CSV `text` as rows of fields (quoted fields hold no line breaks or quotes in the fixture).
    static func rows(_ text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline).map { line in
            var fields: [String] = []
            var field = ""
            var quoted = false
            for character in line {
                if character == "\"" { quoted.toggle() } else if character == ",", !quoted { fields.append(field); field = "" } else { field.append(character) }
            }
            return fields + [field]
        }
    }

    /// The rows of the HTML table `anchor` of `html`: row header and cells as text.
    static func tableRows(_ html: String, _ anchor: String) -> [[String]] {
        let table = html.components(separatedBy: "id=\"\(anchor)\"")[1].components(separatedBy: "</tbody>")[0]
        return table.components(separatedBy: "<tr><th scope=\"row\">").dropFirst().map { row in
            row.components(separatedBy: "</tr>")[0].replacingOccurrences(of: "<[^>]*>", with: "|", options: .regularExpression)
                .split(separator: "|").map(String.init)
        }
    }

    /// Small multiples are several SVGs: every link under the figure leads to a file, and the
    /// figure's CSV holds its rows with the facet column first.
    @Test func aFacetedChartDownloadsItsRows() throws {
        let (project, status, stderr) = try Self.builtGDP("gdp-facet-download")
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(status == 0 && stderr == "", "\(stderr)")
        let output = project.appendingPathComponent("output")
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let figure = html.components(separatedBy: "id=\"fig-five-facets\"")[1].components(separatedBy: "</figure>")[0]
        #expect(!figure.contains("fig-five-facets.svg"), "no single SVG to link")
        let csv = try String(contentsOf: output.appendingPathComponent("fig-five-facets.csv"), encoding: .utf8)
        let rows = Self.rows(csv)
        #expect(rows.first == ["Country Name", "Year", "Value"])
        #expect(Set(rows.dropFirst().map { $0[0] }) == ["United States", "China", "Japan", "Germany", "India"])
    }

    @Test func deriveAndGroupOnTheWorldBankFile() throws {
        let (project, status, stderr) = try Self.builtGDP("gdp-derive")
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(status == 0 && stderr == "", "\(stderr)")
        let output = project.appendingPathComponent("output")
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        // derive: Value / 1e12 printed with ",.2f".
        #expect(Self.tableRows(html, "tbl-trillions").prefix(3) == [["United States", "27.36"], ["China", "17.79"], ["Germany", "4.46"]])
        // group: the 27 members added up agree with the World Bank's own EU row (EUU) to the cent.
        let eu = Self.rows(try String(contentsOf: output.appendingPathComponent("tbl-eu.csv"), encoding: .utf8))
        #expect(eu[0] == ["Year", "Value", "Country Code"])
        let source = Self.rows(try String(contentsOf: output.appendingPathComponent("data/gdp.csv"), encoding: .utf8))
        let euu = Dictionary(uniqueKeysWithValues: source.filter { $0.count == 4 && $0[1] == "EUU" }.map { ($0[2], Double($0[3]) ?? .nan) })
        #expect(eu.dropFirst().map { $0[0] } == ["2023", "2022", "2021", "2020", "2019"])
        for row in eu.dropFirst() {
            #expect(abs((Double(row[1]) ?? .nan) - (euu[row[0]] ?? .nan)) < 0.01, "\(row) against EUU \(euu[row[0]] ?? .nan)")
            #expect(row[2] == "27")
        }
        #expect(Self.tableRows(html, "tbl-eu").first == ["2023", "$18.3T", "27"])
        #expect(html.contains("<th scope=\"col\" class=\"num\">Country Code (count)</th>"))
    }

    @Test func eachFigureDownloadsExactlyWhatItShows() throws {
        let (project, status, stderr) = try Self.builtGDP("gdp-downloads")
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(status == 0 && stderr == "", "\(stderr)")
        let output = project.appendingPathComponent("output")
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        // The table: its 15 rows and 3 columns, in its order, values as written in the file.
        let table = Self.rows(try String(contentsOf: output.appendingPathComponent("tbl-largest.csv"), encoding: .utf8))
        #expect(table[0] == ["Country Name", "Year", "Value"])
        #expect(table.dropFirst().map(\.[0]) == Self.tableRows(html, "tbl-largest").map(\.[0]))
        #expect(table[1] == ["United States", "2023", "27360935000000.0"])
        // The line chart: x, series and y of the 5 × 34 values it draws.
        let five = Self.rows(try String(contentsOf: output.appendingPathComponent("fig-five.csv"), encoding: .utf8))
        #expect(five[0] == ["Year", "Country Name", "Value"] && five.count == 1 + 5 * 34)
        #expect(Set(five.dropFirst().map(\.[1])) == ["United States", "China", "Japan", "Germany", "India"])
        #expect(five.dropFirst().allSatisfy { Int($0[0])! >= 1990 })
        // The links: the figure's CSV, the data file, the SVG; relative, under their own names.
        #expect(html.contains("<a class=\"data-download\" href=\"fig-five.csv\" download=\"fig-five.csv\">Download the data (CSV)</a> · "
            + "<a class=\"data-download\" href=\"data/gdp.csv\" download=\"gdp.csv\">full data file (CSV)</a> · "
            + "<a class=\"chart-download\" href=\"fig-five.svg\" download=\"fig-five.svg\">chart (SVG)</a>"))
        // The stand-alone report carries them as data: URLs.
        let standalone = try String(contentsOf: output.appendingPathComponent("report-standalone.html"), encoding: .utf8)
        #expect(standalone.contains("href=\"data:text/csv;charset=utf-8;base64,") && standalone.contains("href=\"data:image/svg+xml;base64,"))
        #expect(!standalone.contains("href=\"fig-five.csv\"") && !standalone.contains("href=\"fig-five.svg\""))
    }

    @Test func exportedSVGNeedsNoStyleSheet() throws {
        let (project, status, stderr) = try Self.builtGDP("gdp-svg")
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(status == 0 && stderr == "", "\(stderr)")
        let svg = try String(contentsOf: project.appendingPathComponent("output/fig-five.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!svg.contains("var("), "no custom property of the page's style sheet")
        #expect(svg.contains(" width=\"640\" height=\"400\">") && svg.contains("</desc><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"))
        // The theme's light colours: the highlighted series in --chart-1 and --chart-2, the others --chart-other.
        #expect(svg.contains("stroke:#0072B2") && svg.contains("stroke:#E69F00") && svg.contains("stroke:#b8bec6") && svg.contains("fill:#1b1f24"))
        // Rendered alone by librsvg (when installed), it draws.
        let png = project.appendingPathComponent("five.png")
        guard let converter = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"].first(where: FileManager.default.isExecutableFile) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: converter)
        process.arguments = ["-o", png.path, project.appendingPathComponent("output/fig-five.svg").path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect((try? Data(contentsOf: png).count) ?? 0 > 10_000)
    }

    @Test func aContentFileInTheWayOfADownloadIsAnError() throws {
        let (project, status, stderr) = try Self.builtGDP("gdp-download-collision", extra: ["fig-five.svg": "<svg/>"])
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(status == 1)
        #expect(stderr.contains("content/index.md:6:1: error[RG0601]: the download 'fig-five.svg' of chart 'fig-five' and the file 'content/fig-five.svg' would both be written to 'fig-five.svg'"), "\(stderr)")
        #expect(stderr.contains("hint: give the chart another id, or rename the other file"))
    }
}
