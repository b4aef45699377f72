import Foundation

/// A citation as written in a page: `[@wu2025, tbl. 3]`, `[see @zhao; @wu2025]`, narrative
/// `@wu2025`, or `[-@wu2025]` (author suppressed).
public struct Citation: Sendable, Hashable {
    public var items: [CitationItem]
    /// `@key` in running text: "Wu (2025)" rather than "(Wu 2025)".
    public var isNarrative: Bool

    public init(items: [CitationItem], isNarrative: Bool = false) {
        self.items = items
        self.isNarrative = isNarrative
    }
}

/// One work cited in a citation.
public struct CitationItem: Sendable, Hashable {
    public var key: String
    /// Text before the key (`see`), as written.
    public var prefix: String = ""
    public var locator: Locator?
    /// Text after the key that is not a locator, as written.
    public var suffix: String = ""
    /// `-@key`: the year (or number) only.
    public var suppressAuthor = false

    public init(key: String, prefix: String = "", locator: Locator? = nil, suffix: String = "", suppressAuthor: Bool = false) {
        self.key = key
        self.prefix = prefix
        self.locator = locator
        self.suffix = suffix
        self.suppressAuthor = suppressAuthor
    }
}

/// A place in a work: `p. 3274`, `tbl. 3`, `sec. 4.1`.
public struct Locator: Sendable, Hashable {
    public enum Label: String, Sendable, Hashable, CaseIterable {
        case page, chapter, section, figure, table, paragraph, volume, note, line
    }

    public var label: Label
    /// The value as written (`3274-3275`, `4.1`).
    public var value: String

    public init(label: Label, value: String) {
        self.label = label
        self.value = value
    }

    /// Several places (`pp. 3-5`, `tbls. 3, 4`): plural labels.
    var isPlural: Bool { value.contains { $0 == "-" || $0 == "–" || $0 == "," || $0 == "&" } }

    /// The words a suffix may start with for each label (singular and plural, long and short).
    static let terms: [(String, Label)] = [
        ("pages", .page), ("page", .page), ("pp.", .page), ("p.", .page),
        ("chapters", .chapter), ("chapter", .chapter), ("chaps.", .chapter), ("chap.", .chapter), ("ch.", .chapter),
        ("sections", .section), ("section", .section), ("secs.", .section), ("sec.", .section), ("§§", .section), ("§", .section),
        ("figures", .figure), ("figure", .figure), ("figs.", .figure), ("fig.", .figure),
        ("tables", .table), ("table", .table), ("tbls.", .table), ("tbl.", .table),
        ("paragraphs", .paragraph), ("paragraph", .paragraph), ("paras.", .paragraph), ("para.", .paragraph), ("¶¶", .paragraph), ("¶", .paragraph),
        ("volumes", .volume), ("volume", .volume), ("vols.", .volume), ("vol.", .volume),
        ("notes", .note), ("note", .note), ("nn.", .note), ("n.", .note),
        ("lines", .line), ("line", .line), ("ll.", .line), ("l.", .line),
    ]

    /// Splits the text after a key into a locator and the rest: `, p. 33, emphasis added` →
    /// (page 33, `, emphasis added`). A suffix starting with a digit is a page. Without a
    /// known label the whole text stays a suffix.
    static func parse(suffix raw: String) -> (Locator?, String) {
        var text = Substring(raw)
        while let first = text.first, first == " " || first == "," { text = text.dropFirst() }
        guard !text.isEmpty else { return (nil, "") }
        var label: Label?
        let lower = text.lowercased()
        for (term, candidate) in terms where lower.hasPrefix(term) {
            let after = text.dropFirst(term.count)
            // A word term must end there (`page 3`, not `pagesize`); `§3` needs no space.
            if let next = after.first, next.isLetter { continue }
            label = candidate
            text = after
            break
        }
        while text.first == " " || text.first == "\u{A0}" { text = text.dropFirst() }
        if label == nil {
            guard text.first?.isNumber == true else { return (nil, raw) }
            label = .page
        }
        // The value runs to a comma followed by a space and a word (the start of a remark).
        var value = ""
        var rest = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == ",", let after = text[text.index(after: index)...].first(where: { $0 != " " }), after.isLetter, !isRoman(text[text.index(after: index)...]) {
                rest = String(text[index...])
                break
            }
            value.append(text[index])
            index = text.index(after: index)
        }
        value = value.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return (nil, raw) }
        return (Locator(label: label!, value: value), rest)
    }

    /// ` iv` after a comma: a roman page number, still part of the locator.
    private static func isRoman(_ text: Substring) -> Bool {
        let word = text.drop { $0 == " " }.prefix { $0.isLetter }
        return !word.isEmpty && word.allSatisfy { "ivxlcdm".contains($0) }
    }
}

/// A citation found in a page, with where it is written (for unknown keys).
public struct CitationUse: Sendable, Hashable {
    public var citation: Citation
    public var location: SourceLocation

    public init(citation: Citation, location: SourceLocation) {
        self.citation = citation
        self.location = location
    }
}
