/// Pulls the readable text out of an HTML fragment for the search index, working on UTF-8 bytes:
/// tags removed, `script` and `style` elements dropped, of an `svg` (a chart) only its `title` and
/// `desc` kept (the chart's description is searchable), entities decoded, white space
/// collapsed, block boundaries turned into spaces. It also notes where each heading with an `id`
/// starts in the text, in UTF-16 units (JavaScript's string offsets).
///
/// It runs once per page of every build, so it avoids `Character` iteration (grapheme breaking is
/// the slow part of Swift strings) and allocates only for the output and heading ids. The output
/// is raw memory sized once (the text is never longer than its HTML: an entity is at least as long
/// as the character it stands for, and a space written for a tag or white space stands for bytes
/// not written), so a run of text is copied with no check but one.
struct HTMLTextExtractor: ~Copyable {
    /// The text so far: `outputCount` bytes at `output`, which has room for `outputCapacity`.
    private let output: UnsafeMutablePointer<UInt8>
    private let outputCapacity: Int
    private var outputCount = 0
    private(set) var headingOffsets: [String: Int] = [:]
    /// UTF-16 units in the text.
    private var utf16Count = 0
    /// White space seen since the last kept scalar: written as one space before the next one.
    private var pendingSpace = false
    /// The element being skipped (`svg`, `script`, `style`), until its closing tag.
    private var skipping: TagName?
    /// Inside a skipped `svg`, the `title` or `desc` element whose text is kept, until its closing tag.
    private var keptInSkipped: TagName?

    /// A tag name, lower-cased, packed into an integer (names of up to 8 ASCII letters and digits;
    /// longer ones are `other`): comparing and looking up names allocates nothing.
    typealias TagName = UInt64
    static let otherName: TagName = .max

    static func name(_ text: String) -> TagName {
        text.utf8.reversed().reduce(0) { $0 << 8 | TagName($1) }
    }

    // The element lists below are arrays of integers, not sets: a few comparisons (or, for the
    // inline elements, one lookup) cost less than hashing a name, on every tag of every page.
    /// Elements whose edges are not word boundaries.
    static let inlineElements: [TagName] = ["a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s",
                                            "small", "span", "strong", "sub", "sup", "time", "u"].map(name)
    static let skippedElements: [TagName] = ["svg", "script", "style"].map(name)
    static let svg = name("svg")
    static let keptInSVG: [TagName] = ["title", "desc"].map(name)

    /// `inlineElements` by `inlineSlot`: one multiplication and one comparison a tag. The
    /// multiplier was picked so that these names fall in distinct slots (checked when the table is
    /// made); a free slot holds 1, which no tag name packs to.
    static let inlineMultiplier: UInt64 = 0xCAB7_8924_2B32_BB17
    static let inlineTable: [TagName] = {
        var table = [TagName](repeating: 1, count: 64)
        for name in inlineElements {
            precondition(table[inlineSlot(name)] == 1, "two inline elements share a slot: pick another multiplier")
            table[inlineSlot(name)] = name
        }
        return table
    }()

    @inline(__always)
    static func inlineSlot(_ name: TagName) -> Int { Int(truncatingIfNeeded: (name &* inlineMultiplier) >> 58) }

    /// Whether `name` is one of `inlineElements`.
    static func isInline(_ name: TagName) -> Bool {
        inlineTable[inlineSlot(name)] == name
    }

    /// Whether `name` is `h1` to `h6` (`h` in the low byte, the digit in the next).
    static func isHeading(_ name: TagName) -> Bool {
        name & 0xFF == TagName(UInt8(ascii: "h")) && name >> 8 >= TagName(UInt8(ascii: "1")) && name >> 8 <= TagName(UInt8(ascii: "6"))
    }

    /// An extractor for HTML of at most `htmlBytes` bytes.
    init(htmlBytes: Int) {
        outputCapacity = htmlBytes + 16
        output = .allocate(capacity: outputCapacity)
    }

    deinit { output.deallocate() }

    /// The text extracted, as UTF-8.
    var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: output, count: outputCount) }

    /// Appends `bytes` to the text.
    @inline(__always)
    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(outputCount + bytes.count <= outputCapacity, "the text of HTML is never longer than it")
        guard let source = bytes.baseAddress else { return }
        (output + outputCount).update(from: source, count: bytes.count)
        outputCount += bytes.count
    }

    /// Reads `html` to its end: every word of it is kept (the search finds every word).
    mutating func extract(_ html: UnsafeBufferPointer<UInt8>) {
        precondition(html.count + 16 <= outputCapacity)
        var index = 0
        while index < html.count {
            if html[index] == UInt8(ascii: "<") {
                guard let close = html.firstIndex(ofByte: UInt8(ascii: ">"), from: index + 1) else { break }
                readTag(UnsafeBufferPointer(rebasing: html[(index + 1)..<close]))
                index = close + 1
                continue
            }
            let next = html.firstIndex(ofByte: UInt8(ascii: "<"), from: index) ?? html.count
            if skipping == nil || keptInSkipped != nil { appendText(UnsafeBufferPointer(rebasing: html[index..<next])) }
            index = next
        }
    }

    /// Handles one tag's inside (between `<` and `>`).
    private mutating func readTag(_ tag: UnsafeBufferPointer<UInt8>) {
        let isClosing = tag.first == UInt8(ascii: "/")
        // The name: ASCII letters (lower-cased) and digits, as the tokeniser's table classes them.
        let classes = SearchTokenizer.asciiClasses
        var name: TagName = 0
        var length = 0
        var index = isClosing ? 1 : 0
        while index < tag.count {
            let byte = tag[index]
            let byteClass = classes[Int(byte)]
            if byteClass == 0 { break }
            if length == 8 { name = Self.otherName; break }
            name |= TagName(byteClass & SearchTokenizer.capitalClass != 0 ? byte | 0x20 : byte) << TagName(8 * length)
            length += 1
            index += 1
        }
        if let skipped = skipping {
            if isClosing && name == skipped { skipping = nil; keptInSkipped = nil }
            if skipped == Self.svg {
                if let kept = keptInSkipped, isClosing && name == kept { keptInSkipped = nil }
                if keptInSkipped == nil && !isClosing && Self.keptInSVG.contains(name) { keptInSkipped = name }
            }
        } else if !isClosing && Self.skippedElements.contains(name) && tag.last != UInt8(ascii: "/") {
            skipping = name
        }
        if !Self.isInline(name) { pendingSpace = outputCount > 0 }
        if skipping == nil, !isClosing, Self.isHeading(name), let id = Self.attribute("id", in: tag) {
            headingOffsets[id] = utf16Count + (outputCount == 0 ? 0 : 1)
        }
    }

    /// Appends a run of text, decoding entities.
    private mutating func appendText(_ run: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < run.count {
            let byte = run[index]
            if byte == UInt8(ascii: "&"), let (scalar, length) = HTMLEntities.entity(in: run, at: index) {
                appendScalar(scalar, bytes: nil)
                index += length
            } else if byte < 0x80 {
                index = appendASCII(run, from: index)
            } else {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(index + length, run.count)
                let bytes = UnsafeBufferPointer(rebasing: run[index..<end])
                appendScalar(Self.decodeScalar(bytes), bytes: bytes)
                index = end
            }
        }
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Whether each byte is plain text, copied as it is: ASCII but white space and `&` (looked up:
    /// the loop of `appendASCII` runs over most bytes of every page).
    static let plainBytes: [Bool] = (0...255).map { $0 < 0x80 && $0 != Int(UInt8(ascii: "&")) && !isASCIISpace(UInt8($0)) }

    /// The one space standing for white space seen since the last kept scalar.
    private mutating func writePendingSpace() {
        guard pendingSpace else { return }
        precondition(outputCount < outputCapacity)
        output[outputCount] = UInt8(ascii: " ")
        outputCount += 1
        utf16Count += 1
        pendingSpace = false
    }

    /// Appends the ASCII bytes of `run` from `start` up to the next `&`, non-ASCII byte or white
    /// space other than one plain space between words, at once (the common case, without decoding:
    /// a single space is already collapsed), or notes one white space; returns where it stopped.
    private mutating func appendASCII(_ run: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        if Self.isASCIISpace(run[start]) {
            pendingSpace = outputCount > 0
            return start + 1
        }
        // The table through a pointer: this loop runs over most bytes of every page.
        let end = Self.plainBytes.withUnsafeBufferPointer { plain in
            var end = start + 1
            while end < run.count {
                if plain[Int(run[end])] {
                    end &+= 1
                } else if run[end] == 0x20 && end + 1 < run.count && plain[Int(run[end + 1])] {
                    end &+= 2
                } else {
                    break
                }
            }
            return end
        }
        writePendingSpace()
        write(UnsafeBufferPointer(rebasing: run[start..<end]))
        utf16Count += end - start
        return end
    }

    /// Appends one scalar (its UTF-8 `bytes` when at hand), collapsing white space.
    private mutating func appendScalar(_ scalar: Unicode.Scalar, bytes: UnsafeBufferPointer<UInt8>?) {
        if scalar == "\u{21A9}" { return }  // footnote back-link arrow
        if Self.isWhitespace(scalar) {
            pendingSpace = outputCount > 0
            return
        }
        writePendingSpace()
        if let bytes {
            write(bytes)
        } else {
            var encoded = String(scalar)  // a small string: no allocation
            encoded.withUTF8 { write($0) }
        }
        utf16Count += scalar.value > 0xFFFF ? 2 : 1
    }

    /// Unicode's White_Space property (what `Character.isWhitespace` tests).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The scalar of a well-formed UTF-8 sequence (U+FFFD for a broken one; input is validated UTF-8).
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// The value of a double-quoted attribute in a tag's inside, entities decoded.
    static func attribute(_ name: String, in tag: UnsafeBufferPointer<UInt8>) -> String? {
        let needle = Array(" \(name)=\"".utf8)
        guard tag.count >= needle.count else { return nil }
        for start in 0...(tag.count - needle.count) where tag[start] == needle[0] {
            guard (0..<needle.count).allSatisfy({ tag[start + $0] == needle[$0] }) else { continue }
            let valueStart = start + needle.count
            guard let end = tag.firstIndex(ofByte: UInt8(ascii: "\""), from: valueStart) else { return nil }
            return HTMLEntities.decoding(UnsafeBufferPointer(rebasing: tag[valueStart..<end]))
        }
        return nil
    }
}
