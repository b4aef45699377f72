/// The Highwire Press `citation_*` meta tags of a page, which Zotero, Google Scholar and other
/// reference managers read from `<head>`: name and content pairs in the order Scholar documents
/// them (title, authors each followed by their institution and ORCID, dates, then the rest).
public enum HighwireTags {
    public static func tags(_ work: WorkMetadata) -> [(name: String, content: String)] {
        var tags: [(name: String, content: String)] = [("citation_title", work.singleLineTitle)]
        for author in work.authors {
            tags.append(("citation_author", WorkMetadata.singleLine(author.invertedName)))
            if let affiliation = author.affiliation { tags.append(("citation_author_institution", WorkMetadata.singleLine(affiliation))) }
            if let orcid = author.orcidURL { tags.append(("citation_author_orcid", orcid)) }
        }
        // Scholar's date form is yyyy/mm/dd.
        if let date = work.published ?? work.updated { tags.append(("citation_publication_date", date.replacingOccurrences(of: "-", with: "/"))) }
        if let date = work.updated ?? work.published { tags.append(("citation_online_date", date.replacingOccurrences(of: "-", with: "/"))) }
        if work.kind == .page { tags.append(("citation_journal_title", WorkMetadata.singleLine(work.siteTitle))) }
        if let version = work.version { tags.append(("citation_version", WorkMetadata.singleLine(version))) }
        if let doi = work.doi { tags.append(("citation_doi", doi)) }
        if let pdf = work.pdfURL { tags.append(("citation_pdf_url", pdf)) }
        if let url = work.url { tags.append(("citation_public_url", url)) }
        tags.append(("citation_language", work.language))
        return tags
    }
}
