/// The "Cite this page" / "Cite this report" text in the site's `citation_style`.
///
/// Author-date sites get `citeThisText` (Chicago author-date with what citing a web page needs:
/// the version and the date of the last change). Numeric sites get the citation engine's IEEE
/// entry (`CitationStyle.numeric`), for the page as a web page in the site (the site's title and
/// version as its container) or for the report as a report (its version as its number), so the
/// box reads like the site's own bibliography.
enum CiteThisStyle {
    static func text(_ work: WorkMetadata, style: CitationStyle, words: CitationWords) -> FormattedCitation {
        guard style == .numeric else { return citeThisText(work, words: words) }
        let entry = style.entry(for: reference(work, words: words))
        return FormattedCitation(html: entry.html, text: entry.plain)
    }

    /// The page or the report as a `Reference`; its title is protected (printed as written).
    static func reference(_ work: WorkMetadata, words: CitationWords) -> Reference {
        let title = CaseText(spans: [CaseText.Span(text: work.singleLineTitle, isProtected: true)])
        var reference = Reference(id: work.citationKey, type: work.kind == .report ? .report : .webpage, title: title)
        reference.authors = work.authors.map { author in
            author.isPerson ? PersonName(family: author.familyName, given: author.givenNames) : PersonName(literal: author.name)
        }
        reference.issued = (work.published ?? work.updated).map { ReferenceDate(text: $0) }
        let version = work.version.map { "\(words.version.lowercased()) \($0)" }
        switch work.kind {
        case .report:
            reference.genre = version
        case .page:
            let container = [WorkMetadata.singleLine(work.siteTitle), version].compactMap { $0 }.joined(separator: ", ")
            reference.containerTitle = CaseText(spans: [CaseText.Span(text: container, isProtected: true)])
        }
        reference.doi = work.doi
        reference.url = work.url
        return reference
    }
}
