import Foundation

/// Where a build reads and writes. Paths are shown to the user as given (`display*`).
public struct BuildOptions: Sendable {
    public var contentFolder: URL
    public var outputFolder: URL
    /// The theme folder; `nil` takes `themes/NAME` of the project (NAME from `site.yml`, else `default`).
    public var themeFolder: URL?
    /// The folder the project lives in (the current directory for the CLI); never replaced by output.
    public var projectRoot: URL
    /// Include pages marked `draft: true`.
    public var includeDrafts: Bool = false
    /// Treat warnings as errors (`--strict`): a build with any fails and writes nothing.
    public var strict: Bool = false
    /// For a process that exits right after the build (the CLI): leave the site's memory to the
    /// operating system instead of freeing hundreds of thousands of objects one by one at the end
    /// (clang's `-disable-free`). Off by default: a long-lived caller would keep it all.
    public var leavesMemoryToProcessExit: Bool = false
    /// Test-only, for reportgen's GFM spec test (`Tests/gfm-spec/`): keep every link and image URL
    /// as written, neither rewritten to the file it names nor checked, so that the spec's examples
    /// (`/url`, `#anchor`, `foo`) build as cmark-gfm renders them. A real site must never build this
    /// way: broken links would go unreported. Set only by the hidden `build --test-only-unchecked-links`.
    public var testOnlyUncheckedLinks: Bool = false
    /// Also print the whole report to `report.pdf` with headless Chromium and link it from every
    /// page (`reportgen pdf`); plain builds never need Chromium. Every page then names it in its
    /// `citation_pdf_url` meta tag.
    public var pdfEdition: Bool = false

    public init(contentFolder: URL, outputFolder: URL, themeFolder: URL? = nil, projectRoot: URL) {
        self.contentFolder = contentFolder.standardizedFileURL
        self.outputFolder = outputFolder.standardizedFileURL
        self.themeFolder = themeFolder?.standardizedFileURL
        self.projectRoot = projectRoot.standardizedFileURL
    }

    /// The folder the theme comes from: `themeFolder`, else the project's `themes/` (all its themes).
    public var themeSources: URL {
        themeFolder ?? projectRoot.appendingPathComponent("themes")
    }

    /// A path as the user should read it: relative to the project root when inside it.
    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let root = projectRoot.path.hasSuffix("/") ? projectRoot.path : projectRoot.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

/// What a finished build reports.
public struct BuildReport: Sendable {
    public var pages: Int
    public var tables: Int
    public var charts: Int
    public var milliseconds: Int
    public var warnings: [Diagnostic]
    public var outputFolder: String

    /// The one summary line the CLI prints.
    public var summary: String {
        "built \(pages) page\(pages == 1 ? "" : "s"), \(tables) table\(tables == 1 ? "" : "s"), \(charts) chart\(charts == 1 ? "" : "s") in \(milliseconds) ms → \(outputFolder)"
    }
}
