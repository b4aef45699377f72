/// The site-wide publication files: `CITATION.cff` at the output root and the Frictionless
/// `datapackage.json` in `data/`, describing every data file published there (their paths in it
/// are relative to `data/`; data files published elsewhere in the site are described by the
/// JSON-LD of the pages that show them, not by the package). Written with the whole-site files.
enum PublishedDataPackage {
    static let folder = "data/"

    /// Where the descriptor goes, given the published data paths; `nil` when none is under `data/`.
    static func descriptorPath(dataOutputs: [String]) -> String? {
        dataOutputs.contains { $0.hasPrefix(folder) } ? folder + DataPackageDescriptor.fileName : nil
    }

    /// `CITATION.cff` and `data/datapackage.json`, when the site has what they need.
    static func files(site: AssembledSite) -> [(path: String, text: String)] {
        let report = PagePublication.reportWork(site: site, home: site.pages.first { $0.page.outputPath == "index.html" }?.page)
        var files: [(path: String, text: String)] = []
        if let cff = CitationFile.text(report, message: site.theme.strings[.citeCFFMessage]) {
            files.append((CitationFile.fileName, cff))
        }
        let catalog = site.catalog
        let datasets = catalog.tables.keys.sorted().compactMap { path -> DatasetMetadata? in
            let published = catalog.csvOutputPath(for: path)
            guard published.hasPrefix(folder) else { return nil }
            return PagePublication.dataset(catalog.tables[path]!, publishedAt: String(published.dropFirst(folder.count)))
        }
        if !datasets.isEmpty {
            files.append((folder + DataPackageDescriptor.fileName, DataPackageDescriptor.json(report: report, datasets: datasets)))
        }
        return files
    }
}
