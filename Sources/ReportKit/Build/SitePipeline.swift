import Foundation

/// How a run of the pipeline treats problems.
public enum PipelineMode: Sendable {
    /// `build` (and `serve`): stop after the first step that found an error; nothing is written then.
    case build
    /// `check`: run every step it can past errors, so that one run reports every problem.
    case check
}

/// The steps that turn a content folder into an `AssembledSite`, the same for `build`, `check`
/// and `serve` (which reuses what did not change: `IncrementalBuilder`):
///
/// 1. `loadContent`       – site.yml, the content listing, pages with front matter, reading order
/// 2. `loadData`          – every CSV/JSON data file, typed
/// 2b. `loadBibliography` – `references.bib` / `references.json`, the works pages may cite
/// 3. `loadTheme`         – templates, assets, interface strings
/// 4. `checkOutputPaths`  – no content file takes the place of a page, asset or generated file
/// 5. `renderPages`       – Markdown → HTML in parallel (headings, links, directives)
/// 6. `resolveReferences` – figure and table numbers, anchors, cross-references and citations across the site
/// 7. `checkSite`         – site-wide warnings (data files nothing uses, works nothing cites)
///
/// Every rule and every warning lives in one of these steps, so the three commands cannot
/// disagree. A step reports what it found as diagnostics; in `.build` mode the first step with an
/// error ends the run, in `.check` mode the run goes on with what loaded (a broken page left out,
/// a broken data file's tables missing: problems that follow from one already reported are not
/// reported again). With `--strict` every warning counts as an error.
struct SitePipeline: Sendable {
    var options: BuildOptions
    var observer: (any BuildObserver)?

    /// What a run produced: the site, when every step ran without error, and every diagnostic in
    /// the order found.
    struct Assembly: Sendable {
        var site: AssembledSite?
        var diagnostics: [Diagnostic]
        /// Pages loaded and data files found (what `check` counts).
        var pageCount = 0
        var dataFileCount = 0
    }

    /// The diagnostics of one run, and whether it must stop.
    struct Findings: Sendable {
        let mode: PipelineMode
        let strict: Bool
        private(set) var diagnostics: [Diagnostic] = []

        /// Whether anything found so far is an error.
        var hasError: Bool { diagnostics.contains { $0.severity == .error } }

        /// Adds a step's findings (warnings made errors under `--strict`); true when the run must
        /// stop here: in build mode, once anything found so far is an error.
        mutating func add(_ found: [Diagnostic]) -> Bool {
            diagnostics += strict ? found.map(\.asError) : found
            return mode == .build && hasError
        }

        /// Adds what another run of steps found (with its own `Findings` of the same mode); true
        /// when the run must stop here, as `add`.
        mutating func merge(_ other: Findings) -> Bool {
            diagnostics += other.diagnostics
            return mode == .build && hasError
        }
    }

    /// Runs every step but writing.
    func assemble(mode: PipelineMode) -> Assembly {
        var findings = Findings(mode: mode, strict: options.strict)
        var pageCount = 0
        var dataFileCount = 0
        func finish(_ site: AssembledSite? = nil) -> Assembly {
            Assembly(site: site, diagnostics: findings.diagnostics, pageCount: pageCount, dataFileCount: dataFileCount)
        }

        let loader = ContentLoader(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder),
                                   includeDrafts: options.includeDrafts)
        let (loaded, contentFindings) = step("loadContent") { loader.loadReporting() }
        if findings.add(contentFindings) { return finish() }
        // Without content (no folder, or no reading order), the data files are still checked.
        let dataPaths = loaded?.dataFiles ?? ContentFiles(ContentListing(loader).files).data
        pageCount = loaded?.pages.count ?? 0
        dataFileCount = dataPaths.count
        if let loaded { observer?.pagesToRender(([loaded] + loaded.translations).reduce(0) { $0 + $1.pages.count }) }

        let data = step("loadData") {
            DataCatalog.loadReporting(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder),
                                      paths: dataPaths, maxDataFileBytes: loaded?.config.maxDataFileBytes ?? DataCatalog.defaultMaxDataFileBytes)
        }
        if findings.add(data.diagnostics) { return finish() }
        guard let content = loaded else { return finish() }
        let (bibliography, bibliographyFindings) = step("loadBibliography") { loadBibliography(content) }
        if findings.add(bibliographyFindings) { return finish() }

        let themeResult = step("loadTheme") { () -> Result<Theme, DiagnosticList> in
            do throws(DiagnosticList) { return .success(try loadTheme(content.config)) } catch { return .failure(error) }
        }
        if case let .failure(list) = themeResult, findings.add(list.diagnostics) { return finish() }
        let theme = try? themeResult.get()
        if content.edition.language != nil, findings.add(step("loadLanguages") { mode == .check ? Self.untranslatedPages(content, contentDisplay: options.display(options.contentFolder)) : [] }) { return finish() }
        if let theme, findings.add(step("checkOutputPaths") { outputPathProblems(content, theme: theme) }) { return finish() }
        // Each language's edition goes through the same steps with its own pages and words (one
        // edition for a site in one language); data, the bibliography and the theme are shared.
        let editions = languageEditions(content, theme: theme)
        if findings.add(editions.diagnostics) { return finish() }
        var sites: [AssembledSite] = []
        if mode == .build, editions.contents.count > 1 {
            // Build mode reaches this point without errors, so each edition can start from no
            // findings: the other languages are assembled beside the default one (their serial
            // steps overlap), and their findings are taken in order, as if run one after the other.
            for (edition, result) in zip(editions.contents, assembleEditionsAtOnce(editions.contents, data: data, bibliography: bibliography,
                                                                                  bibliographyFindings: bibliographyFindings, loader: loader)) {
                pageCount += edition.content.edition.isDefault ? 0 : edition.content.pages.count
                if findings.merge(result.findings) { return finish() }
                if var site = result.site {
                    site.warnings = findings.diagnostics
                    sites.append(site)
                }
            }
        } else {
            for edition in editions.contents {
                pageCount += edition.content.edition.isDefault ? 0 : edition.content.pages.count
                let site = assembleEdition(edition.content, data: data, bibliography: bibliography, bibliographyFindings: bibliographyFindings,
                                           theme: edition.theme, loader: loader, findings: &findings)
                if findings.hasError && mode == .build { return finish() }
                if let site { sites.append(site) }
            }
        }
        guard var site = sites.first, sites.count == editions.contents.count, !findings.hasError else { return finish() }
        site.translations = Array(sites.dropFirst())
        site.warnings = findings.diagnostics
        return finish(site)
    }

    /// Steps 5 to 7 for one language's edition: its pages rendered with its interface strings,
    /// its references resolved, its site-wide warnings; `nil` when a step found an error.
    func assembleEdition(_ content: LoadedContent, data: DataCatalog.Loading, bibliography: Bibliography, bibliographyFindings: [Diagnostic],
                         theme: Theme?, loader: ContentLoader, findings: inout Findings) -> AssembledSite? {
        // Another language's steps are named with it (`renderPages/zh`): they may run beside the default edition's.
        let language = content.edition.isDefault ? "" : content.edition.language.map { "/" + $0.code } ?? ""
        let (pages, pageFindings) = step("renderPages" + language) {
            // Check mode carries on past a theme that failed to load: its words do not change what is wrong.
            renderPages(content, catalog: data.catalog, strings: theme?.strings ?? .english, chartColours: theme?.chartColours ?? ChartColours())
        }
        // A directive reading a data file that failed to load or was refused is not a second problem.
        let broken = data.broken.union(content.refusedFiles)
        if findings.add(pageFindings.filter { !SiteChecks.isAboutBrokenData($0, broken) }) { return nil }
        if let theme, findings.add(FigureDownloadFiles.collisions(pages: pages, content: content, theme: theme, pdfEdition: options.pdfEdition,
                                                                  contentDisplay: options.display(options.contentFolder))) {
            return nil
        }

        let referencing = step("resolveReferences" + language) {
            resolveReferencesReporting(pages, strings: theme?.strings ?? .english, bibliography: bibliography, config: content.config,
                                       folder: content.edition.folder)
        }
        // A reference to a figure whose block failed to render is not a second problem (only
        // check mode gets here past an error; reading every page's blocks again costs time).
        var referenceFindings = referencing.diagnostics
        if !referenceFindings.isEmpty, findings.hasError {
            let declared = SiteChecks.declaredIDs(in: content.pages)
            referenceFindings.removeAll { diagnostic in
                diagnostic.code == .unknownCrossReference && declared.contains { diagnostic.message == "unknown figure or table '@\($0)'" }
            }
        }
        // Citations of a bibliography that failed to load are not unknown (check mode only gets here).
        if bibliographyFindings.contains(where: { $0.severity == .error }) {
            referenceFindings.removeAll { $0.code == .unknownCitationKey }
        }
        if findings.add(referenceFindings) { return nil }

        // Data files and works are shared: a translation that uses fewer of them is no reason to warn.
        if content.edition.isDefault, findings.add(step("checkSite") {
            SiteChecks.warnings(content: content, pages: pages, broken: data.broken, loader: loader, bibliography: bibliography)
        }) {
            return nil
        }
        guard let theme, let references = referencing.references, !findings.hasError else { return nil }
        return AssembledSite(options: options, content: content, catalog: data.catalog, theme: theme, pages: pages,
                             references: references, warnings: findings.diagnostics, bibliography: bibliography)
    }

    /// Runs one step, telling the observer how long it took (the writing steps of `SiteBuilder` too).
    func step<T, Failure: Error>(_ name: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        guard let observer else { return try body() }
        let clock = ContinuousClock()
        let start = clock.now
        observer.stepStarted(name)
        let result = try body()
        observer.stepFinished(name, duration: clock.now - start)
        return result
    }

    // MARK: Steps (also used one by one by `IncrementalBuilder`)

    func loadTheme(_ config: SiteConfig) throws(DiagnosticList) -> Theme {
        let files = options.themeFiles(for: config)
        return try Theme.load(files, displayPath: options.display(files))
    }

    /// A content file that would replace a page, a theme asset or a generated file, or needs a
    /// folder where one of them is a file (`SiteOutputs`).
    func outputPathProblems(_ content: LoadedContent, theme: Theme) -> [Diagnostic] {
        do throws(DiagnosticList) {
            try SiteOutputs(content: content, theme: theme, pdfEdition: options.pdfEdition).collisions(contentDisplay: options.display(options.contentFolder))
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Every page rendered, with what was found in them (errors, and warnings such as images
    /// without alt text or loaded from the network).
    func renderPages(_ content: LoadedContent, catalog: DataCatalog, strings: InterfaceStrings,
                     chartColours: ChartColours = ChartColours()) -> ([RenderedPage], [Diagnostic]) {
        let renderer = PageRenderer(content: content, catalog: catalog, strings: strings, chartColours: chartColours,
                                    checksLinks: !options.testOnlyUncheckedLinks)
        let observer = self.observer
        let results = content.pages.parallelMap { page -> (RenderedPage, [Diagnostic]) in
            let result = renderer.render(page)
            observer?.pageRendered()
            return result
        }
        return (results.map(\.0), results.flatMap(\.1))
    }

    /// The works of the content's bibliography files, and the problems reading them.
    func loadBibliography(_ content: LoadedContent) -> (Bibliography, [Diagnostic]) {
        let names = ContentLoader(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder))
        return Bibliography.load(contentPath: names.contentRoot.path, paths: content.bibliographyFiles, display: names.displayPath)
    }

    /// Figure and table numbers, the site's anchors and its citations, or the problems with them.
    func resolveReferencesReporting(_ pages: [RenderedPage], strings: InterfaceStrings, bibliography: Bibliography = .empty,
                                    config: SiteConfig = SiteConfig(), folder: String = "") -> (references: SiteReferences?, diagnostics: [Diagnostic]) {
        do throws(DiagnosticList) {
            let style = CitationStyle(rawValue: config.citationStyle) ?? .authorDate
            return (try SiteReferences(pages: pages, strings: strings, bibliography: bibliography, style: style, folder: folder), [])
        } catch {
            return (nil, error.diagnostics)
        }
    }
}
