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

    /// Runs every check: `SitePipeline` in check mode.
    public func check() -> Report {
        let assembly = SitePipeline(options: options).assemble(mode: .check)
        return report(assembly.diagnostics, pages: assembly.pageCount, dataFiles: assembly.dataFileCount)
    }

    /// The report of `problems`, each problem once (`DiagnosticList.deduplicated`), in file order.
    func report(_ problems: [Diagnostic], pages: Int, dataFiles: Int) -> Report {
        Report(diagnostics: DiagnosticList(DiagnosticList(problems).deduplicated.diagnostics).sorted, pages: pages, dataFiles: dataFiles)
    }
}
