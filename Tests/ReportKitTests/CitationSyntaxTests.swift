import Testing
@testable import ReportKit

/// Pandoc's citation syntax as `CitationScanner` reads it, and locators.
struct CitationSyntaxTests {
    static func citations(_ text: String, narrative: Bool = true) -> [Citation] {
        CitationScanner.scan(text, narrative: narrative).map(\.citation)
    }

    @Test func bracketedCitations() {
        #expect(Self.citations("Growth [@wu2025].") == [Citation(items: [CitationItem(key: "wu2025")])])
        #expect(Self.citations("[@wu2025, p. 3274]") == [Citation(items: [CitationItem(key: "wu2025", locator: Locator(label: .page, value: "3274"))])])
        #expect(Self.citations("[see @zhao, sec. 2(1); also @wu2025, tbl. 3]") == [Citation(items: [
            CitationItem(key: "zhao", prefix: "see", locator: Locator(label: .section, value: "2(1)")),
            CitationItem(key: "wu2025", prefix: "also", locator: Locator(label: .table, value: "3")),
        ])])
        #expect(Self.citations("[-@wu2025]") == [Citation(items: [CitationItem(key: "wu2025", suppressAuthor: true)])])
        #expect(Self.citations("[@a:b.c/d-e_f]").first?.items.first?.key == "a:b.c/d-e_f")
        #expect(Self.citations("[@{odd key}]").first?.items.first?.key == "odd key")
    }

    @Test func narrativeCitations() {
        #expect(Self.citations("@wu2025 argues.") == [Citation(items: [CitationItem(key: "wu2025")], isNarrative: true)])
        #expect(Self.citations("@wu2025 [p. 33] says") == [Citation(items: [CitationItem(key: "wu2025", locator: Locator(label: .page, value: "33"))], isNarrative: true)])
        // Punctuation at the end of a key is not part of it.
        #expect(Self.citations("as @wu2025.").first?.items.first?.key == "wu2025")
        #expect(Self.citations("@wu2025 argues.", narrative: false).isEmpty)
    }

    /// Chinese puts no space between words: an `@` right after a Han character starts a reference.
    @Test func referencesRightAfterChineseText() {
        #expect(Self.citations("吴贵鹃@wu2025 认为").first?.items.first?.key == "wu2025")
        #expect(Self.citations("见表@wu2025。").first?.isNarrative == true)
        #expect(CrossReferenceScanner.scan("见@tbl-modes。").map(\.anchor) == ["tbl-modes"])
        #expect(CrossReferenceScanner.scan("see@tbl-modes and a_@fig-x").isEmpty)
        #expect(Self.citations("写信给 张三@example.org").first?.items.first?.key == "example.org")
    }

    @Test func whatIsNotACitation() {
        #expect(Self.citations("write to name@example.org").isEmpty)
        #expect(Self.citations("user1@host").isEmpty)
        #expect(Self.citations("[just brackets] and @ alone").isEmpty)
        // Cross-references stay cross-references.
        #expect(Self.citations("see @fig-loan-split and [@tbl-companies]").isEmpty)
    }

    @Test func locators() {
        let cases: [(String, Locator?, String)] = [
            (", p. 3274", Locator(label: .page, value: "3274"), ""),
            (", pp. 33-35, emphasis added", Locator(label: .page, value: "33-35"), ", emphasis added"),
            (", 33", Locator(label: .page, value: "33"), ""),
            (", §4.1", Locator(label: .section, value: "4.1"), ""),
            (", chap. 2", Locator(label: .chapter, value: "2"), ""),
            (", fig. 3", Locator(label: .figure, value: "3"), ""),
            (", table 5", Locator(label: .table, value: "5"), ""),
            (", tbls. 3, 4", Locator(label: .table, value: "3, 4"), ""),
            (", pp. iv, 3", Locator(label: .page, value: "iv, 3"), ""),
            (" and elsewhere", nil, " and elsewhere"),
        ]
        for (suffix, locator, rest) in cases {
            let parsed = Locator.parse(suffix: suffix)
            #expect(parsed.0 == locator, "\(suffix)")
            #expect(parsed.1 == rest, "\(suffix)")
        }
        #expect(Locator(label: .table, value: "3, 4").isPlural)
    }
}
