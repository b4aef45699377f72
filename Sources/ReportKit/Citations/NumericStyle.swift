/// IEEE, the rules of Debian's `ieee.csl` that the built-in numeric style follows: citations
/// "[1]", "[2, p. 5]", "[3, Sec. 2]", several works "[1], [4]" in number order with runs of three or
/// more as "[1]–[3]"; entries "J. Smith and J. Doe, “Title,” *Journal*, vol. 12, no. 3,
/// pp. 100–120, May 2021, doi: …", seven or more authors as the first and "et al.".
struct NumericStyle {
    let processor: CitationProcessor
    var terms: CitationTerms { processor.terms }

    func citation(_ items: [CitationItem]) -> StyledText {
        var out = StyledText()
        let sorted = items.sorted { (processor.numbers[$0.key] ?? 0) < (processor.numbers[$1.key] ?? 0) }
        var index = 0
        var first = true
        while index < sorted.count {
            let item = sorted[index]
            let number = processor.numbers[item.key] ?? 0
            // A run of three or more numbers without locators or notes collapses: [1]–[3].
            var end = index
            while end + 1 < sorted.count, processor.numbers[sorted[end + 1].key] == number + (end + 1 - index), isPlain(sorted[end + 1]) { end += 1 }
            if !first { out.append(", ") }
            first = false
            if isPlain(item) && end - index >= 2 {
                out.runs.append(.reference(key: item.key, text: "[\(number)]"))
                out.append("–")
                out.runs.append(.reference(key: sorted[end].key, text: "[\(processor.numbers[sorted[end].key] ?? 0)]"))
                index = end + 1
                continue
            }
            if !item.prefix.isEmpty { out.append(item.prefix + " ") }
            var text = "[\(number)"
            if let locator = item.locator {
                text += ", " + terms.ieeeLabel(locator.label, plural: locator.isPlural) + " " + StyleFormatting.pageRange(locator.value, chicago: false)
            }
            out.runs.append(.reference(key: item.key, text: text + "]"))
            if !item.suffix.isEmpty { out.append(item.suffix.hasPrefix(",") ? item.suffix : " " + item.suffix) }
            index += 1
        }
        return out
    }

    private func isPlain(_ item: CitationItem) -> Bool { item.locator == nil && item.prefix.isEmpty && item.suffix.isEmpty }

    // MARK: Entries

    func entry(_ r: Reference) -> StyledText {
        var out = StyledText()
        let byEditors = r.authors.isEmpty && !r.editors.isEmpty
        let names = byEditors ? r.editors : r.authors
        var lead = ""
        if !names.isEmpty {
            lead = names.count >= 7 ? StyleFormatting.initialed(names[0]) + " " + terms.etAl : StyleFormatting.list(names.map(StyleFormatting.initialed), and: terms.and)
            if byEditors { lead += ", " + (names.count > 1 ? terms.ieeeEditors : terms.ieeeEditor) }
            out.append(lead + ", ")
        }
        let title = r.title?.description ?? ""
        let year = date(r.issued)
        let pages = r.pages.map { "pp. " + StyleFormatting.pageRange($0, chicago: false) }
        let container = r.containerTitle?.description
        let place = [r.publisherPlace, r.publisher].compactMap { $0 }.joined(separator: ": ")
        var parts: [StyledText] = []
        func part(_ text: String?) { if let text, !text.isEmpty { parts.append(StyledText([.text(text)])) } }
        func italic(_ text: String?) { if let text, !text.isEmpty { parts.append(StyledText([.italic(text)])) } }
        switch r.type {
        case .book:
            out.appendItalic(title)
            if let edition = r.edition { out.append(", " + StyleFormatting.edition(edition)) }
            out.punctuate(".")
            out.append(" ")
            out.append([place.isEmpty ? nil : place, year].compactMap { $0 }.joined(separator: ", "))
            finish(&out, r)
            return out
        case .chapter:
            out.append(terms.quoted(title, ",") + " ")
            out.append(terms.in.lowercased() + " ")
            if let container { out.appendItalic(container) }
            if !r.editors.isEmpty && !byEditors {
                out.append(", " + StyleFormatting.list(r.editors.map(StyleFormatting.initialed), and: terms.and) + ", " + (r.editors.count > 1 ? terms.ieeeEditors : terms.ieeeEditor))
            }
            out.punctuate(".")
            out.append(" " + [place.isEmpty ? nil : place, year, pages].compactMap { $0 }.joined(separator: ", "))
            finish(&out, r)
            return out
        case .articleJournal, .articleMagazine, .articleNewspaper:
            italic(container)
            part(r.volume.map { "vol. " + $0 })
            part(r.issue.map { "no. " + $0 })
            part(pages)
            part(year)
        case .paperConference:
            parts.append(StyledText([.text(terms.in.lowercased() + " "), .italic(container ?? "")]))
            part(year)
            part(pages)
        case .report:
            part(r.publisher)
            part(r.publisherPlace)
            part([r.genre, r.number].compactMap { $0 }.joined(separator: " "))
            part(year)
        case .thesis:
            part(r.genre)
            part(r.publisher)
            part(r.publisherPlace)
            part(year)
        case .webpage:
            part(container)
            part(year)
            out.append(parts.isEmpty ? terms.quoted(title, ".") : terms.quoted(title, ",") + " ")
            join(parts, into: &out)
            if !parts.isEmpty { out.punctuate(".") }
            if let url = r.url {
                out.append(" ")
                out.appendLink(url)
                if let accessed = r.accessed, accessed.year != nil { out.append(" (\(terms.ieeeAccessed) \(date(accessed) ?? ""))") }
                out.append(".")
            }
            return out
        case .document, .dataset:
            out.append(terms.quoted(title, ".") + " ")
            join([r.publisher, year].compactMap { $0 }.map { StyledText([.text($0)]) }, into: &out)
            finish(&out, r)
            return out
        }
        if parts.isEmpty {
            out.append(terms.quoted(title, "."))
        } else {
            out.append(terms.quoted(title, ",") + " ")
            join(parts, into: &out)
        }
        finish(&out, r)
        return out
    }

    private func join(_ parts: [StyledText], into out: inout StyledText) {
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(", ") }
            out.append(part)
        }
    }

    /// `, doi: …` and the closing period, or the period and `Available: URL`.
    private func finish(_ out: inout StyledText, _ r: Reference) {
        if let doi = r.doi {
            out.append(", doi: ")
            out.appendLink(StyleFormatting.doiURL(doi), text: StyleFormatting.bareDOI(doi))
            out.append(".")
        } else {
            out.punctuate(".")
            if let url = r.url {
                out.append(" " + terms.available + " ")
                out.appendLink(url)
            }
        }
    }

    /// `May 2021`, `Mar. 01, 2024`, `2021`.
    func date(_ date: ReferenceDate?) -> String? {
        guard let date else { return nil }
        guard let year = date.year else { return date.literal }
        let letter = ""
        guard let month = date.month else { return "\(year)\(letter)" }
        let name = StyleFormatting.monthAbbreviations[month - 1]
        if let day = date.day { return "\(name) \(day < 10 ? "0" : "")\(day), \(year)" }
        return "\(name) \(year)"
    }
}
