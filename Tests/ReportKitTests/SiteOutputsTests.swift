import Foundation
import Testing
@testable import ReportKit

/// Content files that would replace a page, a theme asset or a generated file are errors in
/// `check`, `build` and `serve` alike (the bad-input corpus has the exact messages of `build`).
struct SiteOutputsTests {
    static let collidingSite: [String: String] = [
        "index.md": "# Home\n",
        "search-index.js.md": "# Named like the search index\n",
        "assets/style.css": "body { color: red; }\n",
    ]
    static let expected = [
        "content/assets/style.css:1:1: error[RG0601]: the file 'content/assets/style.css' and the theme's asset 'style.css' would both be written to 'assets/style.css'\n"
            + "hint: rename or move the file; the theme's assets are published under 'assets/'",
        "content/search-index.js.md:1:1: error[RG0601]: the page made from 'content/search-index.js.md' would be written to 'search-index.js/index.html', but 'search-index.js' is the search index\n"
            + "hint: rename the page or give it another 'slug' in its front matter; the site's search index needs that name",
    ]

    @Test func checkReportsEveryCollision() throws {
        let site = try TemporarySite(files: Self.collidingSite)
        defer { site.remove() }
        #expect(SiteChecker(options: site.options).check().diagnostics.map(\.description) == Self.expected)
    }

    @Test func serveStopsWhenAFileStartsToCollide() throws {
        let site = try TemporarySite(files: ["index.md": "# Home\n"])
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        try site.write("assets/style.css", "body { color: red; }\n")
        #expect { _ = try builder.build() } throws: { error in
            (error as? DiagnosticList)?.diagnostics.map(\.description) == [Self.expected[0]]
        }
        #expect(site.read(output: "assets/style.css") != "body { color: red; }\n")
    }

    @Test func aFileInsideAnotherFilesPathIsFoundWhicheverComesFirst() throws {
        let page = Page(sourcePath: "a.md", displayPath: "content/a.md", outputPath: "a/index.html", frontMatter: FrontMatter(),
                        body: "", bodyFirstLine: 1, isSectionIndex: false, isGenerated: false, section: "")
        for statics in [["a"], ["a/index.html"], ["a/index.html/x.png"]] {
            let content = LoadedContent(config: SiteConfig(), pages: [page], dataFiles: [], staticFiles: statics, warnings: [])
            let theme = Theme(root: URL(fileURLWithPath: "/"), templates: .init(), templateTexts: [:], strings: .english, assets: [])
            #expect(throws: DiagnosticList.self, "\(statics)") {
                try SiteOutputs(content: content, theme: theme).collisions(contentDisplay: "content")
            }
        }
    }
}
