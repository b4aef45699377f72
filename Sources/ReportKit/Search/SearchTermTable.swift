/// The distinct terms of one page while it is read, with what the index needs of each: an
/// open-addressing hash table keyed by the terms' folded UTF-8 bytes (FNV-1a), so that counting
/// an occurrence allocates nothing; a `String` is made once per distinct term, at the end.
struct SearchTermTable {
    /// The bytes of every distinct term, one after another.
    private var pool: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    /// Per term: occurrences, whether it is in the title or a heading, the section of its first
    /// occurrence in the text (-1 before it is met there).
    var frequency: [Int] = []
    var inTitle: [Bool] = []
    var inHeading: [Bool] = []
    var section: [Int] = []
    /// Per term: the hash its term shard is chosen by (`SearchShards.keyHash`).
    var keyHash: [UInt32] = []
    /// Term numbers by hash slot (-1: free); the count is a power of two, at most half full.
    private var slots = [Int](repeating: -1, count: 256)

    var count: Int { starts.count }

    /// The number of `term`, added (no occurrence yet, first section unknown) when new.
    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in term {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let known = slots[slot]
            if lengths[known] == term.count && pool.withUnsafeBufferPointer({ pool in
                (0..<term.count).allSatisfy { pool[starts[known] + $0] == term[$0] }
            }) {
                return known
            }
            slot = (slot + 1) & mask
        }
        let number = starts.count
        starts.append(pool.count)
        lengths.append(term.count)
        pool.append(contentsOf: term)
        frequency.append(0)
        inTitle.append(false)
        inHeading.append(false)
        section.append(-1)
        keyHash.append(SearchShards.keyHash(utf8: term))
        slots[slot] = number
        if count * 2 > slots.count { grow() }
        return number
    }

    /// Doubles the slots and places every term again.
    private mutating func grow() {
        slots = [Int](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for number in 0..<count {
            var hash: UInt64 = 14_695_981_039_346_656_037
            for byte in pool[starts[number]..<(starts[number] + lengths[number])] {
                hash ^= UInt64(byte)
                hash = hash &* 1_099_511_628_211
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = number
        }
    }

    /// Term `number` as a string.
    func term(_ number: Int) -> String {
        String(decoding: pool[starts[number]..<(starts[number] + lengths[number])], as: UTF8.self)
    }
}
