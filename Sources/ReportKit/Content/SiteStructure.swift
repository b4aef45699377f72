import Foundation

/// Puts pages in reading order (navigation order, then weight, then path), adds list pages for
/// folders without an index (the content folder included) and rejects two pages that would write
/// the same file.
enum SiteStructure {
    static func arrange(_ pages: [Page], config: SiteConfig, displayRoot: String, warnings: inout [Diagnostic]) throws(DiagnosticList) -> [Page] {
        var pages = pages
        var problems: [Diagnostic] = []

        // Two sources, one output file: e.g. `a.md` and `a/index.md`.
        // (Positions, not copies of the pages: a large site has 100,000 of them.)
        var byOutput: [String: Int] = [:]
        byOutput.reserveCapacity(pages.count)
        for (position, page) in pages.enumerated() {
            if let other = byOutput[page.outputPath] {
                problems.append(.error(.outputPathCollision, "'\(page.sourcePath)' and '\(pages[other].sourcePath)' both produce '\(page.outputPath)'",
                                       at: SourceLocation(file: page.displayPath, line: 1),
                                       hint: "rename one of them or give it another 'slug' in its front matter"))
            } else {
                byOutput[page.outputPath] = position
            }
        }

        // Folders holding pages but no index get a generated list page; so does the content folder
        // itself (the home page every page links to), titled with the site's title.
        let folders = Set(pages.flatMap { ancestorFolders(of: $0.sourcePath) } + (pages.isEmpty ? [] : [""]))
        let indexed = Set(pages.filter(\.isSectionIndex).map { folderOf($0.sourcePath) })
        for folder in folders.subtracting(indexed).sorted() {
            let title = folder.isEmpty ? config.title : FileNameTitle.title(forFolder: folder)
            let path = folder.isEmpty ? "index.md" : folder + "/index.md"
            pages.append(Page(sourcePath: path, displayPath: displayRoot + "/" + path, outputPath: folder.isEmpty ? "index.html" : folder + "/index.html",
                              frontMatter: FrontMatter(title: title), body: "", bodyFirstLine: 1, isSectionIndex: true,
                              isGenerated: true, section: parentFolder(folder)))
        }

        // Navigation entries must name real pages.
        let known = Set(pages.map(\.sourcePath))
        var hints: Suggestion.Hints?  // made at the first bad entry
        for (index, entry) in config.navigation.enumerated()
        where !known.contains(entry) && !known.contains(entry + "/index.md") && !known.contains(entry + "/_index.md") {
            let location = index < config.navigationLocations.count ? config.navigationLocations[index] : SourceLocation(file: displayRoot + "/site.yml", line: 1)
            if hints == nil { hints = Suggestion.Hints(candidates: known.sorted(), noun: "a page such as") }
            problems.append(.error(.navigationEntryMissing, "navigation entry '\(entry)' names no page", at: location, hint: hints?.hint(for: entry)))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        // Reading order: depth first, each section's index before its children.
        var navigationRank: [String: Int] = [:]
        for (rank, entry) in config.navigation.enumerated() {
            navigationRank[entry] = rank
            navigationRank[entry + "/index.md"] = rank
            navigationRank[entry + "/_index.md"] = rank
        }
        var children: [String: [Page]] = [:]
        var sectionIndex: [String: Page] = [:]
        for page in pages {
            if page.isSectionIndex { sectionIndex[folderOf(page.sourcePath)] = page }
            if !(page.isSectionIndex && folderOf(page.sourcePath).isEmpty) {
                children[page.section, default: []].append(page)
            }
        }
        func sortKey(_ page: Page) -> (Int, Int, String) {
            (navigationRank[page.sourcePath] ?? Int.max, page.frontMatter.weight ?? Int.max, page.sourcePath)
        }
        var ordered: [Page] = []
        ordered.reserveCapacity(pages.count)
        func visit(_ folder: String) {
            // Each key made once (not twice a comparison: a folder may hold 10,000 pages).
            let group = children[folder] ?? []
            let keys = group.map(sortKey)
            for page in group.indices.sorted(by: { keys[$0] < keys[$1] }).map({ group[$0] }) {
                ordered.append(page)
                if page.isSectionIndex { visit(folderOf(page.sourcePath)) }
            }
        }
        if let root = sectionIndex[""] { ordered.append(root) }
        visit("")
        return ordered
    }

    /// `a/b/c.md` → `a/b`; an index's own folder for `a/b/index.md`.
    static func folderOf(_ path: String) -> String {
        RelativePath.parent(path)
    }

    static func parentFolder(_ folder: String) -> String {
        RelativePath.parent(folder)
    }

    /// Every folder above a page: `a/b/c.md` → [`a`, `a/b`].
    static func ancestorFolders(of path: String) -> [String] {
        var result: [String] = []
        var folder = folderOf(path)
        while !folder.isEmpty {
            result.append(folder)
            folder = parentFolder(folder)
        }
        return result
    }
}
