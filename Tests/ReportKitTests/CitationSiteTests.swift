import Foundation
import Testing
@testable import ReportKit

/// Citations through the whole pipeline: per-page bibliographies, the site-wide list with links
/// back, the whole report's one bibliography, what is not a citation, and `serve`'s rebuilds.
struct CitationSiteTests {
    static let bib = """
    @article{smith2021a, author = {Smith, John and Doe, Jane}, title = {Alpha Study}, journal = {Journal}, year = 2021,
      doi = {10.1000/xyz}}
    @article{smith2021b, author = {Smith, John and Doe, Jane}, title = {Beta Study}, journal = {Journal}, year = 2021}
    @book{lee2018, author = {Lee, Kim}, title = {A Book}, publisher = {Press}, year = 2018}
    @misc{unused, author = {Nobody, A.}, title = {Never Cited}, year = 2000}
    """

    static func site(style: String = "author-date", references: String? = nil) throws -> TemporarySite {
        var files = TemporarySite.files
        files["site.yml"] = "title: Test site\nnavigation: [index.md, alpha.md, part, beta.md]\ncitation_style: \(style)\n"
        files["references.bib"] = bib
        files["index.md"] = """
            ---
            title: Home
            ---

            Growth was fast [@smith2021b, p. 5]. @lee2018 disagrees. Mail a@b.org, see https://x.org/@smith2021a,
            and `[@smith2021a]` in code.

            ```
            [@lee2018] in a code block
            ```

            """
        files["beta.md"] = (files["beta.md"] ?? "") + "\nAs in [@smith2021a; @smith2021b] and @fig-sales.\n"
        if let references { files["references.md"] = references }
        return try TemporarySite(files: files)
    }

    @Test func pagesCiteAndListTheirReferences() throws {
        let site = try Self.site()
        defer { site.remove() }
        let built = try SiteBuilder(options: site.options).build()
        #expect(built.warnings.map(\.description) == [
            "content/references.bib:5:1: warning[RG1005]: bibliography entry 'unused' is not cited by any page\nhint: cite it with [@unused] where the text uses it, or remove the entry",
        ])
        let home = site.read(output: "index.html")
        #expect(home.contains("(<a class=\"citation\" id=\"cite-smith2021b\" href=\"#ref-smith2021b\">Smith and Doe 2021b</a>, 5)"))
        #expect(home.contains("<a class=\"citation\" id=\"cite-lee2018\" href=\"#ref-lee2018\">Lee (2018)</a> disagrees"))
        // Not citations: an e-mail address, a URL, code spans and blocks.
        #expect(home.contains("href=\"mailto:a@b.org\"") && home.contains(">a@b.org</a>") && !home.contains("id=\"cite-b\""))
        #expect(home.contains("https://x.org/@smith2021a"))
        #expect(home.contains("<code>[@smith2021a]</code>"))
        #expect(home.contains("[@lee2018] in a code block"))
        // The page's own list: what it cites, sorted, with the link to the whole list.
        #expect(home.contains("<h2 id=\"bibliography\">References</h2>"))
        #expect(home.contains("<li id=\"ref-lee2018\">Lee, Kim. 2018. <i>A Book</i>. Press.</li>\n<li id=\"ref-smith2021b\">Smith, John, and Jane Doe. 2021b."))
        #expect(!home.contains("ref-smith2021a\""))
        #expect(home.contains("<a href=\"references.html\">All references cited in this report</a>"))
        let beta = site.read(output: "beta/index.html")
        #expect(beta.contains("Smith and Doe 2021a</a>, <a class=\"citation\" id=\"cite-smith2021b\" href=\"#ref-smith2021b\">2021b</a>)"))
        #expect(beta.contains("class=\"xref\""), "cross-references still work next to citations")
        #expect(beta.contains("<a href=\"https://doi.org/10.1000/xyz\">https://doi.org/10.1000/xyz</a>"))
        #expect(beta.contains("<a href=\"../references.html\">"))
        // The site-wide list links back to where each work is cited.
        let list = site.read(output: "references.html")
        #expect(list.contains("<h1>References</h1>"))
        #expect(list.contains("<section class=\"bibliography\" aria-label=\"References\">\n<ol"), "no second heading under the page's title")
        #expect(list.contains("<li id=\"ref-smith2021b\">———. 2021b. “Beta Study.” <i>Journal</i>. <span class=\"cited-on\">Cited on: <a href=\"index.html#cite-smith2021b\">Home</a>, <a href=\"beta/index.html#cite-smith2021b\">Beta</a></span></li>"))
        #expect(!list.contains("Never Cited"))
        // The whole report: one bibliography at the end, citations pointing at it.
        let report = site.read(output: "report.html")
        #expect(report.components(separatedBy: "class=\"bibliography\"").count == 2)
        #expect(report.contains("href=\"#ref-smith2021b\">Smith and Doe 2021b</a>"))
        #expect(report.contains("<li id=\"ref-lee2018\">"))
    }

    @Test func numericStyleNumbersAcrossTheSite() throws {
        let site = try Self.site(style: "numeric")
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        #expect(site.read(output: "index.html").contains("<a class=\"citation\" id=\"cite-smith2021b\" href=\"#ref-smith2021b\">[1, p. 5]</a>"))
        // Numbers follow the first citation in reading order (home before beta), on every page.
        let beta = site.read(output: "beta/index.html")
        #expect(beta.contains(">[1]</a>, <a class=\"citation\" id=\"cite-smith2021a\" href=\"#ref-smith2021a\">[3]</a>"))
        #expect(beta.contains("<li id=\"ref-smith2021b\"><span class=\"reference-number\">[1]</span> J. Smith and J. Doe, “Beta study,” <i>Journal</i>, 2021.</li>"))
    }

    @Test func aReferencesPageOfTheContentHoldsTheList() throws {
        let site = try Self.site(references: "---\ntitle: Sources\n---\n\nOur sources, with [@lee2018] discussed first.\n")
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let page = site.read(output: "references/index.html")
        #expect(page.contains("Our sources, with (<a class=\"citation\" id=\"cite-lee2018\" href=\"#ref-lee2018\">Lee 2018</a>) discussed first."))
        #expect(page.contains("<span class=\"cited-on\">Cited on: <a href=\"../index.html#cite-lee2018\">Home</a></span>"))
        #expect(page.components(separatedBy: "class=\"bibliography\"").count == 2, "one list, not the page's own as well")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("references.html").path))
        #expect(site.read(output: "index.html").contains("<a href=\"references/index.html\">All references"))
    }

    @Test func unknownKeyIsAnErrorWithDidYouMean() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.write("part/one.md", "---\ntitle: One\n---\n\nText [@smith2012a].\n")
        #expect {
            try SiteBuilder(options: site.options).build()
        } throws: { error in
            (error as? DiagnosticList)?.diagnostics.map(\.description) == [
                "content/part/one.md:5:6: error[RG1004]: unknown citation key '@smith2012a'\nhint: did you mean 'smith2021a'? (an @ that is not a citation can go in `code`)",
            ]
        }
    }

    @Test func serveRebuildsWhenTheBibliographyOrACitationChanges() throws {
        let site = try Self.site(style: "numeric")
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        // An edit of references.bib alone reformats every citing page.
        try site.write("references.bib", Self.bib.replacingOccurrences(of: "Beta Study", with: "Gamma Study"))
        let edited = try builder.build(changedPaths: [site.content.appendingPathComponent("references.bib").path])
        #expect(edited.written.contains("index.html") && edited.written.contains("beta/index.html"))
        #expect(site.read(output: "beta/index.html").contains("Gamma study"))
        // A new first citation on the home page renumbers the works cited on another page.
        try site.write("index.md", "---\ntitle: Home\n---\n\nFirst [@smith2021a], then [@smith2021b] and [@lee2018].\n")
        let renumbered = try builder.build(changedPaths: [site.content.appendingPathComponent("index.md").path])
        #expect(renumbered.rendered == ["index.md"])
        #expect(renumbered.written.contains("beta/index.html"))
        #expect(site.read(output: "beta/index.html").contains("href=\"#ref-smith2021a\">[1]</a>, <a class=\"citation\" id=\"cite-smith2021b\" href=\"#ref-smith2021b\">[2]</a>"))
        // The same site built afresh.
        let fresh = try TemporarySite(files: [:])
        defer { fresh.remove() }
        try FileManager.default.copyItem(at: site.content, to: fresh.content)
        _ = try SiteBuilder(options: fresh.options).build()
        #expect(fresh.read(output: "beta/index.html") == site.read(output: "beta/index.html"))
    }
}

/// `serve` when the bibliography file appears while it runs.
struct CitationServeTests {
    @Test func addingABibliographyMakesNarrativeCitationsOfUnchangedPagesCitations() throws {
        var files = TemporarySite.files
        files["part/one.md"] = "---\ntitle: One\nweight: 1\n---\n\n@lee2018 says so.\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        #expect(site.read(output: "part/one/index.html").contains("<p>@lee2018 says so.</p>"))
        try site.write("references.bib", "@book{lee2018, author = {Lee, Kim}, title = {A Book}, publisher = {Press}, year = 2018}\n")
        _ = try builder.build(changedPaths: [site.content.appendingPathComponent("references.bib").path])
        #expect(site.read(output: "part/one/index.html").contains("<a class=\"citation\" id=\"cite-lee2018\" href=\"#ref-lee2018\">Lee (2018)</a> says so."))
    }
}
