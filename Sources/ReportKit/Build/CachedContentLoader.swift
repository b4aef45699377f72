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
        /// Content-relative paths of the pages read from disk, sorted.
        var read: [String]
    }

    let loader: ContentLoader
    /// How long before being read a page must have been changed for its stamp to be trusted.
    var settleTime = FileStamp.settleTime

    func load(previous: [String: CachedPage], now: FileStamp.Time) throws(DiagnosticList) -> Loaded {
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
            if let stamp, let cached = previous[relative], cached.stamp == stamp, stamp.isSettled(readAt: cached.readAt, margin: settleTime) {
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
                if !entry.page.frontMatter.draft { pages.append(entry.page) }
            case let .failure(list): problems += list.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        pages = try SiteStructure.arrange(pages, config: config, displayRoot: loader.displayRoot, warnings: &warnings)
        return Loaded(content: LoadedContent(config: config, pages: pages, dataFiles: data, staticFiles: statics, warnings: warnings),
                      cache: cache, read: read)
    }
}
