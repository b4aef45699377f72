/// What the `page` template sees, typed: a misspelt key is a compile error, not an empty string.
/// `templateValue` is the one place the template's key names are written; `PageContext` fills
/// the fields for a page, `WholeReport` for the whole-report page. Keys whose value is `nil` are
/// absent from the context (so `{{#key}}` skips them).
struct PageTemplateContext: TemplateContext, Hashable {
    /// The `site` mapping: title, subtitle, authors, language (empty ones left out).
    struct SiteInfo: Hashable, Sendable {
        var title: String
        var subtitle: String
        var language: String
        var authors: String
    }

    /// One entry of the site navigation (`nav`).
    struct NavigationEntry: Hashable, Sendable {
        var title: String
        var href: String
        var current: Bool
    }

    /// One heading of the page's contents (`toc`); level-3 headings nest under level-2 ones.
    struct ContentsEntry: Hashable, Sendable {
        var id: String
        var text: String
        /// `nil` for nested entries, which carry no `children`/`hasChildren` keys.
        var children: [ContentsEntry]?
    }

    /// A page of a section's list (`children`).
    struct ChildEntry: Hashable, Sendable {
        var title: String
        var href: String
        var summary: String
    }

    /// The previous or next page (`prev`, `next`).
    struct PageLink: Hashable, Sendable {
        var title: String
        var href: String
    }

    var lang: String
    /// The page title as plain text (for `<title>`, menus) and as HTML with its inline markup (for `<h1>`).
    var title: String
    var titleHTML: String
    var documentTitle: String
    var description: String
    /// Relative prefix from the page to the site root (`../`).
    var root: String
    var isHome: Bool
    /// The page body (HTML).
    var content: String
    /// The theme ships `assets/search.js`, so `search-index.js` is written at the root.
    var hasSearch: Bool
    /// The theme's interface strings, and the same as templates see them (`Theme.stringsValue`,
    /// one value shared by every page).
    var strings: [String: String]
    var stringsValue: TemplateValue
    var site: SiteInfo
    /// The whole report, when the site publishes one.
    var reportHref: String?
    /// The navigation, rendered once per variant (`PageContext`); `nav` when it was not.
    var navigation: String?
    var nav: [NavigationEntry]?
    var toc: [ContentsEntry]
    /// A section's pages; `nil` for pages that are not a section's list.
    var children: [ChildEntry]?
    var prev: PageLink?
    var next: PageLink?
    /// The whole-report page (`report.html` and its stand-alone copy).
    var isReport = false
    /// The stand-alone copy of the whole report, with its style and script inline.
    var isStandalone = false
    var inlineStyle: String?
    var faviconHref: String?
    var inlineScript: String?
    /// Byline, licence, "Cite this" box and citation metadata (`PagePublication`).
    var publication: PagePublication?
    /// The `@page` rules for print: paper size, title and page numbers (`PrintStyle`).
    var printStyle = ""
    /// The PDF edition (`report.pdf`), when this build writes one (`reportgen pdf`).
    var pdfHref: String?
    /// Relative prefix from the page to its language edition's folder (`root` but for other
    /// languages of a multilingual site: `../zh/`): its home, whole report and search index.
    var editionRoot: String?
    /// The language switcher and `hreflang` alternates (multilingual sites: `LanguageSwitcher`).
    var languages: [LanguageSwitcher.Entry]?
    var alternates: [LanguageSwitcher.Alternate]?

    var templateValue: TemplateValue {
        var value: [String: TemplateValue] = [
            "lang": .string(lang),
            "title": .string(title),
            "titleHTML": .string(titleHTML),
            "documentTitle": .string(documentTitle),
            "description": .string(description),
            "root": .string(root),
            "isHome": .bool(isHome),
            "content": .string(content),
            "hasSearch": .bool(hasSearch),
            "strings": stringsValue,
            "site": .nonEmptyStrings(["title": site.title, "subtitle": site.subtitle, "language": site.language, "authors": site.authors]),
            "toc": .list(toc.map(\.templateValue)),
            "hasToc": .bool(!toc.isEmpty),
            "generator": .string(ReportgenVersion.generator),
        ]
        if let reportHref { value["reportHref"] = .string(reportHref) }
        if let navigation { value["navigation"] = .string(navigation) }
        if let nav { value["nav"] = .list(nav.map(\.templateValue)) }
        if let children {
            value["children"] = .list(children.map { .nonEmptyStrings(["title": $0.title, "href": $0.href, "summary": $0.summary]) })
            value["hasChildren"] = .bool(!children.isEmpty)
        }
        if let prev { value["prev"] = prev.templateValue }
        if let next { value["next"] = next.templateValue }
        if isReport { value["isReport"] = .bool(true) }
        if isStandalone { value["isStandalone"] = .bool(true) }
        if let inlineStyle { value["inlineStyle"] = .string(inlineStyle) }
        if let faviconHref { value["faviconHref"] = .string(faviconHref) }
        if let inlineScript { value["inlineScript"] = .string(inlineScript) }
        if let publication { value["publication"] = publication.templateValue(strings: strings) }
        value["printStyle"] = .string(printStyle)
        if let pdfHref { value["pdfHref"] = .string(pdfHref) }
        value["editionRoot"] = .string(editionRoot ?? root)
        if let languages, !languages.isEmpty { value["languages"] = .list(languages.map(\.templateValue)); value["hasLanguages"] = .bool(true) }
        if let alternates, !alternates.isEmpty { value["alternates"] = .list(alternates.map(\.templateValue)) }
        return .map(value)
    }
}

/// What the `navigation` template sees when `PageContext` renders it once per variant.
struct NavigationTemplateContext: TemplateContext {
    var nav: [PageTemplateContext.NavigationEntry]
    var strings: [String: String]
    var root: String
    var reportHref: String?

    var templateValue: TemplateValue {
        var value: [String: TemplateValue] = [
            "nav": .list(nav.map(\.templateValue)), "strings": .strings(strings), "root": .string(root),
        ]
        if let reportHref { value["reportHref"] = .string(reportHref) }
        return .map(value)
    }
}

extension PageTemplateContext.NavigationEntry {
    var templateValue: TemplateValue { .map(["title": .string(title), "href": .string(href), "current": .bool(current)]) }
}

extension PageTemplateContext.ContentsEntry {
    var templateValue: TemplateValue {
        var value: [String: TemplateValue] = ["id": .string(id), "text": .string(text)]
        if let children {
            value["children"] = .list(children.map(\.templateValue))
            value["hasChildren"] = .bool(!children.isEmpty)
        }
        return .map(value)
    }
}

extension PageTemplateContext.PageLink {
    var templateValue: TemplateValue { .map(["title": .string(title), "href": .string(href)]) }
}
