/// DEFLATE (RFC 1951): the search index's page shards (every page's text, for snippets) are
/// compressed with it, so the whole index stays smaller than the site's text. `search.js` has its
/// own inflate (any browser, no `DecompressionStream`); `inflate` here reads shards back for tests.
///
/// One block: greedy LZ77 over a 32 KB window with one hash candidate per position (fast), then
/// whichever Huffman codes cost fewer bits: the block's own (`HuffmanCode.lengths(for:limit:)`,
/// written in the block header) or the fixed ones. Chinese text needs the block's own codes: fixed
/// ones spend 9 bits on each byte of its UTF-8.
enum Deflate {
    /// The compressed stream of `input` (one final block).
    static func compress(_ input: [UInt8]) -> [UInt8] {
        let tokens = matches(input)
        // The tables as locals: a `static let` is checked for initialisation at every use.
        let lengthSlots = Self.lengthSlots, distanceSlots = Self.distanceSlots
        var literals = [Int](repeating: 0, count: 286)
        var distances = [Int](repeating: 0, count: 30)
        literals[256] = 1
        tokens.withUnsafeBufferPointer { tokens in
            for token in tokens {
                if token < 256 {
                    literals[Int(token)] += 1
                } else {
                    literals[257 + Int(lengthSlots[Int(token >> 16)])] += 1
                    distances[Int(distanceSlots[Int(token & 0xFFFF) - 1])] += 1
                }
            }
        }
        let header = DynamicHeader(literalFrequencies: literals, distanceFrequencies: distances)
        let fixedBits = zip(literals, HuffmanCode.fixedLiterals.lengths).reduce(0) { $0 + $1.0 * Int($1.1) } + distances.reduce(0, +) * 5
        let ownBits = header.bits + zip(literals, header.literals.lengths).reduce(0) { $0 + $1.0 * Int($1.1) }
            + zip(distances, header.distances.lengths).reduce(0) { $0 + $1.0 * Int($1.1) }
        let useOwnCodes = ownBits < fixedBits
        // At most 15 bits a literal and 48 a match (of at least four bytes), the header a few hundred bytes.
        let capacity = 2 * input.count + 1024
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var out = BitWriter(storage: buffer.baseAddress!)
            out.write(1, bits: 1)  // last block
            if useOwnCodes {
                out.write(2, bits: 2)
                header.write(to: &out)
                write(tokens, literals: header.literals, distances: header.distances, to: &out)
            } else {
                out.write(1, bits: 2)
                write(tokens, literals: HuffmanCode.fixedLiterals, distances: HuffmanCode.fixedDistances, to: &out)
            }
            out.flush()
            precondition(out.count <= capacity)
            count = out.count
        }
    }

    /// Writes `tokens` (`matches`) with these codes, then the end of the block. Each token is one
    /// or two writes: a symbol's code with its extra bits is looked up as one value (`bits` in its
    /// top byte).
    private static func write(_ tokens: [UInt32], literals: HuffmanCode, distances: HuffmanCode, to out: inout BitWriter) {
        let lengthSlots = Self.lengthSlots, distanceSlots = Self.distanceSlots
        let lengthBase = Self.lengthBase, lengthExtra = Self.lengthExtra
        let distanceBase = Self.distanceBase, distanceExtra = Self.distanceExtra
        func packed(_ value: Int, bits: Int) -> UInt32 { UInt32(value) | UInt32(bits) << 24 }
        let literalWrites = (0..<256).map { packed(Int(literals.reversedCodes[$0]), bits: Int(literals.lengths[$0])) }
        let lengthWrites: [UInt32] = (0...258).map { length in
            let slot = Int(lengthSlots[max(length, 3)])
            let codeBits = Int(literals.lengths[257 + slot])
            return packed(Int(literals.reversedCodes[257 + slot]) | (max(length, 3) - lengthBase[slot]) << codeBits, bits: codeBits + lengthExtra[slot])
        }
        let distanceWrites = (0..<30).map { packed(Int(distances.reversedCodes[$0]), bits: Int(distances.lengths[$0])) }
        tokens.withUnsafeBufferPointer { tokens in
            for token in tokens {
                if token < 256 {
                    let literal = literalWrites[Int(token)]
                    out.write(Int(literal & 0xFF_FFFF), bits: Int(literal >> 24))
                    continue
                }
                let length = lengthWrites[Int(token >> 16)]
                out.write(Int(length & 0xFF_FFFF), bits: Int(length >> 24))
                let distance = Int(token & 0xFFFF)
                let slot = Int(distanceSlots[distance - 1])
                let code = distanceWrites[slot]
                let codeBits = Int(code >> 24)
                out.write(Int(code & 0xFF_FFFF) | (distance - distanceBase[slot]) << codeBits, bits: codeBits + distanceExtra[slot])
            }
        }
        literals.write(256, to: &out)
    }

    /// LZ77 over `input`: a literal byte as itself, a match as `length << 16 | distance`.
    static func matches(_ input: [UInt8]) -> [UInt32] {
        let count = input.count
        // The most recent position of each hashed 4-byte sequence (-1: none), written through a
        // pointer: this loop runs over every byte of the index. Tokens are at most one per byte.
        // The table has about two slots per input byte, at most `maxHashBits` bits: a short shard
        // does not clear a table made for a long one.
        let hashBits = max(10, min(maxHashBits, Int.bitWidth - count.leadingZeroBitCount + 1))
        let table = UnsafeMutablePointer<Int32>.allocate(capacity: 1 << hashBits)
        table.initialize(repeating: -1, count: 1 << hashBits)
        defer { table.deallocate() }
        return [UInt32](unsafeUninitializedCapacity: count) { tokens, tokenCount in
            tokenCount = 0
            input.withUnsafeBufferPointer { buffer in
                guard let bytes = buffer.baseAddress, let out = tokens.baseAddress else { return }
                var position = 0
                while position < count {
                    var length = 0
                    if position + 4 <= count {
                        let slot = hash(bytes, position, bits: hashBits)
                        let candidate = Int(table[slot])
                        table[slot] = Int32(truncatingIfNeeded: position)
                        if candidate >= 0 && position - candidate <= 32768 {
                            length = matchLength(bytes, candidate, position, limit: min(258, count - position))
                            if length >= 4 {
                                (out + tokenCount).initialize(to: UInt32(length) << 16 | UInt32(position - candidate))
                                tokenCount += 1
                            }
                        }
                    }
                    if length < 4 {
                        (out + tokenCount).initialize(to: UInt32(bytes[position]))
                        tokenCount += 1
                        position += 1
                        continue
                    }
                    // The positions inside a short match are remembered too; a long one (repeated
                    // text) is skipped, as zlib does, so long runs cost one step per match.
                    let end = position + length
                    position += 1
                    if length <= Self.insertedMatchLength {
                        while position < end {
                            if position + 4 <= count { table[hash(bytes, position, bits: hashBits)] = Int32(truncatingIfNeeded: position) }
                            position += 1
                        }
                    } else {
                        position = end
                    }
                }
            }
        }
    }

    /// How many bytes from `candidate` equal those from `position`, at most `limit`: compared
    /// eight at a time.
    @inline(__always)
    static func matchLength(_ bytes: UnsafePointer<UInt8>, _ candidate: Int, _ position: Int, limit: Int) -> Int {
        var length = 0
        let raw = UnsafeRawPointer(bytes)
        while length + 8 <= limit {
            let difference = raw.loadUnaligned(fromByteOffset: candidate + length, as: UInt64.self)
                ^ raw.loadUnaligned(fromByteOffset: position + length, as: UInt64.self)
            if difference != 0 { return length + UInt64(littleEndian: difference).trailingZeroBitCount / 8 }
            length += 8
        }
        while length < limit && bytes[candidate + length] == bytes[position + length] { length += 1 }
        return length
    }

    static let maxHashBits = 15
    /// The longest match whose inner positions are remembered for later matches.
    static let insertedMatchLength = 8

    /// A hash of the four bytes at `at`, of `bits` bits.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ at: Int, bits: Int) -> Int {
        let value = UInt32(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(fromByteOffset: at, as: UInt32.self))
        return Int((value &* 2_654_435_761) >> UInt32(32 - bits))
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The last index of `table` whose value is at most `value`.
    static func slot(_ value: Int, in table: [Int]) -> Int {
        var index = table.count - 1
        while table[index] > value { index -= 1 }
        return index
    }

    /// The length slot of every match length (0...258), and the distance slot of every distance
    /// (1...32768, at index distance - 1): looked up, not searched, for each match.
    static let lengthSlots: [UInt8] = (0...258).map { UInt8(slot(max($0, 3), in: lengthBase)) }
    static let distanceSlots: [UInt8] = (1...32768).map { UInt8(slot($0, in: distanceBase)) }

    /// Writes bits least significant first, as DEFLATE packs them, into memory the caller sized
    /// (four bytes at a time: no capacity check per byte).
    struct BitWriter {
        let storage: UnsafeMutablePointer<UInt8>
        /// Bytes written to `storage`.
        private(set) var count = 0
        private var buffer: UInt64 = 0
        private var used = 0

        init(storage: UnsafeMutablePointer<UInt8>) {
            self.storage = storage
        }

        /// Appends the low `bits` bits of `value` (at most 32; no higher bits set).
        @inline(__always)
        mutating func write(_ value: Int, bits: Int) {
            buffer |= UInt64(truncatingIfNeeded: value) << UInt64(used)
            used += bits
            if used >= 32 {
                UnsafeMutableRawPointer(storage + count).storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, as: UInt32.self)
                count += 4
                buffer >>= 32
                used -= 32
            }
        }

        /// Writes out the bits still buffered, the last byte padded with zeros.
        mutating func flush() {
            while used > 0 {
                storage[count] = UInt8(truncatingIfNeeded: buffer)
                count += 1
                buffer >>= 8
                used -= 8
            }
            used = 0
        }
    }
}
