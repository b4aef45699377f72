import Foundation
import Testing
@testable import ReportKit

/// The helpers that keep per-page work flat on large sites (issue 21) give the same answers as
/// the plain code they replace.
struct LargeSiteTests {
    @Test func byteSearchFindsWhatStringContainsFinds() {
        let haystacks = ["", "a", "<a href=\"x\">", "text <a href", "</sup><sup class=\"footnote-ref\">", "<<a href=\"", "中文 <a href=\"é\">",
                         String(repeating: "<a hre", count: 1_000) + "<a href=\""]
        let needles = ["<a href=\"", "</sup><sup class=\"footnote-ref\">", "a", "é\"", "<"]
        for haystack in haystacks {
            for needle in needles {
                #expect(haystack.utf8.contains(bytes: Array(needle.utf8)) == haystack.contains(needle), "\(haystack) / \(needle)")
            }
            #expect(haystack.utf8.contains(bytes: []))
        }
        // A pattern cut off by the end of the text is not found.
        #expect(!"abc <a hr".utf8.contains(bytes: Array("<a href".utf8)))
    }

    @Test func readingMarkupKeepsPagesWithoutAddressLinksAsTheyAre() {
        let html = "<p>See <a href=\"../s01/p00001/\">credit</a> and <a href=\"https://a.org\">a site</a>.</p>\n"
        #expect(ReadingMarkup.apply(html) == html)
        #expect(ReadingMarkup.apply("<p><a href=\"https://a.org\">https://a.org</a></p>\n")
            == "<p><a href=\"https://a.org\" class=\"url\">https://a.org</a></p>\n")
        #expect(ReadingMarkup.apply("<p>x<sup class=\"footnote-ref\">1</sup><sup class=\"footnote-ref\">2</sup></p>")
            == "<p>x<sup class=\"footnote-ref\">1</sup><sup class=\"footnote-sep\" aria-hidden=\"true\">,</sup><sup class=\"footnote-ref\">2</sup></p>")
    }

    @Test func singleLineShortcutAgreesWithSplittingOnWhitespace() {
        let texts = ["", " ", "a", "Page 12", " Page", "Page ", "Page  12", "Page\n12", "Page\t12", "Page\r\n12", "Kredit\u{00A0}markt",
                     "征信 credit", "a\u{2003}b", "x\u{7F}y", "Credit, risk & data (2021)"]
        for text in texts {
            #expect(WorkMetadata.singleLine(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(text.debugDescription)")
        }
        #expect(WorkMetadata.isSingleLineASCII("Page 12") && !WorkMetadata.isSingleLineASCII("Page  12") && !WorkMetadata.isSingleLineASCII("征信"))
    }

    @Test func markerListsEachFileOnceInOrderAsBefore() {
        let files = ["s01/p2/index.html", "assets/style.css", "a \"quoted\" <name>.png", "s01/p2/index.html", "中文/index.html",
                     "cite.bib", "e\u{301}.png", "\u{E9}.png", "line\u{2028}break.md"] + (0..<300).map { "s\($0 % 7)/p\($0)/cite.ris" }
        let plain = OutputMarker.header + "[" + Set(files).sorted().map(\.jsonStringLiteral).joined(separator: ",\n") + "]\n"
        #expect(OutputMarker.encode(files) == plain)
        #expect(OutputMarker.encode([]) == OutputMarker.header + "[]\n")
        #expect(OutputMarker.decode(Array(OutputMarker.encode(files).utf8)) == Set(files).sorted())
    }

    @Test func readingOrderIsNavigationThenWeightThenPath() throws {
        var generator = SystemRandomNumberGenerator()
        let pages = (0..<500).map { index -> Page in
            let path = "sec/p\(String(index, radix: 7)).md"
            let weight: Int? = index % 3 == 0 ? nil : Int.random(in: 0..<20, using: &generator)
            return Page(sourcePath: path, displayPath: "content/" + path, outputPath: String(path.dropLast(3)) + "/index.html",
                        frontMatter: FrontMatter(title: "P", weight: weight), body: "", bodyFirstLine: 1, isSectionIndex: false,
                        isGenerated: false, section: "sec")
        }
        var config = SiteConfig()
        config.navigation = ["sec/p12.md", "sec/p3.md"]
        var warnings: [Diagnostic] = []
        let ordered = try SiteStructure.arrange(pages, config: config, displayRoot: "content", warnings: &warnings)
        let rank = ["sec/p12.md": 0, "sec/p3.md": 1]
        let expected = pages.sorted {
            (rank[$0.sourcePath] ?? Int.max, $0.frontMatter.weight ?? Int.max, $0.sourcePath)
                < (rank[$1.sourcePath] ?? Int.max, $1.frontMatter.weight ?? Int.max, $1.sourcePath)
        }
        // The generated home page and the section's list page come first.
        #expect(ordered.map(\.sourcePath) == ["index.md", "sec/index.md"] + expected.map(\.sourcePath))
    }

    @Test func outputsKnowWhichSourcesHaveALocationWithoutMakingIt() throws {
        let page = Page(sourcePath: "a.md", displayPath: "content/a.md", outputPath: "a/index.html", frontMatter: FrontMatter(),
                        body: "", bodyFirstLine: 1, isSectionIndex: false, isGenerated: false, section: "")
        var generated = page
        generated.isGenerated = true
        let sources: [SiteOutputs.Source] = [.page(.init(page)), .page(.init(generated)), .contentFile("f.png"), .dataFile("d.csv"), .themeAsset("s.css"),
                                             .searchIndex, .wholeReport, .standaloneReport, .citationDownload(.init(page)), .citationFile,
                                             .dataPackage, .referenceList, .pdfEdition]
        let names = SiteOutputs.Names(contentDisplay: "content")
        for source in sources {
            #expect(names.hasLocation(source) == (names.location(source) != nil), "\(source)")
        }
    }

    @Test func aBuildLetsGoOfPageSourcesAndWritesTheSameSite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var assembled = try SiteBuilder(options: site.options).assemble()
        #expect(assembled.pages.contains { !$0.page.body.isEmpty })
        assembled.releasePageSources()
        #expect(assembled.pages.allSatisfy { $0.page.body.isEmpty } && assembled.content.pages.allSatisfy { $0.body.isEmpty })
        _ = try SiteBuilder(options: site.options).build()
        #expect(site.read(output: "index.html").contains("<html"))
    }
}
