import Foundation

/// Builds the values a page template sees (`PageTemplateContext`, which lists the keys), with the
/// site-wide lists they are made from: the navigation (rendered once per variant) and each
/// section's pages.
struct PageContext {
    let site: AssembledSite
    /// Top-level navigation entries (home, top-level pages and sections), in reading order.
    let navigation: [RenderedPage]
    /// Children of each section folder, by folder.
    let childrenBySection: [String: [RenderedPage]]
    /// The `navigation` template rendered once per distinct (current entry, depth) pair, so
    /// 10,000 pages do not each render the same menu. Keyed by `navigationKey(for:)`.
    let navigationHTML: [String: String]
    /// `navigationKey(for:in:)` of each page, by index in reading order; empty when made by the
    /// incremental builder, which lays out a few pages (their keys are then computed as needed).
    let navigationKeys: [String]
    /// The theme searches: write `search-index.js` and show the search box.
    var hasSearch: Bool { site.theme.assets.contains(SearchIndex.themeAsset) }
    /// The `@page` rules every page carries (`PrintStyle`).
    let printStyle: String
    /// The site gets `report.html` and `report-standalone.html`.
    var publishesWholeReport: Bool { site.content.config.publishesWholeReport(pageCount: site.pages.count) }

    init(site: AssembledSite) {
        self.site = site
        printStyle = PrintStyle.css(for: site)
        navigation = Self.navigationEntries(of: site)
        var children: [String: [RenderedPage]] = [:]
        let home = site.content.edition.homePath
        for rendered in site.pages where rendered.page.outputPath != home {
            children[rendered.page.section, default: []].append(rendered)
        }
        childrenBySection = children
        var navigationHTML: [String: String] = [:]
        let navigation = self.navigation
        let keys = site.pages.parallelMap { Self.navigationKey(for: $0.page, in: navigation, home: home) }
        navigationKeys = keys
        if site.theme.templates.getTemplate(named: "navigation") != nil {
            // The first page of each variant, whose menu is rendered (in parallel: a small site has one variant a page).
            var seen: Set<String> = []
            let firsts = keys.indices.filter { seen.insert(keys[$0]).inserted }
            let menus = firsts.parallelMap { index in Self.navigationHTML(for: site.pages[index].page, in: navigation, site: site) }
            for (index, menu) in zip(firsts, menus) { navigationHTML[keys[index]] = menu }
        }
        self.navigationHTML = navigationHTML
    }

    /// The `navigation` template rendered for `page`.
    static func navigationHTML(for page: Page, in navigation: [RenderedPage], site: AssembledSite) -> String {
        let publishesReport = site.content.config.publishesWholeReport(pageCount: site.pages.count)
        let context = NavigationTemplateContext(
            nav: navigationEntries(for: page, in: navigation, homeLabel: site.theme.strings[.home], home: site.content.edition.homePath),
            strings: site.theme.strings.table, root: page.rootPrefix,
            reportHref: publishesReport ? SiteHref.to(site.content.edition.folder + WholeReport.fileName, from: page.rootPrefix) : nil)
        return site.theme.render("navigation", context)
    }

    /// The template context of the page at `index` (reading order), with `body` as its content.
    func context(for index: Int, body: String) -> PageTemplateContext {
        let rendered = site.pages[index]
        let page = rendered.page
        let root = page.rootPrefix
        let config = site.content.config
        let edition = site.content.edition
        let isHome = page.outputPath == edition.homePath
        var context = PageTemplateContext(
            lang: page.frontMatter.lang ?? config.language,
            title: rendered.title,
            titleHTML: rendered.titleHTML,
            documentTitle: isHome ? config.title : "\(rendered.title) · \(config.title)",
            description: rendered.summary ?? config.description ?? config.subtitle ?? config.title,
            root: root,
            isHome: isHome,
            content: body,
            hasSearch: hasSearch,
            strings: site.theme.strings.table,
            stringsValue: site.theme.stringsValue,
            site: .init(title: config.title, subtitle: config.subtitle ?? "", language: config.language,
                        authors: config.authors.map(\.displayName).joined(separator: ", ")),
            reportHref: publishesWholeReport ? SiteHref.to(edition.folder + WholeReport.fileName, from: root) : nil,
            toc: Self.tableOfContents(rendered.headings),
            publication: PagePublication(site: site, index: index))
        context.printStyle = printStyle
        if site.options.pdfEdition && publishesWholeReport { context.pdfHref = SiteHref.to(edition.folder + PDFEdition.fileName, from: root) }
        if let links = edition.links, let code = edition.language?.code {
            context.editionRoot = edition.prefix(from: page.outputPath)
            (context.languages, context.alternates) = LanguageSwitcher(links: links, code: code).entries(source: page.sourcePath, outputPath: page.outputPath)
        }
        let navigationKey = navigationKeys.isEmpty ? Self.navigationKey(for: page, in: navigation, home: edition.homePath) : navigationKeys[index]
        if let html = navigationHTML[navigationKey] {
            context.navigation = html
        } else {
            context.nav = Self.navigationEntries(for: page, in: navigation, homeLabel: site.theme.strings[.home], home: edition.homePath)
        }
        if page.isSectionIndex && (page.isGenerated || !isHome) {
            let folder = RelativePath.parent(page.sourcePath)
            context.children = (childrenBySection[folder] ?? []).map { child in
                .init(title: child.title, href: SiteHref.to(child.page.outputPath, from: root), summary: child.summary ?? "")
            }
        }
        if index > 0 { context.prev = link(to: site.pages[index - 1], from: root) }
        if index + 1 < site.pages.count { context.next = link(to: site.pages[index + 1], from: root) }
        return context
    }

    /// Top-level entries shown on every page when `site.yml` lists none: at most this many, so that
    /// a flat folder of 10,000 pages does not put 10,000 links on each page (sections are kept).
    static let automaticNavigationLimit = 30

    /// The pages `site.yml`'s `navigation` lists; without it, home, then the top-level pages and
    /// sections in reading order.
    static func navigationEntries(of site: AssembledSite) -> [RenderedPage] {
        let listed = site.content.config.navigation
        if !listed.isEmpty {
            // Exactly the pages site.yml lists (a page or a section's folder), in reading order.
            let names = Set(listed.flatMap { [$0, $0 + "/index.md", $0 + "/_index.md"] })
            return site.pages.filter { names.contains($0.page.sourcePath) }
        }
        let topLevel = site.pages.filter { $0.page.section.isEmpty || $0.page.outputPath == site.content.edition.homePath }
        if topLevel.count <= automaticNavigationLimit { return topLevel }
        let sections = topLevel.filter { $0.page.isSectionIndex }
        return Array(sections.prefix(automaticNavigationLimit))
    }

    /// The navigation entries as seen from `page`: links relative to it, the entry it belongs to marked current.
    static func navigationEntries(for page: Page, in navigation: [RenderedPage], homeLabel: String? = nil,
                                  home: String = "index.html") -> [PageTemplateContext.NavigationEntry] {
        let current = currentEntry(for: page, in: navigation, home: home)
        return navigation.enumerated().map { index, entry in
            // The home page's title is usually the site's own; the menu calls it by the theme's word.
            let title = entry.page.outputPath == home ? (homeLabel ?? entry.title) : entry.title
            return .init(title: title, href: SiteHref.to(entry.page.outputPath, from: page.rootPrefix), current: index == current)
        }
    }

    /// The index of the navigation entry `page` is, or lies under.
    static func currentEntry(for page: Page, in navigation: [RenderedPage], home: String = "index.html") -> Int? {
        navigation.firstIndex { entry in
            if entry.page.outputPath == page.outputPath { return true }
            // The home page is a section (the edition's folder) that holds every page, but is current only on itself.
            guard entry.page.isSectionIndex, entry.page.outputPath != home else { return false }
            let folder = String(entry.page.outputPath.dropLast("index.html".count))
            return !folder.isEmpty && page.outputPath.hasPrefix(folder)
        }
    }

    /// What the rendered navigation depends on: the current entry and the page's depth.
    static func navigationKey(for page: Page, in navigation: [RenderedPage], home: String = "index.html") -> String {
        "\(currentEntry(for: page, in: navigation, home: home) ?? -1)|\(page.rootPrefix)"
    }

    func link(to rendered: RenderedPage, from root: String) -> PageTemplateContext.PageLink {
        .init(title: rendered.title, href: SiteHref.to(rendered.page.outputPath, from: root))
    }

    /// Level-2 headings with their level-3 headings nested. A level-3 heading before the first
    /// level-2 one is listed at the top level.
    static func tableOfContents(_ headings: [Heading]) -> [PageTemplateContext.ContentsEntry] {
        var entries: [PageTemplateContext.ContentsEntry] = []
        var children: [PageTemplateContext.ContentsEntry] = []
        func flush() {
            guard !entries.isEmpty else { return }
            entries[entries.count - 1].children = children
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry = PageTemplateContext.ContentsEntry(id: heading.id, text: heading.text)
            if heading.level == 2 {
                flush()
                entries.append(entry)
            } else if !entries.isEmpty {
                children.append(entry)
            } else {
                entries.append(entry)
            }
        }
        flush()
        return entries
    }
}
