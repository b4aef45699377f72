/// The offline search index: one entry per page (title, URL, headings, the start of its text),
/// written as a classic script (`search-index.js`) that sets `window.REPORT_SEARCH_INDEX`, so that
/// it loads from `file://` without fetch. The theme's `assets/search.js` searches it.
///
/// Entry fields are short to keep the file small: `t` title, `u` URL relative to the site root,
/// `r` the page's section id in the whole-report page, `h` headings as `[id, text]` pairs,
/// `x` plain text (at most `textLimit` characters). A heading is `[id, text, offset]`, offset being where
/// the heading starts in the page's plain text (in UTF-16 units, as JavaScript counts), so that a match
/// in the text can link to the section holding it.
public struct SearchIndex: Sendable, Equatable {
    /// One page in the index.
    public struct Entry: Sendable, Equatable {
        public var title: String
        public var url: String
        public var reportAnchor: String
        public var headings: [(id: String, text: String, offset: Int)]
        public var text: String

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.title == rhs.title && lhs.url == rhs.url && lhs.reportAnchor == rhs.reportAnchor && lhs.text == rhs.text
                && lhs.headings.map(\.id) == rhs.headings.map(\.id) && lhs.headings.map(\.text) == rhs.headings.map(\.text)
                && lhs.headings.map(\.offset) == rhs.headings.map(\.offset)
        }
    }

    /// The asset whose presence in a theme asks for an index.
    public static let themeAsset = "search.js"
    /// Output file name, at the site root.
    public static let fileName = "search-index.js"
    /// Characters of plain text kept per page on small sites: enough for snippets.
    public static let textLimit = 2500
    /// Characters of plain text kept in the whole index: on large sites each page keeps less
    /// (but at least `minimumTextLimit`), so the index stays small enough to load in a browser.
    public static let totalTextBudget = 4_000_000
    public static let minimumTextLimit = 300

    /// Characters of plain text kept per page for a site of `pageCount` pages.
    public static func textLimit(forPageCount pageCount: Int) -> Int {
        min(textLimit, max(minimumTextLimit, totalTextBudget / max(pageCount, 1)))
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// What the index needs of a page: its title, its output path, its headings with ids, and its
    /// finished body (tokens already replaced).
    public struct Page: Sendable {
        public var title: String
        public var outputPath: String
        public var headings: [(id: String, text: String)]
        public var body: String

        public init(title: String, outputPath: String, headings: [(id: String, text: String)], body: String) {
            self.title = title
            self.outputPath = outputPath
            self.headings = headings
            self.body = body
        }
    }

    /// Builds the index from pages in reading order; `reportAnchors` gives each page's section id
    /// in the whole report, by output path.
    public init(pages: [Page], reportAnchors: [String: String]) {
        let limit = Self.textLimit(forPageCount: pages.count)
        entries = pages.parallelMap { page in
            let extracted = Self.extractText(fromHTML: page.body, limit: limit)
            return Entry(title: page.title, url: SiteHref.to(page.outputPath), reportAnchor: reportAnchors[page.outputPath] ?? "",
                         headings: page.headings.map { (id: $0.id, text: $0.text, offset: extracted.headingOffsets[$0.id] ?? extracted.text.utf16.count) },
                         text: String(extracted.text.prefix(limit)))
        }
    }

    /// The script's bytes: `window.REPORT_SEARCH_INDEX = [...];`, one entry a line, deterministic.
    public var javaScript: String {
        // Lines are made in parallel: on a large site this file holds millions of characters.
        let lines = entries.parallelMap { entry -> String in
            var line = "{\"t\":\(Self.jsonString(entry.title)),\"u\":\(Self.jsonString(entry.url)),\"r\":\(Self.jsonString(entry.reportAnchor)),\"h\":["
            line += entry.headings.map { "[\(Self.jsonString($0.id)),\(Self.jsonString($0.text)),\($0.offset)]" }.joined(separator: ",")
            line += "],\"x\":\(Self.jsonString(entry.text))}"
            return line
        }
        return "window.REPORT_SEARCH_INDEX = [\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "];\n"
    }

    /// A JSON string literal that is also safe inside an HTML `<script>` element.
    public static func jsonString(_ value: String) -> String {
        value.jsonStringLiteral
    }

    /// Text of an HTML fragment: tags removed, `svg`, `script` and `style` elements dropped, entities
    /// decoded, white space collapsed. Block boundaries become spaces so words do not run together.
    public static func plainText(fromHTML html: String) -> String {
        extractText(fromHTML: html).text
    }

    /// The plain text (see `plainText(fromHTML:)`) and where each heading with an id starts in it (UTF-16 offsets).
    /// Text past `limit` Unicode scalars is not collected (headings further down get no offset),
    /// which keeps indexing cheap on large pages. See `HTMLTextExtractor`.
    public static func extractText(fromHTML html: String, limit: Int = .max) -> (text: String, headingOffsets: [String: Int]) {
        var html = html
        var extractor = HTMLTextExtractor(limit: limit)
        html.withUTF8 { extractor.extract($0) }
        return (String(decoding: extractor.text, as: UTF8.self), extractor.headingOffsets)
    }
}
