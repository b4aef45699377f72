import Foundation

/// Builds a site as a pipeline of named steps:
///
/// 1. `loadContent`  – site.yml, pages with front matter, reading order
/// 2. `loadData`     – every CSV/JSON data file, typed
/// 3. `loadTheme`    – templates, assets, interface strings
/// 4. `renderPages`  – Markdown → HTML in parallel (headings, links, directives)
/// 5. `resolveReferences` – number figures and tables, check anchors and cross-references
/// 6. writing, into a staging folder that then replaces the output (`SiteWriter`, `OutputWriter`):
///    `prepareOutput` (the staging folder), `prepareLayout` (navigation menus), `createFolders`,
///    `layoutPages` (the theme, in parallel), `writeWholeSiteFiles`
///    (search index, whole report), `copyFiles` (assets, static and data files), `commitOutput` (the swap)
///
/// Every step reports problems as `DiagnosticList`; the first step that finds errors stops the build.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Told about steps and rendered pages, for progress display; `nil` reports nothing.
    public var observer: (any BuildObserver)?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds and writes the site.
    public func build() throws(DiagnosticList) -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        let site = try assemble()
        let writer = try step("prepareOutput") { () throws(DiagnosticList) in
            try OutputWriter(output: options.outputFolder, displayOutput: options.display(options.outputFolder),
                             contentFolder: options.contentFolder, themeFolder: options.themeSources, projectRoot: options.projectRoot)
        }
        do throws(DiagnosticList) {
            let siteWriter = try step("prepareLayout") { () throws(DiagnosticList) in SiteWriter(site: site, writer: writer) }
            let files = try step("createFolders") { () throws(DiagnosticList) in try siteWriter.prepare() }
            let bodies = try step("layoutPages") { () throws(DiagnosticList) in try siteWriter.layoutPages() }
            try step("writeWholeSiteFiles") { () throws(DiagnosticList) in try siteWriter.writeWholeSiteFiles(bodies: bodies) }
            try step("copyFiles") { () throws(DiagnosticList) in try siteWriter.copyFiles() }
            try step("commitOutput") { () throws(DiagnosticList) in try writer.commit(files: files) }
            if options.leavesMemoryToProcessExit { _ = Unmanaged.passRetained(KeptForProcessExit((site, siteWriter, bodies))) }
        } catch {
            writer.abandon()
            throw error
        }
        let elapsed = clock.now - start
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return BuildReport(pages: site.pages.count, tables: site.directiveCount(.table), charts: site.directiveCount(.chart),
                           milliseconds: milliseconds, warnings: site.warnings, outputFolder: options.display(options.outputFolder))
    }

    /// Runs every step but writing: what `check` uses, and what `build` writes.
    public func assemble() throws(DiagnosticList) -> AssembledSite {
        let content = try step("loadContent") { () throws(DiagnosticList) in try loadContent() }
        observer?.pagesToRender(content.pages.count)
        let catalog = try step("loadData") { () throws(DiagnosticList) in try loadData(content) }
        let theme = try step("loadTheme") { () throws(DiagnosticList) in try loadTheme(content.config) }
        let pages = try step("renderPages") { () throws(DiagnosticList) in try renderPages(content, catalog: catalog, theme: theme) }
        let references = try step("resolveReferences") { () throws(DiagnosticList) in try resolveReferences(pages, theme: theme) }
        return AssembledSite(options: options, content: content, catalog: catalog, theme: theme, pages: pages,
                             references: references, warnings: content.warnings)
    }

    /// Runs one step, telling the observer how long it took.
    func step<T>(_ name: String, _ body: () throws(DiagnosticList) -> T) throws(DiagnosticList) -> T {
        guard let observer else { return try body() }
        let clock = ContinuousClock()
        let start = clock.now
        observer.stepStarted(name)
        let result = try body()
        observer.stepFinished(name, duration: clock.now - start)
        return result
    }

    // MARK: Steps

    func loadContent() throws(DiagnosticList) -> LoadedContent {
        try ContentLoader(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder),
                          includeDrafts: options.includeDrafts).load()
    }

    func loadData(_ content: LoadedContent) throws(DiagnosticList) -> DataCatalog {
        try DataCatalog.load(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder), paths: content.dataFiles,
                             maxDataFileBytes: content.config.maxDataFileBytes)
    }

    func loadTheme(_ config: SiteConfig) throws(DiagnosticList) -> Theme {
        let folder = options.themeFolder ?? options.projectRoot.appendingPathComponent("themes").appendingPathComponent(config.theme ?? "default")
        return try Theme.load(from: folder, displayPath: options.display(folder))
    }

    func renderPages(_ content: LoadedContent, catalog: DataCatalog, theme: Theme) throws(DiagnosticList) -> [RenderedPage] {
        let renderer = PageRenderer(content: content, catalog: catalog)
        let observer = self.observer
        let results = content.pages.parallelMap { page -> (RenderedPage, [Diagnostic]) in
            let result = renderer.render(page)
            observer?.pageRendered()
            return result
        }
        let problems = results.flatMap(\.1)
        if problems.contains(where: { $0.severity == .error }) { throw DiagnosticList(problems) }
        return results.map(\.0)
    }

    func resolveReferences(_ pages: [RenderedPage], theme: Theme) throws(DiagnosticList) -> SiteReferences {
        try SiteReferences(pages: pages, strings: theme.strings)
    }

    /// `credit-reporting.md` → "Credit reporting".
    static func title(fromFileName path: String) -> String {
        var stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if stem == "index" || stem == "_index" {
            let folder = RelativePath.parent(path)
            stem = folder.isEmpty ? "Home" : (folder as NSString).lastPathComponent
        }
        let words = stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// Values deliberately never freed (`BuildOptions.leavesMemoryToProcessExit`).
private final class KeptForProcessExit: @unchecked Sendable {
    let values: Any
    init(_ values: Any) { self.values = values }
}
