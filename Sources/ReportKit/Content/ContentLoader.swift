import Foundation

/// Everything read from the content folder before any Markdown is parsed.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    /// Pages in reading order (drafts only when the loader includes them).
    public var pages: [Page]
    /// Content-relative paths of data files (`*.csv`, `*.json`).
    public var dataFiles: [String]
    /// Content-relative paths of other files copied as they are (images, PDFs).
    public var staticFiles: [String]
    public var warnings: [Diagnostic]
}

/// Walks the content folder: reads `site.yml`, splits every page's front matter from its body,
/// decides output paths and reading order.
public struct ContentLoader: Sendable {
    public let contentRoot: URL
    /// `contentRoot` as a path (pages are read by path: a `URL` per file is costly on large sites).
    let contentPath: String
    /// How the content folder is named in diagnostics (as the user passed it, e.g. `content`).
    public var displayRoot: String

    /// Whether pages marked `draft: true` are published (`build --drafts`, `serve --drafts`).
    public var includeDrafts: Bool

    public init(contentRoot: URL, displayRoot: String, includeDrafts: Bool = false) {
        self.contentRoot = contentRoot.standardizedFileURL
        contentPath = self.contentRoot.path
        self.displayRoot = displayRoot
        self.includeDrafts = includeDrafts
    }

    public func displayPath(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }

    public func load() throws(DiagnosticList) -> LoadedContent {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticList(.error("content folder '\(displayRoot)' does not exist", hint: "pass --content DIR, or run from the folder that holds content/"))
        }
        let config = try SiteConfig.load(from: contentRoot.appendingPathComponent("site.yml"), displayPath: displayPath("site.yml"))
        var markdown: [String] = []
        var data: [String] = []
        var statics: [String] = []
        let listing = ContentListing(self)
        if !listing.problems.isEmpty { throw DiagnosticList(listing.problems) }
        for relative in listing.files {
            let name = (relative as NSString).lastPathComponent
            let ext = (name as NSString).pathExtension.lowercased()
            if relative == "site.yml" { continue }
            switch ext {
            case "md", "markdown": markdown.append(relative)
            case "csv", "json": data.append(relative)
            case "yml", "yaml":
                // Metadata beside a data file is read with it; other YAML is not published.
                continue
            default: statics.append(relative)
            }
        }

        // Read and split pages in parallel: this is most of the loading time on large sites.
        let results = markdown.parallelMap { relative -> Result<(Page, [Diagnostic]), DiagnosticList> in
            do throws(DiagnosticList) {
                return .success(try loadPage(relative))
            } catch {
                return .failure(error)
            }
        }
        var pages: [Page] = []
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for result in results {
            switch result {
            case let .success((page, pageWarnings)):
                warnings += pageWarnings
                if includeDrafts || !page.frontMatter.draft { pages.append(page) }
            case let .failure(list): problems += list.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        pages = try SiteStructure.arrange(pages, config: config, displayRoot: displayRoot, warnings: &warnings)
        return LoadedContent(config: config, pages: pages, dataFiles: data, staticFiles: statics, warnings: warnings)
    }

    /// Every file the build reads under the content folder, content-relative, sorted (see
    /// `ContentListing`, which also says what it refuses).
    func listFiles() -> [String] {
        ContentListing(self).files
    }

    func loadPage(_ relative: String) throws(DiagnosticList) -> (Page, [Diagnostic]) {
        let display = displayPath(relative)
        let text = try SourceText.read(path: contentPath + "/" + relative, displayPath: display)
        let split = try FrontMatter.split(text, file: display)
        let folder = RelativePath.parent(relative)
        let stem = RelativePath.stem(relative)
        let isIndex = stem == "index" || stem == "_index"
        let outputFolder: String
        if isIndex {
            outputFolder = folder
        } else {
            outputFolder = folder.isEmpty ? (split.frontMatter.slug ?? stem) : folder + "/" + (split.frontMatter.slug ?? stem)
        }
        let output = outputFolder.isEmpty ? "index.html" : outputFolder + "/index.html"
        let page = Page(sourcePath: relative, displayPath: display, outputPath: output, frontMatter: split.frontMatter,
                        body: split.body, bodyFirstLine: split.bodyFirstLine, isSectionIndex: isIndex, isGenerated: false,
                        section: isIndex ? RelativePath.parent(folder) : folder)
        return (page, split.warnings)
    }
}
