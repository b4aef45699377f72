import Foundation

/// The files made from every page at once (search index, whole report, CITATION.cff, the data
/// package), in a preview: made with the kept lists, and written later when a build defers them
/// (`defersWholeSiteFiles`), so the edited page reloads first.
extension IncrementalBuilder {
    /// Files made from every page at once (the search index's shards depend on the page count).
    static func wholeSiteFileNames(pageCount: Int) -> [String] {
        SearchIndex.paths(pageCount: pageCount) + [WholeReport.fileName, WholeReport.standaloneFileName,
                                                   CitationFile.fileName, PublishedDataPackage.folder + DataPackageDescriptor.fileName]
    }

    /// The search index (when the theme searches) and the whole report, with their text (each
    /// made bytes only as it is written: all of them at once would double the index in memory).
    /// `layout` is made from the kept lists: a fresh `PageContext(site:)` would render every
    /// navigation variant again.
    /// `searchIndex` is the search index of the last build, replaced by this one's. With
    /// `leavingOutReused`, the index files taken unchanged from it are left out (they are on disk
    /// as they were: on a large site most shards, which need not be hashed again after an edit).
    static func wholeSiteFiles(site: AssembledSite, bodies: [FinalizedBody], layout: PageContext,
                               searchIndex: inout SearchIndex.Written?, leavingOutReused: Bool = false) -> [(path: String, text: String)] {
        let made = WholeSiteFiles.make(site: site, bodies: bodies.map(\.body), layout: layout, bodyHashes: bodies.map(\.hash),
                                       previous: searchIndex)
        searchIndex = made.index
        let reused = leavingOutReused ? made.index?.reusedPaths ?? [] : []
        return made.files.filter { !reused.contains($0.path) }
    }

    /// Writes the search index and the whole report left out by a build with
    /// `defersWholeSiteFiles`; returns the output paths whose bytes changed. Does nothing when
    /// they are up to date.
    public mutating func writeWholeSiteFiles() throws(DiagnosticList) -> [String] {
        guard let current = state, current.wholeSitePending else { return [] }
        let made = try writeWholeSiteFiles(of: current)
        // `current` is gone: the state's hashes (of every output file) are updated in place, not copied.
        state!.searchIndex = made.searchIndex
        state!.wholeSitePending = false
        for (path, hash) in made.hashes { state!.outputHashes[path] = hash }
        return made.written.sorted()
    }

    /// Writes the whole-site files of `current` whose bytes changed; returns them, the hashes of
    /// the files made and the new search index.
    private func writeWholeSiteFiles(of current: State) throws(DiagnosticList)
        -> (written: [String], hashes: [(String, Int)], searchIndex: SearchIndex.Written?) {
        let output = try OutputFolder(options: options, fresh: false)
        var written: [String] = []
        var hashes: [(String, Int)] = []
        let site = current.site(options: options)
        var searchIndex = current.searchIndex
        // The index files left out are those of `current.searchIndex` kept as they are: written
        // (or compared) when it was made, so it is replaced only once these files are written.
        let files = Self.wholeSiteFiles(site: site, bodies: current.finalized, layout: PageContext(site: site, lists: current.lists),
                                        searchIndex: &searchIndex, leavingOutReused: true)
        for file in files {
            let bytes = Array(file.text.utf8)
            let hash = Self.hash(bytes)
            if current.outputHashes[file.path] != hash {
                try output.write(file.path, bytes)
                written.append(file.path)
            }
            hashes.append((file.path, hash))
        }
        return (written, hashes, searchIndex)
    }
}
