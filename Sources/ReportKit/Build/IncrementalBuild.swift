import Foundation

/// Rebuilds a site after edits, redoing only what the edits touch. It keeps the previous build
/// in memory and, on each `build(changedPaths:)`:
///
/// - reads again only the pages, data files and theme files that changed: those named in
///   `changedPaths` when the caller (a file watcher) knows them, else those whose stamp (`stat`:
///   modification and change time, size, inode) changed, found by stamping every file;
/// - reloads only the data files whose bytes (or `.yml`) changed;
/// - renders the Markdown of changed pages and of pages whose directives read a changed data
///   file (every page when the set of pages, data files or `site.yml` changed);
/// - redoes figure numbers and anchors only when a page rendered again changed its headings,
///   figures or anchor links, and the navigation only when a title or summary changed;
/// - lays out again only pages whose layout inputs changed (their body, or a title shown in
///   their navigation, neighbours or section list), and writes only files whose bytes changed.
///
/// So a one-page edit named by `changedPaths` costs reading and rendering that page, laying out
/// the pages that show it, and bookkeeping proportional to what changed, not to the site.
///
/// The output folder is written in place (no staging): this is for previews such as `serve`,
/// not for publishing. A failed build throws and leaves the previous state as it was (the paths
/// it was told about are remembered for the next build), so the next build after a fix compares
/// against the last good one; a build that fails while writing forgets everything and starts over.
public struct IncrementalBuilder: Sendable {
    /// Where to read and write.
    public var options: BuildOptions
    /// Told about rendered pages and steps, for progress display.
    public var observer: (any BuildObserver)?
    /// Leave the search index and the whole report (the slowest files, made from every page) to
    /// `writeWholeSiteFiles()`, so a preview can reload the edited page first.
    public var defersWholeSiteFiles = false
    /// How long before a build a file must have been changed for its stamp to be trusted
    /// (`FileStamp.settleTime`); tests shorten it.
    var settleTime = FileStamp.settleTime
    /// The last successful build, `nil` before the first.
    var state: State?
    /// The content as last loaded (by a build that may have failed later): a cache of the
    /// content folder, with the stamps of the page files.
    var contentCache: CachedContentLoader.Loaded?
    /// Digests of the data, metadata, theme and static files, with their stamps (a cache too).
    var digests = FileDigests()
    /// Paths named to builds that failed since the last successful one: the next build reads them too.
    var unabsorbedChanges: Set<String> = []
    /// A build without `changedPaths` failed since the last successful one: the next build scans everything.
    var needsFullScan = false
    /// A multilingual site's output files (as hashes) after the last build (`IncrementalBuild+Languages`).
    var languageOutputHashes: [String: Int]?
    /// Tests: after each build, check that the layout keys kept for pages not looked at equal
    /// keys computed afresh (`BookkeepingMismatch` is thrown otherwise).
    var checksBookkeeping = false

    /// How many pages are laid out (in parallel) before they are written.
    static let layoutBatch = 1024

    /// A builder that has not built anything yet.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// What one build did.
    public struct Result: Sendable {
        /// Content-relative paths of the pages whose Markdown was rendered, in reading order.
        public var rendered: [String]
        /// Output paths of the pages laid out again with the theme, in reading order.
        public var laidOut: [String]
        /// Output paths of the files written because their bytes changed, sorted.
        public var written: [String]
        /// Output paths of files removed because nothing produces them any more, sorted.
        public var removed: [String]
        /// Content-relative paths of the files read from disk (pages, data and metadata files,
        /// static files), sorted; the others were taken from the previous build because their
        /// stamps had not changed (or the caller said they had not changed).
        public var read: [String]
        /// Warnings of the content loading step.
        public var warnings: [Diagnostic]
        /// Pages in the site.
        public var pages: Int
        /// Whether the build used the caller's list of changed paths (false: it stamped every file).
        public var usedChangedPaths: Bool
        /// How long the build took.
        public var milliseconds: Int

        /// One line for the terminal.
        public var summary: String {
            "rebuilt \(rendered.count) of \(pages) page\(pages == 1 ? "" : "s"), wrote \(written.count) file\(written.count == 1 ? "" : "s") in \(milliseconds) ms"
        }
    }

    /// What the previous build knew. The arrays are in reading order, index for index.
    struct State: Sendable {
        var config: SiteConfig
        /// `CachedContentLoader.Loaded.structureVersion` of the load this build was made from.
        var structureVersion: Int
        /// The content, its `pages` left empty once the build is done (they are `pages[i].page`).
        var content: LoadedContent
        var dataFingerprints: [String: Int]
        var catalog: DataCatalog
        var themeFingerprint: Int
        var theme: Theme
        /// Every page, rendered.
        var pages: [RenderedPage]
        /// Each page's body with figure numbers and cross-references filled in.
        var finalized: [FinalizedBody]
        /// The search index as last written: documents of unchanged pages and untouched shards are reused.
        var searchIndex: SearchIndex.Written?
        /// Layout inputs of each page.
        var layoutKeys: [Int]
        /// Navigation and section lists, kept while no title, summary or order changes.
        var lists: LayoutLists
        /// What the navigation shows (titles and paths of its entries), as a hash.
        var navigationKey: Int
        /// Indices of the section index pages listing the pages of each folder, by folder.
        var sectionPages: [String: [Int]]
        /// Bytes of each output file (as a hash), by output path.
        var outputHashes: [String: Int]
        /// The search index and the whole report are out of date until `writeWholeSiteFiles()` writes them.
        var wholeSitePending: Bool
        /// What the figure numbers and captions were when `finalized` was made.
        var referencesKey: Int
        /// Figure numbers and anchors of the site.
        var references: SiteReferences
        /// The works pages may cite, and the bytes of the files they were read from (as a hash).
        var bibliography: Bibliography = .empty
        var bibliographyFingerprint = 0
        /// Renders pages against the site's structure and data.
        var renderer: PageRenderer
        /// The site-wide warnings (`SiteChecks`, `LanguageFolders`), kept while nothing they read changes.
        var siteWarnings: [Diagnostic] = []
        /// Indices of the pages that have warnings of their own.
        var pagesWithWarnings: Set<Int> = []

        /// The site as a whole-site file or a layout sees it.
        func site(options: BuildOptions) -> AssembledSite {
            AssembledSite(options: options, content: content, catalog: catalog, theme: theme, pages: pages, references: references,
                          warnings: content.warnings, bibliography: bibliography)
        }
    }

    /// A page body with its tokens replaced, and the hash of that text.
    struct FinalizedBody: Sendable {
        var body: String
        var hash: Int
    }

    /// Thrown in tests (`checksBookkeeping`) when a layout key kept from an earlier build is stale.
    struct BookkeepingMismatch: Error, CustomStringConvertible {
        var outputPaths: [String]
        var description: String { "stale layout keys for \(outputPaths.joined(separator: ", "))" }
    }

    /// Checks, before any build, that the output folder is not among the sources (the content,
    /// the theme, the project), following symbolic links: no edit of a file can fix that.
    public func checkOutputFolder() throws(DiagnosticList) {
        try OutputFolder.checkPlacement(options)
    }

    /// Builds the site, redoing only what changed since the last successful build.
    ///
    /// `changedPaths` are the absolute paths of files (and folders) that changed since the
    /// previous build, as a file watcher reports them; with them the build reads just those
    /// files. `nil` (or a list the build cannot place, such as an added file) makes it stamp every
    /// file of the content and theme instead. Both give the same output.
    public mutating func build(changedPaths: [String]? = nil) throws(DiagnosticList) -> Result {
        if let result = try buildLanguages() { return result }
        var hint: Set<String>?
        if let changedPaths, !needsFullScan { hint = unabsorbedChanges.union(changedPaths) }
        var committed = state
        state = nil // `committed` holds the only reference, so its arrays are updated in place
        do throws(DiagnosticList) {
            let result = try build(from: &committed, hint: hint)
            state = committed
            unabsorbedChanges = []
            needsFullScan = false
            return result
        } catch {
            state = committed
            if let changedPaths { unabsorbedChanges.formUnion(changedPaths) } else { needsFullScan = true }
            throw error
        }
    }

    /// One build: `previous` is the last good state on entry and the new one on return. It is
    /// left as it was when a step fails before writing, and set to `nil` when writing fails.
    private mutating func build(from previous: inout State?, hint: Set<String>?) throws(DiagnosticList) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let pipeline = SitePipeline(options: options, observer: observer)
        var timer = StepTimer(observer: observer)
        let now = FileStamp.Time.now
        digests.clearReads()
        digests.settleTime = settleTime

        // 1. Content: the named pages, or every page whose stamp changed, are read again.
        let changes = previous == nil ? nil : hint.flatMap { hint in
            contentCache.flatMap { ChangedFiles(paths: hint, contentRoot: options.contentFolder.path, known: $0.knownFiles) }
        }
        let loaded = try loadContent(changes: changes, now: now)
        let content = loaded.content
        let config = content.config
        // A bibliography file added or removed changes what every page's text means (`@key`).
        let siteChanged = previous.map {
            $0.structureVersion != loaded.structureVersion || $0.config != config || $0.content.bibliographyFiles != content.bibliographyFiles
        } ?? true
        timer.finish("loadContent")

        // A later step that fails reports what loading found too, as a build does.
        func afterLoading<T>(_ body: () throws(DiagnosticList) -> T) throws(DiagnosticList) -> T {
            do throws(DiagnosticList) { return try body() } catch { throw DiagnosticList(content.warnings + error.diagnostics) }
        }

        // 2. Data: reload only the files whose bytes changed.
        let fingerprints = dataFingerprints(content.dataFiles, previous: siteChanged ? nil : previous, changes: changes, now: now)
        let changedData = Set(fingerprints.filter { previous?.dataFingerprints[$0.key] != $0.value }.keys)
        var catalog: DataCatalog
        if let previous, Set(previous.dataFingerprints.keys) == Set(fingerprints.keys) {
            catalog = previous.catalog
            if !changedData.isEmpty {
                let fresh = try afterLoading { () throws(DiagnosticList) in
                    try DataCatalog.load(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder),
                                         paths: Array(changedData), maxDataFileBytes: config.maxDataFileBytes)
                }
                for (path, table) in fresh.tables {
                    catalog.tables[path] = table
                    catalog.csvBytes[path] = fresh.csvBytes[path]
                }
            }
        } else {
            catalog = try afterLoading { () throws(DiagnosticList) in
                try DataCatalog.load(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder),
                                     paths: content.dataFiles, maxDataFileBytes: config.maxDataFileBytes)
            }
        }
        timer.finish("loadData")

        // 2b. The bibliography, read again when one of its files changed.
        let bibliographyFingerprint = bibliographyFingerprint(content.bibliographyFiles, changes: changes, now: now)
        let bibliography: Bibliography
        if let previous, previous.bibliographyFingerprint == bibliographyFingerprint {
            bibliography = previous.bibliography
        } else {
            let (loadedBibliography, problems) = pipeline.loadBibliography(content)
            if problems.contains(where: { $0.severity == .error }) {
                try afterLoading { () throws(DiagnosticList) in throw DiagnosticList(problems) }
            }
            bibliography = loadedBibliography
        }
        timer.finish("loadBibliography")

        // 3. Theme, reloaded when any of its files changed.
        let themeFiles = options.themeFiles(for: config)
        let themeFingerprint: Int
        if let previous, let changes, changes.outside.isEmpty, previous.config.theme == config.theme {
            themeFingerprint = previous.themeFingerprint
        } else {
            for path in changes?.outside ?? [] { digests.forget(path) }
            themeFingerprint = themeFiles.folder.map { Self.folderFingerprint($0, digests: &digests, now: now) } ?? 0
        }
        let themeChanged = previous.map { $0.themeFingerprint != themeFingerprint || $0.config.theme != config.theme } ?? true
        let theme = themeChanged ? try afterLoading { () throws(DiagnosticList) in try pipeline.loadTheme(config) } : previous!.theme
        if siteChanged || themeChanged {
            let collisions = pipeline.outputPathProblems(content, theme: theme)
            if !collisions.isEmpty { try afterLoading { () throws(DiagnosticList) in throw DiagnosticList(collisions) } }
        }
        timer.finish("loadTheme")

        // 4. Markdown of the pages that changed or read changed data; every page when the theme's
        // words changed (they are in the figures' HTML).
        let stringsChanged = previous.map { $0.theme.strings != theme.strings || $0.theme.chartColours != theme.chartColours } ?? true
        let toRender = pagesToRender(content: content, loaded: loaded, previous: siteChanged || stringsChanged ? nil : previous,
                                     named: changes != nil, changedData: changedData)
        observer?.pagesToRender(toRender.count)
        // The renderer's link table is made from the site's structure: kept while it and the data stay.
        let renderer: PageRenderer
        if let previous, !siteChanged, !stringsChanged, changedData.isEmpty {
            renderer = previous.renderer
        } else {
            renderer = PageRenderer(content: content, catalog: catalog, strings: theme.strings, chartColours: theme.chartColours)
        }
        let observer = self.observer
        let results = toRender.parallelMap { index -> (RenderedPage, [Diagnostic]) in
            let result = renderer.render(content.pages[index])
            observer?.pageRendered()
            return result
        }
        let pageFindings = results.flatMap(\.1)
        if pageFindings.contains(where: { $0.severity == .error }) {
            // As a build reports it: what loading found, and every page's findings.
            let rerendered = Set(toRender)
            let kept = siteChanged ? [] : (previous?.pages.indices.filter { !rerendered.contains($0) }.flatMap { previous!.pages[$0].warnings } ?? [])
            throw DiagnosticList(content.warnings + kept + pageFindings)
        }
        let fresh = results.map(\.0)
        try FigureDownloadFiles.check(rendered: fresh, content: content, theme: theme, contentDisplay: options.display(options.contentFolder))
        timer.finish("renderPages")

        // 5. Figure numbers and anchors, kept when no page rendered again changed its headings,
        // figures or anchor links.
        let references: SiteReferences
        let referencesKey: Int
        if let previous, !siteChanged, !themeChanged, previous.bibliographyFingerprint == bibliographyFingerprint,
           previous.config.citationStyle == config.citationStyle, zip(toRender, fresh).allSatisfy({ index, page in
            Self.sameReferences(previous.pages[index], page)
        }) {
            references = previous.references
            referencesKey = previous.referencesKey
        } else {
            var pages = siteChanged ? [] : previous!.pages // a copy: `previous` must stay as it was if this fails
            if siteChanged { pages = fresh } else { for (index, page) in zip(toRender, fresh) { pages[index] = page } }
            let referencing = pipeline.resolveReferencesReporting(pages, strings: theme.strings, bibliography: bibliography, config: config)
            guard let resolved = referencing.references else {
                throw DiagnosticList(content.warnings + pages.flatMap(\.warnings) + referencing.diagnostics)
            }
            references = resolved
            referencesKey = Self.referencesKey(references)
        }
        let output = try OutputFolder(options: options, fresh: previous == nil)
        timer.finish("resolveReferences")

        // Nothing below throws but writing; from here on `previous` is updated in place.
        var old = previous
        previous = nil
        var next = State(config: config, structureVersion: loaded.structureVersion, content: content, dataFingerprints: fingerprints,
                         catalog: catalog, themeFingerprint: themeFingerprint, theme: theme, pages: [], finalized: [], layoutKeys: [],
                         lists: LayoutLists(), navigationKey: 0, sectionPages: [:], outputHashes: [:], wholeSitePending: false,
                         referencesKey: referencesKey, references: references, bibliography: bibliography,
                         bibliographyFingerprint: bibliographyFingerprint, renderer: renderer)
        next.searchIndex = old?.searchIndex
        let keptSiteWarnings = siteChanged ? nil : old.flatMap { old in
            Self.keepsSiteWarnings(previous: old, changed: Array(zip(toRender, fresh)), named: changes != nil, dataChanged: !changedData.isEmpty,
                                   bibliographyFingerprint: bibliographyFingerprint, dataFiles: content.dataFiles) ? old.siteWarnings : nil
        }
        next.pagesWithWarnings = old?.pagesWithWarnings ?? []
        let plan: LayoutPlan
        var vanishedDownloads = Set<String>()
        if siteChanged || old == nil {
            plan = rebuildBookkeeping(&next, previous: old, rendered: Array(zip(toRender, fresh)))
        } else {
            // Downloads of figures a page no longer has are removed below (a full rebuild's baseline does it otherwise).
            vanishedDownloads = FigureDownloadFiles.paths(of: old!.pages, at: toRender).subtracting(FigureDownloadFiles.paths(of: fresh))
            plan = updateBookkeeping(&next, previous: &old!, changed: Array(zip(toRender, fresh)), themeChanged: themeChanged)
        }
        old = nil

        // 6. Layout of the pages whose inputs changed; files written when their bytes changed.
        let site = next.site(options: options)
        let layout = PageContext(site: site, lists: next.lists)
        let bodies = next.finalized
        // Skeletons pay off when many pages are laid out (the first build, a theme change); one
        // page costs one direct render either way.
        let pageTemplate = SkeletonRenderer(theme: theme, template: "page")
        // Each page with its citation downloads, which are made from its context.
        let layOutPage: @Sendable (Int) -> [(path: String, bytes: [UInt8])] = { index in
            let context = layout.context(for: index, body: bodies[index].body)
            let downloads = (context.publication?.downloads ?? []).map { (path: $0.path, bytes: Array($0.text.utf8)) }
            return [(site.pages[index].page.outputPath, Array(pageTemplate.render(context).utf8))] + downloads
        }
        var written: [String] = []
        func emit(_ path: String, _ bytes: [UInt8]) throws(DiagnosticList) {
            let hash = Self.hash(bytes)
            let before = plan.previousHash(path, current: next.outputHashes)
            next.outputHashes[path] = hash
            if before != hash {
                try output.write(path, bytes)
                written.append(path)
            }
        }
        // Copied files: their output hash is their digest, so an unchanged one is not read.
        func copy(_ source: URL, to path: String) throws(DiagnosticList) {
            let digest = digests.digest(of: source.path, now: now)
            if plan.previousHash(path, current: next.outputHashes) == digest {
                next.outputHashes[path] = digest
            } else {
                try emit(path, Self.read(source))
            }
        }
        do throws(DiagnosticList) {
            // In batches, each written before the next is laid out: the bytes of every page of a
            // first build at once would take a gigabyte at 100,000 pages.
            for start in stride(from: 0, to: plan.layOut.count, by: Self.layoutBatch) {
                let batch = Array(plan.layOut[start..<min(start + Self.layoutBatch, plan.layOut.count)])
                for file in batch.parallelMap(layOutPage).joined() { try emit(file.path, file.bytes) }
            }
            // Figure downloads follow the rendering, not the layout: written for the pages rendered now
            // (the others keep their hashes, taken from the baseline when the hashes were made afresh).
            for file in FigureDownloadFiles.files(of: next.pages, at: plan.baseline == nil ? toRender : nil, renderedNow: Set(toRender)) {
                if let bytes = file.bytes { try emit(file.path, bytes) } else if let baseline = plan.baseline { next.outputHashes[file.path] = baseline[file.path] }
            }
            if plan.copiesEverything || themeChanged {
                for asset in theme.assets {
                    if let source = theme.files.url("assets/" + asset) { try copy(source, to: "assets/" + asset) }
                    else { try emit("assets/" + asset, Array(theme.files.data("assets/" + asset) ?? Data())) }
                }
            }
            // A symbolic link changes whenever its target does, which a watcher names instead of
            // the link: links are always looked at again (their digest is read when the stamp moved).
            let contentPath = options.contentFolder.standardizedFileURL.path + "/"
            for file in content.staticFiles where plan.copiesEverything || changes.map({ $0.content.contains(file) }) ?? true
                || RegularFile.isSymbolicLink(contentPath + file) {
                let source = options.contentFolder.appendingPathComponent(file).standardizedFileURL
                if changes?.content.contains(file) == true { digests.forget(source.path) }
                try copy(source, to: file)
            }
            if plan.copiesEverything || !changedData.isEmpty {
                for data in catalog.csvOutput() { try emit(data.path, data.bytes) }
            }
        } catch {
            throw error // `previous` stays nil: the files on disk no longer match any state
        }
        timer.finish("writeSite")

        // The search index and the whole report read every page: redone when anything above changed
        // (or, when deferred, by `writeWholeSiteFiles()`).
        // A data file's metadata may change without its CSV or any page changing (the data package describes it).
        if !plan.rebuiltAll, written.isEmpty, changedData.isEmpty, !next.wholeSitePending {
            // Up to date.
        } else if defersWholeSiteFiles {
            next.wholeSitePending = true
            if let baseline = plan.baseline {
                for name in Self.wholeSiteFileNames(pageCount: next.pages.count) { next.outputHashes[name] = baseline[name] }
            }
        } else {
            do throws(DiagnosticList) {
                for file in Self.wholeSiteFiles(site: site, bodies: bodies, layout: layout, searchIndex: &next.searchIndex) {
                    try emit(file.path, Array(file.text.utf8))
                }
            } catch {
                throw error
            }
            next.wholeSitePending = false
        }
        for path in vanishedDownloads { next.outputHashes[path] = nil }
        let removed = (plan.removed(next.outputHashes) + vanishedDownloads).sorted()
        timer.finish("wholeReport")
        for path in removed { output.remove(path) }
        let laidOut = plan.layOut.map { next.pages[$0].page.outputPath }
        let pageCount = next.pages.count

        if checksBookkeeping { try checkLayoutKeys(next) }
        noteWarnings(&next, keeping: keptSiteWarnings, markdownFiles: loaded.markdownFiles, changed: toRender, all: plan.rebuiltAll)
        let warnings = Self.warnings(of: next)
        // The pages are `next.pages[i].page`, and the content cache keeps the array of them: a
        // second reference here would make the cache copy it (every page) to put in an edited one.
        next.content.pages = []
        previous = next
        let contentRoot = options.contentFolder.standardizedFileURL.path + "/"
        let dataRead = digests.reads.filter { $0.hasPrefix(contentRoot) }.map { String($0.dropFirst(contentRoot.count)) }
        let elapsed = clock.now - start
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return Result(rendered: toRender.map { content.pages[$0].sourcePath }, laidOut: laidOut, written: written.sorted(),
                      removed: removed, read: (loaded.read + dataRead).sorted(), warnings: warnings, pages: pageCount,
                      usedChangedPaths: changes != nil, milliseconds: milliseconds)
    }
}
