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
        let lengthBase = Self.lengthBase, lengthExtra = Self.lengthExtra
        let distanceBase = Self.distanceBase, distanceExtra = Self.distanceExtra
        var literals = [Int](repeating: 0, count: 286)
        var distances = [Int](repeating: 0, count: 30)
        literals[256] = 1
        for token in tokens {
            if token < 256 {
                literals[Int(token)] += 1
            } else {
                literals[257 + Int(lengthSlots[Int(token >> 16)])] += 1
                distances[Int(distanceSlots[Int(token & 0xFFFF) - 1])] += 1
            }
        }
        let header = DynamicHeader(literalFrequencies: literals, distanceFrequencies: distances)
        let fixedBits = zip(literals, HuffmanCode.fixedLiterals.lengths).reduce(0) { $0 + $1.0 * Int($1.1) } + distances.reduce(0, +) * 5
        let ownBits = header.bits + zip(literals, header.literals.lengths).reduce(0) { $0 + $1.0 * Int($1.1) }
            + zip(distances, header.distances.lengths).reduce(0) { $0 + $1.0 * Int($1.1) }
        var out = BitWriter()
        out.bytes.reserveCapacity(input.count / 2)
        out.write(1, bits: 1)  // last block
        let code: (literals: HuffmanCode, distances: HuffmanCode)
        if ownBits < fixedBits {
            out.write(2, bits: 2)
            header.write(to: &out)
            code = (header.literals, header.distances)
        } else {
            out.write(1, bits: 2)
            code = (HuffmanCode.fixedLiterals, HuffmanCode.fixedDistances)
        }
        for token in tokens {
            if token < 256 {
                code.literals.write(Int(token), to: &out)
                continue
            }
            let length = Int(token >> 16), distance = Int(token & 0xFFFF)
            let lengthSlot = Int(lengthSlots[length])
            code.literals.write(257 + lengthSlot, to: &out)
            out.write(length - lengthBase[lengthSlot], bits: lengthExtra[lengthSlot])
            let distanceSlot = Int(distanceSlots[distance - 1])
            code.distances.write(distanceSlot, to: &out)
            out.write(distance - distanceBase[distanceSlot], bits: distanceExtra[distanceSlot])
        }
        code.literals.write(256, to: &out)
        return out.finish()
    }

    /// LZ77 over `input`: a literal byte as itself, a match as `length << 16 | distance`.
    static func matches(_ input: [UInt8]) -> [UInt32] {
        let count = input.count
        // The most recent position of each hashed 4-byte sequence (-1: none), written through a
        // pointer: this loop runs over every byte of the index. Tokens are at most one per byte.
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
                        let slot = hash(bytes, position)
                        let candidate = Int(table[slot])
                        table[slot] = Int32(position)
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
                    if length <= 32 {
                        while position < end {
                            if position + 4 <= count { table[hash(bytes, position)] = Int32(position) }
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

    static let hashBits = 15

    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ at: Int) -> Int {
        let value = UInt32(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(fromByteOffset: at, as: UInt32.self))
        return Int((value &* 2_654_435_761) >> (32 - UInt32(hashBits)))
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

    /// Writes bits least significant first, as DEFLATE packs them.
    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt64 = 0
        var used = 0

        @inline(__always)
        mutating func write(_ value: Int, bits: Int) {
            buffer |= UInt64(value) << UInt64(used)
            used += bits
            while used >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                used -= 8
            }
        }

        mutating func finish() -> [UInt8] {
            if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            return bytes
        }
    }
}
