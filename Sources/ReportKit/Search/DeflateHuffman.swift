/// A canonical Huffman code as DEFLATE uses it: a length per symbol (0: unused), codes assigned
/// in symbol order within each length, sent most significant bit first.
struct HuffmanCode: Sendable {
    let lengths: [UInt8]
    /// Each symbol's code with its bits reversed, ready for `Deflate.BitWriter` (least significant first).
    let reversedCodes: [UInt16]

    init(lengths: [UInt8]) {
        self.lengths = lengths
        var perLength = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { perLength[Int(length)] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1..<16 {
            code = (code + perLength[length - 1]) << 1
            next[length] = code
        }
        next[1] = 0
        var reversed = [UInt16](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            reversed[symbol] = Self.reversed(next[Int(length)], bits: Int(length))
            next[Int(length)] += 1
        }
        reversedCodes = reversed
    }

    /// The low `bits` bits of `value` (at most 16) in reverse order: halves, quarters, … swapped.
    static func reversed(_ value: Int, bits: Int) -> UInt16 {
        var reversed = UInt16(truncatingIfNeeded: value)
        reversed = (reversed & 0x5555) << 1 | (reversed >> 1) & 0x5555
        reversed = (reversed & 0x3333) << 2 | (reversed >> 2) & 0x3333
        reversed = (reversed & 0x0F0F) << 4 | (reversed >> 4) & 0x0F0F
        reversed = reversed << 8 | reversed >> 8
        return reversed >> UInt16(16 - bits)
    }

    @inline(__always)
    func write(_ symbol: Int, to out: inout Deflate.BitWriter) {
        out.write(Int(reversedCodes[symbol]), bits: Int(lengths[symbol]))
    }

    /// RFC 1951's fixed codes (block type 1).
    static let fixedLiterals = HuffmanCode(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    static let fixedDistances = HuffmanCode(lengths: [UInt8](repeating: 5, count: 30))

    /// Huffman code lengths for symbols of these frequencies, none longer than `limit`: the
    /// frequencies are halved until the longest code fits. Ties go by symbol number (deterministic).
    /// At least two symbols get a code (a one-code alphabet is not a complete code).
    static func lengths(for frequencies: [Int], limit: Int) -> [UInt8] {
        var weights = frequencies
        var used = weights.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        for symbol in weights.indices where used < 2 && weights[symbol] == 0 {
            weights[symbol] = 1
            used += 1
        }
        while true {
            let lengths = treeDepths(weights)
            if lengths.max() ?? 0 <= UInt8(limit) { return lengths }
            weights = weights.map { $0 == 0 ? 0 : ($0 + 1) / 2 }
        }
    }

    /// The leaf depths of Huffman's tree (two queues: leaves by weight, merged nodes in order).
    private static func treeDepths(_ weights: [Int]) -> [UInt8] {
        // By weight, then symbol: sorted as one integer each (weight above the symbol's 16 bits).
        let leaves = weights.indices.filter { weights[$0] > 0 }.map { UInt64(weights[$0]) << 16 | UInt64($0) }.sorted().map { Int($0 & 0xFFFF) }
        let count = leaves.count
        var weight = leaves.map { weights[$0] } + [Int](repeating: 0, count: max(count - 1, 0))
        var parent = [Int](repeating: -1, count: max(2 * count - 1, 0))
        var nextLeaf = 0, nextMerged = count, made = count
        func smallest() -> Int {
            if nextLeaf < count && (nextMerged >= made || weight[nextLeaf] <= weight[nextMerged]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextMerged += 1
            return nextMerged - 1
        }
        for _ in 0..<max(count - 1, 0) {
            let first = smallest(), second = smallest()
            weight[made] = weight[first] + weight[second]
            parent[first] = made
            parent[second] = made
            made += 1
        }
        var depth = [Int](repeating: 0, count: parent.count)
        if parent.count >= 2 {
            for node in stride(from: parent.count - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        }
        var lengths = [UInt8](repeating: 0, count: weights.count)
        for (node, symbol) in leaves.enumerated() { lengths[symbol] = UInt8(count == 1 ? 1 : depth[node]) }
        return lengths
    }
}

/// A dynamic block's codes (block type 2) and their description in the block header: the
/// literal/length and distance code lengths, run-length coded with the code-length code.
struct DynamicHeader {
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    let literals: HuffmanCode
    let distances: HuffmanCode
    private let literalCount: Int
    private let distanceCount: Int
    /// The run-length coded lengths: a code-length symbol (0...18) and its extra bits.
    private let runs: [(symbol: Int, extra: Int)]
    private let codeLengths: HuffmanCode
    private let codeLengthCount: Int
    /// The header's size in bits.
    let bits: Int

    init(literalFrequencies: [Int], distanceFrequencies: [Int]) {
        literals = HuffmanCode(lengths: HuffmanCode.lengths(for: literalFrequencies, limit: 15))
        distances = HuffmanCode(lengths: HuffmanCode.lengths(for: distanceFrequencies, limit: 15))
        literalCount = max(257, (literals.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        distanceCount = max(1, (distances.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let all = Array(literals.lengths.prefix(literalCount)) + Array(distances.lengths.prefix(distanceCount))
        var runs: [(symbol: Int, extra: Int)] = []
        var index = 0
        while index < all.count {
            let value = Int(all[index])
            var run = 1
            while index + run < all.count && all[index + run] == all[index] { run += 1 }
            index += run
            if value == 0 {
                while run >= 11 { let taken = min(run, 138); runs.append((18, taken - 11)); run -= taken }
                if run >= 3 { runs.append((17, run - 3)); run = 0 }
            } else {
                runs.append((value, 0))
                run -= 1
                while run >= 3 { let taken = min(run, 6); runs.append((16, taken - 3)); run -= taken }
            }
            runs += repeatElement((symbol: value, extra: 0), count: run)
        }
        self.runs = runs
        var frequencies = [Int](repeating: 0, count: 19)
        for run in runs { frequencies[run.symbol] += 1 }
        let code = HuffmanCode(lengths: HuffmanCode.lengths(for: frequencies, limit: 7))
        let used = max(4, (Self.codeLengthOrder.lastIndex { code.lengths[$0] > 0 } ?? 0) + 1)
        codeLengths = code
        codeLengthCount = used
        bits = 14 + 3 * used + runs.reduce(0) { $0 + Int(code.lengths[$1.symbol]) + Self.extraBits($1.symbol) }
    }

    /// The extra bits after code-length symbol `symbol` (16: repeat, 17 and 18: zeros).
    static func extraBits(_ symbol: Int) -> Int {
        switch symbol {
        case 16: 2
        case 17: 3
        case 18: 7
        default: 0
        }
    }

    func write(to out: inout Deflate.BitWriter) {
        out.write(literalCount - 257, bits: 5)
        out.write(distanceCount - 1, bits: 5)
        out.write(codeLengthCount - 4, bits: 4)
        for symbol in Self.codeLengthOrder.prefix(codeLengthCount) { out.write(Int(codeLengths.lengths[symbol]), bits: 3) }
        for run in runs {
            codeLengths.write(run.symbol, to: &out)
            out.write(run.extra, bits: Self.extraBits(run.symbol))
        }
    }
}
