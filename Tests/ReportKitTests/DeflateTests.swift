import Foundation
import Testing
@testable import ReportKit

/// `Search/Deflate.swift`, `DeflateHuffman.swift` and `Inflate.swift`: the page and term shards'
/// compression. (`Tests/browser/test_search.py` checks `search.js`'s inflate against zlib.)
struct DeflateTests {
    static let samples: [[UInt8]] = [
        [], Array("a".utf8), Array(String(repeating: "credit consumer 芝麻信用 ", count: 400).utf8),
        (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) },
        Array((0..<3000).map { "第\($0)号贷款拥有征信记录，" + ($0 % 7 == 0 ? "Sesame Credit " : "") }.joined().utf8),
        [UInt8](repeating: 0, count: 100_000),
    ]

    @Test func roundTrips() {
        for sample in Self.samples {
            #expect(Deflate.inflate(Deflate.compress(sample)) == sample)
        }
        #expect(Deflate.compress(Self.samples[2]).count < Self.samples[2].count / 10)
    }

    /// Fixed codes spend 9 bits on every byte of Chinese UTF-8: the block's own codes are written instead.
    @Test func chineseTextIsCompressedWithTheBlocksOwnCodes() {
        var lines: [String] = []
        var state: UInt32 = 13
        let characters = Array("互联网消费金融征信记录芝麻信用平台借款人分期利率监管风险数据模型市场支付银行场景增长余额违约份额年轻用户")
        for _ in 0..<400 {
            var line = ""
            for _ in 0..<40 {
                state = state &* 1_103_515_245 &+ 12345
                line.append(characters[Int(state >> 16) % characters.count])
            }
            lines.append(line)
        }
        let text = Array(lines.joined(separator: "。").utf8)
        let packed = Deflate.compress(text)
        #expect(packed[0] & 0b110 == 0b100)  // block type 2
        #expect(Deflate.inflate(packed) == text)
        #expect(packed.count * 10 < text.count * 6, "\(packed.count) of \(text.count) bytes")
    }

    @Test func codeLengthsAreLimited() {
        // Fibonacci frequencies make Huffman's tree as deep as it can be.
        var frequencies = [1, 1]
        while frequencies.count < 30 { frequencies.append(frequencies[frequencies.count - 1] + frequencies[frequencies.count - 2]) }
        let lengths = HuffmanCode.lengths(for: frequencies, limit: 15)
        #expect(lengths.max() == 15)
        // A complete prefix code: the Kraft sum is exactly one.
        #expect(lengths.reduce(0.0) { $0 + pow(2, -Double($1)) } == 1)
        #expect(HuffmanCode.lengths(for: [0, 0, 5, 0], limit: 7).filter { $0 > 0 }.count == 2)
    }

    /// Codes are written least significant bit first, so each is stored with its bits reversed.
    @Test func codeBitsAreReversed() {
        for bits in 1...15 {
            for value in [0, 1, 2, 5, (1 << bits) - 1, (1 << bits) / 3] where value < 1 << bits {
                var expected = 0
                for bit in 0..<bits where value & (1 << bit) != 0 { expected |= 1 << (bits - 1 - bit) }
                #expect(HuffmanCode.reversed(value, bits: bits) == UInt16(expected), "\(value) in \(bits) bits")
            }
        }
    }

    @Test func storedBlocksAndBrokenStreams() {
        // A stored block (type 0) of "abc", as zlib writes it at level 0.
        #expect(Deflate.inflate([0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63]) == Array("abc".utf8))
        #expect(Deflate.inflate([0x01, 0x03, 0x00, 0xFC, 0xFE, 0x61, 0x62, 0x63]) == nil)
        #expect(Deflate.inflate([]) == nil)
        #expect(Deflate.inflate([0xFF, 0xFF, 0xFF]) == nil)
        let packed = Deflate.compress(Self.samples[4])
        #expect(Deflate.inflate(Array(packed.prefix(packed.count / 2))) == nil)
    }
}
