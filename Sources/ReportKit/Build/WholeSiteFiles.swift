/// The files made from every page at once: the search index (when the theme searches), the
/// whole report (when the site publishes it), the generated list of references (`ReferenceListPage`),
/// `CITATION.cff` and `data/datapackage.json`. `SiteWriter` writes them in a build;
/// `IncrementalBuilder` compares them with the previous ones in a preview.
enum WholeSiteFiles {
    static func make(site: AssembledSite, bodies: [String], layout: PageContext) -> [(path: String, text: String)] {
        let report = layout.publishesWholeReport ? WholeReport(site: site, bodies: bodies) : nil
        var files: [(path: String, text: String)] = []
        var searchIndex: SearchIndex?
        if layout.hasSearch {
            // Report anchors keep results found on the report page on it; without a report, none
            // (naming 10,000 sections costs time and bytes for nothing).
            let pages = zip(site.pages, bodies).map { rendered, body in
                SearchIndex.Page(title: rendered.title, outputPath: rendered.page.outputPath,
                                 headings: rendered.headings.map { (id: $0.id, text: $0.text) }, body: body)
            }
            let index = SearchIndex(pages: pages, reportAnchors: report?.sectionIDs ?? [:])
            files.append((SearchIndex.fileName, index.javaScript))
            searchIndex = index
        }
        if let report { files += report.outputs(layout: layout, searchIndex: searchIndex) }
        files += PublishedDataPackage.files(site: site)
        if let list = ReferenceListPage.output(site: site, layout: layout) { files.append(list) }
        return files
    }
}
