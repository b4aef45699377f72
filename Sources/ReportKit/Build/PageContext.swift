import Foundation

/// Builds the values a page template sees. Keys (all optional in templates):
///
/// `lang`, `title`, `documentTitle`, `description`, `root` (relative prefix to the site root),
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
    /// The theme searches: write `search-index.js` and show the search box.
    var hasSearch: Bool { site.theme.assets.contains(SearchIndex.themeAsset) }

    init(site: AssembledSite) {
        self.site = site
        navigation = site.pages.filter { $0.page.section.isEmpty || $0.page.outputPath == "index.html" }
        var children: [String: [RenderedPage]] = [:]
        for rendered in site.pages where rendered.page.outputPath != "index.html" {
            children[rendered.page.section, default: []].append(rendered)
        }
        childrenBySection = children
    }

    func context(for index: Int, body: String) -> [String: Any] {
        let rendered = site.pages[index]
        let page = rendered.page
        let root = page.rootPrefix
        let config = site.content.config
        var context: [String: Any] = [
            "lang": page.frontMatter.lang ?? config.language,
            "title": rendered.title,
            "documentTitle": page.outputPath == "index.html" ? config.title : "\(rendered.title) · \(config.title)",
            "description": rendered.summary ?? config.description ?? config.subtitle ?? config.title,
            "root": root,
            "isHome": page.outputPath == "index.html",
            "content": body,
            "reportHref": root + WholeReport.fileName,
            "hasSearch": hasSearch,
            "strings": site.theme.strings,
            "site": Self.nonEmpty([
                "title": config.title, "subtitle": config.subtitle ?? "", "language": config.language,
                "authors": config.authors.joined(separator: ", "),
            ]),
        ]
        context["nav"] = navigation.map { entry -> [String: Any] in
            let folder = entry.page.isSectionIndex ? String(entry.page.outputPath.dropLast("index.html".count)) : nil
            let current = entry.page.outputPath == page.outputPath
                || (folder.map { !$0.isEmpty && page.outputPath.hasPrefix($0) } ?? false)
            return ["title": entry.title, "href": root + entry.page.outputPath, "current": current]
        }
        let toc = Self.tableOfContents(rendered.headings)
        context["toc"] = toc
        context["hasToc"] = !toc.isEmpty
        if page.isSectionIndex && (page.isGenerated || page.outputPath != "index.html") {
            let folder = (page.sourcePath as NSString).deletingLastPathComponent
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

    /// Drops empty strings, so that `{{#key}}` sections in templates skip them.
    static func nonEmpty(_ values: [String: String]) -> [String: Any] {
        values.filter { !$0.value.isEmpty }
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
