import Foundation

/// The warnings an incremental build returns, the same as a full build's, kept between builds so
/// that a one-page edit does not go through every page: the site-wide checks (`SiteChecks`,
/// `LanguageFolders`) are redone only when something they read changed, and the pages' own
/// warnings are gathered from the pages that have any.
extension IncrementalBuilder {
    /// Whether the site-wide warnings kept in the previous state still hold after the pages of
    /// `changed` (index, page rendered now) were rendered again: `nil` previous state, a full scan
    /// (`named` false: the page files may have changed), changed data or bibliography, or a page
    /// that now reads, names or cites something else make them stale.
    static func keepsSiteWarnings(previous: State?, changed: [(Int, RenderedPage)], named: Bool, dataChanged: Bool,
                                  bibliographyFingerprint: Int, dataFiles: [String]) -> Bool {
        guard let previous, named, !dataChanged, previous.bibliographyFingerprint == bibliographyFingerprint else { return false }
        return changed.allSatisfy { index, page in
            index < previous.pages.count && SiteChecks.sameInputs(previous.pages[index], page, dataFiles: dataFiles)
        }
    }

    /// Sets `state.siteWarnings` (made again unless `keeping` holds the previous ones) and
    /// `state.pagesWithWarnings` (updated for the pages at `changed`, or made again when `all`).
    func noteWarnings(_ state: inout State, keeping kept: [Diagnostic]?, markdownFiles: [String], changed: [Int], all: Bool) {
        if all {
            state.pagesWithWarnings = Set(state.pages.indices.filter { !state.pages[$0].warnings.isEmpty })
        } else {
            for index in changed {
                if state.pages[index].warnings.isEmpty { state.pagesWithWarnings.remove(index) } else { state.pagesWithWarnings.insert(index) }
            }
        }
        if let kept {
            state.siteWarnings = kept
            return
        }
        let loader = ContentLoader(contentRoot: options.contentFolder, displayRoot: options.display(options.contentFolder))
        state.siteWarnings = SiteChecks.warnings(content: state.content, pages: state.pages, broken: [], loader: loader, bibliography: state.bibliography)
            + LanguageFolders(files: markdownFiles, config: state.config, displayPath: loader.displayPath).problems
    }

    /// Every warning of the build in `state`, in a full build's order: loading's, each page's in
    /// reading order, then the site-wide ones.
    static func warnings(of state: State) -> [Diagnostic] {
        state.content.warnings + state.pagesWithWarnings.sorted().flatMap { state.pages[$0].warnings } + state.siteWarnings
    }
}

extension SiteChecks {
    /// True when `new` (a page rendered again) gives `warnings` what `old` gave: the same data
    /// files read by its directives, the same names of `dataFiles` in its Markdown, the same works cited.
    static func sameInputs(_ old: RenderedPage, _ new: RenderedPage, dataFiles: [String]) -> Bool {
        func read(_ page: RenderedPage) -> Set<String> { Set(page.directives.flatMap(\.dataFiles)) }
        func cited(_ page: RenderedPage) -> Set<String> { Set(page.citations.flatMap { $0.citation.items.map(\.key) }) }
        guard read(old) == read(new), cited(old) == cited(new) else { return false }
        return dataFiles.allSatisfy { path in
            let name = RelativePath.lastComponent(path)
            return old.page.body.contains(name) == new.page.body.contains(name)
        }
    }
}
