import Foundation

/// The one tokeniser of the search: the index is made with it here, and the theme's
/// `assets/search.js` (`tokenize`) cuts queries and snippets with the same rules, so that a word
/// typed finds the word written. Both are tested with the same cases (`SearchTokenizerTests`,
/// `Tests/browser/test_search.py`).
///
/// - A **word** is a run of letters, digits and combining marks (Unicode categories L, N, M) that
///   are not CJK. It is folded: decomposed (NFD), lower-cased, nonspacing marks (Mn) removed and a
///   final sigma read as σ, so `Crédit`, `CREDIT` and `credit` are one term. Words longer than
///   `maxWordLength` code points are cut there (a query is cut the same way, so it still matches).
/// - A **CJK run** (Han, kana, Hangul) gives every character as a term and every pair of
///   neighbouring characters (a bigram), so `征信`, `芝麻信用` and `记录` all match inside
///   `拥有征信记录`: a query run of two or more characters asks for all of its bigrams.
/// - Everything else (spaces, punctuation, symbols) separates terms.
public enum SearchTokenizer {
    /// Code points kept of a long word.
    public static let maxWordLength = 40

    /// One term of a text and where it starts, in UTF-16 units (JavaScript's string offsets).
    public struct Token: Sendable, Equatable {
        public var term: String
        public var offset: Int
    }

    /// The terms of `text` in order (a CJK run gives each character, then the bigram it starts).
    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { bytes in forEachTerm(inUTF8: bytes) { tokens.append(Token(term: String(decoding: $0, as: UTF8.self), offset: $1)) } }
        return tokens
    }

    /// The terms of `text`, without offsets.
    public static func terms(in text: String) -> [String] {
        tokens(in: text).map(\.term)
    }

    /// What a scalar is to the tokeniser.
    enum Kind { case word, cjk, separator }

    static func kind(_ scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 0x80 { return isASCIILetterOrDigit(UInt8(value)) ? .word : .separator }
        if scalar.isWrittenWithoutWordSpaces { return .cjk }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return .word
        default:
            return .separator
        }
    }

    /// A word folded for matching (see the type's notes). ASCII words only change case.
    public static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return word.count <= maxWordLength ? word.lowercased() : String(word.lowercased().prefix(maxWordLength))
        }
        let scalars = word.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
            .map { $0 == "\u{03C2}" ? "\u{03C3}" : $0 }
        var folded = String.UnicodeScalarView()
        folded.append(contentsOf: scalars.prefix(maxWordLength))
        return String(folded)
    }

    /// Per byte: 0 when it ends an ASCII run of letters and digits (any other byte, non-ASCII
    /// ones too), else `letterOrDigitClass`, with `capitalClass` added for A to Z. Looked up in the
    /// tokeniser's inner loop, over most bytes of every page.
    static let letterOrDigitClass: UInt8 = 1
    static let capitalClass: UInt8 = 2
    static let asciiClasses: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        guard byte < 0x80 && isASCIILetterOrDigit(byte) else { return 0 }
        return letterOrDigitClass | (byte >= 0x41 && byte <= 0x5A ? capitalClass : 0)
    }

    /// Calls `body(term, offset)` for every term of UTF-8 `bytes` (valid UTF-8): the term's folded
    /// UTF-8 bytes (valid only during the call) and its offset in UTF-16 units. Works on bytes and
    /// allocates only for words outside ASCII: it runs over every page of every build. A word's
    /// bytes are contiguous in `bytes`, so they are handed on from there (an ASCII word with
    /// capitals is lower-cased into a small buffer first).
    static func forEachTerm(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var index = 0
        var utf16 = 0
        // The current word: where it starts (bytes, UTF-16), whether it is all ASCII, whether it has capitals.
        var wordStart = -1
        var wordOffset = 0
        var wordIsASCII = true
        var wordHasCapitals = false
        // A constant pointer, not an array variable: the nested function writing through it needs
        // no exclusivity check per word.
        let lowered = UnsafeMutablePointer<UInt8>.allocate(capacity: maxWordLength)
        defer { lowered.deallocate() }
        // The CJK run: each character's byte range in `bytes` and UTF-16 offset.
        var run: [(start: Int, end: Int, offset: Int)] = []

        func endWord(at end: Int) {
            guard wordStart >= 0 else { return }
            let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<end])
            if !wordIsASCII {
                var folded = fold(String(decoding: word, as: UTF8.self))
                folded.withUTF8 { body($0, wordOffset) }
            } else if !wordHasCapitals {
                body(UnsafeBufferPointer(rebasing: word.prefix(maxWordLength)), wordOffset)
            } else {
                let kept = min(word.count, maxWordLength)
                for position in 0..<kept {
                    let byte = word[position]
                    lowered[position] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                body(UnsafeBufferPointer(start: lowered, count: kept), wordOffset)
            }
            wordStart = -1
            wordIsASCII = true
            wordHasCapitals = false
        }
        func endRun() {
            for position in run.indices {
                let character = run[position]
                body(UnsafeBufferPointer(rebasing: bytes[character.start..<character.end]), character.offset)
                if position + 1 < run.count {
                    body(UnsafeBufferPointer(rebasing: bytes[character.start..<run[position + 1].end]), character.offset)
                }
            }
            run.removeAll(keepingCapacity: true)
        }

        // The class table through a pointer: the inner loop below runs over most bytes of every page.
        asciiClasses.withUnsafeBufferPointer { classTable in
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    guard isASCIILetterOrDigit(byte) else {
                        endWord(at: index)
                        if !run.isEmpty { endRun() }
                        utf16 += 1
                        index += 1
                        continue
                    }
                    if !run.isEmpty { endRun() }
                    if wordStart < 0 { wordStart = index; wordOffset = utf16 }
                    // The rest of the ASCII letters and digits at once (most of any text).
                    var end = index
                    var classes: UInt8 = 0
                    while end < bytes.count {
                        let byteClass = classTable[Int(bytes[end])]
                        if byteClass == 0 { break }
                        classes |= byteClass
                        end &+= 1
                    }
                    if classes & Self.capitalClass != 0 { wordHasCapitals = true }
                    utf16 += end - index
                    index = end
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(index + length, bytes.count)
                let scalar = HTMLTextExtractor.decodeScalar(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                switch kind(scalar) {
                case .word:
                    if !run.isEmpty { endRun() }
                    if wordStart < 0 { wordStart = index; wordOffset = utf16 }
                    wordIsASCII = false
                case .cjk:
                    endWord(at: index)
                    run.append((index, end, utf16))
                case .separator:
                    endWord(at: index)
                    if !run.isEmpty { endRun() }
                }
                utf16 += scalar.value > 0xFFFF ? 2 : 1
                index = end
            }
        }
        endWord(at: bytes.count)
        if !run.isEmpty { endRun() }
    }
}
