import Foundation

/// Site-wide rules that need every rendered page (step `checkSite` of `SitePipeline`), and the
/// rules that keep one problem from being reported twice when a run goes on past it.
enum SiteChecks {
    /// Warnings about the site as a whole: data files no directive reads and no page links to,
    /// bibliography entries no page cites.
    static func warnings(content: LoadedContent, pages: [RenderedPage], broken: Set<String>, loader: ContentLoader,
                         bibliography: Bibliography) -> [Diagnostic] {
        let used = Set(pages.flatMap { $0.directives.flatMap(\.dataFiles) })
        var warnings: [Diagnostic] = []
        for path in content.dataFiles where !used.contains(path) && !broken.contains(path) {
            let name = RelativePath.lastComponent(path)
            if content.pages.contains(where: { $0.body.contains(name) }) { continue }
            warnings.append(.warning(.unusedDataFile, "data file '\(path)' is not used by any table, chart or link",
                                     at: SourceLocation(file: loader.displayPath(path), line: 1),
                                     hint: "show it with a ```table or ```chart block, link to it, or delete it"))
        }
        return warnings + uncitedWarnings(pages: pages, bibliography: bibliography)
    }

    /// An entry of the bibliography that no page cites.
    static func uncitedWarnings(pages: [RenderedPage], bibliography: Bibliography) -> [Diagnostic] {
        guard !bibliography.isEmpty else { return [] }
        let cited = Set(pages.flatMap { $0.citations.flatMap { $0.citation.items.map(\.key) } })
        return bibliography.keys.filter { !cited.contains($0) }.map { key in
            .warning(.uncitedReference, "bibliography entry '\(key)' is not cited by any page", at: bibliography.entries[key]!.location,
                     hint: "cite it with [@\(key)] where the text uses it, or remove the entry")
        }
    }

    /// The anchors (`fig-ID`, `tbl-ID`) of every table and chart block written in the pages,
    /// whether or not it rendered: read from the `id:` line of each block.
    static func declaredIDs(in pages: [Page]) -> Set<String> {
        var ids = Set<String>()
        for page in pages {
            var prefix: String?
            for line in page.body.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("```") {
                    let info = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                    prefix = prefix == nil ? DirectiveBlock.Kind(rawValue: info)?.anchorPrefix : nil
                    if prefix == nil && info.isEmpty { continue }
                } else if let current = prefix, trimmed.hasPrefix("id:") {
                    let id = trimmed.dropFirst(3).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                    ids.insert("\(current)-\(id)")
                }
            }
        }
        return ids
    }

    /// A directive's "data file not found" about a file that exists but failed to load (already reported).
    static func isAboutBrokenData(_ diagnostic: Diagnostic, _ broken: Set<String>) -> Bool {
        guard !broken.isEmpty, diagnostic.code == .dataFileNotFound else { return false }
        return broken.contains { diagnostic.message == "data file '\($0)' not found"
            || ($0.hasPrefix("data/") && diagnostic.message == "data file '\($0.dropFirst(5))' not found") }
    }
}
