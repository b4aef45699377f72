import Testing
@testable import ReportKit

struct SuggestionTests {
    @Test func suggestsCloseMatch() {
        #expect(Suggestion.closest(to: "shre", in: ["share", "year"]) == "share")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["share", "year"]) == nil)
        // The first of equally close candidates, whatever the case; non-ASCII compared by character.
        #expect(Suggestion.closest(to: "Yaer", in: ["bear", "year", "yeah"]) == "year")
        #expect(Suggestion.closest(to: "régoin", in: ["region", "région"]) == "région")
    }

    /// The banded distance with a cut-off agrees with the full one wherever it answers.
    @Test func boundedDistanceAgreesWithTheFullOne() {
        let words = ["", "a", "ab", "abc", "kitten", "sitting", "saturday", "sunday", "flaw", "lawn", "intention", "execution"]
        for a in words {
            for b in words {
                let full = Suggestion.editDistance(Array(a), Array(b))
                for limit in 0...10 {
                    let bounded = Suggestion.editDistance(Array(a.utf8), Array(b.utf8), atMost: limit)
                    #expect(bounded == (full <= limit ? full : nil), "\(a) / \(b) at most \(limit)")
                }
            }
        }
    }

    /// Thousands of misspellings against thousands of candidates: the first ones get their
    /// "did you mean", the rest the list of choices once the budget is spent.
    @Test func hintsStopComparingWhenTheBudgetIsSpent() {
        let candidates = (0..<5_000).map { "sec/page-\($0).md" }
        var hints = Suggestion.Hints(candidates: candidates, noun: "a page such as", budget: 12_000)
        #expect(hints.hint(for: "sec/page-12.mdx") == "did you mean 'sec/page-12.md'?")
        #expect(hints.hint(for: "sec/pgae-13.md") == "did you mean 'sec/page-13.md'?")
        #expect(hints.hint(for: "sec/page-14.mdx")?.hasPrefix("expected a page such as 'sec/page-0.md', 'sec/page-1.md'") == true)
        #expect(hints.budget == 2_000)
    }
}

/// 2,000 misspelt navigation entries on a 5,000-page site took 28 s comparing each with every page.
struct NavigationHintTests {
    @Test func manyBadEntriesOnALargeSiteAreReportedInBoundedTime() throws {
        let pages = (0..<5_000).map { index in
            let path = "sec/page-\(index).md"
            return Page(sourcePath: path, displayPath: "content/" + path, outputPath: "sec/page-\(index)/index.html",
                        frontMatter: FrontMatter(title: "Page \(index)"), body: "", bodyFirstLine: 1, isSectionIndex: false,
                        isGenerated: false, section: "sec")
        }
        var config = SiteConfig()
        config.navigation = (0..<2_000).map { "sec/page-\($0).mdx" }
        var warnings: [Diagnostic] = []
        let start = ContinuousClock.now
        var problems: [Diagnostic] = []
        do {
            _ = try SiteStructure.arrange(pages, config: config, displayRoot: "content", warnings: &warnings)
        } catch {
            problems = error.diagnostics
        }
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(problems.count == 2_000)
        // The first ones still get their "did you mean"; the rest list pages.
        #expect(problems.first?.hint == "did you mean 'sec/page-0.md'?")
        #expect(problems.last?.hint?.hasPrefix("expected a page such as 'index.md', 'sec/index.md', 'sec/page-0.md'") == true)
    }
}
