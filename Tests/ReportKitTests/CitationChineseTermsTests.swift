import Foundation
import Testing
@testable import ReportKit

/// A Chinese edition's citations take CSL `zh-CN`'s words, as `pandoc --citeproc -M lang=zh-CN`
/// prints them with Debian's Chicago author-date style (the expected strings are Pandoc's, for
/// the lines where our two outputs agree; see `CitationTerms` for the words that stay English).
struct CitationChineseTermsTests {
    static let fixtures = CitationPandocComparisonTests.fixtures

    static func processor(_ terms: CitationTerms) throws -> CitationProcessor {
        let bib = fixtures.appendingPathComponent("references.bib")
        let references = try BibTeXParser.parse(String(contentsOf: bib, encoding: .utf8), file: "references.bib").map(BibTeXMapping.reference)
        let keys = ["smith2021a", "smith2021b", "vanderberg2019", "mueller2020", "lee2018", "zhao", "notitleauthor", "anderson2006", "many"]
        return CitationProcessor(style: .authorDate, references: references, cited: keys, terms: terms)
    }

    static func cite(_ text: String, _ processor: CitationProcessor) -> String {
        CitationScanner.scan(text).map { processor.citation($0.citation).plain }.joined(separator: " ")
    }

    @Test func chineseCitationsUseTheChineseTerms() throws {
        let zh = try Self.processor(.chinese)
        #expect(Self.cite("[@smith2021a]", zh) == "(Smith 和 Doe 2021a)")
        #expect(Self.cite("[@vanderberg2019; @mueller2020]", zh) == "(Berg 2019; Müller, García, 和 Nguyen 2020)")
        #expect(Self.cite("@lee2018 says", zh) == "Lee 等 (2018)")
        #expect(Self.cite("[@zhao]", zh) == "(Zhao, 不详)")
        #expect(Self.cite("[@notitleauthor]", zh) == "(《Anonymous Work》 2011)")
    }

    @Test func chineseBibliographyEntriesQuoteTitlesWithBookTitleMarks() throws {
        let zh = try Self.processor(.chinese)
        let entries = zh.bibliography(Set(zh.order)).map(\.entry.plain)
        #expect(entries.contains("Anderson, Chris. 2006. 《The Long Tail》. Hyperion."), "\(entries)")
        #expect(entries.contains { $0.hasPrefix("A, Aa, Bb B, Cc C, Dd D, Ee E, Ff F, Gg G, 和 Hh H. 2015. 《Many Authors》.") }, "\(entries)")
    }

    @Test func englishStaysAsItWas() throws {
        let en = try Self.processor(.english)
        #expect(Self.cite("[@smith2021a]", en) == "(Smith and Doe 2021a)")
        #expect(Self.cite("[@zhao]", en) == "(Zhao, n.d.)")
        #expect(CitationTerms.forLanguage(InterfaceStrings(["locale": "zh-Hans"]).labelLanguage) == .chinese
                && CitationTerms.forLanguage(InterfaceStrings(["locale": "en"]).labelLanguage) == .english)
    }
}
