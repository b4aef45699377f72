/// "Did you mean ...?" hints for misspelt keys, columns, ids and paths.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(2, target.count / 3)
        return distance <= limit ? candidate : nil
    }

    /// A ready hint: "did you mean 'x'?" when one is close, else the list of valid choices.
    public static func hint(for word: String, in candidates: [String], noun: String = "one of") -> String? {
        if let match = closest(to: word, in: candidates) { return "did you mean '\(match)'?" }
        guard !candidates.isEmpty else { return nil }
        let shown = candidates.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        return "expected \(noun) \(shown)\(candidates.count > 12 ? ", ..." : "")"
    }

    /// Levenshtein distance between two character arrays.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
