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

    /// The report's body: one section per page. `inlineImage` may turn an image, and `inlineLink`
    /// the target of a link to a `.csv` file (their paths from the site root, as on disk), into a data URI.
    func body(inlineImage: @Sendable (String) -> String? = { _ in nil }, inlineLink: @Sendable (String) -> String? = { _ in nil }) -> String {
        let sections = Array(site.pages.indices).parallelMap { index -> String in
            let rendered = site.pages[index]
            let path = rendered.page.outputPath
            let id = sectionIDs[path] ?? "page-\(index)"
            return "<section class=\"report-section\" aria-labelledby=\"\(id.htmlEscaped)\">\n"
                + "<h2 id=\"\(id.htmlEscaped)\" class=\"report-section-title\">"
                + rewrite(rendered.titleHTML, pageOutput: path, prefix: id, inlineImage: inlineImage, inlineLink: inlineLink) + "</h2>\n"
                + rewrite(Self.withoutBibliographies(bodies[index]), pageOutput: path, prefix: id, inlineImage: inlineImage, inlineLink: inlineLink)
                + "\n</section>\n"
        }
        return sections.joined() + site.references.reportBibliography
    }

    /// `html` without its bibliography sections (`<section class="bibliography"`, which holds no
    /// other section).
    static func withoutBibliographies(_ html: String) -> String {
        let open = "<section class=\"bibliography\"", close = "</section>\n"
        guard html.contains(open) else { return html }
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            out += rest[..<start.lowerBound]
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// Level-2 entries are the pages, level-3 entries their level-2 headings.
    var tableOfContents: [PageTemplateContext.ContentsEntry] {
        site.pages.map { rendered in
            let id = sectionIDs[rendered.page.outputPath] ?? ""
            let children = rendered.headings.filter { $0.level == 2 }.map { PageTemplateContext.ContentsEntry(id: "\(id)--\($0.id)", text: $0.text) }
            return .init(id: id, text: rendered.title, children: children)
        }
    }

    /// One page body made fit for the report: headings one level down, ids prefixed, links resolved.
    func rewrite(_ html: String, pageOutput: String, prefix: String, inlineImage: (String) -> String?,
                 inlineLink: (String) -> String? = { _ in nil }) -> String {
        let folder = RelativePath.parent(pageOutput)
        return Self.rewriteTags(in: html) { tagName, name, value in
            switch name {
            case "id", "for":
                return "\(prefix)--\(value)"
            case "aria-labelledby", "aria-describedby", "headers":
                return value.split(separator: " ").map { "\(prefix)--\($0)" }.joined(separator: " ")
            case "href", "xlink:href":
                if tagName == "a", value.hasSuffix(".csv") || value.hasSuffix(".svg"), let target = Self.siteTarget(HTMLEntities.decoding(value), from: folder),
                   let inlined = inlineLink(target.path) {
                    return inlined
                }
                return link(value, from: folder, prefix: prefix)
            case "src":
                guard let target = Self.siteTarget(HTMLEntities.decoding(value), from: folder) else { return value }
                if tagName == "img", let inlined = inlineImage(target.path) { return inlined }
                return SiteHref.to(target.path, from: root, suffix: target.suffix).htmlEscaped
            default:
                return value.contains("url(#") ? value.replacingOccurrences(of: "url(#", with: "url(#\(prefix)--") : value
            }
        }
    }

    /// Where a link of a page points in the report (`value` as written in the page's HTML).
    func link(_ value: String, from folder: String, prefix: String) -> String {
        // A citation's link to its entry leads to the report's one bibliography.
        if value.hasPrefix("#ref-") && site.references.referenceEntryIDs.contains(String(value.dropFirst())) { return value }
        if value.hasPrefix("#") { return "#\(prefix)--\(value.dropFirst())" }
        guard let target = Self.siteTarget(HTMLEntities.decoding(value), from: folder) else { return value }
        var page = target.path
        if page.isEmpty || page.hasSuffix("/") { page += "index.html" }
        guard let section = sectionIDs[page] else { return SiteHref.to(target.path, from: root, suffix: target.suffix).htmlEscaped }
        let fragment = target.suffix.firstIndex(of: "#").map { target.suffix[target.suffix.index(after: $0)...] } ?? ""
        return fragment.isEmpty ? "#\(section)" : "#\(section)--\(fragment)".htmlEscaped
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

    // MARK: Tag rewriting

    /// `html` with `<h1>`…`<h5>` one level down and every double-quoted attribute value passed
    /// through `rewrite(tagName, attributeName, value)`. Values are read and written as they are in
    /// the HTML (entity-escaped), which is safe for the ids and URLs rewritten here.
    static func rewriteTags(in html: String, _ rewrite: (Substring, Substring, String) -> String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            var cursor = rest.index(after: open)
            var inQuote = false
            while cursor < rest.endIndex && (inQuote || rest[cursor] != ">") {
                if rest[cursor] == "\"" { inQuote.toggle() }
                cursor = rest.index(after: cursor)
            }
            guard cursor < rest.endIndex else { out += rest[open...]; return out }
            out += rewriteTag(rest[open...cursor], rewrite)
            rest = rest[rest.index(after: cursor)...]
        }
        out += rest
        return out
    }

    static func rewriteTag(_ tag: Substring, _ rewrite: (Substring, Substring, String) -> String) -> String {
        // Comments and declarations pass unchanged.
        if tag.hasPrefix("<!") || tag.hasPrefix("<?") { return String(tag) }
        let afterOpen = tag.index(after: tag.startIndex)
        let isClosing = tag[afterOpen] == "/"
        let nameStart = isClosing ? tag.index(after: afterOpen) : afterOpen
        let nameEnd = tag[nameStart...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == ":") } ?? tag.endIndex
        let name = tag[nameStart..<nameEnd]
        var out = String(tag[..<nameStart])
        if name.count == 2, name.first == "h" || name.first == "H", let level = Int(String(name.dropFirst())), (1...5).contains(level) {
            out += "h\(level + 1)"
        } else {
            out += name
        }
        if isClosing { out += tag[nameEnd...]; return out }
        var cursor = nameEnd
        while cursor < tag.endIndex {
            let character = tag[cursor]
            guard character.isWhitespace else { out.append(character); cursor = tag.index(after: cursor); continue }
            out.append(character)
            cursor = tag.index(after: cursor)
            let attributeStart = cursor
            while cursor < tag.endIndex, tag[cursor].isLetter || tag[cursor].isNumber || tag[cursor] == "-" || tag[cursor] == ":" || tag[cursor] == "_" {
                cursor = tag.index(after: cursor)
            }
            let attribute = tag[attributeStart..<cursor]
            out += attribute
            guard !attribute.isEmpty, tag[cursor...].hasPrefix("=\"") else { continue }
            let valueStart = tag.index(cursor, offsetBy: 2)
            guard let valueEnd = tag[valueStart...].firstIndex(of: "\"") else { continue }
            out += "=\"" + rewrite(name, attribute, String(tag[valueStart..<valueEnd])) + "\""
            cursor = tag.index(after: valueEnd)
        }
        return out
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
                let script = cite.replacingOccurrences(of: "</script", with: "<\\/script")
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
            .map { (String(data: $0, encoding: .utf8) ?? "").replacingOccurrences(of: "</", with: "<\\/") }
            .joined(separator: "\n")
    }

    /// An image of the content (its path from the site root, as on disk) as a data URI, for the stand-alone file.
    func inlineImage(_ path: String) -> String? {
        guard site.content.staticFiles.contains(path),
              let data = FileManager.default.contents(atPath: site.options.contentFolder.appendingPathComponent(path).path) else { return nil }
        return Self.dataURI(data, fileName: path)
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
        let page = theme.render("page", context(layout: layout, body: body(), standalone: false, inlineScript: nil))
        var scripts: [String] = []
        if let searchIndex, let search = assetData(SearchIndex.themeAsset).flatMap({ String(data: $0, encoding: .utf8) }) {
            scripts.append(searchIndex.inlineScript + "\n" + search)
        }
        // The theme's reading aids (current section, heading links) travel with the file too.
        if let reading = assetData(Self.readingScriptAsset).flatMap({ String(data: $0, encoding: .utf8) }) { scripts.append(reading) }
        let script = scripts.isEmpty ? nil : scripts.joined(separator: "\n").replacingOccurrences(of: "</script", with: "<\\/script")
        let csvURIs = dataURIs()
        let standaloneBody = body(inlineImage: { self.inlineImage($0) }, inlineLink: { csvURIs[$0] })
        let standalone = theme.render("page", context(layout: layout, body: standaloneBody, standalone: true, inlineScript: script, inlinesSearch: searchIndex != nil && assetData(SearchIndex.themeAsset) != nil))
        let folder = site.content.edition.folder
        return [(folder + Self.fileName, page), (folder + Self.standaloneFileName, standalone)]
    }
}
