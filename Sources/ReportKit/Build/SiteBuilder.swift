import Foundation

/// `reportgen build`: runs `SitePipeline` in build mode (the first step with an error stops it),
/// then writes the site into a staging folder that replaces the output (`SiteWriter`, `OutputWriter`):
/// `prepareOutput` (the staging folder), `prepareLayout` (navigation menus), `createFolders`,
/// `layoutPages` (the theme, in parallel), `writeSearchIndex`, `writeWholeReport` (with CITATION.cff,
/// the data package and the list of references), `copyFiles` (assets, static and data files),
/// `printPDF` (`reportgen pdf` only: `PDFEdition`), `commitOutput` (the swap).
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
        var site = try assemble()
        site.releasePageSources()
        return try write(site, since: start)
    }

    /// Writes `site` (what `assemble` made), a build that began at `start`.
    func write(_ site: AssembledSite, since start: ContinuousClock.Instant) throws(DiagnosticList) -> BuildReport {
        let clock = ContinuousClock()
        let writer = try pipeline.step("prepareOutput") { () throws(DiagnosticList) in
            try OutputWriter(output: options.outputFolder, displayOutput: options.display(options.outputFolder),
                             contentFolder: options.contentFolder, themeFolder: site.theme.files.folder ?? options.themeSources,
                             projectRoot: options.projectRoot)
        }
        do throws(DiagnosticList) {
            let siteWriter = try pipeline.step("prepareLayout") { () throws(DiagnosticList) in SiteWriter(site: site, writer: writer) }
            let files = try pipeline.step("createFolders") { () throws(DiagnosticList) in try siteWriter.prepare() }
            // The other languages' editions are written at the same time, on another thread: each
            // edition's steps have serial parts (the whole report's layout, the search index's
            // bookkeeping) that would leave a core idle. Their files are disjoint.
            let (written, translations) = alongside({ () -> Result<(bodies: [String], index: SearchIndex.Written?), DiagnosticList> in
                do throws(DiagnosticList) {
                    let laidOut = try pipeline.step("layoutPages") { () throws(DiagnosticList) in try siteWriter.layoutPages() }
                    let report = siteWriter.wholeReport(bodies: laidOut.bodies)
                    let index = try pipeline.step("writeSearchIndex") { () throws(DiagnosticList) in try siteWriter.writeSearchIndex(laidOut, report: report) }
                    try pipeline.step("writeWholeReport") { () throws(DiagnosticList) in try siteWriter.writeWholeReport(report, searchIndex: index) }
                    try pipeline.step("copyFiles") { () throws(DiagnosticList) in try siteWriter.copyFiles() }
                    return .success((laidOut.bodies, index))
                } catch {
                    return .failure(error)
                }
            }, { [self] () -> Result<Void, DiagnosticList> in
                do throws(DiagnosticList) { return .success(try writeTranslations(of: site, writer: writer)) } catch { return .failure(error) }
            })
            let (bodies, index) = try written.get()
            try translations.get()
            for edition in [site] + site.translations where options.pdfEdition && files.contains(edition.content.edition.folder + PDFEdition.fileName) {
                try pipeline.step("printPDF") { () throws(DiagnosticList) in
                    try PDFEdition(staging: writer.staging, displayOutput: options.display(options.outputFolder), title: edition.content.config.title,
                                   folder: edition.content.edition.folder).write()
                }
            }
            try pipeline.step("commitOutput") { () throws(DiagnosticList) in try writer.commit(files: files) }
            if options.leavesMemoryToProcessExit { _ = Unmanaged.passRetained(KeptForProcessExit((site, siteWriter, bodies, index))) }
        } catch {
            writer.abandon()
            throw error
        }
        let elapsed = clock.now - start
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return BuildReport(pages: site.pages.count + site.translations.reduce(0) { $0 + $1.pages.count }, tables: site.directiveCount(.table), charts: site.directiveCount(.chart),
                           milliseconds: milliseconds, warnings: site.warnings, outputFolder: options.display(options.outputFolder))
    }

    /// Runs every step but writing (`SitePipeline` in build mode): what `build` writes. Throws
    /// what the first step with an error found (with `options.strict`, warnings are errors).
    public func assemble() throws(DiagnosticList) -> AssembledSite {
        let assembly = pipeline.assemble(mode: .build)
        guard let site = assembly.site else { throw DiagnosticList(assembly.diagnostics) }
        return site
    }

    /// The pipeline this builder runs.
    var pipeline: SitePipeline { SitePipeline(options: options, observer: observer) }
}

/// Values deliberately never freed (`BuildOptions.leavesMemoryToProcessExit`).
private final class KeptForProcessExit: @unchecked Sendable {
    let values: Any
    init(_ values: Any) { self.values = values }
}
