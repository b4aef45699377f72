/// The built-in citation styles, chosen in `site.yml` (`citation_style: author-date | numeric`).
///
/// - `authorDate`: Chicago author-date (17th edition, as in Debian's `chicago-author-date.csl`):
///   "(Smith and Doe 2021a, 5)", narrative "Smith and Doe (2021a)", bibliography sorted by author,
///   year and title, repeated authors replaced by "———".
/// - `numeric`: IEEE: "[1]", "[2, p. 5]", "[3]–[5]", entries numbered in order of first citation.
///
/// Their words ("et al.", "n.d.", "edited by", "Accessed") are CSL English locale terms,
/// `StyleTerms`, like the punctuation around them: part of the style, not the site's interface.
public enum CitationStyle: String, Sendable, Hashable, CaseIterable {
    case authorDate = "author-date"
    case numeric

    /// One reference formatted as a bibliography entry in this style (without a number): what a
    /// "Cite this page" box shows.
    public func entry(for reference: Reference) -> StyledText {
        CitationProcessor(style: self, references: [reference], cited: [reference.id]).entry(reference.id, previous: nil)
    }
}

/// The CSL English locale terms the built-in styles print.
enum StyleTerms {
    static let etAl = "et al."
    static let noDate = "n.d."
    static let editedBy = "edited by"
    static let editor = "ed.", editors = "eds."
    static let ieeeEditor = "Ed.", ieeeEditors = "Eds."
    static let accessed = "Accessed"
    static let ieeeAccessed = "accessed"
    static let `in` = "In"
    static let available = "Available:"

    /// Short locator labels, singular and plural.
    static func label(_ label: Locator.Label, plural: Bool) -> String {
        switch label {
        case .page: plural ? "pp." : "p."
        case .chapter: plural ? "chaps." : "chap."
        case .section: plural ? "secs." : "sec."
        case .figure: plural ? "figs." : "fig."
        case .table: plural ? "tbls." : "tbl."
        case .paragraph: plural ? "paras." : "para."
        case .volume: plural ? "vols." : "vol."
        case .note: plural ? "nn." : "n."
        case .line: plural ? "ll." : "l."
        }
    }

    /// IEEE writes chapters as `Ch.` (and capitalises every label but the page's).
    static func ieeeLabel(_ label: Locator.Label, plural: Bool) -> String {
        if label == .page { return self.label(.page, plural: plural) }
        if label == .chapter { return plural ? "Chs." : "Ch." }
        return TextCase.capitalizeFirst(self.label(label, plural: plural))
    }
}
