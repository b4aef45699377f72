import Foundation

/// Builds the values a page template sees. Keys (all optional in templates):
///
/// `lang`, `title`, `titleHTML` (the title with its inline markup, for the page's `<h1>`), `documentTitle`, `description`, `root` (relative prefix to the site root),
/// `isHome`, `content` (HTML), `site` {title, subtitle, authors, language}, `nav` [{title, href, current}],
/// `toc` [{id, text, children [{id, text}]}], `hasToc`, `children` [{title, href, summary}], `hasChildren`,
/// `prev`/`next` {title, href}, `strings` (the theme's interface strings), `reportHref` (the whole report),
/// `hasSearch` (the theme ships `assets/search.js`, so `search-index.js` is written at the root).
/// The whole-report page adds `isReport`, and its stand-alone copy `isStandalone`, `inlineStyle`,
/// `faviconHref`, `inlineScript` (see `WholeReport`).
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
    /// The site gets `report.html` and `report-standalone.html`.
    var publishesWholeReport: Bool { site.content.config.publishesWholeReport(pageCount: site.pages.count) }

    init(site: AssembledSite) {
        self.site = site
        navigation = Self.navigationEntries(of: site)
        var children: [String: [RenderedPage]] = [:]
        for rendered in site.pages where rendered.page.outputPath != "index.html" {
            children[rendered.page.section, default: []].append(rendered)
        }
        childrenBySection = children
        var navigationHTML: [String: String] = [:]
        let navigation = self.navigation
        let keys = site.pages.parallelMap { Self.navigationKey(for: $0.page, in: navigation) }
        navigationKeys = keys
        if site.theme.templates.getTemplate(named: "navigation") != nil {
            for (rendered, key) in zip(site.pages, keys) {
                if navigationHTML[key] == nil {
                    var context: [String: Any] = [
                        "nav": Self.navigationEntries(for: rendered.page, in: navigation, homeLabel: site.theme.strings["home"]),
                        "strings": site.theme.strings, "root": rendered.page.rootPrefix,
                    ]
                    if site.content.config.publishesWholeReport(pageCount: site.pages.count) {
                        context["reportHref"] = rendered.page.rootPrefix + WholeReport.fileName
                    }
                    navigationHTML[key] = site.theme.render("navigation", context)
                }
            }
        }
        self.navigationHTML = navigationHTML
    }

    func context(for index: Int, body: String) -> [String: Any] {
        let rendered = site.pages[index]
        let page = rendered.page
        let root = page.rootPrefix
        let config = site.content.config
        var context: [String: Any] = [
            "lang": page.frontMatter.lang ?? config.language,
            "title": rendered.title,
            "titleHTML": rendered.titleHTML,
            "documentTitle": page.outputPath == "index.html" ? config.title : "\(rendered.title) · \(config.title)",
            "description": rendered.summary ?? config.description ?? config.subtitle ?? config.title,
            "root": root,
            "isHome": page.outputPath == "index.html",
            "content": body,

            "hasSearch": hasSearch,
            "strings": site.theme.strings,
            "site": Self.nonEmpty([
                "title": config.title, "subtitle": config.subtitle ?? "", "language": config.language,
                "authors": config.authors.joined(separator: ", "),
            ]),
        ]
        if publishesWholeReport { context["reportHref"] = root + WholeReport.fileName }
        let navigationKey = navigationKeys.isEmpty ? Self.navigationKey(for: page, in: navigation) : navigationKeys[index]
        if let html = navigationHTML[navigationKey] {
            context["navigation"] = html
        } else {
            context["nav"] = Self.navigationEntries(for: page, in: navigation, homeLabel: site.theme.strings["home"])
        }
        let toc = Self.tableOfContents(rendered.headings)
        context["toc"] = toc
        context["hasToc"] = !toc.isEmpty
        if page.isSectionIndex && (page.isGenerated || page.outputPath != "index.html") {
            let folder = RelativePath.parent(page.sourcePath)
            let children = (childrenBySection[folder] ?? []).map { child -> [String: Any] in
                Self.nonEmpty(["title": child.title, "href": root + child.page.outputPath, "summary": child.summary ?? ""])
            }
            context["children"] = children
            context["hasChildren"] = !children.isEmpty
        }
        if index > 0 { context["prev"] = link(to: site.pages[index - 1], from: root) }
        if index + 1 < site.pages.count { context["next"] = link(to: site.pages[index + 1], from: root) }
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
        let topLevel = site.pages.filter { $0.page.section.isEmpty || $0.page.outputPath == "index.html" }
        if topLevel.count <= automaticNavigationLimit { return topLevel }
        let sections = topLevel.filter { $0.page.isSectionIndex }
        return Array(sections.prefix(automaticNavigationLimit))
    }

    /// Drops empty strings, so that `{{#key}}` sections in templates skip them.
    static func nonEmpty(_ values: [String: String]) -> [String: Any] {
        values.filter { !$0.value.isEmpty }
    }

    /// The navigation entries as seen from `page`: links relative to it, the entry it belongs to marked current.
    static func navigationEntries(for page: Page, in navigation: [RenderedPage], homeLabel: String? = nil) -> [[String: Any]] {
        let current = currentEntry(for: page, in: navigation)
        return navigation.enumerated().map { index, entry -> [String: Any] in
            // The home page's title is usually the site's own; the menu calls it by the theme's word.
            let title = entry.page.outputPath == "index.html" ? (homeLabel ?? entry.title) : entry.title
            return ["title": title, "href": page.rootPrefix + entry.page.outputPath, "current": index == current]
        }
    }

    /// The index of the navigation entry `page` is, or lies under.
    static func currentEntry(for page: Page, in navigation: [RenderedPage]) -> Int? {
        navigation.firstIndex { entry in
            if entry.page.outputPath == page.outputPath { return true }
            guard entry.page.isSectionIndex else { return false }
            let folder = String(entry.page.outputPath.dropLast("index.html".count))
            return !folder.isEmpty && page.outputPath.hasPrefix(folder)
        }
    }

    /// What the rendered navigation depends on: the current entry and the page's depth.
    static func navigationKey(for page: Page, in navigation: [RenderedPage]) -> String {
        "\(currentEntry(for: page, in: navigation) ?? -1)|\(page.rootPrefix)"
    }

    func link(to rendered: RenderedPage, from root: String) -> [String: Any] {
        ["title": rendered.title, "href": root + rendered.page.outputPath]
    }

    /// Level-2 headings with their level-3 headings nested.
    static func tableOfContents(_ headings: [Heading]) -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var children: [[String: Any]] = []
        func flush() {
            guard !entries.isEmpty else { return }
            entries[entries.count - 1]["children"] = children
            entries[entries.count - 1]["hasChildren"] = !children.isEmpty
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 2 {
                flush()
                entries.append(["id": heading.id, "text": heading.text])
            } else if !entries.isEmpty {
                children.append(["id": heading.id, "text": heading.text])
            } else {
                entries.append(["id": heading.id, "text": heading.text])
            }
        }
        flush()
        return entries
    }
}
