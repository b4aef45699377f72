/// DEFLATE (RFC 1951) with fixed Huffman codes, and its inverse for such streams.
///
/// The search index's page shards hold every page's text (for snippets); compressed, the whole
/// index stays smaller than the site's text. Browsers inflate them with
/// `DecompressionStream("deflate-raw")`, which works from `file://`. One block, greedy LZ77 over
/// a 32 KB window with one hash candidate per position: fast, and about 2.5× on prose.
enum Deflate {
    /// The compressed stream of `input` (one final block with fixed codes).
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.write(1, bits: 1)  // last block
        out.write(1, bits: 2)  // fixed Huffman codes
        let count = input.count
        var table = [Int32](repeating: -1, count: 1 << hashBits)
        input.withUnsafeBufferPointer { bytes in
            var position = 0
            while position < count {
                var length = 0
                var distance = 0
                if position + 4 <= count {
                    let slot = hash(bytes, position)
                    let candidate = Int(table[slot])
                    table[slot] = Int32(position)
                    if candidate >= 0 && position - candidate <= 32768 {
                        let limit = min(258, count - position)
                        while length < limit && bytes[candidate + length] == bytes[position + length] { length += 1 }
                        if length < 4 { length = 0 } else { distance = position - candidate }
                    }
                }
                if length == 0 {
                    out.writeLiteral(Int(bytes[position]))
                    position += 1
                    continue
                }
                out.writeMatch(length: length, distance: distance)
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
        out.writeSymbol(256)
        return out.finish()
    }

    static let hashBits = 15

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int {
        let value = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
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

    /// Each fixed code with its bits reversed (DEFLATE sends Huffman codes most significant bit
    /// first), and its length: literal/length symbols 0...287, then distance codes 0...29.
    static let fixedCodes: [(code: Int, length: Int)] = (0..<318).map { symbol in
        let (code, length): (Int, Int)
        switch symbol {
        case 0...143: (code, length) = (0x30 + symbol, 8)
        case 144...255: (code, length) = (0x190 + symbol - 144, 9)
        case 256...279: (code, length) = (symbol - 256, 7)
        case 280...287: (code, length) = (0xC0 + symbol - 280, 8)
        default: (code, length) = (symbol - 288, 5)
        }
        var reversed = 0
        for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
        return (reversed, length)
    }

    /// Writes bits least significant first, as DEFLATE packs them.
    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt64 = 0
        var used = 0

        mutating func write(_ value: Int, bits: Int) {
            buffer |= UInt64(value) << UInt64(used)
            used += bits
            while used >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                used -= 8
            }
        }

        /// A literal/length symbol (0...287) with its fixed code.
        mutating func writeSymbol(_ symbol: Int) {
            let code = Deflate.fixedCodes[symbol]
            write(code.code, bits: code.length)
        }

        mutating func writeLiteral(_ byte: Int) { writeSymbol(byte) }

        mutating func writeMatch(length: Int, distance: Int) {
            let lengthSlot = Int(Deflate.lengthSlots[length])
            writeSymbol(257 + lengthSlot)
            write(length - Deflate.lengthBase[lengthSlot], bits: Deflate.lengthExtra[lengthSlot])
            let distanceSlot = Int(Deflate.distanceSlots[distance - 1])
            let code = Deflate.fixedCodes[288 + distanceSlot]
            write(code.code, bits: code.length)
            write(distance - Deflate.distanceBase[distanceSlot], bits: Deflate.distanceExtra[distanceSlot])
        }

        mutating func finish() -> [UInt8] {
            if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            return bytes
        }
    }
}

extension Deflate {
    /// The bytes of a stream that `compress` wrote (one block with fixed codes); `nil` for any
    /// other stream. For tests and the link audit, which read the page shards back.
    static func inflate(_ data: [UInt8]) -> [UInt8]? {
        var bitPosition = 0
        func bit() -> Int? {
            guard bitPosition < data.count * 8 else { return nil }
            defer { bitPosition += 1 }
            return Int(data[bitPosition >> 3] >> UInt8(bitPosition & 7)) & 1
        }
        func bits(_ count: Int) -> Int? {
            var value = 0
            for index in 0..<count {
                guard let next = bit() else { return nil }
                value |= next << index
            }
            return value
        }
        func code(_ count: Int, after prefix: Int) -> Int? {
            var value = prefix
            for _ in 0..<count {
                guard let next = bit() else { return nil }
                value = value << 1 | next
            }
            return value
        }
        guard bits(1) == 1, bits(2) == 1 else { return nil }
        var out: [UInt8] = []
        while true {
            guard var symbol = code(7, after: 0) else { return nil }
            if symbol <= 0x17 {
                symbol += 256
            } else {
                guard let eight = code(1, after: symbol) else { return nil }
                if eight >= 0x30 && eight <= 0xBF { symbol = eight - 0x30 } else if eight >= 0xC0 && eight <= 0xC7 { symbol = eight - 0xC0 + 280 } else {
                    guard let nine = code(1, after: eight), nine >= 0x190 else { return nil }
                    symbol = nine - 0x190 + 144
                }
            }
            if symbol < 256 { out.append(UInt8(symbol)); continue }
            if symbol == 256 { return out }
            let lengthSlot = symbol - 257
            guard lengthSlot < lengthBase.count, let lengthExtraBits = bits(lengthExtra[lengthSlot]),
                  let distanceSlot = code(5, after: 0), distanceSlot < distanceBase.count,
                  let distanceExtraBits = bits(distanceExtra[distanceSlot]) else { return nil }
            let length = lengthBase[lengthSlot] + lengthExtraBits
            let distance = distanceBase[distanceSlot] + distanceExtraBits
            guard distance <= out.count else { return nil }
            for _ in 0..<length { out.append(out[out.count - distance]) }
        }
    }
}
