import Foundation
import Testing
@testable import ReportKit

/// Where a page's title comes from, and that an opening `# Heading` is never lost (issue 22, item 2):
/// with a title in the front matter it stays in the body; without one it becomes the title with its
/// inline markup.
struct PageTitleTests {
    static func site(_ pages: [String: String]) throws -> TemporarySite {
        var files = TemporarySite.files
        files["site.yml"] = "title: Test site\n"
        for (path, text) in pages { files[path] = text }
        return try TemporarySite(files: files)
    }

    @Test func aFrontMatterTitleLeavesTheOpeningHeadingInTheBody() throws {
        let site = try Self.site(["both.md": "---\ntitle: From the front matter\n---\n\n# Opening *words*\n\nText.\n"])
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let page = site.read(output: "both/index.html")
        #expect(page.contains("<h1>From the front matter</h1>"))
        #expect(page.contains("<h1 id=\"opening-words\">Opening <em>words</em></h1>"))
        #expect(page.contains("<title>From the front matter · Test site</title>"))
    }

    @Test func aLiftedHeadingKeepsItsInlineMarkupAsTheTitle() throws {
        let site = try Self.site(["lifted.md": "# foo *bar* `x` [alpha](alpha.md) @fig-sales\n\nText.\n"])
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let page = site.read(output: "lifted/index.html")
        let heading = "foo <em>bar</em> <code>x</code> <a href=\"../alpha/index.html\">alpha</a> @fig-sales"
        #expect(page.contains("<h1>\(heading)</h1>"))
        #expect(page.components(separatedBy: "<h1").count == 2, "the heading is the title, not also in the body")
        // Where markup cannot go, the title is its plain text.
        #expect(page.contains("<title>foo bar x alpha @fig-sales · Test site</title>"))
        #expect(site.read(output: "index.html").contains(">foo bar x alpha @fig-sales</a>"))
        // The whole report heads the page's section with the same markup, its link made internal.
        #expect(site.read(output: "report.html").contains(
            "class=\"report-section-title\">foo <em>bar</em> <code>x</code> <a href=\"#alpha\">alpha</a> @fig-sales</h2>"))
    }

    @Test func aMarkupOnlyEditOfTheTitleReachesThePageInPreviews() throws {
        let site = try Self.site(["lifted.md": "# foo *bar*\n\nText.\n"])
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        try site.write("lifted.md", "# foo **bar**\n\nText.\n")
        let result = try builder.build()
        #expect(result.laidOut == ["lifted/index.html"])
        #expect(site.read(output: "lifted/index.html").contains("<h1>foo <strong>bar</strong></h1>"))
    }
}
