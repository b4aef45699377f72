/// The case changes styles apply to titles, leaving protected spans as written.
///
/// BibTeX titles are taken to be written in title case (as BibTeX expects); Pandoc turns them into
/// sentence case when it reads them and lets the style turn them back, and so do we:
/// `sentenceCase` lowers every word but the first (and words after a colon) unless it is
/// protected or has a capital after its first letter (`iPhone`, `ATM`); `titleCase` raises the
/// first letter of every lowercase word except short function words in the middle.
enum TextCase {
    /// Words kept lowercase inside a title (the list citeproc uses for CSL's title case).
    static let stopWords: Set<String> = [
        "a", "according", "across", "afore", "after", "against", "ahead", "along", "alongside", "amid", "amidst", "among",
        "amongst", "an", "and", "anenst", "apropos", "apud", "around", "as", "aside", "astride", "at", "athwart", "atop",
        "barring", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "but", "by", "circa",
        "despite", "down", "during", "except", "for", "forenenst", "from", "given", "in", "inside", "into", "lest", "like",
        "modulo", "near", "next", "notwithstanding", "of", "off", "on", "onto", "or", "out", "over", "per", "plus", "pro",
        "qua", "sans", "since", "so", "than", "the", "through", "thru", "throughout", "thruout", "till", "to", "toward",
        "towards", "under", "underneath", "until", "unto", "up", "upon", "versus", "vs.", "v.", "vis-à-vis", "with",
        "within", "without", "worth", "yet",
    ]

    static func sentenceCase(_ text: CaseText) -> CaseText {
        var startOfSentence = true
        return text.mapUnprotected { span, offset in
            transformWords(span) { word, first in
                defer { startOfSentence = word.hasSuffix(":") || word.hasSuffix("?") || word.hasSuffix("!") }
                // Each part of a hyphenated word on its own: `Peer-to-Peer` → `peer-to-peer`, `e-IPO` stays.
                let lowered = word.split(separator: "-", omittingEmptySubsequences: false)
                    .map { hasInnerCapital(String($0)) ? String($0) : $0.lowercased() }.joined(separator: "-")
                return (first && offset == 0) || startOfSentence ? capitalizeFirst(lowered) : lowered
            }
        }
    }

    static func titleCase(_ text: CaseText) -> CaseText {
        var startOfPhrase = true
        var lastWordIndex = 0
        let total = text.description.split(separator: " ").count
        return text.mapUnprotected { span, offset in
            transformWords(span) { word, _ in
                lastWordIndex += 1
                defer { startOfPhrase = word.hasSuffix(":") || word.hasSuffix("?") || word.hasSuffix("!") }
                let isLast = lastWordIndex == total
                let keepsStopWord = !startOfPhrase && !isLast
                // Each part of a hyphenated word: `peer-to-peer` → `Peer-to-Peer`; capitals already there stay.
                let parts = word.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { index, part -> String in
                    let text = String(part)
                    guard text == text.lowercased() else { return text }
                    return (index > 0 || keepsStopWord) && stopWords.contains(text) ? text : capitalizeFirst(text)
                }
                return parts.joined(separator: "-")
            }
        }
    }

    /// `text` with each space-separated word replaced by `change(word, isFirstWordOfText)`.
    static func transformWords(_ text: String, _ change: (String, Bool) -> String) -> String {
        var out = ""
        var word = ""
        var isFirst = true
        func flush() {
            if !word.isEmpty { out += change(word, isFirst); isFirst = false; word = "" }
        }
        for character in text {
            if character == " " { flush(); out.append(character) } else { word.append(character) }
        }
        flush()
        return out
    }

    static func capitalizeFirst(_ word: String) -> String {
        guard let index = word.firstIndex(where: \.isLetter) else { return word }
        return word[..<index] + word[index].uppercased() + word[word.index(after: index)...]
    }

    /// A capital after the first letter (`iPhone`, `ATM`, `McDonald`): the word is a name or an acronym.
    static func hasInnerCapital(_ word: String) -> Bool {
        word.dropFirst().contains { $0.isUppercase }
    }
}
