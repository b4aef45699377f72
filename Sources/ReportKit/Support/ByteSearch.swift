import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// The first index of `byte` at or after `start`, found with `memchr` (a vectorised scan; the
    /// generic `firstIndex(of:)` steps byte by byte). Page bodies are scanned this way several
    /// times per build.
    func firstIndex(ofByte byte: UInt8, from start: Int) -> Int? {
        guard start < count, let base = baseAddress, let hit = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}

extension String.UTF8View {
    /// The first index of `byte` at or after `start` (`memchr` on the string's contiguous UTF-8).
    func firstIndex(ofByte byte: UInt8, from start: Index) -> Index? {
        let startOffset = distance(from: startIndex, to: start)
        let found: Int?? = withContiguousStorageIfAvailable { $0.firstIndex(ofByte: byte, from: startOffset) }
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

extension Array<UInt8> {
    /// The first occurrence of `pattern` at or after `start` (`memchr` for its first byte, then a
    /// compare): linear, where Foundation's `range(of:)` on a `Substring` copies the rest each call.
    func firstRange(of pattern: [UInt8], from start: Int) -> Range<Int>? {
        guard let first = pattern.first else { return nil }
        return withUnsafeBufferPointer { buffer -> Range<Int>? in
            var at = start
            while let hit = buffer.firstIndex(ofByte: first, from: at) {
                guard hit + pattern.count <= count else { return nil }
                if buffer[hit..<(hit + pattern.count)].elementsEqual(pattern) { return hit..<(hit + pattern.count) }
                at = hit + 1
            }
            return nil
        }
    }
}
