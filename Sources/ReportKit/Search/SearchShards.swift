import Foundation

/// How the search index is split into files, and how postings are written; `search.js` mirrors
/// `termShard(of:)` and `decode`.
///
/// - A term goes to term shard `fnv1a(key) % termShards`, its key being its first two code points
///   (FNV-1a, 32 bits, over the key's UTF-16 units). All terms sharing a key share a shard, so a
///   word typed in part (`cred`) loads one shard and finds every term starting with it there.
/// - `termShards` is a power of two growing with the page count (one per 32 pages, at most 512),
///   and page records go `pagesPerShard` to a file, compressed: a query loads a few small files on any site.
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
        var hash: UInt32 = 2_166_136_261
        for scalar in term.unicodeScalars.prefix(2) {
            for unit in UTF16.encode(scalar)! {
                hash ^= UInt32(unit)
                hash = hash &* 16_777_619
            }
        }
        return hash
    }

    /// One script setting key `name` of `REPORT_SEARCH_SHARDS` to `json`.
    static func script(_ name: String, _ json: String) -> String {
        "(self.REPORT_SEARCH_SHARDS=self.REPORT_SEARCH_SHARDS||{})[\"\(name)\"]=\(json);\n"
    }

    /// Page shard `shard`: the JSON array of its pages' records, compressed (`Deflate`), in base64.
    func pageShardText(_ shard: Int, _ documents: [SearchDocument]) -> String {
        let pages = documents[(shard * Self.pagesPerShard)..<min(documents.count, (shard + 1) * Self.pagesPerShard)]
        let json = "[\n" + pages.map(\.record).joined(separator: ",\n") + "\n]"
        return Self.script(pageShardName(shard), "\"" + Data(Deflate.compress(Array(json.utf8))).base64EncodedString() + "\"")
    }

    /// The records of a page shard's text (for tests and checks): the JSON array, inflated.
    static func pageShardJSON(_ text: String) -> String? {
        guard let start = text.range(of: "]=\"")?.upperBound, let end = text.range(of: "\";", options: .backwards)?.lowerBound,
              let data = Data(base64Encoded: String(text[start..<end])), let json = Deflate.inflate(Array(data)) else { return nil }
        return String(decoding: json, as: UTF8.self)
    }

    /// One occurrence list entry: the page, its weight and the section of the first occurrence.
    struct Posting: Sendable {
        var term: String
        var page: Int32
        var weight: Int32
        var section: Int32
    }

    /// The text of the term shards `only` names (every one when `nil`), by shard.
    func termShardTexts(_ documents: [SearchDocument], referenceLength reference: Int, only: Set<Int>?) -> [Int: String] {
        let perPage = Array(documents.indices).parallelMap { page -> [(shard: Int, posting: Posting)] in
            let document = documents[page]
            return document.terms.compactMap { term in
                let shard = termShard(of: term.term)
                if let only, !only.contains(shard) { return nil }
                let weight = SearchRanking.weight(frequency: term.frequency, inTitle: term.inTitle, inHeading: term.inHeading,
                                                  pageLength: document.length, referenceLength: reference)
                return (shard, Posting(term: term.term, page: Int32(page), weight: Int32(weight), section: Int32(term.section)))
            }
        }
        var buckets = [[Posting]](repeating: [], count: termShards)
        for page in perPage {
            for entry in page { buckets[entry.shard].append(entry.posting) }
        }
        let filled = buckets
        let wanted = only.map { $0.sorted() } ?? Array(0..<termShards)
        let texts = wanted.parallelMap { shard in Self.script(termShardName(shard), Self.encode(filled[shard])) }
        return Dictionary(uniqueKeysWithValues: zip(wanted, texts))
    }

    /// `{"term":"postings",…}`, terms in Swift's string order; pages in reading order.
    static func encode(_ postings: [Posting]) -> String {
        let sorted = postings.sorted { $0.term == $1.term ? $0.page < $1.page : $0.term < $1.term }
        var json = "{"
        var start = 0
        while start < sorted.count {
            var end = start
            var numbers: [UInt8] = []
            var previous: Int32 = 0
            while end < sorted.count && sorted[end].term == sorted[start].term {
                let posting = sorted[end]
                appendNumber(Int(posting.page - previous), to: &numbers)
                appendNumber(Int(posting.weight), to: &numbers)
                appendNumber(Int(posting.section), to: &numbers)
                previous = posting.page
                end += 1
            }
            if start > 0 { json += ",\n" }
            json += sorted[start].term.jsonStringLiteral + ":\"" + String(decoding: numbers, as: UTF8.self) + "\""
            start = end
        }
        return json + "}"
    }

    /// Digits of a number's last five bits, then of each earlier group of five bits: none needs
    /// escaping in JSON or HTML.
    static let finalDigits = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let leadingDigits = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    /// Appends a non-negative number: its five-bit groups, most significant first, all but the
    /// last as `leadingDigits`.
    static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        var shift = 0
        while number >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            bytes.append(leadingDigits[(number >> shift) & 31])
            shift -= 5
        }
        bytes.append(finalDigits[number & 31])
    }

    /// The numbers of a postings string (for tests; `search.js` has its own).
    static func decode(_ text: String) -> [Int] {
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
