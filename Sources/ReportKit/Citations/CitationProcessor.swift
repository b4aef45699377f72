import Foundation

/// Formats the citations and bibliography of a whole document (a site, a report) in one style:
/// numbers works in order of first citation (numeric style), gives works by the same authors in
/// the same year a letter (2021a, 2021b: author-date style), and sorts bibliographies.
///
/// Made once per build from every citation in reading order, then asked for each citation's text
/// and for the entries of each page's (or the site's) bibliography.
public struct CitationProcessor: Sendable {
    public let style: CitationStyle
    /// The words around names, dates and titles (English, or Chinese for a Chinese edition).
    public let terms: CitationTerms
    public let references: [String: Reference]
    /// Numbers in order of first citation (numeric style).
    public private(set) var numbers: [String: Int] = [:]
    /// `a`, `b`, ... for works that would otherwise look alike (author-date style).
    public private(set) var yearSuffixes: [String: String] = [:]
    /// Every cited key in bibliography order.
    public private(set) var order: [String] = []

    /// `cited`: keys in order of citation (repeats allowed); keys without a reference are ignored.
    public init(style: CitationStyle, references: [Reference], cited: [String], terms: CitationTerms = .english) {
        self.style = style
        self.terms = terms
        var byKey: [String: Reference] = [:]
        for reference in references { byKey[reference.id] = reference }
        self.references = byKey
        var seen: [String] = []
        for key in cited where byKey[key] != nil && numbers[key] == nil {
            numbers[key] = seen.count + 1
            seen.append(key)
        }
        switch style {
        case .numeric: order = seen
        case .authorDate:
            order = seen.sorted { Self.sortKey(byKey[$0]!).lexicographicallyPrecedes(Self.sortKey(byKey[$1]!)) }
            assignYearSuffixes()
        }
    }

    /// Author names, year, title and key, compared in that order.
    static func sortKey(_ reference: Reference) -> [String] {
        let names = reference.authors.isEmpty ? reference.editors : reference.authors
        let author = names.isEmpty ? (reference.title?.description ?? "") : names.map(\.sortKey).joined(separator: "\u{1}")
        let year = reference.issued?.year.map { String(format: "%06d", $0) } ?? "999999"
        let month = reference.issued?.month.map { String(format: "%02d", $0) } ?? "00"
        return [author.lowercased(), year + month, (reference.title?.description ?? "").lowercased(), reference.id]
    }

    /// Works with the same authors and year get letters in bibliography order.
    private mutating func assignYearSuffixes() {
        var groups: [String: [String]] = [:]
        for key in order {
            let reference = references[key]!
            let names = (reference.authors.isEmpty ? reference.editors : reference.authors).map(StyleFormatting.full).joined(separator: "|")
            groups[names + "#" + year(of: reference, suffix: false), default: []].append(key)
        }
        for keys in groups.values where keys.count > 1 {
            for (index, key) in keys.enumerated() {
                yearSuffixes[key] = String(Character(Unicode.Scalar(UInt8(97 + index % 26))))
            }
        }
    }

    /// `2021a`, or `n.d.` without a year.
    func year(of reference: Reference, suffix: Bool = true) -> String {
        let letter = suffix ? (yearSuffixes[reference.id] ?? "") : ""
        if let year = reference.issued?.year { return "\(year)\(letter)" }
        if let literal = reference.issued?.literal { return literal + letter }
        return terms.noDate + (letter.isEmpty ? "" : "-" + letter)
    }

    // MARK: Citations

    /// The in-text citation; each work's part is a `.reference` run linking to its entry.
    /// Keys without a reference are left out (the pipeline reports them).
    public func citation(_ citation: Citation) -> StyledText {
        let items = citation.items.filter { references[$0.key] != nil }
        switch style {
        case .authorDate: return AuthorDateStyle(processor: self).citation(items, narrative: citation.isNarrative)
        case .numeric: return NumericStyle(processor: self).citation(items)
        }
    }

    // MARK: Bibliography

    /// The entries for `keys` (cited ones), in bibliography order.
    public func bibliography(_ keys: Set<String>) -> [(key: String, entry: StyledText)] {
        var previous: String?
        return order.filter(keys.contains).map { key in
            defer { previous = key }
            return (key, entry(key, previous: previous))
        }
    }

    /// One entry; `previous` is the key of the entry printed before it (Chicago replaces
    /// repeated authors with "———").
    public func entry(_ key: String, previous: String?) -> StyledText {
        guard let reference = references[key] else { return StyledText() }
        switch style {
        case .authorDate: return AuthorDateStyle(processor: self).entry(reference, previous: previous.flatMap { references[$0] })
        case .numeric: return NumericStyle(processor: self).entry(reference)
        }
    }
}
