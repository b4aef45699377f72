import Foundation

/// Rebuilds a site after edits, redoing only what the edits touch. It keeps the previous build
/// in memory and, on each `build()`:
///
/// - reads again only the pages, data files and theme files whose stamp (`stat`: modification
///   and change time, size, inode) changed, and compares each with its previous version;
/// - reloads only the data files whose bytes (or `.yml`) changed;
/// - renders the Markdown of changed pages and of pages whose directives read a changed data
///   file (every page when the set of pages, data files or `site.yml` changed);
/// - redoes the whole-site steps that are cheap (figure numbers, anchors, navigation);
/// - lays out again only pages whose layout inputs changed (their body, or a title shown in
///   their navigation, neighbours or section list), and writes only files whose bytes changed.
///
/// So a one-page edit in a large site costs a `stat` per file, rendering that page, laying out
/// the pages that show it, and some whole-site bookkeeping.
///
/// The output folder is written in place (no staging): this is for previews such as `serve`,
/// not for publishing. A failed build throws and leaves the previous state as it was, so the
/// next build after a fix compares against the last good one.
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
        /// stamps had not changed.
        public var read: [String]
        /// Warnings of the content loading step.
        public var warnings: [Diagnostic]
        /// Pages in the site.
        public var pages: Int
        /// How long the build took.
        public var milliseconds: Int

        /// One line for the terminal.
        public var summary: String {
            "rebuilt \(rendered.count) of \(pages) page\(pages == 1 ? "" : "s"), wrote \(written.count) file\(written.count == 1 ? "" : "s") in \(milliseconds) ms"
        }
    }

    /// What the previous build knew.
    struct State: Sendable {
        var config: SiteConfig
        /// Source path and output path of every page, plus every static and data file: what links resolve against.
        var structure: [String]
        var dataFingerprints: [String: Int]
        var catalog: DataCatalog
        var themeFingerprint: Int
        var theme: Theme
        var rendered: [String: RenderedPage]
        /// Layout inputs of each page, by output path.
        var layoutKeys: [String: Int]
        /// Bytes of each output file (as a hash), by output path.
        var outputHashes: [String: Int]
        /// What the deferred whole-site files need, until `writeWholeSiteFiles()` writes them.
        var pendingWholeSite: PendingWholeSite?
        /// The content as last loaded, with the stamps of the page files.
        var loaded: CachedContentLoader.Loaded
        /// Digests of the data, metadata, theme and static files, with their stamps.
        var digests: FileDigests
        /// Each page's body with figure numbers and cross-references filled in, by source path.
        var finalized: [String: FinalizedBody]
        /// What the figure numbers and captions were when `finalized` was made.
        var referencesKey: Int
        /// Figure numbers and anchors of the site.
        var references: SiteReferences
        /// Renders pages against the site's structure and data.
        var renderer: PageRenderer
    }

    /// A page body with its tokens replaced, and the hash of that text.
    struct FinalizedBody: Sendable {
        var body: String
        var hash: Int
    }

    /// The input of the search index and the whole report, kept when their writing is deferred.
    struct PendingWholeSite: Sendable {
        var site: AssembledSite
        var bodies: [String]
    }

    /// Files made from every page at once.
    static let wholeSiteFileNames = [SearchIndex.fileName, WholeReport.fileName, WholeReport.standaloneFileName]

    /// The search index (when the theme searches) and the whole report, with their bytes.
    static func wholeSiteFiles(site: AssembledSite, bodies: [String]) -> [(path: String, bytes: [UInt8])] {
        let layout = PageContext(site: site)
        let report = WholeReport(site: site, bodies: bodies)
        var files: [(path: String, bytes: [UInt8])] = []
        var searchIndex: SearchIndex?
        if layout.hasSearch {
            let index = SearchIndex(pages: Array(zip(site.pages, bodies)), reportAnchors: report.sectionIDs)
            files.append((SearchIndex.fileName, Array(index.javaScript.utf8)))
            searchIndex = index
        }
        if layout.publishesWholeReport {
            for file in report.outputs(layout: layout, searchIndex: searchIndex) { files.append((file.path, Array(file.text.utf8))) }
        }
        return files
    }

    /// Writes the search index and the whole report left out by a build with
    /// `defersWholeSiteFiles`; returns the output paths whose bytes changed. Does nothing when
    /// they are up to date.
    public mutating func writeWholeSiteFiles() throws(DiagnosticList) -> [String] {
        guard var current = state, let pending = current.pendingWholeSite else { return [] }
        let output = try OutputFolder(options: options, fresh: false)
        var written: [String] = []
        for file in Self.wholeSiteFiles(site: pending.site, bodies: pending.bodies) {
            let hash = Self.hash(file.bytes)
            if current.outputHashes[file.path] != hash {
                try output.write(file.path, file.bytes)
                written.append(file.path)
            }
            current.outputHashes[file.path] = hash
        }
        current.pendingWholeSite = nil
        state = current
        return written.sorted()
    }

    /// Builds the site, redoing only what changed since the last successful build.
    public mutating func build() throws(DiagnosticList) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let builder = SiteBuilder(options: options)
        let previous = state
        var timer = StepTimer(observer: observer)

        // 1. Content, compared page by page; pages whose stamps did not change are not read again.
        let now = FileStamp.Time.now
        let loader = ContentLoader(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder),
                                   includeDrafts: options.includeDrafts)
        let loaded = try CachedContentLoader(loader: loader, settleTime: settleTime).load(previous: previous?.loaded, now: now)
        let content = loaded.content
        var digests = previous?.digests ?? FileDigests()
        digests.clearReads()
        digests.settleTime = settleTime
        let structure = content.pages.map { "\($0.sourcePath)→\($0.outputPath)" } + content.staticFiles + content.dataFiles
        let config = content.config
        let siteChanged = previous == nil || previous!.structure != structure || previous!.config != config
        timer.finish("loadContent")

        // 2. Data: reload only the files whose bytes changed.
        var fingerprints: [String: Int] = [:]
        for path in content.dataFiles { fingerprints[path] = dataFingerprint(path, digests: &digests, now: now) }
        let changedData = Set(fingerprints.filter { previous?.dataFingerprints[$0.key] != $0.value }.keys)
        var catalog: DataCatalog
        let displayRoot = options.display(options.contentFolder)
        if let previous, Set(previous.dataFingerprints.keys) == Set(fingerprints.keys) {
            catalog = previous.catalog
            if !changedData.isEmpty {
                let fresh = try DataCatalog.load(contentRoot: options.contentFolder, displayRoot: displayRoot, paths: Array(changedData),
                                                 maxDataFileBytes: config.maxDataFileBytes)
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
        let themeFingerprint = Self.folderFingerprint(themeFolder, digests: &digests, now: now)
        let theme: Theme
        if let previous, previous.themeFingerprint == themeFingerprint, previous.config.theme == config.theme {
            theme = previous.theme
        } else {
            theme = try builder.loadTheme(config)
        }
        timer.finish("loadTheme")

        // 4. Markdown of the pages that changed or read changed data.
        let toRender = content.pages.filter { page in
            guard !siteChanged, let old = previous?.rendered[page.sourcePath], old.page == page else { return true }
            return old.directives.contains { !changedData.isDisjoint(with: $0.dataFiles) }
        }
        observer?.pagesToRender(toRender.count)
        // The renderer's link table is made from the site's structure: kept while it and the data stay.
        let renderer: PageRenderer
        if let previous, !siteChanged, changedData.isEmpty {
            renderer = previous.renderer
        } else {
            renderer = PageRenderer(content: content, catalog: catalog)
        }
        let observer = self.observer
        let results = toRender.parallelMap { page -> (RenderedPage, [Diagnostic]) in
            let result = renderer.render(page)
            observer?.pageRendered()
            return result
        }
        let problems = results.flatMap(\.1).filter { $0.severity == .error }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        var renderedBySource = previous?.rendered ?? [:]
        for (rendered, _) in results { renderedBySource[rendered.page.sourcePath] = rendered }
        let pages = content.pages.map { renderedBySource[$0.sourcePath]! }
        if renderedBySource.count != pages.count {
            renderedBySource = Dictionary(uniqueKeysWithValues: pages.map { ($0.page.sourcePath, $0) })
        }
        let renderedNow = Set(toRender.map(\.sourcePath))
        timer.finish("renderPages")

        // 5. Whole-site steps: numbers, anchors, navigation.
        // Kept when no page rendered again changed its headings, figures or anchor links.
        let references: SiteReferences
        if let previous, !siteChanged, previous.themeFingerprint == themeFingerprint, results.allSatisfy({ result in
            guard let old = previous.rendered[result.0.page.sourcePath] else { return false }
            return old.headings == result.0.headings && old.directives == result.0.directives
                && old.anchorReferences == result.0.anchorReferences
        }) {
            references = previous.references
        } else {
            references = try builder.resolveReferences(pages, theme: theme)
        }
        let site = AssembledSite(options: options, content: content, catalog: catalog, theme: theme, pages: pages,
                                 references: references, warnings: content.warnings)
        let layout = PageContext(site: site)
        let navigationKey = Self.hash(layout.navigation.map { [$0.title, $0.page.outputPath] })
        timer.finish("resolveReferences")

        // 6. Layout of the pages whose inputs changed; files written when their bytes changed.
        let output = try OutputFolder(options: options, fresh: previous == nil)
        var outputHashes: [String: Int] = [:]
        var layoutKeys: [String: Int] = [:]
        var laidOut: [String] = []
        var written: [String] = []
        func emit(_ path: String, _ bytes: [UInt8]) throws(DiagnosticList) {
            let hash = Self.hash(bytes)
            outputHashes[path] = hash
            if previous?.outputHashes[path] != hash {
                try output.write(path, bytes)
                written.append(path)
            }
        }
        // Bodies of pages not rendered again are taken as they were, unless a figure number or
        // caption changed (the only whole-site inputs of `finalize`).
        let referencesKey = Self.referencesKey(references)
        let reusable = previous.flatMap { $0.referencesKey == referencesKey ? $0.finalized : nil } ?? [:]
        let finalized = pages.parallelMap { rendered -> FinalizedBody in
            if !renderedNow.contains(rendered.page.sourcePath), let body = reusable[rendered.page.sourcePath] { return body }
            let body = references.finalize(rendered.body, pageOutput: rendered.page.outputPath, rootPrefix: rendered.page.rootPrefix)
            return FinalizedBody(body: body, hash: Self.hash(body))
        }
        let bodies = finalized.map(\.body)
        var finalizedBySource: [String: FinalizedBody] = [:]
        finalizedBySource.reserveCapacity(pages.count)
        for (rendered, body) in zip(pages, finalized) { finalizedBySource[rendered.page.sourcePath] = body }
        let configKey = Self.hash(config)
        var toLayOut: [Int] = []
        for index in pages.indices {
            let outputPath = pages[index].page.outputPath
            let key = layoutKey(index: index, bodyHash: finalized[index].hash, site: site, layout: layout, navigationKey: navigationKey,
                                configKey: configKey, themeFingerprint: themeFingerprint)
            layoutKeys[outputPath] = key
            if let previous, previous.layoutKeys[outputPath] == key, let hash = previous.outputHashes[outputPath] {
                outputHashes[outputPath] = hash
            } else {
                toLayOut.append(index)
            }
        }
        let html = toLayOut.parallelMap { index in Array(theme.render("page", layout.context(for: index, body: bodies[index])).utf8) }
        for (index, bytes) in zip(toLayOut, html) {
            laidOut.append(pages[index].page.outputPath)
            try emit(pages[index].page.outputPath, bytes)
        }
        // Copied files: their output hash is their digest, so an unchanged one is not read.
        func copy(_ source: URL, to path: String) throws(DiagnosticList) {
            let digest = digests.digest(of: source.path, now: now)
            if previous?.outputHashes[path] == digest {
                outputHashes[path] = digest
            } else {
                try emit(path, Self.read(source))
            }
        }
        for asset in theme.assets {
            try copy(theme.root.appendingPathComponent("assets").appendingPathComponent(asset), to: "assets/" + asset)
        }
        for file in content.staticFiles {
            try copy(options.contentFolder.appendingPathComponent(file).standardizedFileURL, to: file)
        }
        for data in catalog.csvOutput() {
            try emit(data.path, data.bytes)
        }
        timer.finish("writeSite")
        // The search index and the whole report read every page: redone when anything above changed
        // (or, when deferred, by `writeWholeSiteFiles()`).
        var pending: PendingWholeSite?
        if let previous, written.isEmpty, previous.themeFingerprint == themeFingerprint, previous.pendingWholeSite == nil {
            for path in Self.wholeSiteFileNames { outputHashes[path] = previous.outputHashes[path] }
        } else if defersWholeSiteFiles {
            for path in Self.wholeSiteFileNames { outputHashes[path] = previous?.outputHashes[path] }
            pending = PendingWholeSite(site: site, bodies: bodies)
        } else {
            for file in Self.wholeSiteFiles(site: site, bodies: bodies) { try emit(file.path, file.bytes) }
        }
        timer.finish("wholeReport")

        let removed = Set(previous?.outputHashes.keys ?? [:].keys).subtracting(outputHashes.keys).sorted()
        for path in removed { output.remove(path) }

        state = State(config: config, structure: structure, dataFingerprints: fingerprints, catalog: catalog,
                      themeFingerprint: themeFingerprint, theme: theme, rendered: renderedBySource,
                      layoutKeys: layoutKeys, outputHashes: outputHashes, pendingWholeSite: pending,
                      loaded: loaded, digests: digests, finalized: finalizedBySource, referencesKey: referencesKey,
                      references: references, renderer: renderer)
        let contentRoot = options.contentFolder.standardizedFileURL.path + "/"
        let dataRead = digests.reads.filter { $0.hasPrefix(contentRoot) }.map { String($0.dropFirst(contentRoot.count)) }
        let elapsed = clock.now - start
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return Result(rendered: toRender.map(\.sourcePath), laidOut: laidOut, written: written.sorted(), removed: removed,
                      read: (loaded.read + dataRead).sorted(), warnings: content.warnings, pages: pages.count, milliseconds: milliseconds)
    }

    /// Everything a page's layout shows: its own body, title and headings, the navigation, its
    /// neighbours' titles and (for a section) its children.
    func layoutKey(index: Int, bodyHash: Int, site: AssembledSite, layout: PageContext, navigationKey: Int, configKey: Int,
                   themeFingerprint: Int) -> Int {
        let rendered = site.pages[index]
        var hasher = Hasher()
        hasher.combine(bodyHash)
        hasher.combine(rendered.title)
        hasher.combine(rendered.summary)
        hasher.combine(rendered.headings)
        hasher.combine(rendered.page.frontMatter)
        hasher.combine(configKey)
        hasher.combine(navigationKey)
        hasher.combine(themeFingerprint)
        for neighbour in [index - 1, index + 1] where site.pages.indices.contains(neighbour) {
            hasher.combine(neighbour - index)
            hasher.combine(site.pages[neighbour].title)
            hasher.combine(site.pages[neighbour].page.outputPath)
        }
        if rendered.page.isSectionIndex {
            let folder = RelativePath.parent(rendered.page.sourcePath)
            for child in layout.childrenBySection[folder] ?? [] {
                hasher.combine(child.title)
                hasher.combine(child.summary)
                hasher.combine(child.page.outputPath)
            }
        }
        return hasher.finalize()
    }

    /// A data file's bytes and those of its metadata file (read only when their stamps changed).
    func dataFingerprint(_ path: String, digests: inout FileDigests, now: FileStamp.Time) -> Int {
        var hasher = Hasher()
        hasher.combine(digests.digest(of: options.contentFolder.appendingPathComponent(path).standardizedFileURL.path, now: now))
        hasher.combine(digests.digest(of: options.contentFolder.appendingPathComponent(DataFileLoader.metadataPath(for: path)).standardizedFileURL.path,
                                      now: now))
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
/// folder it did not create (one without the marker file).
struct OutputFolder {
    let root: URL
    let display: String

    init(options: BuildOptions, fresh: Bool) throws(DiagnosticList) {
        root = options.outputFolder
        display = options.display(root)
        let fileManager = FileManager.default
        let marker = root.appendingPathComponent(OutputWriter.markerName)
        let entries = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
        if !entries.isEmpty && !entries.contains(OutputWriter.markerName) {
            throw DiagnosticList(.error("output folder '\(display)' was not written by reportgen; refusing to write into it",
                                        hint: "empty or remove the folder yourself, or choose another folder"))
        }
        let content = options.contentFolder.standardizedFileURL.path
        if content == root.path || content.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/")
            || root.path == options.projectRoot.standardizedFileURL.path || root.path.hasPrefix(content + "/") {
            throw DiagnosticList(.error("output folder '\(display)' holds the content or the project, or is inside the content",
                                        hint: "choose a folder of its own beside the content, e.g. .build-serve-output"))
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
