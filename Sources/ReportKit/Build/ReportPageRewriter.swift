/// What the whole report does to one page's HTML (through `ReportTagRewriter`): headings one level
/// down, ids prefixed with the page's section id (`modes--credit`), links between pages turned
/// into links inside the document, other relative URLs made relative to the report's folder.
/// For the stand-alone file (`inlining`), images and figure downloads become `data:` URIs, in the
/// same pass. Holds only what the rewriting reads, so the per-page work in parallel copies little.
struct ReportPageRewriter: Sendable {
    /// What the stand-alone file inlines: `image` may turn an image, and `link` the target of a
    /// link to a `.csv` or `.svg` file (their paths from the site root, as on disk), into a data URI.
    struct Inlining: Sendable {
        var image: @Sendable (String) -> String?
        var link: @Sendable (String) -> String?
    }

    /// Section id of each page by output path (`WholeReport.sectionIDs`).
    let sectionIDs: [String: String]
    /// The relative prefix from the report to the site root.
    let root: String
    /// The ids of the report bibliography's entries (`ref-KEY`).
    let referenceEntryIDs: Set<String>
    /// Set when the stand-alone file's HTML is written too.
    var inlining: Inlining?

    /// `html` of the page written at `pageOutput`, its ids prefixed with `prefix`: for the report,
    /// and for the stand-alone file when `inlining` is set.
    func rewrite(_ html: String, pageOutput: String, prefix: String) -> (report: String, standalone: String?) {
        let folder = RelativePath.parent(pageOutput)
        return ReportTagRewriter.rewrite(html, standalone: inlining != nil) { tagName, name, value in
            rewritten(tagName: tagName, name: name, value: value, folder: folder, prefix: prefix)
        }
    }

    /// One attribute value rewritten.
    private func rewritten(tagName: String, name: String, value: String, folder: String, prefix: String) -> ReportTagRewriter.Value {
        switch name {
        case "id", "for":
            return .init(report: "\(prefix)--\(value)")
        case "aria-labelledby", "aria-describedby", "headers":
            return .init(report: value.split(separator: " ").map { "\(prefix)--\($0)" }.joined(separator: " "))
        case "href", "xlink:href":
            var rewritten = ReportTagRewriter.Value(report: link(value, from: folder, prefix: prefix))
            if let inlining, tagName == "a", value.hasSuffix(".csv") || value.hasSuffix(".svg"),
               let target = WholeReport.siteTarget(HTMLEntities.decoding(value), from: folder) {
                rewritten.standalone = inlining.link(target.path)
            }
            return rewritten
        case "src":
            guard let target = WholeReport.siteTarget(HTMLEntities.decoding(value), from: folder) else { return .init(report: value) }
            var rewritten = ReportTagRewriter.Value(report: SiteHref.to(target.path, from: root, suffix: target.suffix).htmlEscaped)
            if let inlining, tagName == "img" { rewritten.standalone = inlining.image(target.path) }
            return rewritten
        default:
            guard value.utf8.contains(bytes: Self.localURL) else { return .init(report: value) }
            return .init(report: value.replacingEvery(Self.localURL, with: Array("url(#\(prefix)--".utf8)))
        }
    }

    /// `url(#`: a reference to an element of the page (an SVG gradient or clip path).
    private static let localURL = Array("url(#".utf8)

    /// Where a link of a page points in the report (`value` as written in the page's HTML).
    func link(_ value: String, from folder: String, prefix: String) -> String {
        // A citation's link to its entry leads to the report's one bibliography.
        if value.hasPrefix("#ref-") && referenceEntryIDs.contains(String(value.dropFirst())) { return value }
        if value.hasPrefix("#") { return "#\(prefix)--\(value.dropFirst())" }
        guard let target = WholeReport.siteTarget(HTMLEntities.decoding(value), from: folder) else { return value }
        var page = target.path
        if page.isEmpty || page.hasSuffix("/") { page += "index.html" }
        guard let section = sectionIDs[page] else { return SiteHref.to(target.path, from: root, suffix: target.suffix).htmlEscaped }
        let fragment = target.suffix.firstIndex(of: "#").map { target.suffix[target.suffix.index(after: $0)...] } ?? ""
        return fragment.isEmpty ? "#\(section)" : "#\(section)--\(fragment)".htmlEscaped
    }
}
