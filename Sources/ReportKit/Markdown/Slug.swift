import Foundation

/// Stable heading ids: lowercase ASCII words joined by `-`, accents folded, Chinese (and other
/// non-Latin letters) kept as they are, so `## 征信 Credit Reporting` gets `征信-credit-reporting`.
public enum Slug {
    /// The slug of `text`; `section` when nothing usable is left.
    public static func make(_ text: String) -> String {
        // ASCII has no accents to fold (and Foundation's folding is costly: every heading passes here).
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let keep: Bool
            if scalar.isASCII {
                keep = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            } else {
                keep = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if keep {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Hands out unique ids within one page: the second `overview` becomes `overview-2`.
    public struct Registry: Sendable {
        private var used: Set<String>
        /// The first suffix not yet tried for each base, so that n equal headings cost O(n), not O(n²).
        private var nextSuffix: [String: Int] = [:]

        public init(reserved: Set<String> = []) {
            used = reserved
        }

        /// A unique id based on `text`'s slug.
        public mutating func unique(for text: String) -> String {
            let base = Slug.make(text)
            var candidate = base
            var counter = nextSuffix[base] ?? 2
            while used.contains(candidate) {
                candidate = "\(base)-\(counter)"
                counter += 1
            }
            nextSuffix[base] = counter
            used.insert(candidate)
            return candidate
        }
    }
}
