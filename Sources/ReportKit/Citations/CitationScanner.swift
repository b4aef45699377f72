import Foundation

/// Finds Pandoc-style citations in running text (a Markdown text node, so never inside code,
/// links or autolinked URLs and e-mail addresses, which are other nodes):
///
/// - `[@key]`, `[@key, p. 33]`, `[see @a, chap. 2; also @b]`, `[-@key]` (author suppressed);
/// - narrative `@key`, optionally followed by a locator in brackets: `@key [p. 33]`.
///
/// A key starts with a letter, digit or `_` and goes on with letters, digits and `:.#$%&-+?<>~/_`
/// (punctuation at its end is not part of it); `@{key}` allows any other character. An `@` after a
/// letter or digit (`name@example.org`) starts no citation. Keys starting with `fig-` or `tbl-` are
/// cross-references, not citations (`CrossReferenceScanner`).
public enum CitationScanner {
    public struct Match: Sendable, Hashable {
        public var citation: Citation
        /// Where the citation stands in the scanned text.
        public var range: Range<String.Index>
    }

    /// Every citation in `text`; narrative ones only with `narrative` (a site without a
    /// bibliography keeps `@name` as text, while `[@key]` is always a citation).
    public static func scan(_ text: String, narrative allowsNarrative: Bool = true) -> [Match] {
        var matches: [Match] = []
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "[", let match = bracketed(text, at: index) {
                matches.append(match)
                index = match.range.upperBound
                continue
            }
            if c == "@", allowsNarrative, let match = narrative(text, at: index) {
                matches.append(match)
                index = match.range.upperBound
                continue
            }
            index = text.index(after: index)
        }
        return matches
    }

    /// Whether `key` is a figure or table cross-reference.
    public static func isCrossReference(_ key: String) -> Bool { key.hasPrefix("fig-") || key.hasPrefix("tbl-") }

    /// `[...]` starting at `open`, when every `;`-separated part holds one `@key`.
    static func bracketed(_ text: String, at open: String.Index) -> Match? {
        let contentStart = text.index(after: open)
        guard let close = text[contentStart...].firstIndex(where: { $0 == "]" || $0 == "[" }), text[close] == "]" else { return nil }
        let content = text[contentStart..<close]
        guard content.contains("@") else { return nil }
        var items: [CitationItem] = []
        for part in content.split(separator: ";", omittingEmptySubsequences: false) {
            guard let item = item(in: part) else { return nil }
            items.append(item)
        }
        guard !items.isEmpty, !items.contains(where: { isCrossReference($0.key) }) else { return nil }
        return Match(citation: Citation(items: items), range: open..<text.index(after: close))
    }

    /// One part of a bracketed citation: prefix, `-`?, `@key`, locator and suffix.
    static func item(in part: Substring) -> CitationItem? {
        var search = part.startIndex
        while let at = part[search...].firstIndex(of: "@") {
            search = part.index(after: at)
            let before = at > part.startIndex ? part[part.index(before: at)] : " "
            guard before == " " || before == "-" || at == part.startIndex,
                  let (key, end) = key(in: part, after: at) else { continue }
            var prefixEnd = at
            var suppress = false
            if before == "-", part.index(before: at) >= part.startIndex {
                let dash = part.index(before: at)
                if dash == part.startIndex || part[part.index(before: dash)] == " " { suppress = true; prefixEnd = dash }
            }
            let prefix = part[part.startIndex..<prefixEnd].trimmingCharacters(in: .whitespaces)
            let (locator, suffix) = Locator.parse(suffix: String(part[end...]))
            return CitationItem(key: key, prefix: prefix, locator: locator, suffix: suffix.trimmingCharacters(in: .whitespaces), suppressAuthor: suppress)
        }
        return nil
    }

    /// `@key` at `at` in running text, with a `[locator]` that follows it.
    static func narrative(_ text: String, at: String.Index) -> Match? {
        if at > text.startIndex {
            let previous = text[text.index(before: at)]
            if previous.gluesFollowingAtSign { return nil }
        }
        guard let (key, end) = key(in: text[...], after: at), !isCrossReference(key) else { return nil }
        var item = CitationItem(key: key)
        var upper = end
        // `@key [p. 33]`: a bracket right after (one space allowed) without a citation in it.
        var look = end
        if look < text.endIndex, text[look] == " " { look = text.index(after: look) }
        if look < text.endIndex, text[look] == "[",
           let close = text[look...].firstIndex(of: "]"), !text[look..<close].contains("@"), !text[look..<close].dropFirst().contains("[") {
            let (locator, suffix) = Locator.parse(suffix: String(text[text.index(after: look)..<close]))
            item.locator = locator
            item.suffix = suffix.trimmingCharacters(in: .whitespaces)
            upper = text.index(after: close)
        }
        return Match(citation: Citation(items: [item], isNarrative: true), range: at..<upper)
    }

    /// The key after the `@` at `at`, and where it ends.
    static func key(in text: Substring, after at: String.Index) -> (String, String.Index)? {
        var index = text.index(after: at)
        guard index < text.endIndex else { return nil }
        if text[index] == "{" {
            guard let close = text[index...].firstIndex(of: "}") else { return nil }
            let key = String(text[text.index(after: index)..<close])
            return key.isEmpty ? nil : (key, text.index(after: close))
        }
        guard isKeyStart(text[index]) else { return nil }
        var lastWordEnd = text.index(after: index)
        index = lastWordEnd
        while index < text.endIndex, isKeyCharacter(text[index]) {
            index = text.index(after: index)
            if isKeyStart(text[text.index(before: index)]) { lastWordEnd = index }
        }
        return (String(text[text.index(after: at)..<lastWordEnd]), lastWordEnd)
    }

    static func isKeyStart(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    static func isKeyCharacter(_ c: Character) -> Bool { isKeyStart(c) || ":.#$%&-+?<>~/".contains(c) }
}
