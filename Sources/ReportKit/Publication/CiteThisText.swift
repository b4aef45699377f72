/// The interface words a formatted citation uses, from the theme's strings (`theme.yml`, with
/// the built-in English of `InterfaceStrings.english`), so that no reader-facing word is written in Swift.
public struct CitationWords: Sendable, Hashable {
    /// Between the last two authors ("and").
    public var and: String
    /// Before a version number ("Version").
    public var version: String
    /// Before the date of the last change ("Last modified").
    public var lastModified: String
    /// In place of a missing year ("n.d.").
    public var noDate: String
    /// January to December.
    public var months: [String]

    /// The words from the theme's strings: `cite_and`, `cite_version`, `cite_last_modified`,
    /// `cite_no_date` and `cite_months` (twelve names separated by spaces).
    public init(strings: [String: String]) {
        and = strings[InterfaceStrings.Key.citeAnd.name] ?? ""
        version = strings[InterfaceStrings.Key.citeVersion.name] ?? ""
        lastModified = strings[InterfaceStrings.Key.citeLastModified.name] ?? ""
        noDate = strings[InterfaceStrings.Key.citeNoDate.name] ?? ""
        // Split as bytes: splitting the `String` by characters cost more than the rest of a page's citation.
        months = (strings[InterfaceStrings.Key.citeMonths.name] ?? "").utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A formatted citation, as HTML (titles in italics) and as plain text (for copying).
public struct FormattedCitation: Sendable, Hashable {
    public var html: String
    public var text: String
}

/// The "Cite this page" / "Cite this report" text in Chicago author-date style:
///
/// - report: `Team. 2026. *Site Title*. Version 1.0.0. https://doi.org/….`
/// - page: `Team. 2026. “Page Title.” *Site Title*, version 1.0.0. Last modified December 1, 2026. https://….`
///
/// Author-date sites use this form; numeric sites get the citation engine's IEEE entry instead
/// (`Build/CiteThisStyle.swift`).
public func citeThisText(_ work: WorkMetadata, words: CitationWords) -> FormattedCitation {
    var html = ""
    var text = ""
    /// One piece of the citation, escaped for HTML, optionally in italics.
    func add(_ piece: String, italic: Bool = false) {
        text += piece
        html += italic ? "<i>\(piece.htmlEscaped)</i>" : piece.htmlEscaped
    }
    func sentenceEnd(_ piece: String) -> String { piece.last.map { ".?!".contains($0) } == true ? "" : "." }

    // Authors: the first inverted, the others in reading order; the site when there are none.
    let names = work.authors.enumerated().map { $0.offset == 0 ? $0.element.invertedName : $0.element.displayName }
    var byline: String
    switch names.count {
    case 0: byline = WorkMetadata.singleLine(work.siteTitle)
    case 1: byline = names[0]
    // "Doe, Jane, and Ann Roe", but "Team and Ann Roe": the comma closes an inverted name.
    case 2: byline = "\(names[0])\(work.authors[0].isPerson ? "," : "") \(words.and) \(names[1])"
    default: byline = names.dropLast().joined(separator: ", ") + ", \(words.and) " + names.last!
    }
    add(byline + sentenceEnd(byline) + " ")
    add((work.year ?? words.noDate) + ". ")
    let title = work.singleLineTitle
    let siteTitle = WorkMetadata.singleLine(work.siteTitle)
    switch work.kind {
    case .report:
        add(title, italic: true)
        add(sentenceEnd(title))
        if let version = work.version { add(" \(words.version) \(version).") }
    case .page:
        add("“\(title)\(sentenceEnd(title))” ")
        add(siteTitle, italic: true)
        if let version = work.version { add(", \(words.version.lowercased()) \(version)") }
        add(".")
        if let updated = work.updated, updated != work.published, let date = longDate(updated, months: words.months) {
            add(" \(words.lastModified) \(date).")
        }
    }
    if let doi = work.doi {
        add(" " + PublicIdentifiers.doiURL(doi) + ".")
    } else if let url = work.url {
        add(" \(url).")
    }
    return FormattedCitation(html: html, text: text)
}

/// `2026-11-28` as `November 28, 2026` with the theme's month names (the ISO date without them).
func longDate(_ iso: String, months: [String]) -> String? {
    let parts = iso.split(separator: "-")
    guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
    guard months.count == 12, (1...12).contains(month) else { return iso }
    return "\(months[month - 1]) \(day), \(parts[0])"
}
