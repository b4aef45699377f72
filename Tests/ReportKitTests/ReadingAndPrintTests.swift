import Foundation
import Testing
@testable import ReportKit

/// Issue 15: typography (smart punctuation, footnote markers, address links), captions of Markdown
/// tables, card tables, the print style and the PDF edition's helpers.
struct ReadingMarkupTests {
    @Test func smartPunctuationIsOnForSitesAndOffInSiteYml() throws {
        let markdown = "\"Quoted\" -- it's 2019--2023 --- done...\n"
        let smart = MarkdownRenderer(smartPunctuation: true).render(markdown, file: "t.md").html
        #expect(smart == "<p>“Quoted” – it’s 2019–2023 — done…</p>\n")
        #expect(MarkdownRenderer().render(markdown, file: "t.md").html == "<p>&quot;Quoted&quot; -- it's 2019--2023 --- done...</p>\n")
        #expect(SiteConfig().smartPunctuation)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString).yml")
        try "options:\n  smart_punctuation: false\n  paper: Letter\n".write(to: url, atomically: true, encoding: .utf8)
        let config = try SiteConfig.load(from: url, displayPath: "content/site.yml")
        #expect(!config.smartPunctuation)
        #expect(config.paper == .letter)
    }

    @Test func captionsAndNotesFromYAMLGetSmartPunctuationToo() {
        #expect(SmartPunctuation.apply("\"Consumer loans\" (the paper's term) -- 2019--2023 --- 'as printed'...")
                == "“Consumer loans” (the paper’s term) – 2019–2023 — ‘as printed’…")
        #expect(SmartPunctuation.apply("a - b, 3.5") == "a - b, 3.5")
    }

    @Test func unknownPaperSizeIsAnError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString).yml")
        try "options:\n  paper: a5\n".write(to: url, atomically: true, encoding: .utf8)
        #expect {
            try SiteConfig.load(from: url, displayPath: "content/site.yml")
        } throws: { error in
            (error as? DiagnosticList)?.description == "content/site.yml:2:10: error[RG0140]: unknown paper size 'a5' in site.yml\nhint: write 'paper: a4' or 'paper: letter'"
        }
    }

    @Test func adjacentFootnoteMarkersAreSeparated() {
        let html = MarkdownRenderer().render("Two notes.[^a][^b] One[^c].\n\n[^a]: A.\n[^b]: B.\n[^c]: C.\n", file: "t.md").html
        #expect(html.contains("</sup><sup class=\"footnote-sep\" aria-hidden=\"true\">,</sup><sup class=\"footnote-ref\">"))
        #expect(html.components(separatedBy: "footnote-sep").count == 2)
    }

    @Test func linksShowingTheirAddressAreMarked() {
        let renderer = MarkdownRenderer(smartPunctuation: true)
        let html = renderer.render("""
            <https://a.org/x> [https://b.org/y--z](https://b.org/y--z) [words](https://c.org) www.d.org <me@e.org>
            """, file: "t.md").html
        #expect(html.contains("<a href=\"https://a.org/x\" class=\"url\">https://a.org/x</a>"))
        // Smart punctuation made `--` a dash in the text; the text is the address again.
        #expect(html.contains("<a href=\"https://b.org/y--z\" class=\"url\">https://b.org/y--z</a>"))
        #expect(html.contains("<a href=\"https://c.org\">words</a>"))
        #expect(html.contains("<a href=\"http://www.d.org\" class=\"url\">www.d.org</a>"))
        #expect(html.contains("<a href=\"mailto:me@e.org\" class=\"url\">me@e.org</a>"))
        let bare = renderer.render("See https://f.org/a--b now.\n", file: "t.md").html
        #expect(bare.contains("<a href=\"https://f.org/a--b\" class=\"url\">https://f.org/a--b</a>"), "\(bare)")
        #expect(MarkdownRenderer(addsReadingMarkup: false).render("<https://a.org>\n", file: "t.md").html == "<p><a href=\"https://a.org\">https://a.org</a></p>\n")
    }
}

struct TableCaptionTests {
    let hooks: MarkdownHooks = {
        var hooks = MarkdownHooks()
        hooks.numberLabel = { "#\($0)#" }
        return hooks
    }()

    @Test func captionLineAfterAPipeTableMakesANumberedFigure() {
        let output = MarkdownRenderer().render("""
            | a | b |
            |---|--:|
            | 1 | 2 |

            Table: Loans *by* lender {#tbl-loans}

            After.
            """, file: "t.md", firstLine: 3, hooks: hooks)
        #expect(output.directives.map(\.anchor) == ["tbl-loans"])
        #expect(output.directives.first?.caption == "Loans by lender")
        #expect(output.directives.first?.location == SourceLocation(file: "t.md", line: 7, column: 1))
        #expect(output.html.hasPrefix("""
            <figure class="figure figure-table" id="tbl-loans">
            <div class="table-scroll" role="region" aria-labelledby="tbl-loans-caption" tabindex="0">
            <table class="data-table">
            <caption id="tbl-loans-caption"><span class="figure-label">#tbl-loans#</span> Loans <em>by</em> lender</caption>
            <thead>
            """))
        #expect(output.html.contains("<th style=\"text-align: right\">b</th>"))
        #expect(!output.html.contains("Table:"))
        #expect(output.html.hasSuffix("</table>\n</div>\n</figure>\n<p>After.</p>\n"))
    }

    @Test func captionWithoutIdTakesItsSlug() {
        let output = MarkdownRenderer().render("| a |\n|---|\n| 1 |\n\nTable: Credit views\n", file: "t.md", hooks: hooks)
        #expect(output.directives.map(\.anchor) == ["tbl-credit-views"])
        // A table without a caption line, and a paragraph not right after a table, stay as they are.
        let plain = MarkdownRenderer().render("| a |\n|---|\n| 1 |\n\nText.\n\nTable: not a caption\n", file: "t.md", hooks: hooks)
        #expect(plain.directives.isEmpty)
        #expect(plain.html.contains("<p>Table: not a caption</p>"))
    }

    @Test func textHeavyMarkdownTablesBecomeCards() {
        let long = String(repeating: "long words ", count: 6)
        let markdown = "| Dilemma | Remedy | Source |\n|---|---|---|\n| \(long) | \(long) | Paper 003 |\n"
        let plain = MarkdownRenderer().render(markdown, file: "t.md", hooks: hooks).html
        #expect(plain.hasPrefix("<table class=\"table-cards\">\n<thead>"))
        #expect(plain.contains("<tr>\n<td data-label=\"Dilemma\">long words"))
        #expect(plain.contains("<td data-label=\"Source\">Paper 003</td>"))
        #expect(!plain.contains("<th data-label"))
        let captioned = MarkdownRenderer().render(markdown + "\nTable: Remedies {#tbl-r}\n", file: "t.md", hooks: hooks).html
        #expect(captioned.contains("<div class=\"table-scroll table-scroll-cards\" role=\"region\""))
        #expect(captioned.contains("<table class=\"data-table table-cards\">\n<caption id=\"tbl-r-caption\">"))
        #expect(captioned.contains("<td data-label=\"Remedy\">"))
        let short = MarkdownRenderer().render("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n", file: "t.md", hooks: hooks).html
        #expect(short.hasPrefix("<table>\n") && !short.contains("data-label"))
    }

    @Test func invalidCaptionIdIsAnError() {
        let output = MarkdownRenderer().render("| a |\n|---|\n| 1 |\n\nTable: X {#tbl-Bad_id}\n", file: "t.md", hooks: hooks)
        #expect(output.diagnostics.map(\.description) == [
            "t.md:5:1: error[RG0304]: invalid table id 'tbl-Bad_id' in a table caption\nhint: write the id as {#tbl-NAME} at the end of the caption, NAME in lowercase letters, digits and hyphens",
        ])
    }
}

struct CardTableTests {
    @Test func textHeavyTablesBecomeCardsOnPhones() {
        let long = String(repeating: "word ", count: 12)
        let heavy = DataTable(path: "data/t.csv", columns: [DataColumn(name: "name", type: .text), DataColumn(name: "what", type: .text),
                                                            DataColumn(name: "notes", type: .text)],
                              rows: [[.text("A"), .text(long), .text(long)]])
        let html = HTMLTable(table: heavy, strings: .english).html(anchor: "tbl-t", captionHTML: "T")
        #expect(html.hasPrefix("<div class=\"table-scroll table-scroll-cards\" role=\"region\""))
        #expect(html.contains("<table class=\"data-table table-cards\">"))
        #expect(html.contains("<th scope=\"row\" data-label=\"name\">A</th><td data-label=\"what\">"))
        let short = DataTable(path: "data/t.csv", columns: heavy.columns, rows: [[.text("A"), .text("b"), .text("c")]])
        #expect(!HTMLTable(table: short, strings: .english).html(anchor: "tbl-t", captionHTML: "T").contains("table-cards"))
        #expect(!HTMLTable(table: short, strings: .english).html(anchor: "tbl-t", captionHTML: "T").contains("data-label"))
    }
}

struct PrintStyleTests {
    @Test func pageRulesCarryPaperTitleAndNumbers() {
        let css = PrintStyle.css(title: "Loans \"2023\" </style>", paper: .letter, pageNumber: "Page {page} of {pages}")
        #expect(css.hasPrefix("@page { size: letter; "))
        #expect(css.contains("@top-left { content: \"Loans \\22 2023\\22  \\3c /style\\3e \";"))
        #expect(css.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"))
        #expect(!css.contains("</"))
        #expect(PrintStyle.counterContent("{page}/{pages} {x}") == "counter(page) \"/\" counter(pages) \" {\" \"x}\"")
    }

    /// Every custom property a chart paints with (`var(--…)` in the SVG) is defined by the default
    /// theme for the light scheme, the dark scheme and print.
    @Test func themeDefinesEveryChartPropertyForLightDarkAndPrint() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let css = try String(contentsOf: root.appendingPathComponent("themes/default/assets/style.css"), encoding: .utf8)
        let dark = try #require(css.range(of: "@media (prefers-color-scheme: dark)"))
        let print = try #require(css.range(of: "@media print"))
        let blocks = ["light": String(css[..<dark.lowerBound]), "dark": String(css[dark.upperBound..<print.lowerBound]), "print": String(css[print.upperBound...])]
        var used = Set(ChartRenderer.cssCustomProperties.map(\.name))
        let svgs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Tests/ReportKitTests/Fixtures/charts").path)
        #expect(!svgs.isEmpty)
        for name in svgs where name.hasSuffix(".svg") {
            let svg = try String(contentsOf: root.appendingPathComponent("Tests/ReportKitTests/Fixtures/charts/\(name)"), encoding: .utf8)
            for part in svg.components(separatedBy: "var(").dropFirst() {
                used.insert(String(part.prefix { $0 != "," && $0 != ")" }))
            }
        }
        #expect(used.contains("--chart-bg"))
        for (scheme, block) in blocks {
            for property in used.sorted() {
                #expect(block.contains("\(property):"), "\(property) is not defined for \(scheme)")
            }
        }
    }
}

struct PDFEditionTests {
    @Test func printCopyKeepsOnlyAnchorAndWebLinks() {
        let html = """
            <title>Whole report · T</title><link rel="stylesheet" href="assets/style.css"><script src="assets/search.js" defer></script><a href="#modes">M</a> \
            <a class="data-download" href="data/x.csv" download="x.csv">CSV</a> <a href="https://e.org" class="url">e</a> <a href="paper.pdf">P</a>
            """
        let copy = PDFEdition.printCopy(of: html, title: "T & U")
        #expect(copy == """
            <title>T &amp; U</title><link rel="stylesheet" href="assets/style.css"><a href="#modes">M</a> \
            <a class="data-download" data-href="data/x.csv" download="x.csv">CSV</a> <a href="https://e.org" class="url">e</a> <a data-href="paper.pdf">P</a>
            """)
    }

    @Test func creationDatesAreFixed() {
        var bytes = Array("<< /CreationDate (D:20261128070807+00'00') /ModDate (D:20261128070807+00'00') >>".utf8)
        PDFBytes.fixDates(&bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<< /CreationDate (D:20000101000000+00'00') /ModDate (D:20000101000000+00'00') >>")
    }

    /// Two prints of one report can number their structure elements from different starts (CI saw
    /// 560… and 561…): the ids are renumbered by rank, same order, same length.
    @Test func structureElementIDsAreRenumbered() {
        func renumbered(_ text: String) -> String {
            var bytes = Array(text.utf8)
            PDFBytes.renumberNodeIDs(&bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        let first = "<</ID (node00000560)>> <</ID (node00000562)>> /Names [(node00000560) 3 0 R (node00000562) 4 0 R] (node12) (nodeX)"
        let second = "<</ID (node00000561)>> <</ID (node00000563)>> /Names [(node00000561) 3 0 R (node00000563) 4 0 R] (node12) (nodeX)"
        #expect(renumbered(first) == "<</ID (node00000000)>> <</ID (node00000001)>> /Names [(node00000000) 3 0 R (node00000001) 4 0 R] (node12) (nodeX)")
        #expect(renumbered(second) == renumbered(first))
        #expect(renumbered(first).utf8.count == first.utf8.count)
    }

    @Test func chromiumIsLookedUpOnPath() throws {
        #expect(PDFEdition.findChromium(path: "") == nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("chromium-browser")
        try "#!/bin/sh\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        #expect(PDFEdition.findChromium(path: "/nonexistent:\(folder.path)") == fake.path)
    }
}
