import Foundation

/// A multilingual site in a preview (`serve`): the incremental bookkeeping follows one edition,
/// so a site with `languages` is built whole on every change, as `reportgen build` builds it
/// (`SiteBuilder`, every language's edition, written beside the preview folder and swapped in),
/// and the files whose bytes changed are reported. Editing `content/zh/x.md` rebuilds it like any
/// page; a bilingual report is small, and this costs what a build costs.
extension IncrementalBuilder {
    /// The build of a multilingual site, or `nil` for a site in one language (the incremental path).
    mutating func buildLanguages() throws(DiagnosticList) -> Result? {
        let loader = ContentLoader(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder))
        guard loader.missingFolderProblem() == nil, loader.loadConfigReporting().0.isMultilingual else {
            if languageOutputHashes != nil {
                // The site had languages until now: the incremental state starts afresh.
                languageOutputHashes = nil
                state = nil
                contentCache = nil
            }
            return nil
        }
        let clock = ContinuousClock()
        let start = clock.now
        state = nil
        contentCache = nil
        try OutputFolder.checkPlacement(options)
        var builder = SiteBuilder(options: options)
        builder.observer = observer
        let site = try builder.assemble()
        _ = try builder.write(site, since: start)
        let hashes = Self.outputHashes(options.outputFolder)
        let previous = languageOutputHashes ?? [:]
        languageOutputHashes = hashes
        let written = hashes.filter { previous[$0.key] != $0.value }.keys.sorted()
        let removed = previous.keys.filter { hashes[$0] == nil }.sorted()
        let editions = [site] + site.translations
        let elapsed = clock.now - start
        return Result(rendered: editions.flatMap { $0.pages.map { $0.page.displayPath } }, laidOut: editions.flatMap { $0.pages.map(\.page.outputPath) },
                      written: written, removed: removed, read: [], warnings: site.warnings, pages: editions.reduce(0) { $0 + $1.pages.count },
                      usedChangedPaths: false,
                      milliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
    }

    /// Every file of `folder` (relative path) with the hash of its bytes.
    static func outputHashes(_ folder: URL) -> [String: Int] {
        var hashes: [String: Int] = [:]
        FolderListing.visit(folder.path) { path, relative, kind in
            guard kind == .file, relative != OutputWriter.markerName, let data = FileManager.default.contents(atPath: path) else { return }
            hashes[relative] = hash(data)
        }
        return hashes
    }
}
