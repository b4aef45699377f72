/// Chicago author-date, the rules of Debian's `chicago-author-date.csl` that the built-in style
/// follows: citations "(Smith and Doe 2021a, 5)", four or more authors as "Lee et al.", a work
/// without a year as "(Zhao, n.d.)", works by the same authors collapsed "(Smith and Doe 2021a,
/// 2021b)"; entries "Family, Given, and Given Family. Year. “Title.” Container …", titles in
/// title case, eleven or more authors cut to seven and "et al.", a repeated author list as "———".
struct AuthorDateStyle {
    let processor: CitationProcessor
    var terms: CitationTerms { processor.terms }

    // MARK: Citations

    func citation(_ items: [CitationItem], narrative: Bool) -> StyledText {
        var out = StyledText()
        guard !items.isEmpty else { return out }
        if narrative, let item = items.first, let reference = processor.references[item.key] {
            var text = authorShort(reference) + " ("
            text += processor.year(of: reference)
            if let locator = item.locator { text += ", " + locatorText(locator) }
            out.runs.append(.reference(key: item.key, text: text + suffixText(item) + ")"))
            return out
        }
        out.append("(")
        var previousAuthor: String?
        for (index, item) in items.enumerated() {
            let reference = processor.references[item.key]!
            let author = authorShort(reference)
            let collapses = previousAuthor == author && item.prefix.isEmpty && !item.suppressAuthor && items[index - 1].locator == nil
            if index > 0 { out.append(collapses ? ", " : "; ") }
            if !item.prefix.isEmpty { out.append(item.prefix + " ") }
            let year = processor.year(of: reference)
            // Chicago writes "(Zhao, n.d.)", but a web page dated by its access date "(García n.d.)".
            let noYear = reference.issued == nil && !(reference.type == .webpage && reference.accessed != nil)
            let text = item.suppressAuthor || collapses ? year : author + (noYear ? ", " : " ") + year
            out.runs.append(.reference(key: item.key, text: text))
            if let locator = item.locator { out.append(", " + locatorText(locator)) }
            out.append(suffixText(item))
            previousAuthor = item.suppressAuthor ? nil : author
        }
        out.append(")")
        return out
    }

    /// `, emphasis added` or ` and elsewhere`, as written after the key.
    func suffixText(_ item: CitationItem) -> String {
        guard !item.suffix.isEmpty else { return "" }
        return item.suffix.hasPrefix(",") ? item.suffix : (item.locator == nil && !item.suffix.hasPrefix(" ") ? ", " : " ") + item.suffix
    }

    /// `Smith`, `Smith and Doe`, `Müller, García, and Nguyen`, `Lee et al.`; editors, else the title.
    func authorShort(_ reference: Reference) -> String {
        let names = reference.authors.isEmpty ? reference.editors : reference.authors
        if names.isEmpty {
            let title = reference.title.map { TextCase.titleCase($0).description } ?? reference.id
            return reference.type.titleIsItalic ? title : terms.quoted(title)
        }
        if names.count >= 4 { return StyleFormatting.short(names[0]) + " " + terms.etAl }
        return StyleFormatting.list(names.map(StyleFormatting.short), and: terms.and)
    }

    /// `3274–75` for pages, `sec. 4.1`, `tbls. 3, 4` for the others.
    func locatorText(_ locator: Locator) -> String {
        if locator.label == .page { return StyleFormatting.pageRange(locator.value, chicago: true) }
        return terms.label(locator.label, plural: locator.isPlural) + " " + locator.value
    }

    // MARK: Entries

    func entry(_ reference: Reference, previous: Reference?) -> StyledText {
        var out = StyledText()
        let byEditors = reference.authors.isEmpty && !reference.editors.isEmpty
        let names = byEditors ? reference.editors : reference.authors
        if !names.isEmpty {
            let list = contributors(names)
            let repeated = previous.map { ($0.authors.isEmpty ? $0.editors : $0.authors) == names } ?? false
            out.append(repeated ? "———" : list)
            if byEditors { out.append(", " + (names.count > 1 ? terms.editors : terms.editor)) }
            out.punctuate(".")
            out.append(" " + processor.year(of: reference))
            out.punctuate(".")
            out.append(" ")
            appendTitle(reference, to: &out)
        } else {
            appendTitle(reference, to: &out)
            out.append(" " + processor.year(of: reference))
            out.punctuate(".")
        }
        appendDetails(reference, byEditors: byEditors, to: &out)
        if let doi = reference.doi {
            out.append(" ")
            out.appendLink(StyleFormatting.doiURL(doi))
            out.append(".")
        } else if let url = reference.url {
            out.append(" ")
            out.appendLink(url)
            out.append(".")
        }
        return out
    }

    /// `Smith, John, and Jane Doe`; eleven or more: the first seven and "et al.".
    func contributors(_ names: [PersonName]) -> String {
        let shown = names.count >= 11 ? Array(names.prefix(7)) : names
        var parts = [StyleFormatting.inverted(shown[0])] + shown.dropFirst().map(StyleFormatting.full)
        if names.count >= 11 { return parts.joined(separator: ", ") + ", " + terms.etAl }
        if parts.count == 2 { return parts[0] + ", \(terms.and) " + parts[1] }
        let last = parts.removeLast()
        return parts.isEmpty ? last : parts.joined(separator: ", ") + ", \(terms.and) " + last
    }

    /// The title in title case: italic for books, else in quotes with the period inside.
    func appendTitle(_ reference: Reference, to out: inout StyledText) {
        guard let title = reference.title else { return }
        let text = TextCase.titleCase(title).description
        if reference.type.titleIsItalic {
            out.appendItalic(text)
            out.punctuate(".")
        } else {
            let ends = text.last.map { ".?!".contains($0) } ?? false
            out.append(terms.quoted(text, ends ? "" : "."))
        }
    }

    func appendDetails(_ r: Reference, byEditors: Bool, to out: inout StyledText) {
        let container = r.containerTitle.map { TextCase.titleCase($0).description }
        let pages = r.pages.map { StyleFormatting.pageRange($0, chicago: true) }
        switch r.type {
        case .articleJournal, .articleMagazine, .articleNewspaper:
            guard let container else { break }
            out.append(" ")
            out.appendItalic(container)
            if let volume = r.volume { out.append(" " + volume) }
            if let issue = r.issue {
                out.append(" (\(issue))")
            } else if let month = r.issued?.month, r.volume != nil {
                out.append(" (\(StyleFormatting.monthNames[month - 1]))")
            }
            if let pages { out.append((r.volume != nil || r.issue != nil ? ": " : ", ") + pages) }
            out.append(".")
        case .chapter, .paperConference:
            if let container {
                out.append(" " + terms.in + " ")
                out.appendItalic(container)
                if !r.editors.isEmpty && !byEditors {
                    out.append(", " + terms.editedBy + " " + StyleFormatting.list(r.editors.map(StyleFormatting.full), and: terms.and))
                }
                if let pages { out.append(", " + pages) }
                out.append(".")
            }
            appendPublisher(r, to: &out)
        case .book:
            if let edition = r.edition { out.append(" " + StyleFormatting.edition(edition)); out.punctuate(".") }
            appendPublisher(r, to: &out)
        case .report:
            let words = [r.genre, r.number].compactMap { $0 }.joined(separator: " ")
            if !words.isEmpty { out.append(" " + words + ".") }
            appendPublisher(r, to: &out)
        case .thesis:
            let place = [r.publisherPlace, r.publisher].compactMap { $0 }.joined(separator: ": ")
            let words = [r.genre, place.isEmpty ? nil : place].compactMap { $0 }.joined(separator: ", ")
            if !words.isEmpty { out.append(" " + words + ".") }
        case .webpage:
            if let container { out.append(" " + container + ".") }
            if let date = r.issued, let year = date.year {
                out.append(" " + fullDate(ReferenceDate(year: year, month: date.month, day: date.day)) + ".")
            } else if let accessed = r.accessed, accessed.year != nil {
                out.append(" " + terms.accessed + " " + fullDate(accessed) + ".")
            }
        case .document, .dataset:
            if let container { out.append(" "); out.appendItalic(container); out.append(".") }
            appendPublisher(r, to: &out)
        }
    }

    /// ` Place: Publisher.`
    func appendPublisher(_ r: Reference, to out: inout StyledText) {
        let text = [r.publisherPlace, r.publisher].compactMap { $0 }.joined(separator: ": ")
        if !text.isEmpty { out.append(" " + text + ".") }
    }

    /// `March 1, 2024`, `May 2021`, `2021`.
    func fullDate(_ date: ReferenceDate) -> String {
        guard let year = date.year else { return date.literal ?? terms.noDate }
        guard let month = date.month else { return String(year) }
        let name = StyleFormatting.monthNames[month - 1]
        return date.day.map { "\(name) \($0), \(year)" } ?? "\(name) \(year)"
    }
}
