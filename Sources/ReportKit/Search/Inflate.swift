extension Deflate {
    /// The bytes of a DEFLATE stream (stored, fixed and dynamic Huffman blocks), or `nil` for a
    /// broken one. For tests and the link audit, which read the page shards back; `search.js`
    /// has the same decoder (`inflate`).
    static func inflate(_ data: [UInt8]) -> [UInt8]? {
        var reader = BitReader(data: data)
        var out: [UInt8] = []
        var last = false
        while !last {
            guard let final = reader.bits(1), let type = reader.bits(2) else { return nil }
            last = final == 1
            switch type {
            case 0:
                reader.skipToByte()
                guard let size = reader.bits(16), let complement = reader.bits(16), size ^ complement == 0xFFFF,
                      let bytes = reader.bytes(size) else { return nil }
                out += bytes
            case 1:
                guard reader.block(HuffmanDecoder.fixedLiterals, HuffmanDecoder.fixedDistances, into: &out) else { return nil }
            case 2:
                guard let codes = reader.dynamicCodes(), reader.block(codes.literals, codes.distances, into: &out) else { return nil }
            default:
                return nil
            }
        }
        return out
    }

    /// A canonical Huffman code for decoding: how many codes of each length, symbols in code order.
    struct HuffmanDecoder {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var next = [Int](repeating: 0, count: 16)
            for length in 1..<15 { next[length + 1] = next[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length > 0 {
                symbols[next[length]] = symbol
                next[length] += 1
            }
        }

        static let fixedLiterals = HuffmanDecoder(lengths: HuffmanCode.fixedLiterals.lengths.map(Int.init))
        static let fixedDistances = HuffmanDecoder(lengths: HuffmanCode.fixedDistances.lengths.map(Int.init))
    }

    /// Reads a stream's bits, least significant first.
    struct BitReader {
        let data: [UInt8]
        var position = 0

        mutating func bits(_ count: Int) -> Int? {
            guard position + count <= data.count * 8 else { return nil }
            var value = 0
            for index in 0..<count {
                value |= (Int(data[position >> 3] >> UInt8(position & 7)) & 1) << index
                position += 1
            }
            return value
        }

        mutating func skipToByte() { position = (position + 7) & ~7 }

        mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
            let start = position >> 3
            guard start + count <= data.count else { return nil }
            position += count * 8
            return data[start..<(start + count)]
        }

        /// One symbol: the code read a bit at a time, most significant first.
        mutating func symbol(_ code: HuffmanDecoder) -> Int? {
            var value = 0, first = 0, index = 0
            for length in 1...15 {
                guard let bit = bits(1) else { return nil }
                value |= bit
                let count = code.counts[length]
                if value - first < count { return code.symbols[index + value - first] }
                index += count
                first = (first + count) << 1
                value <<= 1
            }
            return nil
        }

        /// A dynamic block's codes, from its header.
        mutating func dynamicCodes() -> (literals: HuffmanDecoder, distances: HuffmanDecoder)? {
            guard let literalCount = bits(5).map({ $0 + 257 }), let distanceCount = bits(5).map({ $0 + 1 }),
                  let codeLengthCount = bits(4).map({ $0 + 4 }) else { return nil }
            var codeLengths = [Int](repeating: 0, count: 19)
            for symbol in DynamicHeader.codeLengthOrder.prefix(codeLengthCount) {
                guard let length = bits(3) else { return nil }
                codeLengths[symbol] = length
            }
            let lengthCode = HuffmanDecoder(lengths: codeLengths)
            var lengths: [Int] = []
            while lengths.count < literalCount + distanceCount {
                guard let symbol = symbol(lengthCode) else { return nil }
                let repeated: (value: Int, count: Int?)
                switch symbol {
                case 0..<16: lengths.append(symbol); continue
                case 16:
                    guard let previous = lengths.last else { return nil }
                    repeated = (previous, bits(2).map { $0 + 3 })
                case 17: repeated = (0, bits(3).map { $0 + 3 })
                default: repeated = (0, bits(7).map { $0 + 11 })
                }
                guard let count = repeated.count, lengths.count + count <= literalCount + distanceCount else { return nil }
                lengths += repeatElement(repeated.value, count: count)
            }
            return (HuffmanDecoder(lengths: Array(lengths[..<literalCount])), HuffmanDecoder(lengths: Array(lengths[literalCount...])))
        }

        /// The symbols of one Huffman block, up to its end code, appended to `out`.
        mutating func block(_ literals: HuffmanDecoder, _ distances: HuffmanDecoder, into out: inout [UInt8]) -> Bool {
            while true {
                guard let symbol = symbol(literals) else { return false }
                if symbol < 256 { out.append(UInt8(symbol)); continue }
                if symbol == 256 { return true }
                let lengthSlot = symbol - 257
                guard lengthSlot < lengthBase.count, let lengthExtraBits = bits(lengthExtra[lengthSlot]),
                      let distanceSlot = self.symbol(distances), distanceSlot < distanceBase.count,
                      let distanceExtraBits = bits(distanceExtra[distanceSlot]) else { return false }
                let length = lengthBase[lengthSlot] + lengthExtraBits
                let distance = distanceBase[distanceSlot] + distanceExtraBits
                guard distance <= out.count else { return false }
                for _ in 0..<length { out.append(out[out.count - distance]) }
            }
        }
    }
}
