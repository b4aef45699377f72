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
    /// Content-relative paths the listing refused (reported already; `check` goes on without them).
    public var refusedFiles: [String] = []
    /// `references.bib` and/or `references.json` at the top of the content folder (not published).
    public var bibliographyFiles: [String] = []
    /// Which language edition these pages are (the default, for a site in one language).
    public var edition = ContentEdition()
    /// The other languages' editions, on the default one of a multilingual site (`ContentLoader+Languages`).
    public var translations: [LoadedContent] = []
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

    /// Loads the content, or throws every problem found (`loadReporting`, for a build).
    public func load() throws(DiagnosticList) -> LoadedContent {
        let (content, diagnostics) = loadReporting()
        guard let content, !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticList(diagnostics) }
        return content
    }

    /// Loads the content, carrying on past problems so that one run reports them all: a broken
    /// `site.yml` falls back to the defaults, a page whose file or front matter is broken is left
    /// out (its path is kept among the static files, so links to it are not reported again), and
    /// navigation entries naming failed pages are dropped. The content is `nil` only when there is
    /// no content folder, or no reading order can be made. Build, check and serve all load this way.
    public func loadReporting() -> (LoadedContent?, [Diagnostic]) {
        guard let missing = missingFolderProblem() else {
            var (config, problems) = loadConfigReporting()
            let listing = ContentListing(self)
            problems += listing.problems
            let languages = LanguageFolders(files: listing.files, config: config, displayPath: displayPath)
            problems += languages.problems
            let files = ContentFiles(languages.defaultFiles)
            // Read and split pages in parallel: this is most of the loading time on large sites.
            let results = files.markdown.parallelMap { relative -> Result<(Page, [Diagnostic]), DiagnosticList> in
                do throws(DiagnosticList) { return .success(try loadPage(relative)) } catch { return .failure(error) }
            }
            var gathered = gatherPages(files.markdown, results)
            problems += gathered.problems
            let order = arrangeReporting(gathered.pages, config: &config, failed: gathered.failed, warnings: &gathered.warnings)
            problems += order.problems
            guard let pages = order.pages else { return (nil, problems + gathered.warnings) }
            var content = LoadedContent(config: config.defaultEdition(), pages: pages, dataFiles: files.data, staticFiles: files.statics + gathered.failed,
                                        warnings: gathered.warnings, refusedFiles: listing.refused, bibliographyFiles: files.bibliography)
            if config.isMultilingual { problems += addTranslations(languages.pages, to: &content, siteConfig: config) }
            return (content, problems + gathered.warnings)
        }
        return (nil, [missing])
    }

    /// The error for a content folder that does not exist; `nil` when it does.
    func missingFolderProblem() -> Diagnostic? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue { return nil }
        return .error(.contentFolderMissing, "content folder '\(displayRoot)' does not exist", hint: "pass --content DIR, or run from the folder that holds content/")
    }

    /// `site.yml` (the defaults when it is missing), or the defaults and its problems when it is broken.
    func loadConfigReporting() -> (SiteConfig, [Diagnostic]) {
        do throws(DiagnosticList) {
            return (try SiteConfig.load(from: contentRoot.appendingPathComponent("site.yml"), displayPath: displayPath("site.yml")), [])
        } catch {
            return (SiteConfig(), error.diagnostics)
        }
    }

    /// The pages that loaded, from each page file's result (drafts left out unless included).
    struct GatheredPages: Sendable {
        var pages: [Page] = []
        /// Page files that failed to load.
        var failed: [String] = []
        var warnings: [Diagnostic] = []
        var problems: [Diagnostic] = []
    }

    func gatherPages(_ files: [String], _ results: [Result<(Page, [Diagnostic]), DiagnosticList>]) -> GatheredPages {
        var gathered = GatheredPages()
        gathered.pages.reserveCapacity(files.count)
        for (relative, result) in zip(files, results) {
            switch result {
            case let .success((page, warnings)):
                gathered.warnings += warnings
                if includeDrafts || !page.frontMatter.draft { gathered.pages.append(page) }
            case let .failure(list):
                gathered.problems += list.diagnostics
                gathered.failed.append(relative)
            }
        }
        return gathered
    }

    /// `pages` in reading order (`SiteStructure.arrange`). Navigation entries naming a page that
    /// failed to load are dropped first (not a second error); when the order cannot be made, the
    /// entries naming no page are dropped and it is tried once more. `pages` is `nil` when that
    /// fails too.
    func arrangeReporting(_ pages: [Page], config: inout SiteConfig, failed: [String],
                          warnings: inout [Diagnostic]) -> (pages: [Page]?, problems: [Diagnostic]) {
        if !failed.isEmpty { config.navigation.removeAll { failed.contains($0) } }
        do throws(DiagnosticList) {
            return (try SiteStructure.arrange(pages, config: config, displayRoot: displayRoot, warnings: &warnings), [])
        } catch {
            let known = Set(pages.map(\.sourcePath))
            config.navigation.removeAll { !known.contains($0) && !known.contains($0 + "/index.md") && !known.contains($0 + "/_index.md") }
            var retryWarnings: [Diagnostic] = []
            let retried = try? SiteStructure.arrange(pages, config: config, displayRoot: displayRoot, warnings: &retryWarnings)
            return (retried, error.diagnostics)
        }
    }

    /// Every file the build reads under the content folder, content-relative, sorted (see
    /// `ContentListing`, which also says what it refuses).
    func listFiles() -> [String] {
        ContentListing(self).files
    }

    /// Reads the page `relative` of the language folder `folder` (`zh/`; empty for the default
    /// language). Its source and output paths are relative to that folder (`SiteStructure`
    /// arranges a language's pages as a site of their own; `addTranslations` moves them into it).
    func loadPage(_ relative: String, folder languageFolder: String = "") throws(DiagnosticList) -> (Page, [Diagnostic]) {
        let display = displayPath(languageFolder + relative)
        let text = try SourceText.read(path: contentPath + "/" + languageFolder + relative, displayPath: display)
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

/// The content files by what the build does with them.
struct ContentFiles: Sendable {
    /// Pages (`.md`, `.markdown`).
    var markdown: [String] = []
    /// Data files (`.csv`, `.json`); their `NAME.yml` is read with them.
    var data: [String] = []
    /// Files copied as they are (images, PDFs). Other YAML files are not published.
    var statics: [String] = []
    /// The bibliography: `references.bib`, `references.json` at the top (read, not published).
    var bibliography: [String] = []

    /// The bibliography files a content folder may have.
    static let bibliographyNames: Set<String> = ["references.bib", "references.json"]

    /// Sorts content-relative `paths` (`site.yml` left out).
    init(_ paths: [String]) {
        for relative in paths where relative != "site.yml" {
            switch kind(of: relative) {
            case .page: markdown.append(relative)
            case .data: data.append(relative)
            case .staticFile: statics.append(relative)
            case .bibliography: bibliography.append(relative)
            case .metadata: continue
            }
        }
    }

    /// What a content file is to the build, by its extension.
    enum Kind: Sendable { case page, data, metadata, staticFile, bibliography }

    func kind(of relative: String) -> Kind { Self.kind(of: relative) }

    static func kind(of relative: String) -> Kind {
        // A Frictionless data package descriptor describes the data files beside it (`DataPackageReader`).
        if relative == "datapackage.json" || relative.hasSuffix("/datapackage.json") { return .metadata }
        if bibliographyNames.contains(relative) { return .bibliography }
        return switch RelativePath.fileExtension(relative).lowercased() {
        case "md", "markdown": .page
        case "csv", "json": .data
        case "yml", "yaml": .metadata
        default: .staticFile
        }
    }
}
