/// The language switcher of a page of a multilingual site, and its `hreflang` alternates: for
/// each language, a link to the same page in it (relative), or, where the page has no
/// translation, that language's words saying so; never a guess at another page.
struct LanguageSwitcher: Sendable {
    /// One language of the switcher (`languages` in the page template).
    struct Entry: Hashable, Sendable {
        var name: String
        var tag: String
        /// The same page in this language; `nil` for the page's own language or a missing translation.
        var href: String?
        var current: Bool
        /// Said in this language where the page has no translation into it.
        var note: String?

        var templateValue: TemplateValue {
            var value: [String: TemplateValue] = ["name": .string(name), "tag": .string(tag), "current": .bool(current)]
            if let href { value["href"] = .string(href) }
            if let note { value["note"] = .string(note) }
            return .map(value)
        }
    }

    /// One `<link rel="alternate" hreflang>` (`alternates` in the page template).
    struct Alternate: Hashable, Sendable {
        var hreflang: String
        var href: String
        var templateValue: TemplateValue { .map(["hreflang": .string(hreflang), "href": .string(href)]) }
    }

    let links: LanguageLinks
    /// The code of the edition the page belongs to.
    let code: String

    /// The switcher of the page whose source path (relative to its language's folder) is
    /// `source`, written at `outputPath`; `nil` source for the whole report, which every edition
    /// with one has.
    func entries(source: String?, outputPath: String) -> (entries: [Entry], alternates: [Alternate]) {
        let root = String(repeating: "../", count: RelativePath.slashCount(outputPath))
        let current = links.languages.first { $0.code == code }
        var entries: [Entry] = []
        var alternates: [Alternate] = []
        for (index, language) in links.languages.enumerated() {
            let target: String? = if let source { language.outputs[source] } else { language.hasWholeReport ? Self.folder(index, language) + WholeReport.fileName : nil }
            if language.code == code {
                entries.append(Entry(name: language.name, tag: language.tag, href: nil, current: true))
            } else if let target {
                entries.append(Entry(name: language.name, tag: language.tag, href: SiteHref.to(target, from: root), current: false))
            } else {
                let note = InterfaceStrings.fill(language.notTranslated, ["language": current?.name ?? code])
                entries.append(Entry(name: language.name, tag: language.tag, href: nil, current: false, note: note))
            }
            if let target {
                let href = SiteHref.to(target, from: root)
                alternates.append(Alternate(hreflang: language.tag, href: href))
                if index == 0 { alternates.append(Alternate(hreflang: "x-default", href: href)) }
            }
        }
        // A page alone in its language has nothing to offer as an alternate.
        return (entries, alternates.count > 2 || (alternates.count == 2 && alternates[1].hreflang != "x-default") ? alternates : [])
    }

    /// The output folder of the language at `index` (the default's is the root).
    static func folder(_ index: Int, _ language: LanguageLinks.Language) -> String {
        index == 0 ? "" : language.code + "/"
    }
}
