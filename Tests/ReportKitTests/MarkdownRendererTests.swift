import Testing
@testable import ReportKit

struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersGFMExtensions() {
        let html = renderer.render("""
            | a | b |
            |--:|:--|
            | 1 | 2 |

            ~~old~~ www.example.org

            - [x] done

            Note[^1].

            [^1]: The note.
            """, file: "t.md").html
        #expect(html.contains("<th style=\"text-align: right\">a</th>"))
        #expect(!html.contains(" align="))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\" class=\"url\">www.example.org</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("<section class=\"footnotes\""))
    }

    @Test func headingsGetIdsAndAreCollected() {
        let output = renderer.render("## Credit reporting\n\n### 征信 coverage\n\n## Credit reporting\n", file: "t.md", firstLine: 5)
        #expect(output.html.contains("<h2 id=\"credit-reporting\">Credit reporting</h2>"))
        #expect(output.html.contains("<h3 id=\"征信-coverage\">征信 coverage</h3>"))
        #expect(output.headings.map(\.id) == ["credit-reporting", "征信-coverage", "credit-reporting-2"])
        #expect(output.headings[1].location == SourceLocation(file: "t.md", line: 7, column: 1))
    }

    @Test func leadingTitleIsLiftedOutOfTheBody() {
        let output = renderer.render("# The title\n\nText\n", file: "t.md")
        #expect(output.leadingTitle == LeadingTitle(text: "The title", html: "The title"))
        #expect(!output.html.contains("<h1"))
    }

    @Test func aLiftedTitleKeepsItsInlineMarkupAndItsCrossReferencesAsWritten() {
        let hooks = MarkdownHooks(resolveLink: { _, _, _ in .rewrite("a/index.html", anchorCheck: nil) }, crossReference: { "[[\($0)]]" })
        let output = renderer.render("# foo *bar* [a](a.md) <b>x</b> @fig-a\n\nSee @fig-b.\n", file: "t.md", hooks: hooks)
        #expect(output.leadingTitle?.text == "foo bar a x @fig-a")
        #expect(output.leadingTitle?.html == "foo <em>bar</em> <a href=\"a/index.html\">a</a> <!-- raw HTML omitted -->x<!-- raw HTML omitted --> @fig-a")
        #expect(output.anchorReferences.map(\.anchor) == ["fig-b"])
        #expect(output.headings.isEmpty)
    }

    @Test func withoutLiftingTheOpeningHeadingStaysInTheBody() {
        let output = renderer.render("# The *title*\n\nText\n", file: "t.md", liftingLeadingTitle: false)
        #expect(output.leadingTitle == nil)
        #expect(output.html.hasPrefix("<h1 id=\"the-title\">The <em>title</em></h1>\n"))
        #expect(output.headings.map(\.text) == ["The title"])
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let source = "<script>alert(1)</script>\n\nHi <b onclick=\"x\">there</b>\n"
        let safe = renderer.render(source, file: "t.md").html
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("onclick"))
        let raw = MarkdownRenderer(allowRawHTML: true).render("<div class=\"x\">ok</div>\n", file: "t.md").html
        #expect(raw.contains("<div class=\"x\">ok</div>"))
    }

    @Test func dangerousURLsAreDropped() {
        let html = renderer.render("[a](javascript:alert(1)) [b](JAVASCRIPT:x) ![c](data:text/html,x)\n", file: "t.md").html
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("data:text/html"))
    }

    @Test func linksGoThroughTheResolverWithTheirLocation() {
        let hooks = MarkdownHooks(resolveLink: { url, _, location in
            url == "a.md" ? .rewrite("a/index.html", anchorCheck: nil)
                : .broken(.error(.missingLinkTarget, "link to missing page '\(url)'", at: location))
        })
        let output = renderer.render("Intro\n\nSee [A](a.md) and [B](b.md).\n", file: "content/p.md", firstLine: 3, hooks: hooks)
        #expect(output.html.contains("<a href=\"a/index.html\">A</a>"))
        #expect(output.diagnostics.map(\.description) == ["content/p.md:5:19: error[RG0402]: link to missing page 'b.md'"])
    }

    @Test func crossReferencesAreMarked() {
        let hooks = MarkdownHooks(crossReference: { "[[\($0)]]" })
        let output = renderer.render("As @fig-loans shows (see @tbl-x), mail me@fig-no.\n\n`@fig-code`\n", file: "t.md", hooks: hooks)
        #expect(output.html.contains("As [[fig-loans]] shows (see [[tbl-x]]), mail me@fig-no."))
        #expect(output.html.contains("<code>@fig-code</code>"))
        #expect(output.anchorReferences.map(\.anchor) == ["fig-loans", "tbl-x"])
    }

    @Test func directivesAreReplacedByTheirHTML() {
        let hooks = MarkdownHooks(renderDirective: { block in
            .success(RenderedDirective(kind: block.kind, anchor: "fig-a", caption: "A", html: "<figure id=\"fig-a\">\(block.yaml.count)</figure>",
                                       dataFiles: [], location: block.location))
        })
        let output = renderer.render("Text\n\n```chart\nid: a\n```\n\n```swift\nlet x = 1\n```\n", file: "t.md", hooks: hooks)
        #expect(output.html.contains("<figure id=\"fig-a\">6</figure>"))
        #expect(output.html.contains("<code class=\"language-swift\">"))
        #expect(output.directives.first?.location == SourceLocation(file: "t.md", line: 4, column: 1))
    }

    @Test func htmlWithANulIsNotCutShortAtTheCBoundary() {
        // cmark-gfm takes C strings: a NUL in a directive's HTML used to end the figure (and the page) there.
        let hooks = MarkdownHooks(renderDirective: { block in
            .success(RenderedDirective(kind: .chart, anchor: "fig-a", caption: "A", html: "<figure><svg>a\u{0}b</svg></figure>",
                                       dataFiles: [], location: block.location))
        })
        let html = renderer.render("```chart\nid: a\n```\n\nAfter the chart.\n", file: "t.md", hooks: hooks).html
        #expect(html == "<figure><svg>a\u{FFFD}b</svg></figure>\n<p>After the chart.</p>\n")
    }
}

struct TagFilterTests {
    @Test func filtersDangerousTagsInAllowedRawHTML() {
        let html = MarkdownRenderer(allowRawHTML: true).render("<div><script>x()</script><STYLE>a{}</STYLE><b>ok</b></div>\n", file: "t.md").html
        #expect(html.contains("&lt;script>x()&lt;/script>"))
        #expect(html.contains("&lt;STYLE>a{}&lt;/STYLE>"))
        #expect(html.contains("<b>ok</b>"))
    }

    @Test func leavesGeneratedSVGTitlesAlone() {
        let hooks = MarkdownHooks(renderDirective: { block in
            .success(RenderedDirective(kind: .chart, anchor: "fig-a", caption: "A", html: "<svg><title id=\"t\">A</title></svg>",
                                       dataFiles: [], location: block.location))
        })
        let html = MarkdownRenderer(allowRawHTML: true).render("```chart\nid: a\n```\n", file: "t.md", hooks: hooks).html
        #expect(html.contains("<title id=\"t\">A</title>"))
    }
}
