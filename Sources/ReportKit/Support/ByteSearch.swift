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

    /// Whether the bytes hold `pattern` (`memchr` for its first byte, then a compare). With
    /// Foundation imported, `String.contains(_: String)` goes through `NSString` and UTF-16: on a
    /// page's HTML that cost a tenth of a whole build.
    func contains(bytes pattern: [UInt8]) -> Bool {
        let found: Bool? = withContiguousStorageIfAvailable { buffer in
            guard let first = pattern.first else { return true }
            var at = 0
            while let hit = buffer.firstIndex(ofByte: first, from: at) {
                guard hit + pattern.count <= buffer.count else { return false }
                if buffer[hit..<(hit + pattern.count)].elementsEqual(pattern) { return true }
                at = hit + 1
            }
            return false
        }
        return found ?? (pattern.isEmpty || Array(self).firstRange(of: pattern, from: 0) != nil)
    }
}

extension Array<UInt8> {
    /// The first occurrence of `pattern` at or after `start` (`memchr` for its first byte, then a
    /// compare): linear, where Foundation's `range(of:)` on a `Substring` copies the rest each call.
    func firstRange(of pattern: [UInt8], from start: Int) -> Range<Int>? {
        withUnsafeBufferPointer { $0.firstRange(of: pattern, from: start) }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The first occurrence of `pattern` at or after `start` (see `Array.firstRange(of:from:)`).
    func firstRange(of pattern: [UInt8], from start: Int) -> Range<Int>? {
        guard let first = pattern.first else { return nil }
        var at = start
        while let hit = firstIndex(ofByte: first, from: at) {
            guard hit + pattern.count <= count else { return nil }
            if self[hit..<(hit + pattern.count)].elementsEqual(pattern) { return hit..<(hit + pattern.count) }
            at = hit + 1
        }
        return nil
    }
}

extension String {
    /// The text with every occurrence of `pattern` replaced by `replacement`, left to right, compared
    /// byte for byte (Foundation's `replacingOccurrences` converts to UTF-16 and compares by
    /// canonical equivalence: a tenth of a whole build on the stand-alone report's scripts).
    func replacingEvery(_ pattern: [UInt8], with replacement: [UInt8]) -> String {
        guard !pattern.isEmpty else { return self }
        var text = self
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            var position = 0
            while let hit = bytes.firstRange(of: pattern, from: position) {
                if out.isEmpty { out.reserveCapacity(bytes.count + bytes.count / 16) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<hit.lowerBound]))
                out.append(contentsOf: replacement)
                position = hit.upperBound
            }
            guard position > 0 else { return self }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
