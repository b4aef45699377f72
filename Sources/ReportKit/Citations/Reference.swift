/// One work that can be cited: the fields of a CSL-JSON item that the built-in styles use.
///
/// Read from `references.bib` (`BibTeXMapping`) or `references.json` (`CSLJSONReader`), or made
/// in code (the "Cite this page" box builds one for a page); formatted by `CitationStyle`.
public struct Reference: Sendable, Hashable {
    /// The citation key (`wu2025`), what `[@wu2025]` names.
    public var id: String
    public var type: ReferenceType
    /// The title; spans in braces (`{China}`) are kept as written by case changes.
    public var title: CaseText?
    public var authors: [PersonName] = []
    public var editors: [PersonName] = []
    public var issued: ReferenceDate?
    /// The journal, book or proceedings that holds the work.
    public var containerTitle: CaseText?
    /// A series (`collection-title`).
    public var collectionTitle: CaseText?
    public var volume: String?
    public var issue: String?
    /// Page range as written (`100-120`, `1-4+15`).
    public var pages: String?
    /// Report or other number.
    public var number: String?
    public var edition: String?
    public var publisher: String?
    public var publisherPlace: String?
    /// Kind of thesis or report (`PhD thesis`, `Technical Report`).
    public var genre: String?
    public var doi: String?
    public var url: String?
    public var accessed: ReferenceDate?
    public var note: String?

    public init(id: String, type: ReferenceType, title: CaseText? = nil) {
        self.id = id
        self.type = type
        self.title = title
    }
}

/// The CSL item types the built-in styles format (others are formatted as `document`).
public enum ReferenceType: String, Sendable, Hashable, CaseIterable {
    case articleJournal = "article-journal"
    case articleMagazine = "article-magazine"
    case articleNewspaper = "article-newspaper"
    case book
    case chapter
    case paperConference = "paper-conference"
    case report
    case thesis
    case webpage
    case dataset
    case document

    /// The type for a CSL-JSON `type` string (unknown ones are `document`).
    public init(csl: String) {
        switch csl {
        case "article": self = .articleJournal
        case "entry-encyclopedia", "entry-dictionary": self = .chapter
        case "post", "post-weblog": self = .webpage
        default: self = ReferenceType(rawValue: csl) ?? .document
        }
    }

    /// Works whose title is printed in italics (the others are quoted; a dataset is formatted as
    /// a generic document, as Pandoc 2.17 does with BibLaTeX's `@dataset`).
    var titleIsItalic: Bool { self == .book }
}

/// A date as CSL gives it: a year with an optional month and day, or a literal text.
public struct ReferenceDate: Sendable, Hashable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// A date that is not a plain date (`n.d.`, `forthcoming`, `Spring 2020`).
    public var literal: String?

    public init(year: Int?, month: Int? = nil, day: Int? = nil, literal: String? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.literal = literal
    }

    /// Reads `2021`, `2021-05`, `2021-05-03` (ISO 8601 as BibLaTeX writes it); anything else is a literal.
    public init(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.map { Int($0) }
        if (1...3).contains(parts.count), let year = numbers[0], parts[0].count == 4, numbers.allSatisfy({ $0 != nil }) {
            self.init(year: year, month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
            if let month, !(1...12).contains(month) { self.month = nil; self.day = nil }
        } else {
            self.init(year: nil, literal: text)
        }
    }
}
