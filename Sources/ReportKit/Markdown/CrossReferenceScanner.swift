/// Finds cross-references (`@fig-loan-split`, `@tbl-companies`) in running text.
public enum CrossReferenceScanner {
    public struct Match: Sendable, Hashable {
        /// The anchor referred to, e.g. `fig-loan-split`.
        public var anchor: String
        /// Where `@…` stands in the scanned text.
        public var range: Range<String.Index>
    }

    /// Every `@fig-…`/`@tbl-…` not glued to a word before it (so e-mail addresses are left alone;
    /// Chinese before `@` does not glue, see `Character.gluesFollowingAtSign`).
    public static func scan(_ text: String) -> [Match] {
        var matches: [Match] = []
        var index = text.startIndex
        while let at = text[index...].firstIndex(of: "@") {
            defer { index = text.index(after: at) }
            if at > text.startIndex {
                let previous = text[text.index(before: at)]
                if previous.gluesFollowingAtSign { continue }
            }
            let rest = text[text.index(after: at)...]
            guard rest.hasPrefix("fig-") || rest.hasPrefix("tbl-") else { continue }
            var end = rest.index(rest.startIndex, offsetBy: 4)
            while end < rest.endIndex, let ascii = rest[end].asciiValue,
                  (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57) || ascii == 45 {
                end = rest.index(after: end)
            }
            var anchor = String(rest[rest.startIndex..<end])
            while anchor.hasSuffix("-") { anchor.removeLast(); end = rest.index(before: end) }
            guard anchor.count > 4 else { continue }
            matches.append(Match(anchor: anchor, range: at..<end))
            index = end
        }
        return matches
    }
}
