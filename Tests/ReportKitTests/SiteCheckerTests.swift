import Foundation
import Testing
@testable import ReportKit

/// `SiteChecker`: every problem of every kind in one report, as `file:line:column` diagnostics.
struct SiteCheckerTests {
    static let brokenSite: [String: String] = [
        "site.yml": "title: Broken\nnavigation: [index.md, a.md, c.md]\n",
        "index.md": "---\ntitle: Home\n---\n\nSee [b](b.md), [c](c.md#nope) and @fig-nope.\n\n![](pic.png)\n",
        "a.md": "---\ntitle: A\nweight: heavy\n---\n\nText.\n",
        "c.md": """
            ---
            title: C
            ---

            ## Data

            ```chart
            id: c1
            type: bar
            data: data/good.csv
            x: year
            y: amont
            caption: C
            ```

            ```table
            id: t1
            data: data/typed.csv
            caption: T
            ```

            """,
        "pic.png": "not really a picture",
        "data/good.csv": "year,amount\n2020,1\n",
        "data/typed.csv": "a,b\n1,2\n",
        "data/typed.yml": "columns:\n  a: {type: nope}\n",
        "data/unused.csv": "x,y\n1,2\n",
    ]

    @Test func reportsEveryProblemWithItsLocation() throws {
        let site = try TemporarySite(files: Self.brokenSite)
        defer { site.remove() }
        let report = SiteChecker(options: site.options).check()
        #expect(report.diagnostics.map(\.description) == [
            "content/a.md:3:9: error[RG0108]: 'weight' must be a whole number\nhint: write it like this: weight: 3",
            "content/c.md:12:4: error[RG0201]: unknown column 'amont' in chart 'c1'\nhint: did you mean 'amount'?",
            "content/data/typed.yml:2:13: error[RG0209]: unknown column type 'nope' for column 'a'\nhint: expected one of 'text', 'integer', 'number', 'percent', 'year', 'date'",
            "content/data/unused.csv:1:1: warning[RG0214]: data file 'data/unused.csv' is not used by any table, chart or link\nhint: show it with a ```table or ```chart block, link to it, or delete it",
            "content/index.md:5:5: error[RG0402]: link to missing page 'b.md'\nhint: did you mean 'a.md'?",
            "content/index.md:5:16: error[RG0403]: link to missing anchor '#nope' in 'c.md'\nhint: expected an anchor such as 'data'",
            "content/index.md:5:30: error[RG0404]: unknown figure or table '@fig-nope'",
            "content/index.md:7:1: warning[RG0405]: image 'pic.png' has no alt text\nhint: describe what the image shows for readers who cannot see it: ![description](pic.png)",
        ])
        #expect(report.summary == "checked 2 pages and 3 data files: 6 errors, 2 warnings")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aCleanSiteHasNoDiagnostics() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let report = SiteChecker(options: site.options).check()
        #expect(report.diagnostics.isEmpty)
        #expect(report.summary == "checked 7 pages and 2 data files: 0 errors, 0 warnings")
    }

    @Test func theNewSiteScaffoldChecksClean() throws {
        let site = try TemporarySite(files: [:])
        defer { site.remove() }
        _ = try SiteScaffold.createSite(at: site.content, displayPath: "content")
        let report = SiteChecker(options: site.options).check()
        #expect(report.diagnostics.isEmpty)
        #expect(report.pages == 2)
        var builder = IncrementalBuilder(options: site.options)
        let built = try builder.build()
        #expect(built.written.contains("findings/index.html"))
        #expect(site.read(output: "findings/index.html").contains("Sample series, 2019-2023"))
    }

    @Test func newPageRefusesToOverwrite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let created = try SiteScaffold.createPage("part/four", title: "Four: the end", contentFolder: site.content, displayRoot: "content")
        #expect(created == "content/part/four.md")
        let text = try String(contentsOf: site.content.appendingPathComponent("part/four.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Four: the end\"\nsummary: \"\"\n---\n"))
        #expect(SiteChecker(options: site.options).check().diagnostics.isEmpty)
        #expect {
            try SiteScaffold.createPage("part/four.md", title: nil, contentFolder: site.content, displayRoot: "content")
        } throws: { error in
            (error as? DiagnosticList)?.description == "error[RG0607]: 'content/part/four.md' already exists\nhint: choose another name; new never overwrites a page"
        }
    }
}
