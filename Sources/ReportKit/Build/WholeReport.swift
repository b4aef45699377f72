import Foundation

/// The whole report on one page, for reviewers who read or print it in one go:
///
/// - `report.html` at the site root: every page's body in reading order, each in a
///   `<section class="report-section">` headed by the page title as an `h2` (the page's own
///   headings move one level down), laid out with the theme's `page` template;
/// - `report-standalone.html`: the same with the style sheet, favicon, images and search inlined,
///   one file to e-mail or archive.
///
/// Ids stay unique: every id of a page gets the page's section id as prefix (`modes--credit`), and
/// links between pages become links inside the document (`#modes--credit`).
///
/// Citations: the pages' own "References" sections (and the site-wide list) are left out, and one
/// merged bibliography of every work cited ends the report; citations link to its entries (`#ref-KEY`).
struct WholeReport: Sendable {
    static let fileName = "report.html"
    static let standaloneFileName = "report-standalone.html"
    /// The theme's script for the "Cite this" box, inlined in the stand-alone file.
    static let citeScriptAsset = "cite.js"
    /// The theme's script of reading aids, inlined into the stand-alone file beside search.
    static let readingScriptAsset = "reading.js"

    let site: AssembledSite
    /// Finished body of every page (tokens replaced), in reading order.
    let bodies: [String]
    /// Section id of each page by output path.
    let sectionIDs: [String: String]
    /// Where the report is written: `report.html`, or in a language's folder (`zh/report.html`).
    var path: String { site.content.edition.folder + Self.fileName }
    /// The relative prefix from the report to the site root (`../` for `zh/report.html`).
    var root: String { String(repeating: "../", count: RelativePath.slashCount(path)) }

    init(site: AssembledSite, bodies: [String]) {
        self.site = site
        self.bodies = bodies
        sectionIDs = Self.sectionIDs(for: site.pages.map(\.page.outputPath))
    }

    // MARK: Section ids

    /// `index.html` → `index`, `modes/index.html` → `modes`, `a/b.html` → `a-b` (slugs, so always safe
    /// in attributes); made unique in reading order.
    static func sectionIDs(for outputPaths: [String]) -> [String: String] {
        var ids: [String: String] = [:]
        var used: Set<String> = ["main", "content", "search"]
        for path in outputPaths {
            var stem = path
            if stem.hasSuffix("/index.html") { stem.removeLast("/index.html".count) }
            else if stem.hasSuffix(".html") { stem.removeLast(".html".count) }
            // A slug, so that odd folder names (quotes, '<', '&') never reach an attribute unescaped.
            var base = stem.isEmpty ? "index" : Slug.make(stem.replacingOccurrences(of: "/", with: " "))
            if base == "section" && !stem.isEmpty { base = "page" }
            var candidate = base
            var number = 2
            while used.contains(candidate) { candidate = "\(base)-\(number)"; number += 1 }
            used.insert(candidate)
            ids[path] = candidate
        }
        return ids
    }

    // MARK: Body

    /// The report's body: one section per page.
    func body() -> String { bodies(inlining: nil).report }

    /// The bodies of `report.html` and, given `inlining`, of the stand-alone file (`nil` without),
    /// written in one pass over each page: one section per page, then the report's bibliography.
    func bodies(inlining: ReportPageRewriter.Inlining?) -> (report: String, standalone: String?) {
        let rewriter = pageRewriter(inlining: inlining)
        let pages = site.pages, bodies = bodies, sectionIDs = sectionIDs
        let sections = Array(pages.indices).parallelMap { index -> (report: String, standalone: String?) in
            let rendered = pages[index]
            let path = rendered.page.outputPath
            let id = sectionIDs[path] ?? "page-\(index)"
            let opening = "<section class=\"report-section\" aria-labelledby=\"\(id.htmlEscaped)\">\n"
                + "<h2 id=\"\(id.htmlEscaped)\" class=\"report-section-title\">"
            let title = rewriter.rewrite(rendered.titleHTML, pageOutput: path, prefix: id)
            let body = rewriter.rewrite(Self.withoutBibliographies(bodies[index]), pageOutput: path, prefix: id)
            func section(_ title: String, _ body: String) -> String { opening + title + "</h2>\n" + body + "\n</section>\n" }
            return (section(title.report, body.report),
                    body.standalone.map { section(title.standalone ?? title.report, $0) })
        }
        let bibliography = site.references.reportBibliography
        return (sections.map(\.report).joined() + bibliography,
                inlining.map { _ in sections.map { $0.standalone ?? $0.report }.joined() + bibliography })
    }

    /// What rewrites the pages' HTML for the report (and the stand-alone file, given `inlining`).
    func pageRewriter(inlining: ReportPageRewriter.Inlining? = nil) -> ReportPageRewriter {
        ReportPageRewriter(sectionIDs: sectionIDs, root: root, referenceEntryIDs: site.references.referenceEntryIDs, inlining: inlining)
    }

    /// `html` without its bibliography sections (`<section class="bibliography"`, which holds no
    /// other section).
    static func withoutBibliographies(_ html: String) -> String {
        var text = html
        return text.withUTF8 { bytes -> String in
            guard var start = bytes.firstRange(of: bibliographyOpening, from: 0) else { return html }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var position = 0
            while true {
                guard let end = bytes.firstRange(of: sectionClosing, from: start.upperBound) else { break }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<start.lowerBound]))
                position = end.upperBound
                guard let next = bytes.firstRange(of: bibliographyOpening, from: position) else { break }
                start = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let bibliographyOpening = Array("<section class=\"bibliography\"".utf8)
    private static let sectionClosing = Array("</section>\n".utf8)

    /// Level-2 entries are the pages, level-3 entries their level-2 headings.
    var tableOfContents: [PageTemplateContext.ContentsEntry] {
        site.pages.map { rendered in
            let id = sectionIDs[rendered.page.outputPath] ?? ""
            let children = rendered.headings.filter { $0.level == 2 }.map { PageTemplateContext.ContentsEntry(id: "\(id)--\($0.id)", text: $0.text) }
            return .init(id: id, text: rendered.title, children: children)
        }
    }

    /// One page body made fit for the report: headings one level down, ids prefixed, links resolved.
    func rewrite(_ html: String, pageOutput: String, prefix: String) -> String {
        pageRewriter().rewrite(html, pageOutput: pageOutput, prefix: prefix).report
    }

    /// Where a relative URL of a page in `folder` points: the file as a path from the site root,
    /// as on disk (percent-decoded), and the query or fragment after it, as written; nil for
    /// absolute URLs, URLs with a scheme and pure fragments. `url` is as the browser reads it
    /// (entities decoded). The caller writes the result back with `SiteHref`, so that no name,
    /// not even `./javascript:x` resolved from the root, becomes a scheme.
    static func siteTarget(_ url: String, from folder: String) -> (path: String, suffix: String)? {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("/") || url.hasPrefix("?") || LinkResolver.hasScheme(url) { return nil }
        var parts = folder.split(separator: "/").map(String.init)
        var rest = url
        var suffix = ""
        if let cut = url.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            rest = String(url[..<cut])
            suffix = String(url[cut...])
        }
        if rest.utf8.contains(byte: UInt8(ascii: "%")) { rest = rest.removingPercentEncoding ?? rest }
        for segment in rest.split(separator: "/") {
            switch segment {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".": continue
            default: parts.append(String(segment))
            }
        }
        var path = parts.joined(separator: "/")
        if rest.hasSuffix("/") && !path.isEmpty { path += "/" }
        return (path, suffix)
    }

    // MARK: Stand-alone file

    /// A `data:` URI of a file's bytes.
    static func dataURI(_ data: Data, fileName: String) -> String {
        "data:\(mimeType(for: fileName));base64,\(data.base64EncodedString())"
    }

    static func mimeType(for fileName: String) -> String {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "csv": return "text/csv;charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    // MARK: Writing

    /// The template context of the report page, built on the first page's context.
    /// `inlineScript` is the stand-alone file's script; `inlinesSearch` says whether it holds the search.
    func context(layout: PageContext, body: String, standalone: Bool, inlineScript: String?, inlinesSearch: Bool = false) -> PageTemplateContext {
        let config = site.content.config
        var context = layout.context(for: 0, body: body)
        context.prev = nil
        context.next = nil
        context.children = nil
        // The report lies at the site root, whatever folder the first page is in.
        context.root = root
        context.editionRoot = ""
        if context.reportHref != nil { context.reportHref = SiteHref.to(Self.fileName) }
        if let links = site.content.edition.links, let code = site.content.edition.language?.code, !standalone {
            (context.languages, context.alternates) = LanguageSwitcher(links: links, code: code).entries(source: nil, outputPath: path)
        } else {
            (context.languages, context.alternates) = (nil, nil)
        }
        let label = site.theme.strings[.wholeReport]
        context.lang = config.language
        context.title = config.title
        context.titleHTML = config.title.htmlEscaped
        context.documentTitle = label.isEmpty ? config.title : "\(label) · \(config.title)"
        context.isHome = false
        context.isReport = true
        context.content = body
        context.nav = layout.navigation.map { entry in
            .init(title: entry.title, href: "#" + (sectionIDs[entry.page.outputPath] ?? ""), current: false)
        }
        // Pages get a pre-rendered menu; the report's menu points inside the document instead.
        context.navigation = nil
        context.toc = tableOfContents
        context.navigation = site.theme.render("navigation", context)
        context.publication = PagePublication(report: site, standalone: standalone)
        if standalone {
            context.isStandalone = true
            context.inlineStyle = inlineStyle()
            if let favicon = assetData("favicon.svg") { context.faviconHref = Self.dataURI(favicon, fileName: "favicon.svg") }
            context.inlineScript = inlineScript
            if !inlinesSearch { context.hasSearch = false }
            // The "Cite this" box's copy button.
            if let cite = assetData(Self.citeScriptAsset).flatMap({ String(data: $0, encoding: .utf8) }) {
                let script = Self.scriptSafe(cite)
                context.inlineScript = context.inlineScript.map { $0 + "\n" + script } ?? script
            }
        }
        return context
    }

    func assetData(_ name: String) -> Data? {
        guard site.theme.assets.contains(name) else { return nil }
        return site.theme.files.data("assets/" + name)
    }

    /// The theme's style sheets, safe inside `<style>`.
    func inlineStyle() -> String {
        site.theme.assets.filter { $0.hasSuffix(".css") }.compactMap { assetData($0) }
            .map { (String(data: $0, encoding: .utf8) ?? "").replacingEvery(Array("</".utf8), with: Array("<\\/".utf8)) }
            .joined(separator: "\n")
    }

    /// An image of the content (its path from the site root, as on disk) as a data URI, for the stand-alone file.
    func inlineImage(_ path: String) -> String? {
        Self.inlineImage(path, staticFiles: Set(site.content.staticFiles), contentFolder: site.options.contentFolder)
    }

    /// An image among `staticFiles` (read from `contentFolder`) as a data URI; `nil` for another path.
    static func inlineImage(_ path: String, staticFiles: Set<String>, contentFolder: URL) -> String? {
        guard staticFiles.contains(path), let data = FileManager.default.contents(atPath: contentFolder.appendingPathComponent(path).path) else { return nil }
        return dataURI(data, fileName: path)
    }

    /// Every CSV download of the site and every figure's CSV and SVG (by output path) as a data URI,
    /// for the stand-alone file: its download links then work when the file travels alone.
    func dataURIs() -> [String: String] {
        var uris: [String: String] = [:]
        for output in site.catalog.csvOutput() { uris[output.path] = Self.dataURI(Data(output.bytes), fileName: output.path) }
        for page in site.pages {
            for file in page.figureDownloadFiles { uris[file.path] = Self.dataURI(Data(file.text.utf8), fileName: file.path) }
        }
        return uris
    }

    /// The report's files (`report.html`, `report-standalone.html`) and their HTML (see `WholeSiteFiles`).
    func outputs(layout: PageContext, searchIndex: SearchIndex.Written?) -> [(path: String, text: String)] {
        guard !site.pages.isEmpty else { return [] }
        let theme = site.theme
        let csvURIs = dataURIs()
        let staticFiles = Set(site.content.staticFiles), contentFolder = site.options.contentFolder
        let bodies = bodies(inlining: .init(image: { Self.inlineImage($0, staticFiles: staticFiles, contentFolder: contentFolder) },
                                            link: { csvURIs[$0] }))
        var scripts: [String] = []
        if let searchIndex, let search = assetData(SearchIndex.themeAsset).flatMap({ String(data: $0, encoding: .utf8) }) {
            scripts.append(searchIndex.inlineScript + "\n" + search)
        }
        // The theme's reading aids (current section, heading links) travel with the file too.
        if let reading = assetData(Self.readingScriptAsset).flatMap({ String(data: $0, encoding: .utf8) }) { scripts.append(reading) }
        let script = scripts.isEmpty ? nil : Self.scriptSafe(scripts.joined(separator: "\n"))
        let inlinesSearch = searchIndex != nil && assetData(SearchIndex.themeAsset) != nil
        // Two long pages (every page's headings in three contents lists): laid out at the same time.
        let pages = [false, true].parallelMap { standalone in
            theme.render("page", standalone ? context(layout: layout, body: bodies.standalone ?? bodies.report, standalone: true, inlineScript: script,
                                                      inlinesSearch: inlinesSearch)
                                            : context(layout: layout, body: bodies.report, standalone: false, inlineScript: nil))
        }
        let folder = site.content.edition.folder
        return [(folder + Self.fileName, pages[0]), (folder + Self.standaloneFileName, pages[1])]
    }

    /// `script` safe inside `<script>`: `</script` written `<\/script`.
    static func scriptSafe(_ script: String) -> String {
        script.replacingEvery(Array("</script".utf8), with: Array("<\\/script".utf8))
    }
}
