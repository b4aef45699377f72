import Foundation

/// Distinct terms numbered in the order first met: an open-addressing hash table keyed by the
/// terms' UTF-8 bytes, so that looking a term up allocates nothing. A page's terms are
/// counted with it (`SearchTermTable`), and a term shard's postings grouped by term (`SearchShards.encode`).
struct TermNumbering {
    /// The bytes of every distinct term, one after another; term `k` ends at `ends[k]`.
    private(set) var pool: [UInt8] = []
    private(set) var ends: [UInt32] = []
    /// Term numbers by hash slot (-1: free); the count is a power of two, at most half full.
    private var slots: [Int32]

    var count: Int { ends.count }

    /// A table whose slots hold about `expected` distinct terms before they must be placed again;
    /// with `reserving`, the term arrays have room for that many terms of about eight bytes too
    /// (then take exact copies of `pool` and `ends` to keep them).
    init(expected: Int = 128, reserving: Bool = false) {
        var slotCount = 256
        while slotCount < expected * 2 { slotCount *= 2 }
        slots = [Int32](repeating: -1, count: slotCount)
        if reserving {
            pool.reserveCapacity(expected * 8)
            ends.reserveCapacity(expected)
        }
    }

    /// Where term `number` starts in `pool`.
    private func start(_ number: Int) -> Int { number == 0 ? 0 : Int(ends[number - 1]) }

    /// The bytes of term `number`.
    func bytes(_ number: Int) -> ArraySlice<UInt8> { pool[start(number)..<Int(ends[number])] }

    /// Whether term `a`'s bytes sort before term `b`'s (unsigned bytes; a prefix first), compared
    /// with `memcmp`: a term shard's terms are sorted this way.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let first = start(a)..<Int(ends[a]), second = start(b)..<Int(ends[b])
        let common = min(first.count, second.count)
        let order = common == 0 ? 0 : pool.withUnsafeBufferPointer { memcmp($0.baseAddress! + first.lowerBound, $0.baseAddress! + second.lowerBound, common) }
        return order != 0 ? order < 0 : first.count < second.count
    }

    /// A hash of a term's bytes for placing it in `slots` (only here: it decides nothing in the
    /// output): eight bytes at a time, multiplied and folded. The last (partial) eight bytes are
    /// read as the last eight of the term, and a term of fewer than eight from two overlapping
    /// loads: no loop over single bytes (most terms are short words).
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
    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Self.hash(term) & mask
        // Looking up (the common case) reads the arrays through pointers: no checks per probe.
        let known: Int? = slots.withUnsafeBufferPointer { slots in
            ends.withUnsafeBufferPointer { ends in
                pool.withUnsafeBufferPointer { pool in
                    while slots[slot] >= 0 {
                        let number = Int(slots[slot])
                        let start = number == 0 ? 0 : Int(ends[number - 1])
                        if Int(ends[number]) - start == term.count && memoryEqual(UnsafeBufferPointer(rebasing: pool[start..<(start + term.count)]), term) {
                            return number
                        }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
        if let known { return (known, false) }
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
            var slot = pool.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start(number)..<Int(ends[number])])) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}

/// The distinct terms of one page while it is read, with what the index needs of each;
/// `finished()` hands over the compact arrays `SearchDocument` keeps.
struct SearchTermTable {
    private var numbering: TermNumbering
    /// Per term: occurrences, title and heading flags, the section of its first occurrence in the text.
    var stats: [SearchDocument.TermStats] = []
    /// Per term: the hash its term shard is chosen by (`SearchShards.keyHash`).
    private var keyHashes: [UInt32] = []

    var count: Int { numbering.count }

    /// A table for the terms of a text of `textBytes` bytes: sized for one distinct term per 16
    /// bytes (pages of the benchmark corpus have one per 22), at most 4,096 (a long page repeats
    /// its words); it grows past that.
    init(textBytes: Int) {
        let expected = max(32, min(textBytes / 16, 4096))
        numbering = TermNumbering(expected: expected, reserving: true)
        stats.reserveCapacity(expected)
        keyHashes.reserveCapacity(expected)
    }

    /// The number of `term`, added (no occurrence yet) when new.
    private mutating func number(of term: UnsafeBufferPointer<UInt8>) -> Int {
        let (number, isNew) = numbering.number(of: term)
        if isNew {
            stats.append(SearchDocument.TermStats(frequency: 0, section: 0, flags: 0))
            keyHashes.append(SearchShards.keyHash(utf8: term))
        }
        return number
    }

    /// Counts one occurrence of `term`, adding `flags` (title, heading); `section` is where the
    /// occurrence is when it is in the text (`nil` in the title), kept for the term's first one.
    mutating func count(_ term: UnsafeBufferPointer<UInt8>, flags: UInt8, section: UInt32?) {
        let number = number(of: term)
        stats.withUnsafeMutableBufferPointer { stats in
            stats[number].frequency += 1
            stats[number].flags |= flags
            if let section, stats[number].flags & SearchDocument.TermStats.metInText == 0 {
                stats[number].flags |= SearchDocument.TermStats.metInText
                stats[number].section = section
            }
        }
    }

    /// The terms' bytes, ends, shard hashes and counts, for `SearchDocument`: copied at their size
    /// (the table's arrays were reserved for more, and a large site keeps every page's document).
    func finished() -> (bytes: [UInt8], ends: [UInt32], keyHashes: [UInt32], stats: [SearchDocument.TermStats]) {
        func exact<Element>(_ array: [Element]) -> [Element] { array.withUnsafeBufferPointer { Array($0) } }
        return (exact(numbering.pool), exact(numbering.ends), exact(keyHashes), exact(stats))
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
