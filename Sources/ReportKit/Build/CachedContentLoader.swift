import Foundation

/// Loads the content folder as `ContentLoader.load()` does, but takes each page whose file
/// stamp (modification and change time, size, inode) is the same as at the previous build from
/// that build, instead of reading and splitting it again. On a large site this turns loading
/// from reading every page into one `stat` per page.
struct CachedContentLoader {
    /// A page as loaded by an earlier build, with the stamp its file had then.
    struct CachedPage: Sendable {
        /// `nil` when the file could not be stamped: such an entry is never reused.
        var stamp: FileStamp?
        var readAt: FileStamp.Time
        /// The page, drafts included (they are left out after loading).
        var page: Page
        var warnings: [Diagnostic]
    }

    /// What one load found.
    struct Loaded {
        var content: LoadedContent
        /// Every page file's cache entry, by content-relative path, for the next load.
        var cache: [String: CachedPage]
        /// The page files found, in listing order, for the next load.
        var markdownFiles: [String]
        /// Content-relative paths of the pages read from disk, sorted.
        var read: [String]
    }

    let loader: ContentLoader
    /// How long before being read a page must have been changed for its stamp to be trusted.
    var settleTime = FileStamp.settleTime

    /// Loads the content; `previous` is the last successful load, whose pages are reused when
    /// their stamps did not change (and whose reading order is kept when no page that was read
    /// again moved, appeared or disappeared).
    func load(previous: Loaded?, now: FileStamp.Time) throws(DiagnosticList) -> Loaded {
        let cachedPages = previous?.cache ?? [:]
        var isDirectory: ObjCBool = false
        let root = loader.contentRoot
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticList(.error("content folder '\(loader.displayRoot)' does not exist", hint: "pass --content DIR, or run from the folder that holds content/"))
        }
        let config = try SiteConfig.load(from: root.appendingPathComponent("site.yml"), displayPath: loader.displayPath("site.yml"))
        var markdown: [String] = []
        var data: [String] = []
        var statics: [String] = []
        for relative in FolderListing.regularFiles(under: root) where relative != "site.yml" {
            switch ((relative as NSString).lastPathComponent as NSString).pathExtension.lowercased() {
            case "md", "markdown": markdown.append(relative)
            case "csv", "json": data.append(relative)
            case "yml", "yaml": continue
            default: statics.append(relative)
            }
        }

        let loader = self.loader
        let settleTime = self.settleTime
        let rootPath = root.path
        let results = markdown.parallelMap { relative -> Result<(CachedPage, Bool), DiagnosticList> in
            let stamp = FileStamp(path: rootPath + "/" + relative)
            if let stamp, let cached = cachedPages[relative], cached.stamp == stamp, stamp.isSettled(readAt: cached.readAt, margin: settleTime) {
                return .success((cached, false))
            }
            do throws(DiagnosticList) {
                let (page, warnings) = try loader.loadPage(relative)
                let entry = CachedPage(stamp: stamp, readAt: now, page: page, warnings: warnings)
                return .success((entry, true))
            } catch {
                return .failure(error)
            }
        }
        var cache: [String: CachedPage] = [:]
        cache.reserveCapacity(markdown.count)
        var pages: [Page] = []
        pages.reserveCapacity(markdown.count)
        var read: [String] = []
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for (relative, result) in zip(markdown, results) {
            switch result {
            case let .success((entry, wasRead)):
                cache[relative] = entry
                if wasRead { read.append(relative) }
                warnings += entry.warnings
                if loader.includeDrafts || !entry.page.frontMatter.draft { pages.append(entry.page) }
            case let .failure(list): problems += list.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        if let previous, let kept = Self.keptOrder(previous: previous, markdown: markdown, config: config, cache: cache, read: read) {
            pages = kept
        } else {
            pages = try SiteStructure.arrange(pages, config: config, displayRoot: loader.displayRoot, warnings: &warnings)
        }
        return Loaded(content: LoadedContent(config: config, pages: pages, dataFiles: data, staticFiles: statics, warnings: warnings),
                      cache: cache, markdownFiles: markdown, read: read)
    }

    /// The previous reading order with the pages read again put in place, when the same page files
    /// exist and none read again changed what `SiteStructure.arrange` looks at (output path,
    /// weight, draft); `nil` otherwise. Saves sorting every page on a one-page edit.
    static func keptOrder(previous: Loaded, markdown: [String], config: SiteConfig, cache: [String: CachedPage],
                          read: [String]) -> [Page]? {
        guard previous.markdownFiles == markdown, previous.content.config == config else { return nil }
        var replaced: [String: Page] = [:]
        for path in read {
            guard let old = previous.cache[path]?.page, let new = cache[path]?.page else { return nil }
            guard old.outputPath == new.outputPath, old.frontMatter.weight == new.frontMatter.weight,
                  old.frontMatter.draft == new.frontMatter.draft else { return nil }
            if old != new { replaced[path] = new }
        }
        if replaced.isEmpty { return previous.content.pages }
        return previous.content.pages.map { page in page.isGenerated ? page : (replaced[page.sourcePath] ?? page) }
    }
}
