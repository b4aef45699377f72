/// What a citation says about one published work: the whole report (its home page, `report.html`)
/// or one of its pages. Made by the build from `site.yml`, the page's front matter and its place
/// in the site (`Build/PagePublication.swift`); every citation output (the "Cite this" text,
/// BibTeX, RIS, Highwire tags, JSON-LD) is made from this one value, so they cannot disagree.
public struct WorkMetadata: Sendable, Hashable {
    /// The whole report, or a page inside it.
    public enum Kind: Sendable, Hashable { case report, page }

    public var kind: Kind
    /// The work's title (the page title, or the report's for the report).
    public var title: String
    /// The title of the site the page belongs to (the report's title).
    public var siteTitle: String
    public var authors: [Author]
    /// ISO dates (`yyyy-mm-dd`), already checked.
    public var published: String?
    public var updated: String?
    public var version: String?
    public var licence: SPDXLicence?
    /// The report's DOI (bare); pages carry none of their own.
    public var doi: String?
    /// The work's absolute URL, when `site.yml` says where the site is published.
    public var url: String?
    /// The report's absolute URL (the site's base URL), when known.
    public var siteURL: String?
    /// The page's output path from the site root (`modes/index.html`): its citation key and
    /// file names are made from it.
    public var pagePath: String
    /// BCP 47 language tag.
    public var language: String
    /// The URL of the report's PDF edition, when there is one.
    public var pdfURL: String?

    public init(kind: Kind, title: String, siteTitle: String, authors: [Author], published: String? = nil, updated: String? = nil,
                version: String? = nil, licence: SPDXLicence? = nil, doi: String? = nil, url: String? = nil, siteURL: String? = nil,
                pagePath: String, language: String, pdfURL: String? = nil) {
        self.kind = kind
        self.title = title
        self.siteTitle = siteTitle
        self.authors = authors
        self.published = published
        self.updated = updated
        self.version = version
        self.licence = licence
        self.doi = doi
        self.url = url
        self.siteURL = siteURL
        self.pagePath = pagePath
        self.language = language
        self.pdfURL = pdfURL
    }

    /// The year of publication (of the last update when no publication date is given).
    public var year: String? { (published ?? updated).map { String($0.prefix(4)) } }

    /// The work's title on one line (citation formats hold no line breaks).
    public var singleLineTitle: String { Self.singleLine(title) }

    /// `text` with every run of whitespace (line breaks included) turned into one space.
    public static func singleLine(_ text: String) -> String {
        // Most titles are on one line already (asked several times for every page: checking the
        // bytes costs far less than splitting into `Character`s).
        if isSingleLineASCII(text) { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `text` is ASCII without control characters, leading or trailing spaces or two
    /// spaces in a row: then `singleLine` would return it as it is.
    static func isSingleLineASCII(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
            if byte >= 0x80 || byte < 0x20 || byte == 0x7F { return false }
            let isSpace = byte == UInt8(ascii: " ")
            if isSpace && previousWasSpace { return false }
            previousWasSpace = isSpace
        }
        return !previousWasSpace || text.isEmpty
    }

    /// A citation key: the first author's family name (or the first word of an organisation's
    /// name, or `report`), the year, and for a page its path (`team2026-modes`); ASCII letters,
    /// digits and `-` only.
    public var citationKey: String {
        let first = authors.first.map { $0.familyName ?? String($0.name.split(separator: " ").first ?? "") } ?? ""
        // Bytes, not scalars: the ASCII letters and digits are single bytes, every other scalar's
        // bytes are not ASCII (asked for every page: Unicode properties per scalar cost more).
        var stem = String(decoding: first.lowercased().utf8.filter(isASCIILetterOrDigit), as: UTF8.self)
        if stem.isEmpty { stem = "report" }
        var key = stem + (year ?? "")
        if kind == .page {
            var path = pagePath
            if path.hasSuffix("index.html") { path.removeLast("index.html".count) }
            let parts = path.lowercased().utf8.split(whereSeparator: { !isASCIILetterOrDigit($0) })
            if !parts.isEmpty { key += "-" + parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "-") }
        }
        return key
    }
}
