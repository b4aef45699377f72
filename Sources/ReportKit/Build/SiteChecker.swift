import Foundation

/// Validates a site without writing anything, and reports every problem it can find rather than
/// stopping at the first failing step: front matter, data files, directives, internal links and
/// anchors, cross-references, images without alt text, content files that would replace a page,
/// a theme asset or a generated file, and data files nothing uses.
///
/// A step that fails does not hide the others: pages are still rendered when some data files
/// are broken (their directives are then not reported twice), and data files are still checked
/// when a page's front matter is broken.
public struct SiteChecker: Sendable {
    /// The site to check.
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

        /// Number of errors (any makes `check` exit with status 1).
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        /// Number of warnings.
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

        // Content: site.yml, front matter, page structure; pages that fail are left out, not the site.
        let loader = ContentLoader(contentRoot: options.contentFolder, displayRoot: displayRoot)
        let (content, contentProblems) = loadContent(loader)
        problems += contentProblems
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
            do throws(DiagnosticList) {
                let theme = try builder.loadTheme(content.config)
                try builder.checkOutputPaths(content, theme: theme)
            } catch {
                problems += error.diagnostics
            }
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
            // A reference to a figure whose block failed to render is not a second problem.
            let declared = Self.declaredIDs(in: content.pages)
            problems += error.diagnostics.filter { diagnostic in
                diagnostic.code != .unknownCrossReference || !declared.contains { diagnostic.message == "unknown figure or table '@\($0)'" }
            }
        }

        // Data files no directive reads and no page links to.
        let used = Set(pages.flatMap { $0.directives.flatMap(\.dataFiles) })
        for path in dataPaths where !used.contains(path) && !brokenData.contains(path) {
            let name = (path as NSString).lastPathComponent
            if content.pages.contains(where: { $0.body.contains(name) }) { continue }
            problems.append(.warning(.unusedDataFile, "data file '\(path)' is not used by any table, chart or link",
                                     at: SourceLocation(file: loader.displayPath(path), line: 1),
                                     hint: "show it with a ```table or ```chart block, link to it, or delete it"))
        }
        return report(problems, pages: content.pages.count, dataFiles: dataPaths.count)
    }

    /// Like `ContentLoader.load`, but a page with broken front matter is reported and left out
    /// instead of stopping the check, and a broken `site.yml` falls back to the defaults.
    func loadContent(_ loader: ContentLoader) -> (LoadedContent?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: loader.contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            do throws(DiagnosticList) { _ = try loader.load() } catch { return (nil, error.diagnostics) }
            return (nil, [])
        }
        var config: SiteConfig
        do throws(DiagnosticList) {
            config = try SiteConfig.load(from: loader.contentRoot.appendingPathComponent("site.yml"), displayPath: loader.displayPath("site.yml"))
        } catch {
            problems += error.diagnostics
            config = SiteConfig()
        }
        var markdown: [String] = [], data: [String] = [], statics: [String] = []
        for relative in loader.listFiles() where relative != "site.yml" {
            switch (relative as NSString).pathExtension.lowercased() {
            case "md", "markdown": markdown.append(relative)
            case "csv", "json": data.append(relative)
            case "yml", "yaml": continue
            default: statics.append(relative)
            }
        }
        let results = markdown.parallelMap { relative -> Result<(Page, [Diagnostic]), DiagnosticList> in
            do throws(DiagnosticList) { return .success(try loader.loadPage(relative)) } catch { return .failure(error) }
        }
        var pages: [Page] = []
        var failed = Set<String>()
        for (relative, result) in zip(markdown, results) {
            switch result {
            case let .success((page, warnings)):
                problems += warnings
                if !page.frontMatter.draft || options.includeDrafts { pages.append(page) }
            case let .failure(list):
                problems += list.diagnostics
                failed.insert(relative)
            }
        }
        // A page that failed to load is not a second error in the navigation.
        config.navigation.removeAll { failed.contains($0) }
        var warnings: [Diagnostic] = []
        do throws(DiagnosticList) {
            pages = try SiteStructure.arrange(pages, config: config, displayRoot: loader.displayRoot, warnings: &warnings)
        } catch {
            problems += error.diagnostics
            // Check the pages anyway, in the order the valid navigation entries give.
            let known = Set(pages.map(\.sourcePath))
            config.navigation.removeAll { !known.contains($0) && !known.contains($0 + "/index.md") && !known.contains($0 + "/_index.md") }
            do throws(DiagnosticList) {
                pages = try SiteStructure.arrange(pages, config: config, displayRoot: loader.displayRoot, warnings: &warnings)
            } catch {
                return (nil, problems)
            }
        }
        // Links to a page that failed to load would be reported as missing: keep the page, without its body.
        return (LoadedContent(config: config, pages: pages, dataFiles: data, staticFiles: statics + failed.sorted(), warnings: []),
                problems + warnings)
    }

    /// The report: each problem once (same code, place and message; see `Diagnostic.Identity`),
    /// warnings made errors with `--strict`, in file order.
    func report(_ problems: [Diagnostic], pages: Int, dataFiles: Int) -> Report {
        let unique = DiagnosticList(problems).deduplicated.diagnostics.map { options.strict ? $0.asError : $0 }
        return Report(diagnostics: DiagnosticList(unique).sorted, pages: pages, dataFiles: dataFiles)
    }

    /// The anchors (`fig-ID`, `tbl-ID`) of every table and chart block written in the pages,
    /// whether or not it rendered: read from the `id:` line of each block.
    static func declaredIDs(in pages: [Page]) -> Set<String> {
        var ids = Set<String>()
        for page in pages {
            var prefix: String?
            for line in page.body.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("```") {
                    let info = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                    prefix = prefix == nil ? DirectiveBlock.Kind(rawValue: info)?.anchorPrefix : nil
                    if prefix == nil && info.isEmpty { continue }
                } else if let current = prefix, trimmed.hasPrefix("id:") {
                    let id = trimmed.dropFirst(3).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                    ids.insert("\(current)-\(id)")
                }
            }
        }
        return ids
    }

    /// A directive's "data file not found" about a file that exists but failed to load (already reported).
    static func isAboutBrokenData(_ diagnostic: Diagnostic, _ broken: Set<String>) -> Bool {
        guard !broken.isEmpty, diagnostic.code == .dataFileNotFound else { return false }
        return broken.contains { diagnostic.message == "data file '\($0)' not found"
            || ($0.hasPrefix("data/") && diagnostic.message == "data file '\($0.dropFirst(5))' not found") }
    }
}
