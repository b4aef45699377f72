import Foundation

/// What an incremental build keeps between builds to lay out only the pages whose inputs changed.
extension IncrementalBuilder {
    // MARK: Bookkeeping

    /// What to lay out and write after the bookkeeping of a build.
    struct LayoutPlan {
        /// Indices of the pages to lay out again, in reading order.
        var layOut: [Int]
        /// Every page's inputs were looked at again (a new site structure, theme or first build):
        /// copy every file, and compare outputs against `baseline`.
        var rebuiltAll: Bool
        /// The previous build's output hashes, when the new ones were made afresh.
        var baseline: [String: Int]?

        var copiesEverything: Bool { rebuiltAll }

        /// The hash the file at `path` had after the previous build.
        func previousHash(_ path: String, current: [String: Int]) -> Int? {
            baseline.map { $0[path] } ?? current[path]
        }

        /// Output paths the previous build wrote that nothing produces any more, sorted.
        func removed(_ hashes: [String: Int]) -> [String] {
            guard let baseline else { return [] }
            return baseline.keys.filter { hashes[$0] == nil }.sorted()
        }
    }

    /// Makes the bookkeeping of `next` afresh (a first build, or a new structure or theme): every
    /// page's body finalized (or reused when its rendering and the figure numbers did not change),
    /// every layout key computed; pages whose key did not change are not laid out again.
    /// `rendered` are the pages rendered now, by index.
    func rebuildBookkeeping(_ next: inout State, previous: State?, rendered: [(Int, RenderedPage)]) -> LayoutPlan {
        var merged = previous?.pages ?? []
        if merged.count != next.content.pages.count || rendered.count == next.content.pages.count {
            merged = rendered.map(\.1) // every page was rendered (a new structure, or a first build)
        } else {
            for (index, page) in rendered { merged[index] = page }
        }
        let pages = merged
        next.pages = pages
        let renderedNow = Set(rendered.map(\.0))
        var earlierBodies: [String: (String, FinalizedBody)] = [:]
        if let previous, previous.referencesKey == next.referencesKey {
            for (page, body) in zip(previous.pages, previous.finalized) { earlierBodies[page.page.sourcePath] = (page.page.outputPath, body) }
        }
        let reusable = earlierBodies
        let references = next.references
        next.finalized = Array(pages.indices).parallelMap { index -> FinalizedBody in
            let page = pages[index].page
            if !renderedNow.contains(index), let (output, body) = reusable[page.sourcePath], output == page.outputPath { return body }
            return Self.finalize(pages[index], references: references)
        }
        let context = PageContext(site: next.site(options: options))
        next.lists = LayoutLists(context)
        next.navigationKey = Self.navigationKey(next.lists)
        next.sectionPages = Self.sectionPages(pages)
        var previousKeys: [String: Int] = [:]
        if let previous {
            for (page, key) in zip(previous.pages, previous.layoutKeys) { previousKeys[page.page.outputPath] = key }
        }
        let baseline = previous?.outputHashes ?? [:]
        next.layoutKeys = layoutKeys(of: next, at: Array(pages.indices))
        var layOut: [Int] = []
        for (index, page) in pages.enumerated() {
            let path = page.page.outputPath
            if previousKeys[path] == next.layoutKeys[index], let hash = baseline[path] {
                next.outputHashes[path] = hash
                // Its citation downloads are made from the same context: unchanged too.
                let downloads = PagePublication.downloadPaths(forPage: path)
                for download in [downloads.bib, downloads.ris] { next.outputHashes[download] = baseline[download] }
            } else {
                layOut.append(index)
            }
        }
        return LayoutPlan(layOut: layOut, rebuiltAll: true, baseline: baseline)
    }

    /// Updates the bookkeeping of `previous` (moved into `next`) for the pages rendered again
    /// (`changed`, by index, in a site whose structure and theme did not change): their bodies,
    /// the lists when a title or summary changed, and the layout keys of the pages that can
    /// show them (themselves; when a title or summary changed, their neighbours and their
    /// section's index page too; every page when the navigation changed, and every page whose
    /// body changed when the figure numbers did).
    func updateBookkeeping(_ next: inout State, previous: inout State, changed: [(Int, RenderedPage)], themeChanged: Bool) -> LayoutPlan {
        swap(&next.pages, &previous.pages)
        swap(&next.finalized, &previous.finalized)
        swap(&next.layoutKeys, &previous.layoutKeys)
        swap(&next.outputHashes, &previous.outputHashes)
        swap(&next.sectionPages, &previous.sectionPages)
        swap(&next.lists, &previous.lists)
        next.navigationKey = previous.navigationKey
        next.wholeSitePending = previous.wholeSitePending
        var listsChanged = false
        // Pages whose title or summary changed: what other pages show of a page.
        var shownChanged: [Int] = []
        for (index, page) in changed {
            let old = next.pages[index]
            if old.title != page.title || old.summary != page.summary {
                shownChanged.append(index)
                // A page listed in its section is put in place; one in the navigation makes the lists again.
                if !next.lists.replaceChild(page) { listsChanged = true }
            }
            next.pages[index] = page
        }
        var dirty = Set(changed.map(\.0))
        if next.referencesKey != previous.referencesKey {
            // Figure numbers or captions changed: any page may refer to them.
            let pages = next.pages
            let references = next.references
            let bodies = Array(pages.indices).parallelMap { Self.finalize(pages[$0], references: references) }
            for (index, body) in bodies.enumerated() where body.hash != next.finalized[index].hash { dirty.insert(index) }
            next.finalized = bodies
        } else {
            for (index, page) in changed { next.finalized[index] = Self.finalize(page, references: next.references) }
        }
        var everyPage = false
        if listsChanged {
            next.lists = LayoutLists(PageContext(site: next.site(options: options)))
            let navigationKey = Self.navigationKey(next.lists)
            everyPage = navigationKey != next.navigationKey
            next.navigationKey = navigationKey
        }
        let candidates: [Int]
        if everyPage || themeChanged {
            candidates = Array(next.pages.indices)
        } else {
            // A page's neighbours and section index show its title (and summary), not its body.
            var showing = dirty
            for index in shownChanged {
                if index > 0 { showing.insert(index - 1) }
                if index + 1 < next.pages.count { showing.insert(index + 1) }
                for section in next.sectionPages[next.pages[index].page.section] ?? [] { showing.insert(section) }
            }
            candidates = showing.sorted()
        }
        let keys = layoutKeys(of: next, at: candidates)
        var layOut: [Int] = []
        for (index, key) in zip(candidates, keys) {
            if next.layoutKeys[index] != key || next.outputHashes[next.pages[index].page.outputPath] == nil { layOut.append(index) }
            next.layoutKeys[index] = key
        }
        return LayoutPlan(layOut: layOut, rebuiltAll: false, baseline: nil)
    }

    /// The page's body with figure numbers and cross-references filled in, and its hash.
    static func finalize(_ page: RenderedPage, references: SiteReferences) -> FinalizedBody {
        let body = references.finalize(page.body, pageOutput: page.page.outputPath, rootPrefix: page.page.rootPrefix)
        return FinalizedBody(body: body, hash: hash(body))
    }

    /// The section index pages of each folder (the pages listing that folder's pages), by folder.
    static func sectionPages(_ pages: [RenderedPage]) -> [String: [Int]] {
        var sections: [String: [Int]] = [:]
        for (index, page) in pages.enumerated() where page.page.isSectionIndex {
            sections[RelativePath.parent(page.page.sourcePath), default: []].append(index)
        }
        return sections
    }

    /// What the navigation shows: its entries' titles and output paths.
    static func navigationKey(_ lists: LayoutLists) -> Int {
        hash(lists.navigation.map { [$0.title, $0.page.outputPath] })
    }

    /// Layout keys of the pages at `indices` of `state` (in parallel when there are many): a hash
    /// of the page's template context (`PageTemplateContext`, body left out), of its finalized
    /// body and of the theme. Made from the same value the page is laid out from, so nothing a
    /// page shows can change without changing its key.
    func layoutKeys(of state: State, at indices: [Int]) -> [Int] {
        let layout = PageContext(site: state.site(options: options), lists: state.lists)
        let finalized = state.finalized
        let themeFingerprint = state.themeFingerprint
        let key: @Sendable (Int) -> Int = { index in
            var hasher = Hasher()
            hasher.combine(layout.context(for: index, body: ""))
            hasher.combine(finalized[index].hash)
            hasher.combine(themeFingerprint)
            return hasher.finalize()
        }
        if indices.count < 64 { return indices.map(key) }
        return indices.parallelMap(key)
    }

    /// Tests: every layout key and finalized body of `state` equals one made afresh.
    func checkLayoutKeys(_ state: State) throws(DiagnosticList) {
        let fresh = LayoutLists(PageContext(site: state.site(options: options)))
        var stale: [String] = []
        if Self.navigationKey(fresh) != state.navigationKey { stale.append("(navigation)") }
        var check = state
        check.lists = fresh
        check.sectionPages = Self.sectionPages(state.pages)
        if check.sectionPages != state.sectionPages { stale.append("(section pages)") }
        let keys = layoutKeys(of: check, at: Array(state.pages.indices))
        for (index, page) in state.pages.enumerated() {
            if keys[index] != state.layoutKeys[index] || Self.finalize(page, references: state.references).hash != state.finalized[index].hash {
                stale.append(page.page.outputPath)
            }
        }
        if !stale.isEmpty {
            throw DiagnosticList(.error(.internalError, "internal: stale incremental bookkeeping for \(stale.joined(separator: ", "))"))
        }
    }
}
