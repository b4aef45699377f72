/// "Did you mean ...?" hints for misspelt keys, columns, ids and paths.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
    /// (the first of equally close ones).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Folded(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            if let distance = target.distance(to: Folded(candidate), below: best?.distance) {
                best = (candidate, distance)
                if distance == 0 { break }
            }
        }
        return best?.candidate
    }

    /// A ready hint: "did you mean 'x'?" when one is close, else the list of valid choices.
    public static func hint(for word: String, in candidates: [String], noun: String = "one of") -> String? {
        if let match = closest(to: word, in: candidates) { return "did you mean '\(match)'?" }
        return choices(candidates, noun: noun)
    }

    /// "expected one of 'a', 'b', ..." (at most 12 shown); `nil` without candidates.
    static func choices(_ candidates: [String], noun: String) -> String? {
        guard !candidates.isEmpty else { return nil }
        let shown = candidates.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        return "expected \(noun) \(shown)\(candidates.count > 12 ? ", ..." : "")"
    }

    /// Hints for many misspelt words against one list of candidates (every bad navigation entry of
    /// a large site, say): the candidates are prepared once, and once `budget` comparisons are spent
    /// the hints only list the choices, so that thousands of errors against thousands of pages cost
    /// no more than a few dozen. A handful of typos always gets its "did you mean".
    public struct Hints: Sendable {
        let candidates: [String]
        let folded: [Folded]
        let noun: String
        /// Comparisons left.
        public private(set) var budget: Int

        public init(candidates: [String], noun: String = "one of", budget: Int = 50_000) {
            self.candidates = candidates
            folded = candidates.map(Folded.init)
            self.noun = noun
            self.budget = budget
        }

        /// The hint for `word`, as `Suggestion.hint` gives it while the budget lasts.
        public mutating func hint(for word: String) -> String? {
            guard budget >= folded.count else { return Suggestion.choices(candidates, noun: noun) }
            budget -= folded.count
            let target = Folded(word)
            var best: (index: Int, distance: Int)?
            for (index, candidate) in folded.enumerated() {
                if let distance = target.distance(to: candidate, below: best?.distance) {
                    best = (index, distance)
                    if distance == 0 { break }
                }
            }
            if let best { return "did you mean '\(candidates[best.index])'?" }
            return Suggestion.choices(candidates, noun: noun)
        }
    }

    /// A word lowercased for comparing: its UTF-8 bytes when it is ASCII (the common case, and
    /// cheap), else its characters.
    struct Folded: Sendable {
        let ascii: [UInt8]?
        let characters: [Character]
        var count: Int { ascii?.count ?? characters.count }

        init(_ word: String) {
            let lowered = word.lowercased()
            if lowered.utf8.allSatisfy({ $0 < 0x80 }) {
                ascii = Array(lowered.utf8)
                characters = []
            } else {
                ascii = nil
                characters = Array(lowered)
            }
        }

        /// The edit distance to `other` when it is small enough to suggest (at most a third of this
        /// word's length, at least 2) and below `bound` when given; `nil` otherwise.
        func distance(to other: Folded, below bound: Int?) -> Int? {
            var limit = max(2, count / 3)
            if let bound { limit = min(limit, bound - 1) }
            guard limit >= 0, abs(count - other.count) <= limit else { return nil }
            if let ascii, let otherASCII = other.ascii {
                return Suggestion.editDistance(ascii, otherASCII, atMost: limit)
            }
            let mine = ascii.map { $0.map { Character(Unicode.Scalar($0)) } } ?? characters
            let theirs = other.ascii.map { $0.map { Character(Unicode.Scalar($0)) } } ?? other.characters
            return Suggestion.editDistance(mine, theirs, atMost: limit)
        }
    }

    /// Levenshtein distance between two arrays.
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        editDistance(a, b, atMost: max(a.count, b.count))!
    }

    /// Levenshtein distance between two arrays if it is at most `limit`, else `nil`. Only the cells
    /// within `limit` of the diagonal are computed, and the work stops as soon as every cell of a
    /// row exceeds `limit`: O(length × limit).
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let beyond = limit + 1
        var previous = (0...b.count).map { $0 <= limit ? $0 : beyond }
        var current = [Int](repeating: beyond, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = i <= limit ? i : beyond
            if low > 1 { current[low - 1] = beyond }
            var rowMinimum = current[0]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, beyond)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < b.count { current[high + 1] = beyond }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
