/// One page as the search index holds it: its record (title, URL, headings, the whole plain text,
/// for result titles and snippets) and every term of it with how often and where it occurs.
///
/// Made once per page (`init(page:)`, in parallel); an incremental build keeps the documents of
/// pages whose body did not change, so an edit tokenises one page.
///
/// Terms are kept compact, as one byte pool and one small record per term (no `String` per term):
/// on a 100,000-page site the documents of every page are in memory at once.
public struct SearchDocument: Sendable, Equatable {
    /// One distinct term of the page.
    public struct Term: Sendable, Equatable {
        public var term: String
        /// Occurrences in the title, the headings and the text.
        public var frequency: Int
        public var inTitle: Bool
        public var inHeading: Bool
        /// Where the term first occurs: 0 before the first heading, k in the section of the k-th
        /// heading (1-based, `headings` order).
        public var section: Int
        /// The hash that places the term in a term shard (`SearchShards.keyHash`).
        public var keyHash: UInt32
    }

    /// What the posting of one term needs, packed: occurrences, title and heading flags, section.
    struct TermStats: Sendable, Equatable {
        var frequency: UInt32
        var section: UInt32
        var flags: UInt8

        static let inTitle: UInt8 = 1
        static let inHeading: UInt8 = 2
        /// Met in the text (not only the title): `section` is known. Only read while the page is read.
        static let metInText: UInt8 = 4
        var inTitle: Bool { flags & Self.inTitle != 0 }
        var inHeading: Bool { flags & Self.inHeading != 0 }
    }

    /// The page's record (`record(reportAnchor:)`) as UTF-8 JSON, but for the report anchor:
    /// before it `title,url`, after it `[[id, text, offset], …], text]`.
    var recordHead: [UInt8]
    var recordTail: [UInt8]
    /// Terms in the page (title and text): the length BM25 normalises by.
    public var length: Int
    /// The distinct terms' folded UTF-8 bytes, one after another, in the order first met (title,
    /// then text); term `k` ends at `termEnds[k]`.
    var termBytes: [UInt8]
    var termEnds: [UInt32]
    /// Per term: its shard hash (`SearchShards.keyHash`) and its counts.
    var keyHashes: [UInt32]
    var stats: [TermStats]
    /// The page's output path.
    public var outputPath: String
    /// What the document was made from, as a hash (`SearchIndex.Page.inputKey`), when known.
    public var inputKey: Int?

    public init(page: SearchIndex.Page) {
        outputPath = page.outputPath
        let extracted = SearchIndex.extractText(fromHTML: page.body)
        let textLength = extracted.text.utf16.count
        let headings = page.headings.map { (id: $0.id, text: $0.text, offset: extracted.headingOffsets[$0.id] ?? textLength) }

        var table = SearchTermTable(textBytes: extracted.text.utf8.count)
        var length = 0
        var title = page.title
        title.withUTF8 { bytes in
            SearchTokenizer.forEachTerm(inUTF8: bytes) { term, _ in
                table.count(term, flags: TermStats.inTitle, section: nil)
                length += 1
            }
        }
        // Headings in text order, to find the section of an offset.
        let starts = headings.enumerated().map { (offset: $0.element.offset, end: $0.element.offset + $0.element.text.utf16.count, section: $0.offset + 1) }
            .sorted { $0.offset < $1.offset }
        var next = 0  // first heading starting after the current token
        var text = extracted.text
        text.withUTF8 { bytes in
            SearchTokenizer.forEachTerm(inUTF8: bytes) { term, offset in
                while next < starts.count && starts[next].offset <= offset { next += 1 }
                // A term first met in the text gets its section (one of the title only stays at 0, the top).
                let inHeading = next > 0 && offset < starts[next - 1].end
                table.count(term, flags: inHeading ? TermStats.inHeading : 0, section: next == 0 ? 0 : UInt32(starts[next - 1].section))
                length += 1
            }
        }
        self.length = length
        (termBytes, termEnds, keyHashes, stats) = table.finished()
        var head: [UInt8] = []
        appendJSONStringLiteral(page.title, to: &head)
        head.append(UInt8(ascii: ","))
        appendJSONStringLiteral(SiteHref.to(page.outputPath), to: &head)
        recordHead = head
        var tail: [UInt8] = []
        tail.reserveCapacity(text.utf8.count + 64 * headings.count + 8)
        tail.append(UInt8(ascii: "["))
        for (position, heading) in headings.enumerated() {
            if position > 0 { tail.append(UInt8(ascii: ",")) }
            tail.append(UInt8(ascii: "["))
            appendJSONStringLiteral(heading.id, to: &tail)
            tail.append(UInt8(ascii: ","))
            appendJSONStringLiteral(heading.text, to: &tail)
            tail.append(UInt8(ascii: ","))
            tail += String(heading.offset).utf8
            tail.append(UInt8(ascii: "]"))
        }
        tail += "],".utf8
        text.withUTF8 { appendJSONStringLiteral(utf8: $0, to: &tail) }
        tail.append(UInt8(ascii: "]"))
        recordTail = tail
    }

    /// The page's entry in a page shard, as JSON: `[title, url, reportAnchor, [[id, text, offset], …], text]`,
    /// offsets being where each heading starts in the text, in UTF-16 units.
    public func record(reportAnchor: String) -> String {
        var json: [UInt8] = []
        appendRecord(reportAnchor: reportAnchor, to: &json)
        return String(decoding: json, as: UTF8.self)
    }

    /// Appends `record(reportAnchor:)` to `json`.
    func appendRecord(reportAnchor: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "["))
        json += recordHead
        json.append(UInt8(ascii: ","))
        appendJSONStringLiteral(reportAnchor, to: &json)
        json.append(UInt8(ascii: ","))
        json += recordTail
    }

    /// The number of distinct terms.
    var termCount: Int { termEnds.count }

    /// Where term `number`'s folded UTF-8 bytes are in `termBytes`.
    func termRange(_ number: Int) -> Range<Int> {
        (number == 0 ? 0 : Int(termEnds[number - 1]))..<Int(termEnds[number])
    }

    /// The folded UTF-8 bytes of term `number`.
    func termUTF8(_ number: Int) -> ArraySlice<UInt8> { termBytes[termRange(number)] }

    /// Every distinct term with its counts, in the order first met (for tests and checks).
    public var terms: [Term] {
        (0..<termCount).map { number in
            Term(term: String(decoding: termUTF8(number), as: UTF8.self), frequency: Int(stats[number].frequency),
                 inTitle: stats[number].inTitle, inHeading: stats[number].inHeading, section: Int(stats[number].section),
                 keyHash: keyHashes[number])
        }
    }
}

extension SearchDocument {
    /// The shard hashes of the terms whose posting for this page differs from the page's `old`
    /// document: terms added or gone, or with another weight or section. An edit re-encodes only
    /// their term shards (a word added changes the page's length, but seldom the rounded weight
    /// of its other terms).
    func postingChanges(from old: SearchDocument, referenceLength: Int) -> [UInt32] {
        func postings(_ document: SearchDocument) -> [ArraySlice<UInt8>: (weight: Int, section: UInt32, keyHash: UInt32)] {
            var byTerm: [ArraySlice<UInt8>: (weight: Int, section: UInt32, keyHash: UInt32)] = [:]
            for number in 0..<document.termCount {
                let stats = document.stats[number]
                let weight = SearchRanking.weight(frequency: Int(stats.frequency), inTitle: stats.inTitle, inHeading: stats.inHeading,
                                                  pageLength: document.length, referenceLength: referenceLength)
                byTerm[document.termUTF8(number)] = (weight, stats.section, document.keyHashes[number])
            }
            return byTerm
        }
        let before = postings(old), after = postings(self)
        var changes: [UInt32] = []
        for (term, posting) in after {
            if let earlier = before[term], earlier.weight == posting.weight, earlier.section == posting.section { continue }
            changes.append(posting.keyHash)
        }
        for (term, posting) in before where after[term] == nil { changes.append(posting.keyHash) }
        return changes
    }
}
