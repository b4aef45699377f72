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
            throw DiagnosticList(.error(.contentFolderMissing, "content folder '\(displayRoot)' does not exist", hint: "pass --content DIR, or run from the folder that holds content/"))
        }
        let config = try SiteConfig.load(from: contentRoot.appendingPathComponent("site.yml"), displayPath: displayPath("site.yml"))
        var markdown: [String] = []
        var data: [String] = []
        var statics: [String] = []
        let (files, escaping) = listFilesCheckingLinks()
        if !escaping.isEmpty {
            throw DiagnosticList(escaping.map { relative in
                let dangling = !FileManager.default.fileExists(atPath: contentRoot.appendingPathComponent(relative).path)
                return .error(.symlinkOutsideContent, "'\(displayPath(relative))' is a symbolic link \(dangling ? "to a missing file" : "that leads outside the content folder")",
                       at: SourceLocation(file: displayPath(relative)),
                       hint: "copy the file into the content folder instead of linking to it")
            })
        }
        for relative in files {
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

    /// Every regular file under the content folder, content-relative, sorted; hidden files and
    /// folders are skipped.
    func listFiles() -> [String] {
        listFilesCheckingLinks().files
    }

    /// Every regular file under the content folder (as `listFiles`), with symbolic links to files
    /// inside the content folder counted as files; `escaping` lists the links that lead outside it
    /// (or nowhere), which the build refuses: a link must not publish files from elsewhere.
    func listFilesCheckingLinks() -> (files: [String], escaping: [String]) {
        let resolvedRoot = contentRoot.resolvingSymlinksInPath().path
        var files: [String] = []
        var escaping: [String] = []
        FolderListing.visit(contentRoot.path) { path, relative, kind in
            switch kind {
            case .file: files.append(relative)
            case .folder: break
            case .other:
                // A symbolic link is kept when it names a file inside the content folder; folders
                // it names are not walked (FolderListing never follows links).
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return }
                let target = contentRoot.appendingPathComponent(relative).resolvingSymlinksInPath().path
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
                if !exists || !target.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/") {
                    escaping.append(relative)
                } else if !isDirectory.boolValue {
                    files.append(relative)
                }
            }
        }
        return (files.sorted(), escaping.sorted())
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
