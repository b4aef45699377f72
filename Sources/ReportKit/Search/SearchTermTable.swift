import Foundation

/// Distinct terms numbered in the order first met: an open-addressing hash table keyed by the
/// terms' UTF-8 bytes (FNV-1a), so that looking a term up allocates nothing. A page's terms are
/// counted with it (`SearchTermTable`), and a term shard's postings grouped by term (`SearchShards.encode`).
struct TermNumbering {
    /// The bytes of every distinct term, one after another; term `k` ends at `ends[k]`.
    private(set) var pool: [UInt8] = []
    private(set) var ends: [UInt32] = []
    /// Term numbers by hash slot (-1: free); the count is a power of two, at most half full.
    private var slots = [Int32](repeating: -1, count: 256)

    var count: Int { ends.count }

    /// Where term `number` starts in `pool`.
    private func start(_ number: Int) -> Int { number == 0 ? 0 : Int(ends[number - 1]) }

    /// The bytes of term `number`.
    func bytes(_ number: Int) -> ArraySlice<UInt8> { pool[start(number)..<Int(ends[number])] }

    /// FNV-1a (64 bits) of a term's bytes.
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        return Int(truncatingIfNeeded: hash)
    }

    /// The number of `term`, and whether it was added (met for the first time) now.
    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Self.hash(term) & mask
        while slots[slot] >= 0 {
            let known = Int(slots[slot])
            let start = start(known)
            if Int(ends[known]) - start == term.count && pool.withUnsafeBufferPointer({ pool in
                memoryEqual(UnsafeBufferPointer(rebasing: pool[start..<(start + term.count)]), term)
            }) {
                return (known, false)
            }
            slot = (slot + 1) & mask
        }
        let number = count
        pool.append(contentsOf: term)
        ends.append(UInt32(pool.count))
        slots[slot] = Int32(number)
        if count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// Doubles the slots and places every term again.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for number in 0..<count {
            var slot = Self.hash(bytes(number)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}

/// The distinct terms of one page while it is read, with what the index needs of each;
/// `finished()` hands over the compact arrays `SearchDocument` keeps.
struct SearchTermTable {
    private var numbering = TermNumbering()
    /// Per term: occurrences, title and heading flags, the section of its first occurrence in the text.
    var stats: [SearchDocument.TermStats] = []
    /// Per term: whether it has been met in the text (its section is known).
    var metInText: [Bool] = []
    /// Per term: the hash its term shard is chosen by (`SearchShards.keyHash`).
    private var keyHashes: [UInt32] = []

    var count: Int { numbering.count }

    /// The number of `term`, added (no occurrence yet) when new.
    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> Int {
        let (number, isNew) = numbering.number(of: term)
        if isNew {
            stats.append(SearchDocument.TermStats(frequency: 0, section: 0, flags: 0))
            metInText.append(false)
            keyHashes.append(SearchShards.keyHash(utf8: term))
        }
        return number
    }

    /// The terms' bytes, ends, shard hashes and counts, for `SearchDocument`.
    func finished() -> (bytes: [UInt8], ends: [UInt32], keyHashes: [UInt32], stats: [SearchDocument.TermStats]) {
        (numbering.pool, numbering.ends, keyHashes, stats)
    }
}

/// Whether two byte buffers hold the same bytes.
func memoryEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let first = a.baseAddress, let second = b.baseAddress else { return true }
    return memcmp(first, second, a.count) == 0
}
