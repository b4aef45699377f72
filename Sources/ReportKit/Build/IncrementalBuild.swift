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
    /// Tests: after each build, check that the layout keys kept for pages not looked at equal
    /// keys computed afresh (`BookkeepingMismatch` is thrown otherwise).
    var checksBookkeeping = false

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
        var content: LoadedContent
        var dataFingerprints: [String: Int]
        var catalog: DataCatalog
        var themeFingerprint: Int
        var theme: Theme
        /// Every page, rendered.
        var pages: [RenderedPage]
        /// Each page's body with figure numbers and cross-references filled in.
        var finalized: [FinalizedBody]
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
        /// Renders pages against the site's structure and data.
        var renderer: PageRenderer

        /// The site as a whole-site file or a layout sees it.
        func site(options: BuildOptions) -> AssembledSite {
            AssembledSite(options: options, content: content, catalog: catalog, theme: theme, pages: pages, references: references,
                          warnings: content.warnings)
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

    /// Files made from every page at once.
    static let wholeSiteFileNames = [SearchIndex.fileName, WholeReport.fileName, WholeReport.standaloneFileName]

    /// The search index (when the theme searches) and the whole report, with their bytes.
    /// `layout` is made from the kept lists: a fresh `PageContext(site:)` would render every
    /// navigation variant again.
    static func wholeSiteFiles(site: AssembledSite, bodies: [String], layout: PageContext) -> [(path: String, bytes: [UInt8])] {
        WholeSiteFiles.make(site: site, bodies: bodies, layout: layout).map { ($0.path, Array($0.text.utf8)) }
    }

    /// Checks, before any build, that the output folder is not among the sources (the content,
    /// the theme, the project), following symbolic links: no edit of a file can fix that.
    public func checkOutputFolder() throws(DiagnosticList) {
        try OutputFolder.checkPlacement(options)
    }

    /// Writes the search index and the whole report left out by a build with
    /// `defersWholeSiteFiles`; returns the output paths whose bytes changed. Does nothing when
    /// they are up to date.
    public mutating func writeWholeSiteFiles() throws(DiagnosticList) -> [String] {
        guard let current = state, current.wholeSitePending else { return [] }
        let output = try OutputFolder(options: options, fresh: false)
        var written: [String] = []
        var hashes: [String: Int] = [:]
        let site = current.site(options: options)
        for file in Self.wholeSiteFiles(site: site, bodies: current.finalized.map(\.body), layout: PageContext(site: site, lists: current.lists)) {
            let hash = Self.hash(file.bytes)
            if current.outputHashes[file.path] != hash {
                try output.write(file.path, file.bytes)
                written.append(file.path)
            }
            hashes[file.path] = hash
        }
        state!.wholeSitePending = false
        for (path, hash) in hashes { state!.outputHashes[path] = hash }
        return written.sorted()
    }

    /// Builds the site, redoing only what changed since the last successful build.
    ///
    /// `changedPaths` are the absolute paths of files (and folders) that changed since the
    /// previous build, as a file watcher reports them; with them the build reads just those
    /// files. `nil` (or a list the build cannot place, such as an added file) makes it stamp every
    /// file of the content and theme instead. Both give the same output.
    public mutating func build(changedPaths: [String]? = nil) throws(DiagnosticList) -> Result {
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
        let builder = SiteBuilder(options: options)
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
        let siteChanged = previous.map { $0.structureVersion != loaded.structureVersion || $0.config != config } ?? true
        timer.finish("loadContent")

        // 2. Data: reload only the files whose bytes changed.
        let fingerprints = dataFingerprints(content.dataFiles, previous: siteChanged ? nil : previous, changes: changes, now: now)
        let changedData = Set(fingerprints.filter { previous?.dataFingerprints[$0.key] != $0.value }.keys)
        var catalog: DataCatalog
        if let previous, Set(previous.dataFingerprints.keys) == Set(fingerprints.keys) {
            catalog = previous.catalog
            if !changedData.isEmpty {
                let fresh = try DataCatalog.load(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder),
                                                 paths: Array(changedData), maxDataFileBytes: config.maxDataFileBytes)
                for (path, table) in fresh.tables {
                    catalog.tables[path] = table
                    catalog.csvBytes[path] = fresh.csvBytes[path]
                }
            }
        } else {
            catalog = try builder.loadData(content)
        }
        timer.finish("loadData")

        // 3. Theme, reloaded when any of its files changed.
        let themeFolder = options.themeFolder
            ?? options.projectRoot.appendingPathComponent("themes").appendingPathComponent(config.theme ?? "default")
        let themeFingerprint: Int
        if let previous, let changes, changes.outside.isEmpty, previous.config.theme == config.theme {
            themeFingerprint = previous.themeFingerprint
        } else {
            for path in changes?.outside ?? [] { digests.forget(path) }
            themeFingerprint = Self.folderFingerprint(themeFolder, digests: &digests, now: now)
        }
        let themeChanged = previous.map { $0.themeFingerprint != themeFingerprint || $0.config.theme != config.theme } ?? true
        let theme = themeChanged ? try builder.loadTheme(config) : previous!.theme
        timer.finish("loadTheme")

        // 4. Markdown of the pages that changed or read changed data.
        let toRender = pagesToRender(content: content, loaded: loaded, previous: siteChanged ? nil : previous,
                                     named: changes != nil, changedData: changedData)
        observer?.pagesToRender(toRender.count)
        // The renderer's link table is made from the site's structure: kept while it and the data stay.
        let renderer: PageRenderer
        if let previous, !siteChanged, changedData.isEmpty {
            renderer = previous.renderer
        } else {
            renderer = PageRenderer(content: content, catalog: catalog)
        }
        let observer = self.observer
        let results = toRender.parallelMap { index -> (RenderedPage, [Diagnostic]) in
            let result = renderer.render(content.pages[index])
            observer?.pageRendered()
            return result
        }
        let problems = results.flatMap(\.1).filter { $0.severity == .error }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let fresh = results.map(\.0)
        timer.finish("renderPages")

        // 5. Figure numbers and anchors, kept when no page rendered again changed its headings,
        // figures or anchor links.
        let references: SiteReferences
        let referencesKey: Int
        if let previous, !siteChanged, !themeChanged, zip(toRender, fresh).allSatisfy({ index, page in
            Self.sameReferences(previous.pages[index], page)
        }) {
            references = previous.references
            referencesKey = previous.referencesKey
        } else {
            var pages = siteChanged ? [] : previous!.pages // a copy: `previous` must stay as it was if this fails
            if siteChanged { pages = fresh } else { for (index, page) in zip(toRender, fresh) { pages[index] = page } }
            references = try builder.resolveReferences(pages, theme: theme)
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
                         referencesKey: referencesKey, references: references, renderer: renderer)
        let plan: LayoutPlan
        if siteChanged || old == nil {
            plan = rebuildBookkeeping(&next, previous: old, rendered: Array(zip(toRender, fresh)))
        } else {
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
        let html = plan.layOut.parallelMap { index in Array(pageTemplate.render(layout.context(for: index, body: bodies[index].body)).utf8) }
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
            for (index, bytes) in zip(plan.layOut, html) { try emit(next.pages[index].page.outputPath, bytes) }
            if plan.copiesEverything || themeChanged {
                for asset in theme.assets {
                    try copy(theme.root.appendingPathComponent("assets").appendingPathComponent(asset), to: "assets/" + asset)
                }
            }
            for file in content.staticFiles where plan.copiesEverything || changes.map({ $0.content.contains(file) }) ?? true {
                let source = options.contentFolder.appendingPathComponent(file).standardizedFileURL
                if changes != nil { digests.forget(source.path) }
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
        if !plan.rebuiltAll, written.isEmpty, !next.wholeSitePending {
            // Up to date.
        } else if defersWholeSiteFiles {
            next.wholeSitePending = true
            for name in Self.wholeSiteFileNames { next.outputHashes[name] = plan.previousHash(name, current: next.outputHashes) }
        } else {
            do throws(DiagnosticList) {
                for file in Self.wholeSiteFiles(site: site, bodies: bodies.map(\.body), layout: layout) { try emit(file.path, file.bytes) }
            } catch {
                throw error
            }
            next.wholeSitePending = false
        }
        let removed = plan.removed(next.outputHashes)
        timer.finish("wholeReport")
        for path in removed { output.remove(path) }
        let laidOut = plan.layOut.map { next.pages[$0].page.outputPath }
        let pageCount = next.pages.count

        if checksBookkeeping { try checkLayoutKeys(next) }
        previous = next
        let contentRoot = options.contentFolder.standardizedFileURL.path + "/"
        let dataRead = digests.reads.filter { $0.hasPrefix(contentRoot) }.map { String($0.dropFirst(contentRoot.count)) }
        let elapsed = clock.now - start
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return Result(rendered: toRender.map { content.pages[$0].sourcePath }, laidOut: laidOut, written: written.sorted(),
                      removed: removed, read: (loaded.read + dataRead).sorted(), warnings: content.warnings, pages: pageCount,
                      usedChangedPaths: changes != nil, milliseconds: milliseconds)
    }

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

    /// True when `new` has the headings, figures and anchor links of `old`: the inputs of `SiteReferences`.
    static func sameReferences(_ old: RenderedPage, _ new: RenderedPage) -> Bool {
        old.headings == new.headings && old.directives == new.directives && old.anchorReferences == new.anchorReferences
    }

    /// The content file at a content-relative path.
    func contentFile(_ path: String) -> URL {
        options.contentFolder.appendingPathComponent(path).standardizedFileURL
    }

    // MARK: Bookkeeping

    /// What to lay out and write after the bookkeeping of a build.
    struct LayoutPlan {
        /// Indices of the pages to lay out again, in reading order.
        var layOut: [Int]
        /// Every page's inputs were looked at again (a new site structure, theme or first build):
        /// copy every file, and compare outputs against `baseline`.
        var rebuiltAll: Bool
        /// The previous build's output hashes, when the new ones were made afresh.
        var baseline: [String: Int]?

        var copiesEverything: Bool { rebuiltAll }

        /// The hash the file at `path` had after the previous build.
        func previousHash(_ path: String, current: [String: Int]) -> Int? {
            baseline.map { $0[path] } ?? current[path]
        }

        /// Output paths the previous build wrote that nothing produces any more, sorted.
        func removed(_ hashes: [String: Int]) -> [String] {
            guard let baseline else { return [] }
            return baseline.keys.filter { hashes[$0] == nil }.sorted()
        }
    }

    /// Makes the bookkeeping of `next` afresh (a first build, or a new structure or theme): every
    /// page's body finalized (or reused when its rendering and the figure numbers did not change),
    /// every layout key computed; pages whose key did not change are not laid out again.
    /// `rendered` are the pages rendered now, by index.
    func rebuildBookkeeping(_ next: inout State, previous: State?, rendered: [(Int, RenderedPage)]) -> LayoutPlan {
        var merged = previous?.pages ?? []
        if merged.count != next.content.pages.count || rendered.count == next.content.pages.count {
            merged = rendered.map(\.1) // every page was rendered (a new structure, or a first build)
        } else {
            for (index, page) in rendered { merged[index] = page }
        }
        let pages = merged
        next.pages = pages
        let renderedNow = Set(rendered.map(\.0))
        var earlierBodies: [String: (String, FinalizedBody)] = [:]
        if let previous, previous.referencesKey == next.referencesKey {
            for (page, body) in zip(previous.pages, previous.finalized) { earlierBodies[page.page.sourcePath] = (page.page.outputPath, body) }
        }
        let reusable = earlierBodies
        let references = next.references
        next.finalized = Array(pages.indices).parallelMap { index -> FinalizedBody in
            let page = pages[index].page
            if !renderedNow.contains(index), let (output, body) = reusable[page.sourcePath], output == page.outputPath { return body }
            return Self.finalize(pages[index], references: references)
        }
        let context = PageContext(site: next.site(options: options))
        next.lists = LayoutLists(context)
        next.navigationKey = Self.navigationKey(next.lists)
        next.sectionPages = Self.sectionPages(pages)
        var previousKeys: [String: Int] = [:]
        if let previous {
            for (page, key) in zip(previous.pages, previous.layoutKeys) { previousKeys[page.page.outputPath] = key }
        }
        let baseline = previous?.outputHashes ?? [:]
        next.layoutKeys = layoutKeys(of: next, at: Array(pages.indices))
        var layOut: [Int] = []
        for (index, page) in pages.enumerated() {
            let path = page.page.outputPath
            if previousKeys[path] == next.layoutKeys[index], let hash = baseline[path] {
                next.outputHashes[path] = hash
            } else {
                layOut.append(index)
            }
        }
        return LayoutPlan(layOut: layOut, rebuiltAll: true, baseline: baseline)
    }

    /// Updates the bookkeeping of `previous` (moved into `next`) for the pages rendered again
    /// (`changed`, by index, in a site whose structure and theme did not change): their bodies,
    /// the lists when a title or summary changed, and the layout keys of the pages that can
    /// show them (themselves, their neighbours, their section's index page; every page when the
    /// navigation or the figure numbers changed).
    func updateBookkeeping(_ next: inout State, previous: inout State, changed: [(Int, RenderedPage)], themeChanged: Bool) -> LayoutPlan {
        swap(&next.pages, &previous.pages)
        swap(&next.finalized, &previous.finalized)
        swap(&next.layoutKeys, &previous.layoutKeys)
        swap(&next.outputHashes, &previous.outputHashes)
        swap(&next.sectionPages, &previous.sectionPages)
        swap(&next.lists, &previous.lists)
        next.navigationKey = previous.navigationKey
        next.wholeSitePending = previous.wholeSitePending
        var listsChanged = false
        for (index, page) in changed {
            let old = next.pages[index]
            if old.title != page.title || old.summary != page.summary {
                // A page listed in its section is put in place; one in the navigation makes the lists again.
                if !next.lists.replaceChild(page) { listsChanged = true }
            }
            next.pages[index] = page
        }
        var dirty = Set(changed.map(\.0))
        if next.referencesKey != previous.referencesKey {
            // Figure numbers or captions changed: any page may refer to them.
            let pages = next.pages
            let references = next.references
            let bodies = Array(pages.indices).parallelMap { Self.finalize(pages[$0], references: references) }
            for (index, body) in bodies.enumerated() where body.hash != next.finalized[index].hash { dirty.insert(index) }
            next.finalized = bodies
        } else {
            for (index, page) in changed { next.finalized[index] = Self.finalize(page, references: next.references) }
        }
        var everyPage = false
        if listsChanged {
            next.lists = LayoutLists(PageContext(site: next.site(options: options)))
            let navigationKey = Self.navigationKey(next.lists)
            everyPage = navigationKey != next.navigationKey
            next.navigationKey = navigationKey
        }
        let candidates: [Int]
        if everyPage || themeChanged {
            candidates = Array(next.pages.indices)
        } else {
            var showing = dirty
            for index in dirty {
                if index > 0 { showing.insert(index - 1) }
                if index + 1 < next.pages.count { showing.insert(index + 1) }
                for section in next.sectionPages[next.pages[index].page.section] ?? [] { showing.insert(section) }
            }
            candidates = showing.sorted()
        }
        let keys = layoutKeys(of: next, at: candidates)
        var layOut: [Int] = []
        for (index, key) in zip(candidates, keys) {
            if next.layoutKeys[index] != key || next.outputHashes[next.pages[index].page.outputPath] == nil { layOut.append(index) }
            next.layoutKeys[index] = key
        }
        return LayoutPlan(layOut: layOut, rebuiltAll: false, baseline: nil)
    }

    /// The page's body with figure numbers and cross-references filled in, and its hash.
    static func finalize(_ page: RenderedPage, references: SiteReferences) -> FinalizedBody {
        let body = references.finalize(page.body, pageOutput: page.page.outputPath, rootPrefix: page.page.rootPrefix)
        return FinalizedBody(body: body, hash: hash(body))
    }

    /// The section index pages of each folder (the pages listing that folder's pages), by folder.
    static func sectionPages(_ pages: [RenderedPage]) -> [String: [Int]] {
        var sections: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() where page.page.isSectionIndex {
            sections[RelativePath.parent(page.page.sourcePath), default: []].append(index)
        }
        return sections
    }

    /// What the navigation shows: its entries' titles and output paths.
    static func navigationKey(_ lists: LayoutLists) -> Int {
        hash(lists.navigation.map { [$0.title, $0.page.outputPath] })
    }

    /// Layout keys of the pages at `indices` of `state` (in parallel when there are many).
    func layoutKeys(of state: State, at indices: [Int]) -> [Int] {
        let inputs = LayoutKeyInputs(pages: state.pages, finalized: state.finalized, lists: state.lists, navigationKey: state.navigationKey,
                                     configKey: Self.hash(state.config), themeFingerprint: state.themeFingerprint)
        if indices.count < 64 { return indices.map { inputs.key(at: $0) } }
        return indices.parallelMap { inputs.key(at: $0) }
    }

    /// Tests: every layout key and finalized body of `state` equals one made afresh.
    func checkLayoutKeys(_ state: State) throws(DiagnosticList) {
        let fresh = LayoutLists(PageContext(site: state.site(options: options)))
        var stale: [String] = []
        if Self.navigationKey(fresh) != state.navigationKey { stale.append("(navigation)") }
        var check = state
        check.lists = fresh
        check.sectionPages = Self.sectionPages(state.pages)
        if check.sectionPages != state.sectionPages { stale.append("(section pages)") }
        let keys = layoutKeys(of: check, at: Array(state.pages.indices))
        for (index, page) in state.pages.enumerated() {
            if keys[index] != state.layoutKeys[index] || Self.finalize(page, references: state.references).hash != state.finalized[index].hash {
                stale.append(page.page.outputPath)
            }
        }
        if !stale.isEmpty {
            throw DiagnosticList(.error("internal: stale incremental bookkeeping for \(stale.joined(separator: ", "))"))
        }
    }

    /// Everything a page's layout shows, for `key(at:)`.
    struct LayoutKeyInputs: Sendable {
        var pages: [RenderedPage]
        var finalized: [FinalizedBody]
        var lists: LayoutLists
        var navigationKey: Int
        var configKey: Int
        var themeFingerprint: Int

        /// A hash of the page's own body, title and headings, the navigation, its neighbours'
        /// titles and (for a section) its children.
        func key(at index: Int) -> Int {
            let rendered = pages[index]
            var hasher = Hasher()
            hasher.combine(finalized[index].hash)
            hasher.combine(rendered.title)
            hasher.combine(rendered.summary)
            hasher.combine(rendered.headings)
            hasher.combine(rendered.page.frontMatter)
            hasher.combine(configKey)
            hasher.combine(navigationKey)
            hasher.combine(themeFingerprint)
            for neighbour in [index - 1, index + 1] where pages.indices.contains(neighbour) {
                hasher.combine(neighbour - index)
                hasher.combine(pages[neighbour].title)
                hasher.combine(pages[neighbour].page.outputPath)
            }
            if rendered.page.isSectionIndex {
                let folder = RelativePath.parent(rendered.page.sourcePath)
                for child in lists.childrenBySection[folder] ?? [] {
                    hasher.combine(child.title)
                    hasher.combine(child.summary)
                    hasher.combine(child.page.outputPath)
                }
            }
            return hasher.finalize()
        }
    }

    // MARK: Fingerprints

    /// A data file's bytes and those of its metadata file (read only when their stamps changed).
    mutating func dataFingerprint(_ path: String, now: FileStamp.Time) -> Int {
        var hasher = Hasher()
        hasher.combine(digests.digest(of: contentFile(path).path, now: now))
        hasher.combine(digests.digest(of: contentFile(DataFileLoader.metadataPath(for: path)).path, now: now))
        return hasher.finalize()
    }

    /// Every file of a folder, by path and bytes (read only when their stamps changed).
    static func folderFingerprint(_ folder: URL, digests: inout FileDigests, now: FileStamp.Time) -> Int {
        var hasher = Hasher()
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        for file in files {
            hasher.combine(file)
            hasher.combine(digests.digest(of: folder.appendingPathComponent(file).path, now: now))
        }
        return hasher.finalize()
    }

    /// Figure and table numbers, captions and pages: what `SiteReferences.finalize` reads.
    static func referencesKey(_ references: SiteReferences) -> Int {
        var hasher = Hasher()
        for anchor in references.targets.keys.sorted() {
            let target = references.targets[anchor]!
            hasher.combine(anchor)
            hasher.combine(target.label)
            hasher.combine(target.caption)
            hasher.combine(target.pageOutput)
        }
        return hasher.finalize()
    }

    static func read(_ url: URL) -> [UInt8] {
        FileManager.default.contents(atPath: url.path).map(Array.init) ?? []
    }

    static func hash<T: Hashable>(_ value: T) -> Int {
        var hasher = Hasher()
        hasher.combine(value)
        return hasher.finalize()
    }
}

/// The navigation and section lists of a `PageContext`, kept between incremental builds while
/// no page's title, summary or place changes (they show only those).
struct LayoutLists: Sendable {
    var navigation: [RenderedPage] = []
    var childrenBySection: [String: [RenderedPage]] = [:]
    var navigationHTML: [String: String] = [:]

    init() {}

    /// The lists of `context`.
    init(_ context: PageContext) {
        navigation = context.navigation
        childrenBySection = context.childrenBySection
        navigationHTML = context.navigationHTML
    }

    /// Puts `page` (same place, new title or summary) in its section's list; false when it is
    /// a navigation entry, whose title is in every page's rendered navigation: then the lists must
    /// be made again.
    mutating func replaceChild(_ page: RenderedPage) -> Bool {
        let output = page.page.outputPath
        if navigation.contains(where: { $0.page.outputPath == output }) { return false }
        if let position = childrenBySection[page.page.section]?.firstIndex(where: { $0.page.outputPath == output }) {
            childrenBySection[page.page.section]![position] = page
        }
        return true
    }
}

extension PageContext {
    /// A context for `site` with lists made earlier for a site whose pages had the same titles,
    /// summaries and places: saves going through every page to make them again.
    init(site: AssembledSite, lists: LayoutLists) {
        self.site = site
        navigation = lists.navigation
        childrenBySection = lists.childrenBySection
        navigationHTML = lists.navigationHTML
        // Computed per page laid out (`context(for:body:)`): a one-page edit lays out a few pages.
        navigationKeys = []
    }
}

/// Reports the time since the previous step to the observer.
struct StepTimer {
    let observer: (any BuildObserver)?
    var last = ContinuousClock.now

    mutating func finish(_ name: String) {
        let now = ContinuousClock.now
        observer?.stepFinished(name, duration: now - last)
        last = now
    }
}

/// The folder an incremental build writes into, in place. Like `OutputWriter`, it refuses a
/// folder it did not create (one without the marker file) and one among the sources (`OutputPlacement`).
struct OutputFolder {
    let root: URL
    let display: String

    init(options: BuildOptions, fresh: Bool) throws(DiagnosticList) {
        root = options.outputFolder
        display = options.display(root)
        try Self.checkPlacement(options)
        let fileManager = FileManager.default
        let marker = root.appendingPathComponent(OutputWriter.markerName)
        let entries = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
        if !entries.isEmpty && !entries.contains(OutputWriter.markerName) {
            throw DiagnosticList(.error("output folder '\(display)' was not written by reportgen; refusing to write into it",
                                        hint: "empty or remove the folder yourself, or choose another folder"))
        }
        if fresh && !entries.isEmpty { try? fileManager.removeItem(at: root) }
        do {
            try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
            if !fileManager.fileExists(atPath: marker.path) {
                try Data("This folder is written by reportgen (preview); it is replaced freely.\n".utf8).write(to: marker)
            }
        } catch {
            throw DiagnosticList(.error("cannot create '\(display)': \(error.localizedDescription)", hint: "check the folder's permissions"))
        }
    }

    /// Refuses an output folder among the sources (`OutputPlacement`).
    static func checkPlacement(_ options: BuildOptions) throws(DiagnosticList) {
        _ = try OutputPlacement.check(options.outputFolder, display: options.display(options.outputFolder),
                                      sources: .init(content: options.contentFolder, theme: options.themeSources, project: options.projectRoot),
                                      example: "--preview-folder .build-serve-output")
    }

    func write(_ relativePath: String, _ bytes: [UInt8]) throws(DiagnosticList) {
        let url = root.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw DiagnosticList(.error("cannot write '\(relativePath)' in '\(display)': \(error.localizedDescription)"))
        }
    }

    func remove(_ relativePath: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(relativePath))
    }
}
