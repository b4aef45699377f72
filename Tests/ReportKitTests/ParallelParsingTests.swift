import Foundation
import Testing
@testable import ReportKit

/// cmark-gfm 0.29.0.gfm.6 keeps the inline parser's special-character tables as process-wide globals
/// and each parse adds, then removes, its extensions' trigger characters (`~`, `:`, `w`, `|`). Pages
/// render in parallel, so without serialising the parse one page ending its parse made another page
/// lose its strikethrough and autolinks, differently on every build (issue: "parallel-parsing race").
struct ParallelParsingTests {
    static let pageCount = 200
    static let paragraphsPerPage = 50
    static let paragraph = "Some ~~struck~~ text near www.example.com and https://example.com/x and foo@example.com here.\n\n"
    /// A table row parses its cells' inlines during block parsing (cmark's table extension), so a
    /// table is part of every page too.
    static let table = "| a | b |\n|---|---|\n| ~~cell~~ | www.example.org |\n"

    static func makeSite() throws -> TemporarySite {
        var files = ["site.yml": "title: Race\n", "index.md": "# Home\n\nHello.\n"]
        for index in 0..<pageCount {
            files["p\(index).md"] = "# Page \(index)\n\n" + String(repeating: paragraph, count: paragraphsPerPage) + table
        }
        return try TemporarySite(files: files)
    }

    /// Counts non-overlapping occurrences of `needle`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test("every paragraph keeps its strikethrough and links, and builds are byte-identical")
    func parallelPagesKeepEveryExtension() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        var previous: [String: String]?
        for _ in 0..<3 {
            _ = try SiteBuilder(options: site.options).build()
            var pages: [String: String] = [:]
            for index in 0..<Self.pageCount {
                let html = site.read(output: "p\(index)/index.html")
                pages["p\(index)"] = html
                #expect(Self.count("<del>struck</del>", in: html) == Self.paragraphsPerPage, "p\(index): strikethrough lost")
                #expect(Self.count("<del>cell</del>", in: html) == 1, "p\(index): strikethrough in the table lost")
                #expect(Self.count("<a href=\"http://www.example.com\" class=\"url\">www.example.com</a>", in: html) == Self.paragraphsPerPage,
                        "p\(index): www autolink lost")
                #expect(Self.count("<a href=\"https://example.com/x\" class=\"url\">https://example.com/x</a>", in: html) == Self.paragraphsPerPage,
                        "p\(index): URL autolink lost")
                #expect(Self.count("<a href=\"mailto:foo@example.com\" class=\"url\">foo@example.com</a>", in: html) == Self.paragraphsPerPage,
                        "p\(index): e-mail autolink lost")
            }
            if let previous {
                let differing = pages.keys.filter { previous[$0] != pages[$0] }.sorted()
                #expect(differing.isEmpty, "two builds of the same content differ in \(differing)")
            }
            previous = pages
        }
    }
}
