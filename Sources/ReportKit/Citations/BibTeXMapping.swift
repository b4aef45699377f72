import Foundation

/// Turns BibTeX/BibLaTeX entries into `Reference`s, the way Pandoc maps them to CSL.
///
/// Entry types: `@article`; `@book` (and `@mvbook`, `@booklet`, `@proceedings`, `@manual`);
/// `@incollection`, `@inbook`, `@inreference`; `@inproceedings` (`@conference`); `@report`,
/// `@techreport`; `@thesis`, `@phdthesis`, `@mastersthesis`; `@online` (`@www`, `@electronic`);
/// `@dataset`; `@misc` and any other type are formatted as a generic document.
/// Titles are taken to be written in title case, as BibTeX expects, and are stored in sentence
/// case (words in braces kept as written) unless `langid`/`language` names another language than
/// English; a style that wants title case (Chicago) raises them again. Pandoc does the same.
enum BibTeXMapping {
    /// The reference for `entry`.
    static func reference(_ entry: BibTeXEntry) -> Reference {
        let f = entry.fields
        let text = { (name: String) -> String? in f[name].map(LaTeXText.plain).flatMap { $0.isEmpty ? nil : $0 } }
        let english = isEnglish(f["langid"] ?? f["language"])
        let titleText = { (name: String) -> CaseText? in
            guard let raw = f[name] else { return nil }
            let value = LaTeXText.caseText(raw)
            return value.isEmpty ? nil : (english ? TextCase.sentenceCase(value) : value)
        }
        let type = referenceType(entry.type, fields: f)
        var reference = Reference(id: entry.key, type: type)
        reference.title = titleText("title")
        if let subtitle = titleText("subtitle"), let title = reference.title {
            reference.title = CaseText(spans: title.spans + [CaseText.Span(text: ": ", isProtected: false)] + TextCase.sentenceCase(subtitle).spans)
        }
        reference.authors = f["author"].map(BibTeXNames.parse) ?? []
        reference.editors = f["editor"].map(BibTeXNames.parse) ?? []
        reference.issued = date(f)
        switch type {
        case .articleJournal, .articleMagazine, .articleNewspaper:
            reference.containerTitle = (f["journaltitle"] ?? f["journal"]).map(LaTeXText.caseText)
            reference.issue = text("number") ?? text("issue")
        case .chapter, .paperConference:
            reference.containerTitle = titleText("booktitle") ?? titleText("maintitle")
            reference.number = text("number")
        default:
            reference.number = text("number")
        }
        reference.collectionTitle = titleText("series")
        reference.volume = text("volume")
        reference.pages = text("pages").map { $0.replacingOccurrences(of: "–", with: "-") }
        reference.edition = text("edition")
        reference.publisher = text("publisher") ?? text("school") ?? text("institution") ?? text("organization") ?? text("howpublished")
        if entry.type == "techreport" || entry.type == "report" || type == .thesis {
            reference.publisher = text("institution") ?? text("school") ?? text("publisher")
        }
        reference.publisherPlace = text("location") ?? text("address")
        reference.genre = genre(entry.type, text("type"))
        reference.doi = text("doi")
        reference.url = f["url"].map { LaTeXText.collapse($0).trimmingCharacters(in: .whitespaces) }
        reference.accessed = text("urldate").map(ReferenceDate.init(text:))
        reference.note = text("note")
        return reference
    }

    static func referenceType(_ type: String, fields: [String: String]) -> ReferenceType {
        switch type {
        case "article": fields["entrysubtype"] == "magazine" ? .articleMagazine : fields["entrysubtype"] == "newspaper" ? .articleNewspaper : .articleJournal
        case "book", "mvbook", "booklet", "proceedings", "mvproceedings", "collection", "mvcollection", "manual", "reference": .book
        case "incollection", "inbook", "inreference", "bookinbook", "suppbook", "suppcollection": .chapter
        case "inproceedings", "conference": .paperConference
        case "report", "techreport": .report
        case "thesis", "phdthesis", "mastersthesis": .thesis
        case "online", "www", "electronic": .webpage
        case "dataset": .dataset
        default: .document
        }
    }

    /// The kind of thesis or report, as Pandoc's English locale words it.
    static func genre(_ entryType: String, _ type: String?) -> String? {
        switch type?.lowercased() ?? entryType {
        case "phdthesis": "PhD thesis"
        case "mathesis", "mastersthesis": "Master’s thesis"
        case "techreport": type == nil ? nil : "Technical report"
        default: type
        }
    }

    /// `date` (BibLaTeX), else `year` with `month`.
    static func date(_ f: [String: String]) -> ReferenceDate? {
        if let raw = f["date"] { return ReferenceDate(text: LaTeXText.plain(raw)) }
        guard let raw = f["year"] else { return nil }
        let yearText = LaTeXText.plain(raw)
        guard let year = Int(yearText) else { return ReferenceDate(year: nil, literal: yearText) }
        return ReferenceDate(year: year, month: f["month"].flatMap { month(LaTeXText.plain($0)) })
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    static func month(_ text: String) -> Int? {
        if let number = Int(text), (1...12).contains(number) { return number }
        let lower = text.lowercased()
        guard lower.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 }
    }

    static func isEnglish(_ language: String?) -> Bool {
        guard let language = language.map(LaTeXText.plain)?.lowercased(), !language.isEmpty else { return true }
        return language.hasPrefix("en") || ["american", "british", "canadian", "australian", "newzealand", "UKenglish", "USenglish"].map { $0.lowercased() }.contains(language)
    }
}
