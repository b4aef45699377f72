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

    @Test func jsonStringsAreSafeInsideScriptElements() {
        #expect(SearchIndex.jsonString("a\"b\\c\n</script>&\u{2028}\u{01}") == #""a\"b\\c\n\u003c/script\u003e\u0026\u2028\u0001""#)
        #expect(SearchIndex.jsonString("中文") == "\"中文\"")
    }

    @Test func javaScriptIsOneEntryPerLineInReadingOrder() {
        let index = SearchIndex(entries: [
            .init(title: "Home", url: "index.html", reportAnchor: "index", headings: [], text: "Hello"),
            .init(title: "Modes", url: "modes/index.html", reportAnchor: "modes", headings: [(id: "credit", text: "Credit", offset: 3)], text: "Banks"),
        ])
        #expect(index.javaScript == """
        window.REPORT_SEARCH_INDEX = [
        {"t":"Home","u":"index.html","r":"index","h":[],"x":"Hello"},
        {"t":"Modes","u":"modes/index.html","r":"modes","h":[["credit","Credit",3]],"x":"Banks"}
        ];

        """)
    }

    @Test func textIsCappedPerPage() throws {
        let site = try WholeReportTests.fixtureSite()
        let long = "<p>" + String(repeating: "word ", count: 2000) + "</p>"
        let page = SearchIndex.Page(title: site.pages[0].title, outputPath: site.pages[0].page.outputPath, headings: [], body: long)
        let index = SearchIndex(pages: [page], reportAnchors: ["index.html": "index"])
        #expect(index.entries[0].text.count == SearchIndex.textLimit)
        #expect(index.entries[0].reportAnchor == "index")
        #expect(index.entries[0].url == "index.html")
    }
}
