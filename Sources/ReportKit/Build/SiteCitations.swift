/// Every citation of the site, formatted once all pages are rendered: citations need the whole
/// site (numbers in order of first citation, 2021a/2021b), so pages hold tokens (`Token.citation`,
/// `Token.bibliography`, `Token.siteBibliography`) that `SiteReferences.finalize` replaces with
/// what is made here:
///
/// - each citation's HTML, linking to its entry in the page's bibliography (`#ref-KEY`); the first
///   citation of a work on a page carries the id `cite-KEY`, which the site-wide list links back to;
/// - each citing page's bibliography, a "References" section at its end;
/// - the site-wide list of every work cited, each with links back to the pages citing it: at the
///   end of the content's `references.md` (its text then introduces the list) or, without one,
///   on a generated page `references.html`.
struct SiteCitations: Sendable {
    /// Where a content page becomes the site-wide list (`references.md` at the top).
    static let contentListPath = "references/index.html"
    /// Where the site-wide list is written when the content has no such page.
    static let generatedListPath = "references.html"

    /// Citation HTML by page output path, in the order of the page's citation tokens.
    private(set) var citations: [String: [String]] = [:]
    /// Bibliography section by page output path (citing pages only).
    private(set) var pageBibliographies: [String: String] = [:]
    /// The site-wide list, its links relative to `listPath`.
    private(set) var siteList = ""
    /// The merged bibliography of the whole report (links inside the report).
    private(set) var reportList = ""
    /// Output path of the site-wide list; `nil` when nothing is cited.
    private(set) var listPath: String?
    /// The ids of the entries of the lists (`ref-KEY`), which the whole report keeps as they are.
    private(set) var entryIDs: Set<String> = []
    /// What every text above is made from, as a hash (the incremental builder's key).
    private(set) var fingerprint = 0

    static let empty = SiteCitations()
    private init() {}

    /// Formats every citation of `pages`; unknown keys are returned as errors (their citations
    /// are formatted without them).
    /// `folder` is the language edition's (`zh/`: its list is `zh/references.html`).
    init(pages: [RenderedPage], bibliography: Bibliography, style: CitationStyle, strings: [String: String], folder: String = "",
         problems: inout [Diagnostic]) {
        let cited = pages.flatMap { $0.citations.flatMap { $0.citation.items.map(\.key) } }
        guard !cited.isEmpty else { return }
        var hints = Suggestion.Hints(candidates: bibliography.keys, noun: "a key such as")
        for page in pages {
            for use in page.citations {
                for item in use.citation.items where bibliography.entries[item.key] == nil {
                    let known = bibliography.isEmpty
                        ? "add the work to content/references.bib (BibTeX) or content/references.json (CSL-JSON)"
                        : hints.hint(for: item.key) ?? ""
                    problems.append(.error(.unknownCitationKey, "unknown citation key '@\(item.key)'", at: use.location,
                                           hint: known + " (an @ that is not a citation can go in `code`)"))
                }
            }
        }
        // A Chinese edition's citations and lists take the style's Chinese words (等, 不详, 《》).
        let terms = CitationTerms.forLanguage(InterfaceStrings(strings).labelLanguage)
        let processor = CitationProcessor(style: style, references: bibliography.references, cited: cited, terms: terms)
        let listPath = pages.contains { $0.page.outputPath == folder + Self.contentListPath } ? folder + Self.contentListPath : folder + Self.generatedListPath
        self.listPath = listPath
        var citingPages: [String: [RenderedPage]] = [:]
        for page in pages {
            var seen = Set<String>()
            let output = page.page.outputPath
            citations[output] = page.citations.map { use in
                processor.citation(use.citation).html(referenceHref: { "#" + StyledText.entryID(for: $0) }, referenceID: { key in
                    seen.insert(key).inserted ? "cite-" + key : nil
                })
            }
            if output != listPath { for key in seen { citingPages[key, default: []].append(page) } }
            if !seen.isEmpty && output != listPath {
                let allHref = SiteHref.to(listPath, from: page.page.rootPrefix)
                pageBibliographies[output] = Self.section(processor.bibliography(seen), style: style, processor: processor, strings: strings,
                                                          listLink: (allHref, strings[InterfaceStrings.Key.allReferences.name] ?? ""), backLinks: nil)
            }
        }
        let everything = Set(processor.order)
        entryIDs = Set(processor.order.map(StyledText.entryID))
        let listRoot = String(repeating: "../", count: RelativePath.slashCount(listPath))
        // The generated page is titled "References" already: its list needs no heading of its own.
        siteList = Self.section(processor.bibliography(everything), style: style, processor: processor, strings: strings, listLink: nil,
                                withHeading: listPath != Self.generatedListPath, backLinks: { key in
                                    (citingPages[key] ?? []).map { page in
                                        let href = SiteHref.to(page.page.outputPath, from: listRoot, suffix: "#cite-" + key)
                                        return "<a href=\"\(href.htmlEscaped)\">\(page.title.htmlEscaped)</a>"
                                    }
                                })
        reportList = Self.section(processor.bibliography(everything), style: style, processor: processor, strings: strings, listLink: nil, backLinks: nil)
        var hasher = Hasher()
        hasher.combine(citations.count)
        for key in citations.keys.sorted() { hasher.combine(key); hasher.combine(citations[key]!) }
        for key in pageBibliographies.keys.sorted() { hasher.combine(key); hasher.combine(pageBibliographies[key]!) }
        hasher.combine(siteList)
        fingerprint = hasher.finalize()
    }

    /// A "References" section: the entries (with their numbers in the numeric style), a link to
    /// the site-wide list, or links back to the citing pages.
    static func section(_ entries: [(key: String, entry: StyledText)], style: CitationStyle, processor: CitationProcessor,
                        strings: [String: String], listLink: (href: String, text: String)?, withHeading: Bool = true,
                        backLinks: ((String) -> [String])?) -> String {
        let heading = (strings[InterfaceStrings.Key.references.name] ?? "").htmlEscaped
        var html = withHeading ? "<section class=\"bibliography\" aria-labelledby=\"bibliography\">\n<h2 id=\"bibliography\">\(heading)</h2>\n"
            : "<section class=\"bibliography\" aria-label=\"\(heading)\">\n"
        html += "<ol class=\"references \(style.rawValue)\">\n"
        for (key, entry) in entries {
            html += "<li id=\"\(StyledText.entryID(for: key).htmlEscaped)\">"
            if style == .numeric, let number = processor.numbers[key] { html += "<span class=\"reference-number\">[\(number)]</span> " }
            html += entry.html
            if let links = backLinks?(key), !links.isEmpty {
                html += " <span class=\"cited-on\">\((strings[InterfaceStrings.Key.citedOn.name] ?? "").htmlEscaped) \(links.joined(separator: ", "))</span>"
            }
            html += "</li>\n"
        }
        html += "</ol>\n"
        if let listLink, !listLink.text.isEmpty {
            html += "<p class=\"all-references\"><a href=\"\(listLink.href.htmlEscaped)\">\(listLink.text.htmlEscaped)</a></p>\n"
        }
        return html + "</section>\n"
    }

    /// The HTML for a token of the page at `pageOutput`: citation `index` ("C"), the page's
    /// bibliography ("B") or the site-wide list ("S").
    func replacement(kind: Character, argument: String, pageOutput: String) -> String {
        switch kind {
        case "C": Int(argument).flatMap { index in citations[pageOutput].flatMap { index < $0.count ? $0[index] : nil } } ?? ""
        case "B": pageBibliographies[pageOutput] ?? ""
        default: pageOutput == listPath ? siteList : ""
        }
    }
}
