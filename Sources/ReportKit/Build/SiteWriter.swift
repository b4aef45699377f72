import Foundation

/// Writes an assembled site into the staging folder, in the steps `SiteBuilder` times:
/// `prepareOutput` (the file list and folders), `layoutPages` (each page laid out with the theme,
/// in parallel, and written with its citation downloads; its search document made), `writeSearchIndex` and `writeWholeReport` (the search
/// index; the whole report and the other site-wide files, made from every page) and `copyFiles` (theme assets, the content's other files, data as CSV).
struct SiteWriter {
    let site: AssembledSite
    let writer: OutputWriter
    /// The values page templates see (navigation rendered once per variant).
    let layout: PageContext
    let dataOutputs: [(path: String, bytes: [UInt8])]

    init(site: AssembledSite, writer: OutputWriter) {
        self.site = site
        self.writer = writer
        layout = PageContext(site: site)
        dataOutputs = site.catalog.csvOutput()
    }

    /// Every file the site will hold (its other languages' editions too), output-relative; creates their
    /// folders in the staging folder.
    func prepare() throws(DiagnosticList) -> [String] {
        var paths = SiteOutputs(content: site.content, theme: site.theme, pdfEdition: site.options.pdfEdition).files.map(\.path)
        // Each edition's pages read in place (not copied into one array of every page).
        for pages in [site.pages] + site.translations.map(\.pages) {
            for page in pages { paths += page.figureDownloadFiles.map(\.path) }
        }
        try writer.prepare(files: paths)
        return paths
    }

    /// The pages as `layoutPages` finished them, in reading order: their bodies (for the
    /// whole-site files) and, when the theme searches, their search documents.
    struct LaidOutPages {
        var bodies: [String]
        var searchDocuments: [SearchDocument]?
    }

    /// Fills in figure numbers and cross-references, lays out and writes every page (in
    /// parallel). A page's search document is made in the same task, while its body is at hand
    /// (not in a pass of its own over every body later).
    func layoutPages() throws(DiagnosticList) -> LaidOutPages {
        let pageTemplate = SkeletonRenderer(theme: site.theme, template: "page")
        let references = site.references
        let writer = self.writer
        let layout = self.layout
        let pages = site.pages
        let results = Array(pages.indices).parallelMap { index -> (body: String, document: SearchDocument?, problem: Diagnostic?) in
            let rendered = pages[index]
            let body = references.finalize(rendered.body, pageOutput: rendered.page.outputPath, rootPrefix: rendered.page.rootPrefix)
            let context = layout.context(for: index, body: body)
            let html = pageTemplate.render(context)
            let document = layout.hasSearch ? SearchDocument(page: WholeSiteFiles.searchPage(rendered, body: body)) : nil
            do throws(DiagnosticList) {
                try writer.write(rendered.page.outputPath, text: html)
                for file in context.publication?.downloads ?? [] { try writer.write(file.path, text: file.text) }
                for file in rendered.figureDownloadFiles { try writer.write(file.path, text: file.text) }
                return (body, document, nil)
            } catch {
                return (body, document, error.diagnostics.first)
            }
        }
        let problems = results.compactMap(\.problem)
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return LaidOutPages(bodies: results.map(\.body), searchDocuments: layout.hasSearch ? results.map { $0.document! } : nil)
    }

    /// The whole report, when the site publishes it (written by `writeWholeReport`).
    func wholeReport(bodies: [String]) -> WholeReport? {
        WholeSiteFiles.report(site: site, bodies: bodies, layout: layout)
    }

    /// The search index (`Search/SearchIndex.swift`), when the theme searches: its manifest and shards.
    func writeSearchIndex(_ pages: LaidOutPages, report: WholeReport?) throws(DiagnosticList) -> SearchIndex.Written? {
        guard let documents = pages.searchDocuments else { return nil }
        let index = SearchIndex(documents: documents, reportAnchors: WholeSiteFiles.searchReportAnchors(report))
        let written = index.written(reusing: nil)
        // Hundreds of small files on a large site: written in parallel, as pages are.
        let writer = writer
        let folder = site.content.edition.folder
        let problems = written.files.parallelMap { file -> Diagnostic? in
            do throws(DiagnosticList) {
                try writer.write(folder + file.path, text: file.text)
                return nil
            } catch {
                return error.diagnostics.first
            }
        }.compactMap { $0 }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return written
    }

    /// The whole report (`WholeReport.swift`), the stand-alone one holding `searchIndex`, and the other
    /// site-wide files (`WholeSiteFiles.siteFiles`: CITATION.cff, the data package, the list of references).
    func writeWholeReport(_ report: WholeReport?, searchIndex: SearchIndex.Written?) throws(DiagnosticList) {
        let files = (report?.outputs(layout: layout, searchIndex: searchIndex) ?? []) + WholeSiteFiles.siteFiles(site: site, layout: layout)
        for file in files { try writer.write(file.path, text: file.text) }
    }

    /// Theme assets, the content's other files and data files as CSV.
    func copyFiles() throws(DiagnosticList) {
        let theme = site.theme.files
        for asset in site.theme.assets {
            if let source = theme.url("assets/" + asset) {
                try writer.copy(source, display: site.options.display(theme) + "/assets/" + asset, to: "assets/" + asset)
            } else {
                try writer.write("assets/" + asset, theme.data("assets/" + asset) ?? Data())
            }
        }
        for file in site.content.staticFiles {
            try writer.copy(site.options.contentFolder.appendingPathComponent(file),
                            display: site.options.display(site.options.contentFolder) + "/" + file, to: file)
        }
        for output in dataOutputs {
            try writer.write(output.path, output.bytes)
        }
    }
}
