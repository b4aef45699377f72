/// The files of another language's edition (`zh/…`): its pages with their citation downloads,
/// search index, whole report (and PDF) and list of references, all in its folder. Theme
/// assets, static and data files, `CITATION.cff` and the data package are the default edition's.
extension SiteOutputs {
    /// A language with no page yet (its folder missing or empty) has no files.
    static func editionFiles(_ content: LoadedContent, theme: Theme, pdfEdition: Bool) -> [(path: String, source: Source)] {
        guard !content.pages.isEmpty else { return [] }
        let folder = content.edition.folder
        let pageFiles = pageFiles(content.pages)
        var files = pageFiles.pages + pageFiles.downloads
        if theme.assets.contains(SearchIndex.themeAsset) {
            files += SearchIndex.paths(pageCount: content.pages.count).map { (folder + $0, .searchIndex) }
        }
        if content.config.publishesWholeReport(pageCount: content.pages.count) {
            files += [(folder + WholeReport.fileName, .wholeReport), (folder + WholeReport.standaloneFileName, .standaloneReport)]
            if pdfEdition { files.append((folder + PDFEdition.fileName, .pdfEdition)) }
        }
        if !content.bibliographyFiles.isEmpty, !content.pages.contains(where: { $0.outputPath == folder + SiteCitations.contentListPath }) {
            files.append((folder + SiteCitations.generatedListPath, .referenceList))
        }
        return files
    }
}
