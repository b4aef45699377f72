import Foundation

/// Distinct terms numbered in the order first met: an open-addressing hash table keyed by the
/// terms' UTF-8 bytes, so that looking a term up allocates nothing. A page's terms are
/// counted with it (`SearchTermTable`), and a term shard's postings grouped by term (`SearchShards.encode`).
///
/// It runs once per word of every page, so its storage is raw memory it owns (freed when the table
/// ends: it cannot be copied): a lookup reads through pointers, with no uniqueness or bounds check.
struct TermNumbering: ~Copyable {
    /// The bytes of every distinct term, one after another; term `k` ends at `ends[k]`.
    private var pool: UnsafeMutablePointer<UInt8>
    private var poolCapacity: Int
    private(set) var poolCount = 0
    private var ends: UnsafeMutablePointer<UInt32>
    /// Room for this many terms in `ends` (and in a `SearchTermTable`'s per-term arrays).
    private(set) var termCapacity: Int
    private(set) var count = 0
    /// Term numbers by hash slot (-1: free); the count is a power of two, at most half full.
    private var slots: UnsafeMutablePointer<Int32>
    private var slotCount: Int

    /// A table with room for about `expected` distinct terms (of about eight bytes) before it grows.
    init(expected: Int = 128) {
        slotCount = 256
        while slotCount < expected * 2 { slotCount *= 2 }
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: -1, count: slotCount)
        termCapacity = max(expected, 16)
        ends = .allocate(capacity: termCapacity)
        poolCapacity = termCapacity * 8
        pool = .allocate(capacity: poolCapacity)
    }

    deinit {
        pool.deallocate()
        ends.deallocate()
        slots.deallocate()
    }

    /// Where term `number` starts in the pool.
    @inline(__always)
    private func start(_ number: Int) -> Int { number == 0 ? 0 : Int(ends[number - 1]) }

    /// The bytes of term `number` (valid while the table lives and adds no term).
    func bytes(_ number: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: pool + start(number), count: Int(ends[number]) - start(number))
    }

    /// Copies of the terms' bytes and ends, at their size (for `SearchDocument`, which keeps them).
    func arrays() -> (bytes: [UInt8], ends: [UInt32]) {
        (Array(UnsafeBufferPointer(start: pool, count: poolCount)), Array(UnsafeBufferPointer(start: ends, count: count)))
    }

    /// Whether term `a`'s bytes sort before term `b`'s (unsigned bytes; a prefix first), compared
    /// with `memcmp`: a term shard's terms are sorted this way.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let first = bytes(a), second = bytes(b)
        let common = min(first.count, second.count)
        let order = common == 0 ? 0 : memcmp(first.baseAddress!, second.baseAddress!, common)
        return order != 0 ? order < 0 : first.count < second.count
    }

    /// A hash of a term's bytes for placing it in `slots` (only here: it decides nothing in the
    /// output): eight bytes at a time, multiplied and folded. The last (partial) eight bytes are
    /// read as the last eight of the term, and a term of fewer than eight from two overlapping
    /// loads: no loop over single bytes (most terms are short words).
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var last: UInt64
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 29
                offset += 8
            }
            last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            last = UInt64(raw.loadUnaligned(as: UInt32.self)) << 32 | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else {
            last = UInt64(base[0]) << 16 | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1])
        }
        hash = (hash ^ last) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: hash ^ hash >> 31)
    }

    /// The number of `term`, and whether it was added (met for the first time) now.
    @inline(__always)
    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let mask = slotCount - 1
        var slot = Self.hash(term) & mask
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            let start = start(number)
            if Int(ends[number]) - start == term.count && memoryEqual(UnsafeBufferPointer(start: pool + start, count: term.count), term) {
                return (number, false)
            }
            slot = (slot + 1) & mask
        }
        add(term, at: slot)
        return (count - 1, true)
    }

    /// Appends `term` as the next number, in free slot `slot`.
    private mutating func add(_ term: UnsafeBufferPointer<UInt8>, at slot: Int) {
        if poolCount + term.count > poolCapacity {
            let capacity = max(poolCapacity * 2, poolCount + term.count)
            pool = Self.grown(pool, count: poolCount, to: capacity)
            poolCapacity = capacity
        }
        if count == termCapacity {
            ends = Self.grown(ends, count: count, to: termCapacity * 2)
            termCapacity *= 2
        }
        if let source = term.baseAddress { (pool + poolCount).update(from: source, count: term.count) }
        poolCount += term.count
        ends[count] = UInt32(poolCount)
        slots[slot] = Int32(count)
        count += 1
        if count * 2 > slotCount { placeAgain() }
    }

    /// `buffer` (of which `count` are set) moved into new memory for `capacity` elements.
    static func grown<Element>(_ buffer: UnsafeMutablePointer<Element>, count: Int, to capacity: Int) -> UnsafeMutablePointer<Element> {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        larger.moveInitialize(from: buffer, count: count)
        buffer.deallocate()
        return larger
    }

    /// Doubles the slots and places every term again.
    private mutating func placeAgain() {
        slots.deallocate()
        slotCount *= 2
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: -1, count: slotCount)
        let mask = slotCount - 1
        for number in 0..<count {
            var slot = Self.hash(bytes(number)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}

/// The distinct terms of one page while it is read, with what the index needs of each;
/// `finished()` hands over the compact arrays `SearchDocument` keeps.
struct SearchTermTable: ~Copyable {
    private var numbering: TermNumbering
    /// Per term: occurrences, title and heading flags, the section of its first occurrence in
    /// the text; and the hash its term shard is chosen by (`SearchShards.keyHash`). Room for
    /// `numbering.termCapacity` terms, like the numbering's own.
    private var stats: UnsafeMutablePointer<SearchDocument.TermStats>
    private var keyHashes: UnsafeMutablePointer<UInt32>
    private var capacity: Int

    var count: Int { numbering.count }

    /// A table for the terms of a text of `textBytes` bytes: sized for one distinct term per 16
    /// bytes (pages of the benchmark corpus have one per 22), at most 4,096 (a long page repeats
    /// its words); it grows past that.
    init(textBytes: Int) {
        numbering = TermNumbering(expected: max(32, min(textBytes / 16, 4096)))
        capacity = numbering.termCapacity
        stats = .allocate(capacity: capacity)
        keyHashes = .allocate(capacity: capacity)
    }

    deinit {
        stats.deallocate()
        keyHashes.deallocate()
    }

    /// Counts one occurrence of `term`, adding `flags` (title, heading); `section` is where the
    /// occurrence is when it is in the text (`nil` in the title), kept for the term's first one.
    @inline(__always)
    mutating func count(_ term: UnsafeBufferPointer<UInt8>, flags: UInt8, section: UInt32?) {
        let (number, isNew) = numbering.number(of: term)
        if isNew { addStats(for: term, number: number) }
        stats[number].frequency += 1
        stats[number].flags |= flags
        if let section, stats[number].flags & SearchDocument.TermStats.metInText == 0 {
            stats[number].flags |= SearchDocument.TermStats.metInText
            stats[number].section = section
        }
    }

    /// A new term's empty counts and its shard hash.
    private mutating func addStats(for term: UnsafeBufferPointer<UInt8>, number: Int) {
        if number == capacity {
            stats = TermNumbering.grown(stats, count: number, to: numbering.termCapacity)
            keyHashes = TermNumbering.grown(keyHashes, count: number, to: numbering.termCapacity)
            capacity = numbering.termCapacity
        }
        (stats + number).initialize(to: SearchDocument.TermStats(frequency: 0, section: 0, flags: 0))
        (keyHashes + number).initialize(to: SearchShards.keyHash(utf8: term))
    }

    /// The terms' bytes, ends, shard hashes and counts, for `SearchDocument`: copied at their size
    /// (the table's storage has room for more, and a large site keeps every page's document).
    func finished() -> (bytes: [UInt8], ends: [UInt32], keyHashes: [UInt32], stats: [SearchDocument.TermStats]) {
        let (bytes, ends) = numbering.arrays()
        return (bytes, ends, Array(UnsafeBufferPointer(start: keyHashes, count: count)), Array(UnsafeBufferPointer(start: stats, count: count)))
    }
}

/// Whether two byte buffers hold the same bytes: compared eight or four bytes at a time (the
/// last load overlapping the one before), without a loop for most terms, which are short words.
@inline(__always)
func memoryEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    let count = a.count
    guard count > 0, let first = a.baseAddress, let second = b.baseAddress else { return true }
    let left = UnsafeRawPointer(first), right = UnsafeRawPointer(second)
    if count >= 8 {
        var offset = 0
        while offset + 8 < count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        return left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
    if count >= 4 {
        return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
            && left.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == right.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
    }
    // One to three bytes: the first, middle and last are all of them.
    return first[0] == second[0] && first[count >> 1] == second[count >> 1] && first[count - 1] == second[count - 1]
}
