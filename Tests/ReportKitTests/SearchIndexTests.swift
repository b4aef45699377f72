import Testing
@testable import ReportKit

struct SearchIndexTests {
    @Test func plainTextDropsTagsChartsAndEntities() {
        let html = """
        <h2 id="a">Modes &amp; more</h2><p>Banks <em>lend</em> online<sup>1</sup>.</p>\
        <figure><svg class="chart"><text>axis label</text></svg><p>Source: x</p></figure>\
        <p>互联网&#x6D88;费&#39;s <a href="#fnref-1">↩</a></p><script>var x = "<p>";</script>
        """
        #expect(SearchIndex.plainText(fromHTML: html) == "Modes & more Banks lend online1. Source: x 互联网消费's")
    }

    @Test func headingOffsetsPointIntoThePlainText() {
        let (text, offsets) = SearchIndex.extractText(fromHTML: #"<p>中文 intro</p><h2 id="Sec-1">Sec</h2><p>Body</p>"#)
        #expect(text == "中文 intro Sec Body")
        #expect(offsets == ["Sec-1": 9])
        let start = text.utf16.index(text.utf16.startIndex, offsetBy: 9)
        #expect(text[start...].hasPrefix("Sec"))
    }


    /// The extractor writes into memory sized by the HTML: text made only of entities for the
    /// widest characters, of tags and of white space still fits, and reads as it should.
    @Test func textIsNeverLongerThanItsHTML() {
        let cases = [
            ("&#x1D504;&#x1D504;", "\u{1D504}\u{1D504}"),
            ("&#65536;<p>&#65536;</p>&#65536;", "\u{10000} \u{10000} \u{10000}"),
            ("&gt;<br>&lt;<br>&amp;", "> < &"),
            ("a<p>b<p>c<p>d", "a b c d"),
            ("a\n \n&nbsp;\tb", "a b"),
            ("<p></p><p> </p>x", "x"),
            ("&#x10FFFF;", "\u{10FFFF}"),
            ("", ""),
        ]
        for (html, text) in cases {
            #expect(SearchIndex.plainText(fromHTML: html) == text, "\(html)")
            #expect(SearchIndex.plainText(fromHTML: html).utf8.count <= html.utf8.count, "\(html)")
        }
    }

    /// Inline elements join the words around them; every other element separates them (the
    /// extractor looks inline names up in a hashed table).
    @Test func onlyInlineElementsJoinWords() {
        for name in ["a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub",
                     "sup", "time", "u"] {
            #expect(SearchIndex.plainText(fromHTML: "x<\(name)>y</\(name)>z") == "xyz", "\(name)")
            #expect(SearchIndex.plainText(fromHTML: "x<\(name.uppercased()) class=\"c\">y</\(name.uppercased())>z") == "xyz", "\(name)")
        }
        for name in ["p", "div", "li", "td", "th", "tr", "h2", "br", "figure", "figcaption", "section", "blockquote", "abbrx", "spans",
                     "sm", "strongest-tag", "", "!--", "x"] {
            #expect(SearchIndex.plainText(fromHTML: "x<\(name)>y</\(name)>z") == "x y z", "\(name)")
        }
    }
    @Test func jsonStringsAreSafeInsideScriptElements() {
        #expect(SearchIndex.jsonString("a\"b\\c\n</script>&\u{2028}\u{01}") == #""a\"b\\c\n\u003c/script\u003e\u0026\u2028\u0001""#)
        #expect(SearchIndex.jsonString("中文") == "\"中文\"")
    }

    @Test func chartDescriptionsAreText() {
        let html = #"<figure><svg role="img"><title id="t">Loans</title><desc id="d">Bars of 芝麻 balances</desc><text>axis</text></svg><figcaption>Cap</figcaption></figure>"#
        #expect(SearchIndex.plainText(fromHTML: html) == "Loans Bars of 芝麻 balances Cap")
    }

    @Test func everyWordOfALongPageIsIndexed() throws {
        let long = "<p>" + String(repeating: "word ", count: 20_000) + "</p><h2 id=\"end\">End</h2><p>Fenqile 芝麻信用</p>"
        let page = SearchIndex.Page(title: "Long", outputPath: "long/index.html", headings: [(id: "end", text: "End")], body: long)
        let document = SearchDocument(page: page)
        let terms = Dictionary(uniqueKeysWithValues: document.terms.map { ($0.term, $0) })
        #expect(terms["fenqile"]?.section == 1)
        #expect(terms["信用"]?.section == 1)
        #expect(terms["word"]?.frequency == 20_000)
        #expect(terms["word"]?.section == 0)
        #expect(terms["end"]?.inHeading == true)
        #expect(terms["long"]?.inTitle == true)
        #expect(document.record(reportAnchor: "long").hasPrefix(#"["Long","long/index.html","long",[["end","End",100000]],"word word"#))
    }

    @Test func filesAreAManifestTermShardsAndPageShards() throws {
        let pages = (0..<40).map { SearchIndex.Page(title: "Page \($0)", outputPath: "p\($0)/index.html", headings: [], body: "<p>credit \($0)</p>") }
        let index = SearchIndex(pages: pages, reportAnchors: [:])
        let files = index.files
        #expect(files.map(\.path) == SearchIndex.paths(pageCount: 40))
        #expect(files.map(\.path) == ["search-index.js", "search-index/t0.js", "search-index/t1.js", "search-index/p0.js", "search-index/p1.js", "search-index/p2.js"])
        #expect(files[0].text == """
        window.REPORT_SEARCH_INDEX = {"version":3,"pages":40,"pagesPerShard":16,"termShards":2,"folder":"search-index/"};

        """)
        // "credit" is in every page: its postings are 40 pages, each one after the previous.
        let shard = SearchShards(pageCount: 40)
        let holder = try #require(files.first { $0.path == shard.termShardPath(shard.termShard(of: "credit")) })
        #expect(holder.text.hasPrefix(#"(self.REPORT_SEARCH_SHARDS=self.REPORT_SEARCH_SHARDS||{})["t"#))
        let json = try #require(SearchShards.shardJSON(holder.text))
        let postings = try #require(json.split(separator: "\n").first { $0.contains("\"credit\":") })
        let numbers = SearchShards.decode(String(postings.split(separator: ":")[1]))
        #expect(numbers.count == 120)
        #expect(stride(from: 0, to: 120, by: 3).map { numbers[$0] } == [0] + Array(repeating: 1, count: 39))
        #expect(files[3].text.hasPrefix(#"(self.REPORT_SEARCH_SHARDS=self.REPORT_SEARCH_SHARDS||{})["p0"]=""#))
        let records = try #require(SearchShards.shardJSON(files[3].text))
        #expect(records.hasPrefix("[\n" + #"["Page 0","p0/index.html","",[],"credit 0"],"#))
    }

    @Test func shardCountGrowsWithThePageCount() {
        #expect(SearchShards(pageCount: 10).termShards == 1)
        #expect(SearchShards(pageCount: 1000).termShards == 32)
        #expect(SearchShards(pageCount: 10_000).termShards == 512)
        #expect(SearchShards(pageCount: 1_000_000).termShards == 512)
        #expect(SearchShards(pageCount: 10_000).pageShards == 625)
    }

    @Test func numbersRoundTrip() {
        var bytes: [UInt8] = []
        for number in [0, 1, 31, 32, 33, 1023, 1024, 99_999] { SearchShards.appendNumber(number, to: &bytes) }
        #expect(SearchShards.decode(String(decoding: bytes, as: UTF8.self)) == [0, 1, 31, 32, 33, 1023, 1024, 99_999])
    }

    @Test func deflateRoundTripsAndCompresses() {
        let samples: [[UInt8]] = [[], Array("a".utf8), Array(String(repeating: "credit consumer 芝麻信用 ", count: 400).utf8),
                                  (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }]
        for sample in samples {
            #expect(Deflate.inflate(Deflate.compress(sample)) == sample)
        }
        #expect(Deflate.compress(samples[2]).count < samples[2].count / 10)
    }

    @Test func documentTermsCarryTheirShardHash() {
        let page = SearchIndex.Page(title: "Zürich", outputPath: "z/index.html", headings: [],
                                    body: "<p>Crédit 芝麻信用 𠀀𠀁 ελλάδα 1𠀀 x</p>")
        let document = SearchDocument(page: page)
        #expect(document.terms.count > 8)
        for term in document.terms { #expect(term.keyHash == SearchShards.keyHash(term.term), "\(term.term)") }
    }

    /// The whole index on disk (manifest and every shard) is smaller than the text it indexes,
    /// Chinese included (each character and bigram is a term).
    @Test func indexIsSmallerThanTheSitesText() {
        var state: UInt32 = 21
        func word(_ words: [String]) -> String {
            state = state &* 1_103_515_245 &+ 12345
            return words[Int(state >> 16) % words.count]
        }
        let english = "credit consumer finance platform loan risk data model market internet payment installment bank scenario".split(separator: " ").map(String.init)
        let chinese = Array("互联网消费金融征信记录芝麻信用平台借款人分期利率监管风险数据模型市场支付银行场景增长余额违约份额年轻用户").map(String.init)
        let pages = (0..<40).map { number in
            let text = (0..<30).map { _ in (0..<12).map { _ in word(english) }.joined(separator: " ") + "。" + (0..<20).map { _ in word(chinese) }.joined() }
            return SearchIndex.Page(title: "Page \(number)", outputPath: "p\(number)/index.html", headings: [],
                                    body: text.map { "<p>\($0)</p>" }.joined())
        }
        let files = SearchIndex(pages: pages, reportAnchors: [:]).files
        let textBytes = pages.reduce(0) { $0 + SearchIndex.plainText(fromHTML: $1.body).utf8.count }
        let indexBytes = files.reduce(0) { $0 + $1.text.utf8.count }
        #expect(indexBytes < textBytes, "index \(indexBytes) bytes, text \(textBytes) bytes")
    }

    /// A word added to one page re-encodes the term shards of the postings that changed (the new
    /// word's; the page's other weights seldom move), and the files are those made afresh.
    @Test func anEditReencodesOnlyTheShardsOfChangedPostings() throws {
        let words = "credit consumer finance platform loan risk data model market internet payment installment bank scenario".split(separator: " ")
        func pages(extra: String) -> [SearchIndex.Page] {
            (0..<200).map { number in
                let text = (0..<60).map { words[($0 * 7 + number) % words.count] }.joined(separator: " ") + " n\(number)"
                return SearchIndex.Page(title: "Page \(number)", outputPath: "p\(number)/index.html", headings: [],
                                        body: "<p>\(text)\(number == 5 ? extra : "")</p>", bodyHash: number == 5 ? extra.count : 0)
            }
        }
        let first = SearchIndex(pages: pages(extra: ""), reportAnchors: [:]).written(reusing: nil)
        let edited = SearchIndex(pages: pages(extra: " zebra"), reportAnchors: [:], reusing: first.documents)
        let next = edited.written(reusing: first)
        #expect(next.files.map(\.text) == edited.files.map(\.text))
        #expect(next.files.map(\.text) != first.files.map(\.text))
        let changes = edited.documents[5].postingChanges(from: first.documents[5], referenceLength: first.referenceLength)
        #expect(changes == [SearchShards.keyHash("zebra")])
        // Only zebra's term shard and page 5's page shard are made again; a preview skips the rest.
        let changedPaths = Set(zip(first.files, next.files).filter { $0.0.text != $0.1.text }.map(\.0.path))
        #expect(changedPaths.isDisjoint(with: next.reusedPaths))
        #expect(next.reusedPaths.count == next.files.count - 2)
        #expect(first.reusedPaths.isEmpty)
    }

    /// A page whose section id in the whole report changes (a heading renamed on another page
    /// can do it) gets its page shard made again even though its own text did not change: the
    /// anchor is part of its record, not of its document.
    @Test func aChangedReportAnchorRemakesThePageShard() throws {
        let pages = (0..<40).map { (number: Int) in
            SearchIndex.Page(title: "Page \(number)", outputPath: "p\(number)/index.html", headings: [],
                             body: "<p>credit page \(number)</p>", bodyHash: number)
        }
        let anchors = Dictionary(uniqueKeysWithValues: pages.map { ($0.outputPath, "sec-" + $0.outputPath.prefix(3)) })
        let first = SearchIndex(pages: pages, reportAnchors: anchors).written(reusing: nil)
        var moved = anchors
        moved["p20/index.html"] = "sec-renamed"
        let again = SearchIndex(pages: pages, reportAnchors: moved, reusing: first.documents)
        let next = again.written(reusing: first)
        #expect(next.files.map(\.text) == SearchIndex(pages: pages, reportAnchors: moved).files.map(\.text))
        let shard = SearchShards(pageCount: 40).pageShardPath(20 / SearchShards.pagesPerShard)
        #expect(!next.reusedPaths.contains(shard))
        let text = try #require(next.files.first { $0.path == shard }.flatMap { SearchShards.shardJSON($0.text) })
        #expect(text.contains("\"sec-renamed\""))
    }

    /// The byte-level JSON escaping the index writes page text with gives what `jsonStringLiteral`
    /// promises: quotes, backslashes, controls, `<>&` and U+2028/U+2029 escaped, other text
    /// (also other characters whose UTF-8 starts with 0xE2, like the dash) kept.
    @Test func jsonEscapingOnBytes() {
        let cases: [(String, String)] = [
            ("plain text", #""plain text""#),
            ("a \"quote\" and \\ back", #""a \"quote\" and \\ back""#),
            ("<b>&</b>", #""\u003cb\u003e\u0026\u003c/b\u003e""#),
            ("line\nend\ttab\r\u{1}", #""line\nend\ttab\r\u0001""#),
            ("sep\u{2028}par\u{2029}dash — ‘q’ 征信", "\"sep\\u2028par\\u2029dash — ‘q’ 征信\""),
            ("", #""""#),
        ]
        for (input, expected) in cases {
            #expect(input.jsonStringLiteral == expected, "\(input)")
            var bytes: [UInt8] = []
            var text = input
            text.withUTF8 { appendJSONStringLiteral(utf8: $0, to: &bytes) }
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }

    /// Documents are reused by position while the pages keep their order, and by output path
    /// when a page was added or moved. (A body changed under an unchanged hash shows which
    /// document was used: the reused one still has the old words.)
    @Test func documentsAreReusedByPositionOrByPath() {
        func page(_ name: String, _ text: String) -> SearchIndex.Page {
            SearchIndex.Page(title: name, outputPath: name + "/index.html", headings: [], body: "<p>\(text)</p>", bodyHash: 1)
        }
        let before = SearchIndex(pages: [page("a", "apple"), page("b", "banana")], reportAnchors: [:])
        let kept = SearchIndex(pages: [page("a", "apricot"), page("b", "blueberry")], reportAnchors: [:], reusing: before.documents)
        #expect(kept.documents == before.documents)
        let moved = SearchIndex(pages: [page("new", "cherry"), page("b", "blueberry"), page("a", "apricot")], reportAnchors: [:],
                                reusing: before.documents)
        #expect(moved.documents[1] == before.documents[1])
        #expect(moved.documents[2] == before.documents[0])
        #expect(moved.documents[0].terms.contains { $0.term == "cherry" })
    }
}
