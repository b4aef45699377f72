import Foundation

/// Loads the content folder as `ContentLoader.load()` does, but takes each page whose file
/// stamp (modification and change time, size, inode) is the same as at the previous build from
/// that build, instead of reading and splitting it again. On a large site this turns loading
/// from reading every page into one `stat` per page; and when the caller knows which files
/// changed (`reload(_:into:now:)`), into reading just those.
struct CachedContentLoader {
    /// A page as loaded by an earlier build, with the stamp its file had then.
    struct CachedPage: Sendable {
        /// `nil` when the file could not be stamped: such an entry is never reused.
        var stamp: FileStamp?
        var readAt: FileStamp.Time
        /// The page, drafts included (they are left out after loading).
        var page: Page
        var warnings: [Diagnostic]
    }

    /// What a content file is to the build.
    typealias FileKind = ContentFiles.Kind

    /// What one load found.
    struct Loaded: Sendable {
        var content: LoadedContent
        /// Every page file's cache entry, by content-relative path, for the next load.
        var cache: [String: CachedPage]
        /// The page files found, in listing order, for the next load.
        var markdownFiles: [String]
        /// Content-relative paths of the pages read from disk, sorted.
        var read: [String]
        /// Every file the build reads, by content-relative path (metadata files of data files
        /// included, whether they exist or not).
        var knownFiles: [String: FileKind]
        /// Where each page (by source path, generated pages left out) is in `content.pages`.
        var positions: [String: Int]
        /// Source and output path of every page, in reading order, then the static and data files:
        /// what links resolve against.
        var structure: [String]
        /// Goes up by one whenever `structure` changes, so a build can tell that the site's shape
        /// changed since the load it was made from.
        var structureVersion: Int
        /// Warnings of putting the pages in order (the pages' own are in `cache`).
        var arrangeWarnings: [Diagnostic]
        /// The last attempt to put the pages in order failed: `content.pages` may not match `cache`.
        var needsArrange = false
    }

    let loader: ContentLoader
    /// How long before being read a page must have been changed for its stamp to be trusted.
    var settleTime = FileStamp.settleTime

    /// Loads the content; `previous` is the last load, whose pages are reused when their stamps
    /// did not change (and whose reading order is kept when no page that was read again moved,
    /// appeared or disappeared).
    func load(previous: Loaded?, now: FileStamp.Time) throws(DiagnosticList) -> Loaded {
        let cachedPages = previous?.cache ?? [:]
        let root = loader.contentRoot
        if let missing = loader.missingFolderProblem() { throw DiagnosticList(missing) }
        // The same rules as `ContentLoader.loadReporting`, so that serve says what build says.
        var (config, problems) = loader.loadConfigReporting()
        let listing = ContentListing(loader)
        problems += listing.problems
        let files = ContentFiles(listing.files)
        let (markdown, data, statics) = (files.markdown, files.data, files.statics)

        let loader = self.loader
        let settleTime = self.settleTime
        let rootPath = root.path
        let results = markdown.parallelMap { relative -> Result<(CachedPage, Bool), DiagnosticList> in
            let stamp = FileStamp(path: rootPath + "/" + relative)
            if let stamp, let cached = cachedPages[relative], cached.stamp == stamp, stamp.isSettled(readAt: cached.readAt, margin: settleTime) {
                return .success((cached, false))
            }
            return loader.cachedPage(relative, stamp: stamp, now: now).map { ($0, true) }
        }
        var cache: [String: CachedPage] = [:]
        cache.reserveCapacity(markdown.count)
        var read: [String] = []
        for (relative, result) in zip(markdown, results) {
            if case let .success((entry, wasRead)) = result {
                cache[relative] = entry
                if wasRead { read.append(relative) }
            }
        }
        var gathered = loader.gatherPages(markdown, results.map { result in result.map { ($0.0.page, $0.0.warnings) } })
        problems += gathered.problems
        if !problems.isEmpty {
            // Stops here, with what the whole loading step finds (as a build would report it).
            let order = loader.arrangeReporting(gathered.pages, config: &config, failed: gathered.failed, warnings: &gathered.warnings)
            throw DiagnosticList(problems + order.problems + gathered.warnings)
        }
        var knownFiles: [String: FileKind] = [:]
        knownFiles.reserveCapacity(markdown.count + statics.count + 2 * data.count)
        for path in markdown { knownFiles[path] = .page }
        for path in statics { knownFiles[path] = .staticFile }
        for path in files.bibliography { knownFiles[path] = .bibliography }
        for path in data {
            knownFiles[path] = .data
            knownFiles[DataFileLoader.metadataPath(for: path)] = .metadata
        }
        var loaded = Loaded(content: LoadedContent(config: config, pages: [], dataFiles: data, staticFiles: statics, warnings: [],
                                                   bibliographyFiles: files.bibliography),
                            cache: cache, markdownFiles: markdown, read: read, knownFiles: knownFiles, positions: [:],
                            structure: previous?.structure ?? [], structureVersion: previous?.structureVersion ?? 0, arrangeWarnings: [])
        if let previous, !previous.needsArrange, let kept = Self.keptOrder(previous: previous, markdown: markdown, config: config, cache: cache, read: read) {
            loaded.content.pages = kept
            loaded.positions = previous.positions
            loaded.arrangeWarnings = previous.arrangeWarnings
            loaded.content.warnings = loaded.pageWarnings + loaded.arrangeWarnings
            if loaded.structure != Self.structure(of: loaded.content) { loaded.noteStructure() }
        } else {
            try arrange(&loaded)
        }
        return loaded
    }

    /// Reads again the page files among `changed` (content-relative paths `loaded` knows, all
    /// still there: the caller checks), keeping `loaded`'s listing and every other page, and
    /// updates `loaded` in place. Leaves `loaded` as it was when a page fails to load.
    func reload(_ changed: some Collection<String>, into loaded: inout Loaded, now: FileStamp.Time) throws(DiagnosticList) {
        let rootPath = loader.contentRoot.path
        let loader = self.loader
        let changedPages = changed.filter { loaded.knownFiles[$0] == .page }.sorted()
        var entries: [(String, CachedPage)] = []
        var problems: [Diagnostic] = []
        for relative in changedPages {
            switch loader.cachedPage(relative, stamp: FileStamp(path: rootPath + "/" + relative), now: now) {
            case let .success(entry): entries.append((relative, entry))
            case let .failure(list): problems += list.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        // The order stays when no page read again changed what `SiteStructure.arrange` looks at.
        let keepsOrder = !loaded.needsArrange && entries.allSatisfy { relative, entry in
            guard let old = loaded.cache[relative]?.page else { return false }
            return old.outputPath == entry.page.outputPath && old.frontMatter.weight == entry.page.frontMatter.weight
                && old.frontMatter.draft == entry.page.frontMatter.draft
        }
        var updated = loaded
        loaded = .placeholder // so that `updated` holds the only reference to the collections
        for (relative, entry) in entries {
            let old = updated.cache.updateValue(entry, forKey: relative)?.page
            if keepsOrder, old != entry.page, let position = updated.positions[relative] {
                updated.content.pages[position] = entry.page
            }
        }
        updated.read = changedPages
        if keepsOrder {
            if entries.contains(where: { !$0.1.warnings.isEmpty }) || updated.content.warnings.count != updated.arrangeWarnings.count {
                updated.content.warnings = updated.pageWarnings + updated.arrangeWarnings
            }
            loaded = updated
            return
        }
        do throws(DiagnosticList) {
            try arrange(&updated)
            loaded = updated
        } catch {
            // The cache holds the pages as they are now; the order is made again next time.
            updated.needsArrange = true
            loaded = updated
            throw error
        }
    }

    /// Puts every cached page in reading order (drafts left out unless included), and notes a
    /// change of structure.
    private func arrange(_ loaded: inout Loaded) throws(DiagnosticList) {
        var warnings: [Diagnostic] = []
        var pages: [Page] = []
        pages.reserveCapacity(loaded.markdownFiles.count)
        for relative in loaded.markdownFiles {
            guard let entry = loaded.cache[relative] else { continue }
            if loader.includeDrafts || !entry.page.frontMatter.draft { pages.append(entry.page) }
        }
        var config = loaded.content.config
        let order = loader.arrangeReporting(pages, config: &config, failed: [], warnings: &warnings)
        guard let arranged = order.pages, order.problems.isEmpty else {
            throw DiagnosticList(order.problems + loaded.pageWarnings + warnings)
        }
        loaded.content.pages = arranged
        loaded.arrangeWarnings = warnings
        loaded.needsArrange = false
        loaded.content.warnings = loaded.pageWarnings + warnings
        var positions: [String: Int] = [:]
        positions.reserveCapacity(loaded.content.pages.count)
        for (index, page) in loaded.content.pages.enumerated() where !page.isGenerated { positions[page.sourcePath] = index }
        loaded.positions = positions
        if loaded.structure != Self.structure(of: loaded.content) { loaded.noteStructure() }
    }

    /// What links resolve against: source and output path of every page, then static and data files.
    static func structure(of content: LoadedContent) -> [String] {
        content.pages.map { "\($0.sourcePath)→\($0.outputPath)" } + content.staticFiles + content.dataFiles
    }

    /// The previous reading order with the pages read again put in place, when the same page files
    /// exist and none read again changed what `SiteStructure.arrange` looks at (output path,
    /// weight, draft); `nil` otherwise. Saves sorting every page on a one-page edit.
    static func keptOrder(previous: Loaded, markdown: [String], config: SiteConfig, cache: [String: CachedPage],
                          read: [String]) -> [Page]? {
        guard previous.markdownFiles == markdown, previous.content.config == config else { return nil }
        var replaced: [String: Page] = [:]
        for path in read {
            guard let old = previous.cache[path]?.page, let new = cache[path]?.page else { return nil }
            guard old.outputPath == new.outputPath, old.frontMatter.weight == new.frontMatter.weight,
                  old.frontMatter.draft == new.frontMatter.draft else { return nil }
            if old != new { replaced[path] = new }
        }
        if replaced.isEmpty { return previous.content.pages }
        return previous.content.pages.map { page in page.isGenerated ? page : (replaced[page.sourcePath] ?? page) }
    }
}

extension CachedContentLoader.Loaded {
    /// The warnings of every page file, in listing order.
    var pageWarnings: [Diagnostic] {
        markdownFiles.flatMap { cache[$0]?.warnings ?? [] }
    }

    /// Records that the structure changed.
    mutating func noteStructure() {
        structure = CachedContentLoader.structure(of: content)
        structureVersion += 1
    }

    /// An empty value, held while the real one is updated in place.
    static let placeholder = Self(content: LoadedContent(config: SiteConfig(), pages: [], dataFiles: [], staticFiles: [], warnings: []),
                                  cache: [:], markdownFiles: [], read: [], knownFiles: [:], positions: [:], structure: [],
                                  structureVersion: 0, arrangeWarnings: [])
}

extension ContentLoader {
    /// The page at `relative` read and split now, as a cache entry.
    func cachedPage(_ relative: String, stamp: FileStamp?, now: FileStamp.Time) -> Result<CachedContentLoader.CachedPage, DiagnosticList> {
        do throws(DiagnosticList) {
            let (page, warnings) = try loadPage(relative)
            return .success(CachedContentLoader.CachedPage(stamp: stamp, readAt: now, page: page, warnings: warnings))
        } catch {
            return .failure(error)
        }
    }
}
