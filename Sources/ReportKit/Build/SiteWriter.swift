import Foundation

/// Lays out every page with the theme (in parallel) and writes the whole site into the staging
/// folder: pages, theme assets, data files as CSV, and the content's other files.
struct SiteWriter {
    let site: AssembledSite
    let writer: OutputWriter

    /// Writes every file; returns their output-relative paths.
    func write() throws(DiagnosticList) -> [String] {
        let options = site.options
        let dataOutputs = site.catalog.csvOutput()
        var paths = site.pages.map(\.page.outputPath)
        paths += site.theme.assets.map { "assets/" + $0 }
        paths += site.content.staticFiles
        paths += dataOutputs.map(\.path)
        let layout = PageContext(site: site)
        if layout.hasSearch { paths.append(SearchIndex.fileName) }
        if layout.publishesWholeReport { paths += [WholeReport.fileName, WholeReport.standaloneFileName] }
        try writer.prepare(files: paths)

        let theme = site.theme
        let references = site.references
        let writer = self.writer
        let bodies = site.pages.parallelMap { rendered in
            references.finalize(rendered.body, pageOutput: rendered.page.outputPath, rootPrefix: rendered.page.rootPrefix)
        }
        let failures = Array(site.pages.indices).parallelMap { index -> Diagnostic? in
            let rendered = site.pages[index]
            let html = theme.render("page", layout.context(for: index, body: bodies[index]))
            do throws(DiagnosticList) {
                try writer.write(rendered.page.outputPath, text: html)
                return nil
            } catch {
                return error.diagnostics.first
            }
        }
        let problems = failures.compactMap { $0 }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        // The search index and the whole report (WholeReport.swift, SearchIndex.swift).
        let report = WholeReport(site: site, bodies: bodies)
        var searchIndex: SearchIndex?
        if layout.hasSearch {
            let index = SearchIndex(pages: Array(zip(site.pages, bodies)), reportAnchors: report.sectionIDs)
            try writer.write(SearchIndex.fileName, text: index.javaScript)
            searchIndex = index
        }
        if layout.publishesWholeReport { try report.write(with: writer, layout: layout, searchIndex: searchIndex) }

        for asset in site.theme.assets {
            try writer.copy(site.theme.root.appendingPathComponent("assets").appendingPathComponent(asset), to: "assets/" + asset)
        }
        for file in site.content.staticFiles {
            try writer.copy(options.contentFolder.appendingPathComponent(file), to: file)
        }
        for output in dataOutputs {
            try writer.write(output.path, output.bytes)
        }
        return paths
    }
}
