/// One page as the search index holds it: its record (title, URL, headings, the whole plain text,
/// for result titles and snippets) and every term of it with how often and where it occurs.
///
/// Made once per page (`init(page:reportAnchor:)`, in parallel); an incremental build keeps the
/// documents of pages whose body did not change, so an edit tokenises one page.
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

    /// The page's entry in a page shard, as JSON: `[title, url, reportAnchor, [[id, text, offset], …], text]`,
    /// offsets being where each heading starts in the text, in UTF-16 units.
    public var record: String
    /// Terms in the page (title and text): the length BM25 normalises by.
    public var length: Int
    /// Distinct terms, in the order first met (title, then text).
    public var terms: [Term]
    /// The page's output path.
    public var outputPath: String
    /// What the document was made from, as a hash (`SearchIndex.Page.inputKey`), when known.
    public var inputKey: Int?

    public init(page: SearchIndex.Page, reportAnchor: String) {
        outputPath = page.outputPath
        let extracted = SearchIndex.extractText(fromHTML: page.body)
        let textLength = extracted.text.utf16.count
        let headings = page.headings.map { (id: $0.id, text: $0.text, offset: extracted.headingOffsets[$0.id] ?? textLength) }

        var table = SearchTermTable()
        var length = 0
        var title = page.title
        title.withUTF8 { bytes in
            SearchTokenizer.forEachTerm(inUTF8: bytes) { term, _ in
                let number = table.number(of: term)
                table.frequency[number] += 1
                table.inTitle[number] = true
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
                let number = table.number(of: term)
                table.frequency[number] += 1
                if next > 0 && offset < starts[next - 1].end { table.inHeading[number] = true }
                if table.section[number] < 0 { table.section[number] = next == 0 ? 0 : starts[next - 1].section }
                length += 1
            }
        }
        self.length = length
        // A term of the title only is placed at the top of the page.
        terms = (0..<table.count).map {
            Term(term: table.term($0), frequency: table.frequency[$0], inTitle: table.inTitle[$0], inHeading: table.inHeading[$0],
                 section: max(table.section[$0], 0), keyHash: table.keyHash[$0])
        }
        var record = "[" + page.title.jsonStringLiteral + "," + SiteHref.to(page.outputPath).jsonStringLiteral + "," + reportAnchor.jsonStringLiteral + ",["
        record += headings.map { "[\($0.id.jsonStringLiteral),\($0.text.jsonStringLiteral),\($0.offset)]" }.joined(separator: ",")
        record += "]," + extracted.text.jsonStringLiteral + "]"
        self.record = record
    }
}

extension SearchDocument {
    /// The shard hashes (`Term.keyHash`) of the terms whose posting for this page differs from the
    /// page's `old` document: terms added or gone, or with another weight or section. An edit
    /// re-encodes only their term shards (a word added changes the page's length, but seldom the
    /// rounded weight of its other terms).
    func postingChanges(from old: SearchDocument, referenceLength: Int) -> [UInt32] {
        func postings(_ document: SearchDocument) -> [String: (weight: Int, section: Int, keyHash: UInt32)] {
            var byTerm: [String: (weight: Int, section: Int, keyHash: UInt32)] = [:]
            for term in document.terms {
                let weight = SearchRanking.weight(frequency: term.frequency, inTitle: term.inTitle, inHeading: term.inHeading,
                                                  pageLength: document.length, referenceLength: referenceLength)
                byTerm[term.term] = (weight, term.section, term.keyHash)
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
