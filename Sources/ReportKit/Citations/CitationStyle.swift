/// The built-in citation styles, chosen in `site.yml` (`citation_style: author-date | numeric`).
///
/// - `authorDate`: Chicago author-date (17th edition, as in Debian's `chicago-author-date.csl`):
///   "(Smith and Doe 2021a, 5)", narrative "Smith and Doe (2021a)", bibliography sorted by author,
///   year and title, repeated authors replaced by "———".
/// - `numeric`: IEEE: "[1]", "[2, p. 5]", "[3]–[5]", entries numbered in order of first citation.
///
/// Their words ("et al.", "n.d.", "edited by", "Accessed") are CSL locale terms, `CitationTerms`
/// (English, or Chinese for a Chinese edition), like the punctuation around them: part of the style,
/// not the site's interface.
public enum CitationStyle: String, Sendable, Hashable, CaseIterable {
    case authorDate = "author-date"
    case numeric

    /// One reference formatted as a bibliography entry in this style (without a number): what a
    /// "Cite this page" box shows.
    public func entry(for reference: Reference) -> StyledText {
        CitationProcessor(style: self, references: [reference], cited: [reference.id]).entry(reference.id, previous: nil)
    }
}

/// The words the built-in styles print around names, dates and titles, in one language: CSL's
/// locale terms. English is CSL's `en-US`; Chinese follows CSL's `zh-CN` as `pandoc --citeproc`
/// prints it with Debian's Chicago style ("等" for et al., "不详" for n.d., "和" between the last
/// two names, titles in 《》 with the punctuation after them). Terms a locale does not translate
/// (locator labels, "edited by", month names) stay English, as they do in citeproc's `zh-CN`.
public struct CitationTerms: Sendable, Hashable {
    var etAl = "et al."
    var noDate = "n.d."
    /// The word before the last of several names: `Smith and Doe`, `A, B, and C`.
    var and = "and"
    var editedBy = "edited by"
    var editor = "ed.", editors = "eds."
    var ieeeEditor = "Ed.", ieeeEditors = "Eds."
    var accessed = "Accessed"
    var ieeeAccessed = "accessed"
    var `in` = "In"
    var available = "Available:"
    /// Titles quoted “so,” with the punctuation that follows inside (American usage); otherwise
    /// 《so》, with the punctuation after.
    var quotesHoldPunctuation = true
    var openQuote = "“", closeQuote = "”"

    public static let english = CitationTerms()
    public static let chinese = CitationTerms(etAl: "等", noDate: "不详", and: "和", quotesHoldPunctuation: false, openQuote: "《", closeQuote: "》")

    /// The terms for a language (the primary subtag of a site language's `locale`,
    /// `InterfaceStrings.labelLanguage`): Chinese for `zh`, else English.
    public static func forLanguage(_ language: String) -> CitationTerms {
        language == "zh" ? .chinese : .english
    }

    /// `text` in quotes followed by `punctuation` (`,` `.` or nothing), where the locale puts it.
    func quoted(_ text: String, _ punctuation: String = "") -> String {
        quotesHoldPunctuation ? openQuote + text + punctuation + closeQuote : openQuote + text + closeQuote + punctuation
    }

    /// Short locator labels, singular and plural.
    func label(_ label: Locator.Label, plural: Bool) -> String {
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
    func ieeeLabel(_ label: Locator.Label, plural: Bool) -> String {
        if label == .page { return self.label(.page, plural: plural) }
        if label == .chapter { return plural ? "Chs." : "Ch." }
        return TextCase.capitalizeFirst(self.label(label, plural: plural))
    }
}
