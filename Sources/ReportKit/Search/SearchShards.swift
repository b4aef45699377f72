import Foundation

/// How the search index is split into files, and how postings are written; `search.js` mirrors
/// `termShard(of:)` and `decode`.
///
/// - A term goes to term shard `fnv1a(key) % termShards`, its key being its first two code points
///   (FNV-1a, 32 bits, over the key's UTF-16 units). All terms sharing a key share a shard, so a
///   word typed in part (`cred`) loads one shard and finds every term starting with it there.
/// - `termShards` is a power of two growing with the page count (one per 32 pages, at most 512),
///   and page records go `pagesPerShard` to a file: a query loads a few small files on any site.
/// - Every shard is JSON compressed with `Deflate`, in base64 (`search.js` inflates it once, when
///   first needed): the index on disk stays well under the site's text.
struct SearchShards: Sendable {
    static let pagesPerShard = 16
    static let pagesPerTermShard = 32
    static let maxTermShards = 512

    let termShards: Int
    let pageShards: Int

    init(pageCount: Int) {
        var count = 1
        while count * Self.pagesPerTermShard < pageCount && count < Self.maxTermShards { count *= 2 }
        termShards = count
        pageShards = (pageCount + Self.pagesPerShard - 1) / Self.pagesPerShard
    }

    init(termShards: Int, pageShards: Int) {
        self.termShards = termShards
        self.pageShards = pageShards
    }

    func termShardName(_ shard: Int) -> String { "t" + String(shard, radix: 16) }
    func pageShardName(_ shard: Int) -> String { "p" + String(shard) }
    func termShardPath(_ shard: Int) -> String { SearchIndex.folder + "/" + termShardName(shard) + ".js" }
    func pageShardPath(_ shard: Int) -> String { SearchIndex.folder + "/" + pageShardName(shard) + ".js" }

    /// The term shard holding `term`.
    func termShard(of term: String) -> Int {
        Int(Self.keyHash(term) % UInt32(termShards))
    }

    /// FNV-1a (32 bits) over the UTF-16 units of the term's key, its first two code points, as
    /// `search.js` computes it.
    static func keyHash(_ term: String) -> UInt32 {
        var term = term
        return term.withUTF8 { keyHash(utf8: $0) }
    }

    /// `keyHash` of a term given as UTF-8 bytes (valid UTF-8), decoded here without a `String`.
    static func keyHash(utf8 term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        func add(_ unit: UInt32) {
            hash ^= unit
            hash = hash &* 16_777_619
        }
        var index = 0
        var points = 0
        while index < term.count && points < 2 {
            let byte = term[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let end = min(index + length, term.count)
            let scalar = length == 1 ? UInt32(byte) : HTMLTextExtractor.decodeScalar(UnsafeBufferPointer(rebasing: term[index..<end])).value
            if scalar > 0xFFFF {
                add(0xD800 + ((scalar - 0x10000) >> 10))
                add(0xDC00 + ((scalar - 0x10000) & 0x3FF))
            } else {
                add(scalar)
            }
            index = end
            points += 1
        }
        return hash
    }

    /// One script setting key `name` of `REPORT_SEARCH_SHARDS` to `json`.
    static func script(_ name: String, _ json: String) -> String {
        "(self.REPORT_SEARCH_SHARDS=self.REPORT_SEARCH_SHARDS||{})[\"\(name)\"]=\(json);\n"
    }

    /// One script setting key `name` to the JSON `json` compressed (`Deflate`), in base64.
    static func compressedScript(_ name: String, _ json: [UInt8]) -> String {
        script(name, "\"" + Data(Deflate.compress(json)).base64EncodedString() + "\"")
    }

    /// Page shard `shard`: the JSON array of its pages' records (`reportAnchors` by page), compressed.
    func pageShardText(_ shard: Int, _ documents: [SearchDocument], reportAnchors: [String]) -> String {
        var json = Array("[\n".utf8)
        for page in (shard * Self.pagesPerShard)..<min(documents.count, (shard + 1) * Self.pagesPerShard) {
            if page > shard * Self.pagesPerShard { json += ",\n".utf8 }
            documents[page].appendRecord(reportAnchor: reportAnchors[page], to: &json)
        }
        json += "\n]".utf8
        return Self.compressedScript(pageShardName(shard), json)
    }

    /// The JSON of a shard's text (for tests and checks): inflated.
    static func shardJSON(_ text: String) -> String? {
        guard let start = text.range(of: "]=\"")?.upperBound, let end = text.range(of: "\";", options: .backwards)?.lowerBound,
              let data = Data(base64Encoded: String(text[start..<end])), let json = Deflate.inflate(Array(data)) else { return nil }
        return String(decoding: json, as: UTF8.self)
    }

    /// One occurrence of a term: the page, and the term's number in the page's document.
    struct Posting: Sendable {
        var page: Int32
        var term: Int32
    }

    /// The text of the term shards `only` names (every one when `nil`), by shard.
    func termShardTexts(_ documents: [SearchDocument], referenceLength reference: Int, only: Set<Int>?) -> [Int: String] {
        var wanted = [Bool](repeating: only == nil, count: termShards)
        for shard in only ?? [] where shard < termShards { wanted[shard] = true }
        let postings = ShardedPostings(documents, shardCount: termShards, wanted: wanted)
        let names = (0..<termShards).filter { wanted[$0] }
        let texts = names.parallelMap { shard in
            Self.compressedScript(termShardName(shard), Self.encode(postings.postings(ofShard: shard), documents, referenceLength: reference))
        }
        return Dictionary(uniqueKeysWithValues: zip(names, texts))
    }

    /// `{"term":"postings",…}` as UTF-8, terms in the order of their UTF-8 bytes. `postings` are in
    /// page order; each term's list gives, per page, the gap from its previous page, the weight
    /// (`SearchRanking`) and the section of the first occurrence (`appendNumber` digits).
    static func encode(_ postings: ArraySlice<Posting>, _ documents: [SearchDocument], referenceLength: Int) -> [UInt8] {
        // Pass 1: each posting's term (numbered here, by its bytes), weight and section.
        var terms = TermNumbering(expected: max(128, postings.count / 4))
        var counts: [Int] = []
        var termOfPosting: [Int32] = []
        var weightAndSection: [(weight: Int32, section: UInt32)] = []
        termOfPosting.reserveCapacity(postings.count)
        weightAndSection.reserveCapacity(postings.count)
        for posting in postings {
            // `documents[page]` read in place each time: a copy of the document would retain its arrays.
            let page = Int(posting.page), number = Int(posting.term)
            let range = documents[page].termRange(number)
            let term = documents[page].termBytes.withUnsafeBufferPointer { terms.number(of: UnsafeBufferPointer(rebasing: $0[range])) }
            if term.isNew { counts.append(0) }
            counts[term.number] += 1
            termOfPosting.append(Int32(term.number))
            let stats = documents[page].stats[number]
            let weight = SearchRanking.weight(frequency: Int(stats.frequency), inTitle: stats.inTitle, inHeading: stats.inHeading,
                                              pageLength: documents[page].length, referenceLength: referenceLength)
            weightAndSection.append((Int32(weight), stats.section))
        }
        // The postings grouped by term, in page order within each (a counting sort): term `t`'s
        // are `grouped[starts[t]..<starts[t + 1]]`, as positions in `postings`.
        var starts = [Int](repeating: 0, count: terms.count + 1)
        for term in 0..<terms.count { starts[term + 1] = starts[term] + counts[term] }
        var next = starts
        var grouped = [Int32](repeating: 0, count: postings.count)
        for (position, term) in termOfPosting.enumerated() {
            grouped[next[Int(term)]] = Int32(position)
            next[Int(term)] += 1
        }
        // Pass 2: the terms in the order of their bytes, each with its list.
        // Sorted by their first eight bytes as one integer, by all their bytes where those tie.
        let prefixes = (0..<terms.count).map { leadingBytes(terms.bytes($0)) }
        let order = (0..<terms.count).sorted { prefixes[$0] != prefixes[$1] ? prefixes[$0] < prefixes[$1] : terms.precedes($0, $1) }
        var json: [UInt8] = [UInt8(ascii: "{")]
        // About: each term's bytes and seven around them, each posting three numbers of one or two digits.
        json.reserveCapacity(terms.poolCount + terms.count * 8 + postings.count * 6)
        let first = postings.startIndex
        for (position, number) in order.enumerated() {
            if position > 0 { json += ",\n".utf8 }
            appendJSONStringLiteral(utf8: terms.bytes(number), to: &json)
            json += ":\"".utf8
            var lastPage: Int32 = 0
            for slot in starts[number]..<starts[number + 1] {
                let index = Int(grouped[slot])
                let page = postings[first + index].page
                appendNumber(Int(page - lastPage), to: &json)
                appendNumber(Int(weightAndSection[index].weight), to: &json)
                appendNumber(Int(weightAndSection[index].section), to: &json)
                lastPage = page
            }
            json.append(UInt8(ascii: "\""))
        }
        json.append(UInt8(ascii: "}"))
        return json
    }

    /// Digits of a number's last five bits, then of each earlier group of five bits: none needs
    /// escaping in JSON or HTML. Static strings, read through their pointers (three reads per
    /// posting, with no check that an array was made).
    static let finalDigits: StaticString = "0123456789abcdefghijklmnopqrstuv"
    static let leadingDigits: StaticString = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

    /// Appends a non-negative number: its five-bit groups, most significant first, all but the
    /// last as `leadingDigits`.
    @inline(__always)
    static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        let final = finalDigits.utf8Start
        if number < 32 {
            bytes.append(final[number])
            return
        }
        let leading = leadingDigits.utf8Start
        var shift = 0
        while number >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            bytes.append(leading[(number >> shift) & 31])
            shift -= 5
        }
        bytes.append(final[number & 31])
    }

    /// The numbers of a postings string (for tests; `search.js` has its own).
    static func decode(_ text: String) -> [Int] {
        let leadingDigits = UnsafeBufferPointer(start: leadingDigits.utf8Start, count: leadingDigits.utf8CodeUnitCount)
        let finalDigits = UnsafeBufferPointer(start: finalDigits.utf8Start, count: finalDigits.utf8CodeUnitCount)
        var numbers: [Int] = []
        var value = 0
        for byte in text.utf8 {
            if let digit = leadingDigits.firstIndex(of: byte) {
                value = value * 32 + digit
            } else if let digit = finalDigits.firstIndex(of: byte) {
                numbers.append(value * 32 + digit)
                value = 0
            }
        }
        return numbers
    }
}
