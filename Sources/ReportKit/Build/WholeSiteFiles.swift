/// The files made from every page at once: the search index (when the theme searches), the
/// whole report (when the site publishes it), and the site-wide files of `siteFiles` (`CITATION.cff`,
/// `data/datapackage.json`, the generated list of references). `SiteWriter` writes them in a build,
/// as two steps (the last with the whole report);
/// `IncrementalBuilder` compares them with the previous ones in a preview.
enum WholeSiteFiles {
    /// The whole report, when the site publishes it.
    static func report(site: AssembledSite, bodies: [String], layout: PageContext) -> WholeReport? {
        layout.publishesWholeReport ? WholeReport(site: site, bodies: bodies) : nil
    }

    /// The search index, when the theme searches. `previous` are the documents of an earlier build:
    /// a page whose document inputs did not change is not read again.
    static func searchIndex(site: AssembledSite, bodies: [String], layout: PageContext, report: WholeReport?,
                            bodyHashes: [Int]? = nil, previous: [SearchDocument] = []) -> SearchIndex? {
        guard layout.hasSearch else { return nil }
        let pages = zip(site.pages, bodies).enumerated().map { index, page in searchPage(page.0, body: page.1, bodyHash: bodyHashes?[index]) }
        return SearchIndex(pages: pages, reportAnchors: searchReportAnchors(report), reusing: previous)
    }

    /// What the search index reads of a rendered page with its finished `body`.
    static func searchPage(_ rendered: RenderedPage, body: String, bodyHash: Int? = nil) -> SearchIndex.Page {
        SearchIndex.Page(title: rendered.title, outputPath: rendered.page.outputPath, headings: rendered.headings.map { (id: $0.id, text: $0.text) },
                         body: body, bodyHash: bodyHash)
    }

    /// Each page's section id in the whole report, by output path. Report anchors keep results
    /// found on the report page on it; without a report, none (naming 10,000 sections costs time
    /// and bytes for nothing).
    static func searchReportAnchors(_ report: WholeReport?) -> [String: String] {
        report?.sectionIDs ?? [:]
    }

    /// Both, with their text (the index's files first).
    /// `previous` is the search index an earlier build wrote: unchanged pages and shards are reused.
    static func make(site: AssembledSite, bodies: [String], layout: PageContext, bodyHashes: [Int]? = nil,
                     previous: SearchIndex.Written? = nil) -> (files: [(path: String, text: String)], index: SearchIndex.Written?) {
        let report = report(site: site, bodies: bodies, layout: layout)
        let index = searchIndex(site: site, bodies: bodies, layout: layout, report: report, bodyHashes: bodyHashes,
                                previous: previous?.documents ?? [])
        let written = index?.written(reusing: previous)
        let folder = site.content.edition.folder
        return ((written?.files ?? []).map { (folder + $0.path, $0.text) } + (report?.outputs(layout: layout, searchIndex: written) ?? []) + siteFiles(site: site, layout: layout),
                written)
    }

    /// `CITATION.cff`, `data/datapackage.json` and the generated list of references (`ReferenceListPage`).
    /// Another language's edition has only its own list of references (the rest describe the shared data).
    static func siteFiles(site: AssembledSite, layout: PageContext) -> [(path: String, text: String)] {
        var files = site.content.edition.isDefault ? PublishedDataPackage.files(site: site) : []
        if let list = ReferenceListPage.output(site: site, layout: layout) { files.append(list) }
        return files
    }
}
