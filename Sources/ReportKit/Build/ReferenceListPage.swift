/// The page listing every work the site cites, `references.html`, written when the content cites
/// works but has no `references.md` of its own (with one, the list goes at the end of that page,
/// its text becoming the introduction). Laid out with the theme's `page` template, like the
/// whole report, at the site root.
enum ReferenceListPage {
    /// The page's path and HTML; `nil` when the list has a content page or nothing is cited.
    static func output(site: AssembledSite, layout: PageContext) -> (path: String, text: String)? {
        let path = site.content.edition.folder + SiteCitations.generatedListPath
        guard site.references.referenceListPath == path, !site.pages.isEmpty else { return nil }
        let root = String(repeating: "../", count: RelativePath.slashCount(path))
        let strings = site.theme.strings
        let title = strings[InterfaceStrings.Key.references.name] ?? ""
        var context = layout.context(for: 0, body: site.references.siteBibliography)
        context.prev = nil
        context.next = nil
        context.children = nil
        context.root = root
        context.editionRoot = site.content.edition.prefix(from: path)
        context.isHome = false
        context.title = title
        context.titleHTML = title.htmlEscaped
        context.documentTitle = title.isEmpty ? site.content.config.title : "\(title) · \(site.content.config.title)"
        context.toc = []
        context.nav = layout.navigation.map { entry in
            .init(title: entry.title, href: SiteHref.to(entry.page.outputPath, from: root), current: false)
        }
        context.navigation = nil
        context.navigation = site.theme.render("navigation", context)
        return (path, site.theme.render("page", context))
    }
}
