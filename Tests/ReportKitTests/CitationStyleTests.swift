import Testing
@testable import ReportKit

/// The two built-in styles' rules, beyond what the Pandoc comparison covers.
struct CitationStyleTests {
    static func article(_ id: String, _ authors: [PersonName], year: Int?, title: String = "A Title") -> Reference {
        var reference = Reference(id: id, type: .articleJournal, title: CaseText(title))
        reference.authors = authors
        reference.issued = year.map { ReferenceDate(year: $0) }
        reference.containerTitle = "Journal"
        return reference
    }

    static let smith = PersonName(family: "Smith", given: "John")
    static let doe = PersonName(family: "Doe", given: "Jane")

    static func cite(_ processor: CitationProcessor, _ text: String) -> String {
        processor.citation(CitationScanner.scan(text)[0].citation).plain
    }

    @Test func authorDateDisambiguatesEtAlAndLocators() {
        let four = [Self.smith, Self.doe, PersonName(family: "Lee", given: "K"), PersonName(family: "Park", given: "S")]
        let references = [Self.article("b", [Self.smith, Self.doe], year: 2021, title: "Beta"), Self.article("a", [Self.smith, Self.doe], year: 2021, title: "Alpha"),
                          Self.article("c", four, year: 2019), Self.article("d", [PersonName(family: "Zhao", given: "Yan")], year: nil)]
        let processor = CitationProcessor(style: .authorDate, references: references, cited: ["b", "a", "c", "d"])
        // Letters follow the bibliography's order (by title), not the order of citation.
        #expect(processor.yearSuffixes == ["a": "a", "b": "b"])
        #expect(Self.cite(processor, "[@b, p. 5]") == "(Smith and Doe 2021b, 5)")
        #expect(Self.cite(processor, "[@a; @b]") == "(Smith and Doe 2021a, 2021b)")
        #expect(Self.cite(processor, "[@c, pp. 3270-3280]") == "(Smith et al. 2019, 3270–80)")
        #expect(Self.cite(processor, "@c") == "Smith et al. (2019)")
        #expect(Self.cite(processor, "[@d, tbl. 3]") == "(Zhao, n.d., tbl. 3)")
        #expect(Self.cite(processor, "[-@a]") == "(2021a)")
        #expect(processor.bibliography(["a", "b"]).map(\.entry.plain) == [
            "Smith, John, and Jane Doe. 2021a. “Alpha.” Journal.",
            "———. 2021b. “Beta.” Journal.",
        ])
    }

    @Test func numericNumbersInCitationOrderAndCollapsesRuns() {
        let references = (1...5).map { Self.article("r\($0)", [Self.smith], year: 2000 + $0) }
        let processor = CitationProcessor(style: .numeric, references: references, cited: ["r3", "r1", "r2", "r4", "r5"])
        #expect(processor.numbers["r3"] == 1 && processor.numbers["r5"] == 5)
        #expect(Self.cite(processor, "[@r3; @r1; @r2]") == "[1]–[3]")
        #expect(Self.cite(processor, "[@r4; @r3]") == "[1], [4]")
        #expect(Self.cite(processor, "[@r1, sec. 2]") == "[2, Sec. 2]")
        #expect(Self.cite(processor, "[@r1, tbl. 3]") == "[2, Tbl. 3]")
        #expect(processor.bibliography(["r1", "r3"]).map(\.key) == ["r3", "r1"])
    }

    @Test func linksAreEscapedAndOnlyHTTP() {
        var reference = Self.article("x", [Self.smith], year: 2020)
        reference.url = "javascript:alert(1)"
        #expect(!CitationStyle.authorDate.entry(for: reference).html.contains("href"))
        reference.url = nil
        reference.doi = "10.1/a\"b<c>"
        let html = CitationStyle.authorDate.entry(for: reference).html
        #expect(html.contains("<a href=\"https://doi.org/10.1/a&quot;b&lt;c&gt;\">"))
    }

    @Test func citeThisEntryAPI() {
        var page = Reference(id: "page", type: .webpage, title: "Operating modes")
        page.authors = [PersonName(literal: "Research team")]
        page.issued = ReferenceDate(year: 2026, month: 11, day: 28)
        page.url = "https://example.org/modes/"
        #expect(CitationStyle.authorDate.entry(for: page).plain == "Research team. 2026. “Operating Modes.” November 28, 2026. https://example.org/modes/.")
        #expect(CitationStyle.numeric.entry(for: page).plain == "Research team, “Operating modes,” Nov. 28, 2026. https://example.org/modes/.")
    }
}
