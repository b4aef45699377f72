import Foundation

/// Validates a site without writing anything, and reports every problem it can find rather than
/// stopping at the first failing step: front matter, data files, directives, internal links and
/// anchors, cross-references, images without alt text, and data files nothing uses.
///
/// A step that fails does not hide the others: pages are still rendered when some data files
/// are broken (their directives are then not reported twice), and data files are still checked
/// when a page's front matter is broken.
public struct SiteChecker: Sendable {
    public var options: BuildOptions

    /// A checker for the site `options` describe (its output folder is never touched).
    public init(options: BuildOptions) {
        self.options = options
    }

    /// What a check found.
    public struct Report: Sendable {
        /// Every problem, in file order.
        public var diagnostics: [Diagnostic]
        /// Pages checked (0 when the content could not be loaded).
        public var pages: Int
        /// Data files checked.
        public var dataFiles: Int

        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

        /// The one line printed after the diagnostics.
        public var summary: String {
            "checked \(pages) page\(pages == 1 ? "" : "s") and \(dataFiles) data file\(dataFiles == 1 ? "" : "s"): "
                + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        }
    }

    /// Runs every check.
    public func check() -> Report {
        let builder = SiteBuilder(options: options)
        let displayRoot = options.display(options.contentFolder)
        var problems: [Diagnostic] = []

        // Content: site.yml, front matter, page structure.
        let content: LoadedContent?
        do throws(DiagnosticList) {
            content = try builder.loadContent()
            problems += content!.warnings
        } catch {
            content = nil
            problems += error.diagnostics
        }
        let loader = ContentLoader(contentRoot: options.contentFolder, displayRoot: displayRoot)
        let dataPaths = content?.dataFiles ?? loader.listFiles().filter {
            ["csv", "json"].contains(($0 as NSString).pathExtension.lowercased())
        }

        // Data files, one by one so that a broken file does not hide the others' tables.
        let fileLoader = DataFileLoader(contentRoot: options.contentFolder, displayRoot: displayRoot,
                                        maxBytes: DataCatalog.defaultMaxDataFileBytes)
        var catalog = DataCatalog()
        var brokenData = Set<String>()
        for (path, result) in zip(dataPaths, dataPaths.parallelMap { fileLoader.load($0) }) {
            switch result {
            case let .success(loaded):
                catalog.tables[path] = loaded.table
                catalog.csvBytes[path] = loaded.csvBytes
            case let .failure(list):
                brokenData.insert(path)
                problems += list.diagnostics
            }
        }

        // Theme.
        if let content {
            do throws(DiagnosticList) { _ = try builder.loadTheme(content.config) } catch { problems += error.diagnostics }
        }

        guard let content else { return report(problems, pages: 0, dataFiles: dataPaths.count) }

        // Pages: links, images, directives; then anchors and cross-references across the site.
        let renderer = PageRenderer(content: content, catalog: catalog)
        let results = content.pages.parallelMap { renderer.render($0) }
        for (_, diagnostics) in results {
            problems += diagnostics.filter { !Self.isAboutBrokenData($0, brokenData) }
        }
        let pages = results.map(\.0)
        do throws(DiagnosticList) {
            _ = try SiteReferences(pages: pages, strings: Theme.defaultStrings)
        } catch {
            problems += error.diagnostics.filter { !(brokenData.isEmpty ? false : $0.message.hasPrefix("unknown figure or table")) }
        }

        // Data files no directive reads and no page links to.
        let used = Set(pages.flatMap { $0.directives.flatMap(\.dataFiles) })
        for path in dataPaths where !used.contains(path) && !brokenData.contains(path) {
            let name = (path as NSString).lastPathComponent
            if content.pages.contains(where: { $0.body.contains(name) }) { continue }
            problems.append(.warning("data file '\(path)' is not used by any table, chart or link",
                                     at: SourceLocation(file: loader.displayPath(path), line: 1),
                                     hint: "show it with a ```table or ```chart block, link to it, or delete it"))
        }
        return report(problems, pages: content.pages.count, dataFiles: dataPaths.count)
    }

    func report(_ problems: [Diagnostic], pages: Int, dataFiles: Int) -> Report {
        var seen = Set<Diagnostic>()
        let unique = problems.filter { seen.insert($0).inserted }
        return Report(diagnostics: DiagnosticList(unique).sorted, pages: pages, dataFiles: dataFiles)
    }

    /// A directive's "data file not found" about a file that exists but failed to load (already reported).
    static func isAboutBrokenData(_ diagnostic: Diagnostic, _ broken: Set<String>) -> Bool {
        guard !broken.isEmpty, diagnostic.message.hasPrefix("data file '") else { return false }
        return broken.contains { diagnostic.message == "data file '\($0)' not found"
            || ($0.hasPrefix("data/") && diagnostic.message == "data file '\($0.dropFirst(5))' not found") }
    }
}
