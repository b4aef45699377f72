import Foundation
import Testing
@testable import ReportKit

/// The search tokeniser and shard rule against `Fixtures/search/tokenizer-cases.json`, the cases
/// the browser tests run through the theme's `search.js` too (`Tests/browser/test_search.py`).
struct SearchTokenizerTests {
    struct Cases: Decodable {
        struct Tokens: Decodable {
            var text: String
            var terms: [[Term]]
        }
        enum Term: Decodable, Equatable {
            case text(String)
            case offset(Int)
            init(from decoder: Decoder) throws {
                let value = try decoder.singleValueContainer()
                if let number = try? value.decode(Int.self) { self = .offset(number) } else { self = .text(try value.decode(String.self)) }
            }
        }
        struct Shard: Decodable {
            var term: String
            var count: Int
            var shard: Int
        }
        var tokens: [Tokens]
        var shards: [Shard]
    }

    static func cases() throws -> Cases {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("search/tokenizer-cases.json")
        return try JSONDecoder().decode(Cases.self, from: Data(contentsOf: url))
    }

    @Test func sharedCasesTokenizeAsTheBrowserDoes() throws {
        for example in try Self.cases().tokens {
            let expected = example.terms.map { pair -> SearchTokenizer.Token in
                guard case let .text(term) = pair[0], case let .offset(offset) = pair[1] else { return .init(term: "?", offset: -1) }
                return .init(term: term, offset: offset)
            }
            #expect(SearchTokenizer.tokens(in: example.text) == expected, "\(example.text)")
        }
    }

    @Test func sharedCasesGoToTheSameShards() throws {
        for example in try Self.cases().shards {
            let shards = SearchShards(termShards: example.count, pageShards: 0)
            #expect(shards.termShard(of: example.term) == example.shard, "\(example.term)")
        }
    }

    @Test func foldingIgnoresCaseAndDiacritics() {
        #expect(SearchTokenizer.fold("CRÉDIT") == "credit")
        #expect(SearchTokenizer.fold("Zürich") == "zurich")
        #expect(SearchTokenizer.fold("ΟΔΟΣ") == SearchTokenizer.fold("οδος"))
    }

    @Test func chineseQueriesMatchInsideLongerRuns() {
        let page = Set(SearchTokenizer.terms(in: "他们拥有征信记录，芝麻信用分"))
        for query in ["征信", "芝麻信用", "记录", "拥有征信记录"] {
            let bigrams = SearchTokenizer.terms(in: query).filter { $0.unicodeScalars.count == 2 }
            #expect(!bigrams.isEmpty && bigrams.allSatisfy(page.contains), "\(query)")
        }
        #expect(page.contains("信"))
    }

    @Test func mixedScriptsGiveBothKindsOfTerms() {
        #expect(SearchTokenizer.terms(in: "Sesame 芝麻") == ["sesame", "芝", "芝麻", "麻"])
    }
}

/// Ranking: title over heading over body, rare terms over common ones.
struct SearchRankingTests {
    static func page(_ title: String, _ body: String, headings: [(id: String, text: String)] = []) -> SearchIndex.Page {
        SearchIndex.Page(title: title, outputPath: title.lowercased() + "/index.html", headings: headings, body: body)
    }

    static func weight(of term: String, in page: SearchIndex.Page) -> Int {
        let document = SearchDocument(page: page)
        let found = document.terms.first { $0.term == term }!
        return SearchRanking.weight(frequency: found.frequency, inTitle: found.inTitle, inHeading: found.inHeading,
                                    pageLength: document.length, referenceLength: 16)
    }

    @Test func titleOutranksHeadingOutranksBody() {
        let body = "<p>" + String(repeating: "credit and more words here ", count: 3) + "</p>"
        let inTitle = Self.weight(of: "credit", in: Self.page("Credit", "<p>other words only</p>"))
        let inHeading = Self.weight(of: "credit", in: Self.page("Alpha", #"<h2 id="c">Credit</h2><p>other words</p>"#, headings: [(id: "c", text: "Credit")]))
        let inBody = Self.weight(of: "credit", in: Self.page("Beta", body))
        #expect(inTitle > inHeading)
        #expect(inHeading > inBody)
    }

    @Test func moreOccurrencesRankHigherAndRareTermsCountMore() {
        let once = Self.weight(of: "loan", in: Self.page("A", "<p>loan x y z</p>"))
        let twice = Self.weight(of: "loan", in: Self.page("B", "<p>loan loan y z</p>"))
        #expect(twice > once)
        let rare = SearchRanking.score([(weight: 10, documentFrequency: 1)], documentCount: 100)
        let common = SearchRanking.score([(weight: 10, documentFrequency: 90)], documentCount: 100)
        #expect(rare > common)
    }

    @Test func referenceLengthIsAPowerOfTwo() {
        #expect(SearchRanking.referenceLength(pageLengths: [100, 200]) == 256)
        #expect(SearchRanking.referenceLength(pageLengths: []) == 1)
    }
}
