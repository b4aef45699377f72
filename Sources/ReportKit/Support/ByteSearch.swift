import Foundation

extension String.UTF8View {
    /// The first index of `byte` at or after `start`. Uses `memchr` on the string's contiguous
    /// UTF-8 (a vectorised scan; the generic `firstIndex(of:)` steps byte by byte through index
    /// arithmetic): page bodies are scanned this way several times per build.
    func firstIndex(ofByte byte: UInt8, from start: Index) -> Index? {
        let startOffset = distance(from: startIndex, to: start)
        let found: Int?? = withContiguousStorageIfAvailable { buffer -> Int? in
            guard startOffset < buffer.count, let base = buffer.baseAddress,
                  let hit = memchr(base + startOffset, Int32(byte), buffer.count - startOffset) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        switch found {
        case let .some(offset): return offset.map { index(startIndex, offsetBy: $0) }
        case .none: return self[start...].firstIndex(of: byte)
        }
    }

    /// Whether the bytes hold `byte` (see `firstIndex(ofByte:from:)`).
    func contains(byte: UInt8) -> Bool {
        firstIndex(ofByte: byte, from: startIndex) != nil
    }
}
