import Foundation

/// The steps of an incremental build that decide what to read and render again.
extension IncrementalBuilder {
    // MARK: Steps

    /// Loads the content into `contentCache`: the files named in `changes` only, or every file
    /// whose stamp changed when `changes` is `nil`.
    mutating func loadContent(changes: ChangedFiles?, now: FileStamp.Time) throws(DiagnosticList) -> CachedContentLoader.Loaded {
        let loader = CachedContentLoader(loader: ContentLoader(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder),
                                                               includeDrafts: options.includeDrafts),
                                         settleTime: settleTime)
        if let changes, var loaded = contentCache {
            contentCache = nil // so that `loaded` is updated in place
            defer { contentCache = loaded }
            try loader.reload(changes.content, into: &loaded, now: now)
            return loaded
        }
        let loaded = try loader.load(previous: contentCache, now: now)
        contentCache = loaded
        return loaded
    }

    /// Fingerprints of the data files: those `changes` names (or all, without `changes` or `previous`)
    /// computed again, the others taken from `previous`.
    mutating func dataFingerprints(_ paths: [String], previous: State?, changes: ChangedFiles?, now: FileStamp.Time) -> [String: Int] {
        guard let previous, let changes else {
            var fingerprints: [String: Int] = [:]
            for path in paths { fingerprints[path] = dataFingerprint(path, now: now) }
            return fingerprints
        }
        var fingerprints = previous.dataFingerprints
        for path in paths {
            let metadata = DataFileLoader.metadataPath(for: path)
            guard changes.content.contains(path) || changes.content.contains(metadata) else { continue }
            digests.forget(contentFile(path).path)
            digests.forget(contentFile(metadata).path)
            fingerprints[path] = dataFingerprint(path, now: now)
        }
        return fingerprints
    }

    /// Indices (in reading order) of the pages to render: all without `previous`; else the pages
    /// read again (all pages when `named` is false) that differ from their previous version, and
    /// the pages whose directives read changed data.
    func pagesToRender(content: LoadedContent, loaded: CachedContentLoader.Loaded, previous: State?, named: Bool,
                       changedData: Set<String>) -> [Int] {
        guard let previous else { return Array(content.pages.indices) }
        let candidates = named ? loaded.read.compactMap { loaded.positions[$0] } : Array(content.pages.indices)
        var indices = Set(candidates.filter { previous.pages[$0].page != content.pages[$0] })
        if !changedData.isEmpty {
            for (index, old) in previous.pages.enumerated() where old.directives.contains(where: { !changedData.isDisjoint(with: $0.dataFiles) }) {
                indices.insert(index)
            }
        }
        return indices.sorted()
    }

    /// True when `new` has the headings, figures, anchor links and citations of `old`: the inputs of `SiteReferences`.
    static func sameReferences(_ old: RenderedPage, _ new: RenderedPage) -> Bool {
        old.headings == new.headings && old.directives == new.directives && old.anchorReferences == new.anchorReferences
            && old.citations == new.citations && old.title == new.title
    }

    /// The content file at a content-relative path.
    func contentFile(_ path: String) -> URL {
        options.contentFolder.appendingPathComponent(path).standardizedFileURL
    }
}
