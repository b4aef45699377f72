/// The offline search index: every term of every page, split into shards written as classic
/// scripts, so that the theme's `assets/search.js` loads from `file://` (with `<script>` elements,
/// no fetch) only the shards a query needs.
///
/// Files, all deterministic:
/// - `search-index.js`, the manifest: `window.REPORT_SEARCH_INDEX = {"version":3,"pages":N,
///   "pagesPerShard":16,"termShards":K,"folder":"search-index/"};`
/// - `search-index/tHEX.js`, term shard number HEX of K: `{term: postings}` for the terms that
///   `SearchShards.termShard` sends there. Postings list, per page holding the term, the page
///   number (as a gap from the previous one), its weight (`SearchRanking`) and the section of the
///   first occurrence (`SearchDocument.Term.section`), as `SearchShards.encode` numbers; the JSON
///   compressed with `Deflate`, in base64.
/// - `search-index/pN.js`, page shard N: the records (`SearchDocument.record(reportAnchor:)`) of pages
///   `N * pagesPerShard ..< (N + 1) * pagesPerShard`, for result titles and snippets, as a JSON
///   array compressed with `Deflate` in base64 (the index then stays smaller than the site's text).
///
/// Each shard sets one key of `self.REPORT_SEARCH_SHARDS`. Which files exist depends only on the
/// number of pages (`paths(pageCount:)`), so the output's file list is known before pages render.
public struct SearchIndex: Sendable {
    /// The asset whose presence in a theme asks for an index.
    public static let themeAsset = "search.js"
    /// The manifest's file name, at the site root.
    public static let fileName = "search-index.js"
    /// The folder holding the shards, at the site root.
    public static let folder = "search-index"

    /// What the index needs of a page: its title, its output path, its headings with ids, and its
    /// finished body (tokens already replaced).
    public struct Page: Sendable {
        public var title: String
        public var outputPath: String
        public var headings: [(id: String, text: String)]
        public var body: String
        /// A hash of `body` made by the caller (an incremental build has one): with it the page's
        /// document is reused when nothing it is made from changed.
        public var bodyHash: Int?

        public init(title: String, outputPath: String, headings: [(id: String, text: String)], body: String, bodyHash: Int? = nil) {
            self.title = title
            self.outputPath = outputPath
            self.headings = headings
            self.body = body
            self.bodyHash = bodyHash
        }

        /// What the page's document is made from, as a hash (`nil` without `bodyHash`).
        var inputKey: Int? {
            guard let bodyHash else { return nil }
            var hasher = Hasher()
            hasher.combine(title)
            hasher.combine(outputPath)
            for heading in headings {
                hasher.combine(heading.id)
                hasher.combine(heading.text)
            }
            hasher.combine(bodyHash)
            return hasher.finalize()
        }
    }

    /// Every page's terms and record, in reading order.
    public var documents: [SearchDocument]
    /// Each page's section id in the whole report ("" without one), by page: part of its record.
    public var reportAnchors: [String]

    /// The index of `documents`, with `reportAnchors` by output path (none: every page "").
    public init(documents: [SearchDocument], reportAnchors: [String: String] = [:]) {
        self.documents = documents
        self.reportAnchors = documents.map { reportAnchors[$0.outputPath] ?? "" }
    }

    /// Builds the index from pages in reading order; `reportAnchors` gives each page's section id
    /// in the whole report, by output path. A document of `previous` (an earlier build's, in its
    /// order) for the same output path and made from the same inputs (`Page.bodyHash` given) is
    /// reused: an edit tokenises only the edited page. While the pages keep their order (an edit
    /// that adds or moves none), documents are matched by position, without a table of 100,000 paths.
    public init(pages: [Page], reportAnchors: [String: String], reusing previous: [SearchDocument] = []) {
        let aligned = previous.count == pages.count && zip(previous, pages).allSatisfy { $0.outputPath == $1.outputPath }
        let byPath = aligned ? [:] : Dictionary(previous.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        let documents = Array(pages.indices).parallelMap { index in
            let page = pages[index]
            let key = page.inputKey
            if let key, let kept = aligned ? previous[index] : byPath[page.outputPath], kept.inputKey == key { return kept }
            var document = SearchDocument(page: page)
            document.inputKey = key
            return document
        }
        self.init(documents: documents, reportAnchors: reportAnchors)
    }

    /// Every file of the index for a site of `pageCount` pages, output-relative, in writing order.
    public static func paths(pageCount: Int) -> [String] {
        let shards = SearchShards(pageCount: pageCount)
        return [fileName] + (0..<shards.termShards).map { shards.termShardPath($0) }
            + (0..<shards.pageShards).map { shards.pageShardPath($0) }
    }

    /// The manifest and every shard, with their text, in the order of `paths(pageCount:)`.
    public var files: [(path: String, text: String)] {
        written(reusing: nil).files
    }

    /// The index's files as made, with what an incremental build needs to make the next ones
    /// re-encoding only the shards an edit touches.
    public struct Written: Sendable {
        public var documents: [SearchDocument]
        var reportAnchors: [String]
        var referenceLength: Int
        var termTexts: [String]
        var pageTexts: [String]
        /// The manifest and every shard, in the order of `paths(pageCount:)`.
        public var files: [(path: String, text: String)]
        /// The files whose text was taken unchanged from the `Written` these were made reusing
        /// (empty when made afresh): a preview need not compare or write them again.
        public var reusedPaths: Set<String> = []

        /// Every file as one script, for the stand-alone report (which may load nothing else).
        public var inlineScript: String { files.map(\.text).joined() }
    }

    /// The files, reusing the shards of `previous` that no changed document (one whose `inputKey`
    /// differs or is unknown) has a record or a changed posting in; the same bytes as made afresh.
    public func written(reusing previous: Written?) -> Written {
        let shards = SearchShards(pageCount: documents.count)
        let reference = SearchRanking.referenceLength(pageLengths: documents.map(\.length))
        var termTexts: [String]
        var pageTexts: [String]
        var reused: Set<String> = []
        if let previous, previous.documents.count == documents.count, previous.reportAnchors.count == reportAnchors.count,
           previous.referenceLength == reference,
           previous.termTexts.count == shards.termShards, previous.pageTexts.count == shards.pageShards {
            let changed = documents.indices.filter { documents[$0].inputKey == nil || documents[$0].inputKey != previous.documents[$0].inputKey }
            var touched = Set<Int>()
            for page in changed {
                for hash in documents[page].postingChanges(from: previous.documents[page], referenceLength: reference) {
                    touched.insert(Int(hash % UInt32(shards.termShards)))
                }
            }
            termTexts = previous.termTexts
            for (shard, text) in shards.termShardTexts(documents, referenceLength: reference, only: touched) { termTexts[shard] = text }
            pageTexts = previous.pageTexts
            // A page's record holds its report anchor too.
            let moved = documents.indices.filter { reportAnchors[$0] != previous.reportAnchors[$0] }
            let remadePages = Set((changed + moved).map { $0 / SearchShards.pagesPerShard })
            for shard in remadePages { pageTexts[shard] = shards.pageShardText(shard, documents, reportAnchors: reportAnchors) }
            // The manifest depends only on the page count, unchanged here.
            reused = Set([Self.fileName] + (0..<shards.termShards).filter { !touched.contains($0) }.map(shards.termShardPath)
                         + (0..<shards.pageShards).filter { !remadePages.contains($0) }.map(shards.pageShardPath))
        } else {
            let all = shards.termShardTexts(documents, referenceLength: reference, only: nil)
            termTexts = (0..<shards.termShards).map { all[$0] ?? "" }
            pageTexts = Array(0..<shards.pageShards).parallelMap { shards.pageShardText($0, documents, reportAnchors: reportAnchors) }
        }
        let manifest = "window.REPORT_SEARCH_INDEX = {\"version\":3,\"pages\":\(documents.count),\"pagesPerShard\":\(SearchShards.pagesPerShard),"
            + "\"termShards\":\(shards.termShards),\"folder\":\"\(Self.folder)/\"};\n"
        let files = [(Self.fileName, manifest)] + termTexts.enumerated().map { (shards.termShardPath($0.offset), $0.element) }
            + pageTexts.enumerated().map { (shards.pageShardPath($0.offset), $0.element) }
        return Written(documents: documents, reportAnchors: reportAnchors, referenceLength: reference, termTexts: termTexts, pageTexts: pageTexts, files: files,
                       reusedPaths: reused)
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

    /// The plain text (see `plainText(fromHTML:)`) and where each heading with an id starts in it
    /// (UTF-16 offsets). See `HTMLTextExtractor`.
    public static func extractText(fromHTML html: String) -> (text: String, headingOffsets: [String: Int]) {
        var html = html
        var extractor = HTMLTextExtractor(htmlBytes: html.utf8.count)
        html.withUTF8 { extractor.extract($0) }
        return (String(decoding: extractor.text, as: UTF8.self), extractor.headingOffsets)
    }
}
