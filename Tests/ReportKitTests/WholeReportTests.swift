import Foundation
import Testing
@testable import ReportKit

struct WholeReportTests {
    /// The fixture site of `Fixtures/WholeReport`: two pages, a footnote, an image, links between pages.
    static func fixtureSite() throws -> AssembledSite {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("WholeReport")
        let options = BuildOptions(contentFolder: root.appendingPathComponent("content"),
                                   outputFolder: FileManager.default.temporaryDirectory.appendingPathComponent("whole-report-test"),
                                   themeFolder: root.appendingPathComponent("theme"), projectRoot: root)
        return try SiteBuilder(options: options).assemble()
    }

    static func report(_ site: AssembledSite) -> WholeReport {
        let bodies = site.pages.map { site.references.finalize($0.body, pageOutput: $0.page.outputPath, rootPrefix: $0.page.rootPrefix) }
        return WholeReport(site: site, bodies: bodies)
    }

    @Test func sectionIDsFollowOutputPathsAndStayUnique() {
        let ids = WholeReport.sectionIDs(for: ["index.html", "modes/index.html", "a/b/index.html", "a-b/index.html", "main/index.html"])
        #expect(ids == ["index.html": "index", "modes/index.html": "modes", "a/b/index.html": "a-b", "a-b/index.html": "a-b-2",
                        "main/index.html": "main-2"])
    }

    @Test func resolvesRelativeURLsToSitePaths() {
        func target(_ url: String, _ folder: String) -> [String]? { WholeReport.siteTarget(url, from: folder).map { [$0.path, $0.suffix] } }
        #expect(target("../../modes/index.html#credit", "dilemmas/credit") == ["modes/index.html", "#credit"])
        #expect(target("../../images/a.png", "dilemmas/credit") == ["images/a.png", ""])
        #expect(target("./x/", "") == ["x/", ""])
        #expect(target("https://example.org/", "a") == nil)
        #expect(target("mailto:a@b.c", "a") == nil)
        #expect(target("#top", "a") == nil)
        // Paths come back as on disk; the page's folder may itself be named oddly.
        #expect(target("../a%20b%23c/index.html?q#f", "javascript:x") == ["a b#c/index.html", "?q#f"])
        #expect(target("./javascript:alert(1)", "") == ["javascript:alert(1)", ""])
    }

    @Test func linksResolvedFromTheRootStayRelativePaths() throws {
        let report = Self.report(try Self.fixtureSite())
        // Raw HTML may say `./javascript:x`: a harmless path on its page, a script once the `./` goes.
        let out = report.rewrite(#"<a href="./javascript:alert(1)">x</a><img src="./javascript:y&amp;z.png" alt="">"#,
                                 pageOutput: "index.html", prefix: "index")
        #expect(out == #"<a href="javascript%3Aalert(1)">x</a><img src="javascript%3Ay&amp;z.png" alt="">"#)
    }

    @Test func demotesHeadingsAndRewritesAttributes() {
        let html = #"<h2 id="a">A</h2><svg><rect fill="url(#g)"/></svg><h5>x</h5><h6>y</h6><p title="h2">&lt;h2&gt;</p>"#
        let out = ReportTagRewriter.rewrite(html, standalone: false) { _, name, value in
            .init(report: name == "id" ? "p--" + value : value.replacingOccurrences(of: "url(#", with: "url(#p--"))
        }.report
        #expect(out == ##"<h3 id="p--a">A</h3><svg><rect fill="url(#p--g)"/></svg><h6>x</h6><h6>y</h6><p title="h2">&lt;h2&gt;</p>"##)
    }

    @Test func onePassWritesTheReportAndTheStandaloneFile() {
        let html = #"<h1 id="t">T</h1><!-- <h2 id="c"> --><img src="a.png" alt="x > y"><a href="a.csv">CSV</a></h1>"#
        let out = ReportTagRewriter.rewrite(html, standalone: true) { tag, name, value in
            switch name {
            case "id": return .init(report: "p--" + value)
            case "src", "href": return .init(report: value, standalone: "data:\(tag)")
            default: return .init(report: value)
            }
        }
        #expect(out.report == #"<h2 id="p--t">T</h2><!-- <h2 id="c"> --><img src="a.png" alt="x > y"><a href="a.csv">CSV</a></h2>"#)
        #expect(out.standalone == #"<h2 id="p--t">T</h2><!-- <h2 id="c"> --><img src="data:img" alt="x > y"><a href="data:a">CSV</a></h2>"#)
        #expect(ReportTagRewriter.rewrite(html, standalone: false) { _, _, value in .init(report: value) }.standalone == nil)
    }

    @Test func reportAndStandaloneBodiesDifferOnlyInInlinedFiles() throws {
        let site = try Self.fixtureSite()
        let report = Self.report(site)
        let bodies = report.bodies(inlining: .init(image: { _ in "data:image" }, link: { _ in nil }))
        #expect(bodies.report == report.body())
        #expect(bodies.standalone == bodies.report.replacingOccurrences(of: #"src="images/dot.svg""#, with: #"src="data:image""#))
    }

    @Test func replacesEveryOccurrenceByteForByte() {
        #expect("a</script>b</script".replacingEvery(Array("</script".utf8), with: Array("<\\/script".utf8)) == #"a<\/script>b<\/script"#)
        #expect("none here".replacingEvery(Array("</".utf8), with: Array("x".utf8)) == "none here")
        #expect("aaa".replacingEvery(Array("aa".utf8), with: Array("b".utf8)) == "ba")
        #expect(WholeReport.withoutBibliographies("x<section class=\"bibliography\">r</section>\ny<section class=\"bibliography\">") == "xy<section class=\"bibliography\">")
    }

    @Test func bodyHoldsEveryPageWithPrefixedIdsAndInDocumentLinks() throws {
        let site = try Self.fixtureSite()
        let body = Self.report(site).body()
        #expect(body.contains(##"<section class="report-section" aria-labelledby="index">"##))
        #expect(body.contains(##"<h2 id="modes" class="report-section-title">Modes &amp; &lt;more&gt;</h2>"##))
        #expect(body.contains(##"<a href="#modes--credit">link to credit</a>"##))
        #expect(body.contains(##"<a href="#index">home</a>"##))
        #expect(body.contains(##"<a href="https://example.org/a?b=1">out</a>"##))
        #expect(body.contains(##"<a href="#index--fn-1" id="index--fnref-1""##))
        #expect(body.contains(##"<li id="index--fn-1">"##))
        #expect(body.contains(##"<h3 id="modes--credit">Credit</h3>"##))
        #expect(body.contains(##"<h4 id="modes--deeper">Deeper</h4>"##))
        #expect(body.contains(##"<img src="images/dot.svg" alt="Dot" />"##))
        #expect(!body.contains("<h1"))
    }

    @Test func standaloneInlinesImagesStylesFaviconAndSearch() throws {
        let site = try Self.fixtureSite()
        let report = Self.report(site)
        let body = try #require(report.bodies(inlining: .init(image: { report.inlineImage($0) }, link: { _ in nil })).standalone)
        #expect(body.contains(##"<img src="data:image/svg+xml;base64,"##))
        let context = report.context(layout: PageContext(site: site), body: body, standalone: true, inlineScript: "x()", inlinesSearch: true)
        #expect(context.inlineStyle == "body { color: red; }\n")
        #expect(context.faviconHref?.hasPrefix("data:image/svg+xml;base64,") == true)
        #expect(context.inlineScript == "x()")
        #expect(context.documentTitle == "Everything · Whole report fixture")
        #expect(context.prev == nil && context.next == nil)
    }

    @Test func tableOfContentsListsPagesAndTheirSections() throws {
        let toc = Self.report(try Self.fixtureSite()).tableOfContents
        #expect(toc.map(\.id) == ["index", "modes"])
        #expect(toc[1].children == [.init(id: "modes--credit", text: "Credit")])
    }
}
