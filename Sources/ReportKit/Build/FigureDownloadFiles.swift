/// The files figures link (`RenderedDirective.downloads`: each figure's CSV, each chart's SVG),
/// written beside their page by `SiteWriter` and `IncrementalBuilder`, listed in the output
/// marker, and checked against every other output file.
extension RenderedPage {
    /// The page's figure downloads, output-relative: in the page's folder.
    var figureDownloadFiles: [(path: String, text: String)] {
        // Most pages have none: asked of every page of every build.
        guard directives.contains(where: { !$0.downloads.isEmpty }) else { return [] }
        let folder = RelativePath.parent(page.outputPath)
        let prefix = folder.isEmpty ? "" : folder + "/"
        return directives.flatMap { directive in directive.downloads.map { (prefix + $0.fileName, $0.text) } }
    }
}

enum FigureDownloadFiles {
    /// For `serve`: the collisions of the pages rendered now, as an error like a build's. Looked at
    /// only when one of them has downloads (listing every output file costs time on large sites).
    static func check(rendered: [RenderedPage], content: LoadedContent, theme: Theme, contentDisplay: String) throws(DiagnosticList) {
        guard rendered.contains(where: { !$0.figureDownloadFiles.isEmpty }) else { return }
        let problems = collisions(pages: rendered, content: content, theme: theme, pdfEdition: false, contentDisplay: contentDisplay)
        if !problems.isEmpty { throw DiagnosticList(content.warnings + problems) }
    }

    /// The output paths of the downloads of `pages` (those at `indices` only, when given).
    static func paths(of pages: [RenderedPage], at indices: [Int]? = nil) -> Set<String> {
        Set((indices ?? Array(pages.indices)).filter { $0 < pages.count }.flatMap { pages[$0].figureDownloadFiles.map(\.path) })
    }

    /// The downloads of the pages at `indices` (every page when `nil`) by path, with their bytes for
    /// the pages in `renderedNow` (the others did not change and keep the output hash they had).
    static func files(of pages: [RenderedPage], at indices: [Int]? = nil, renderedNow: Set<Int>) -> [(path: String, bytes: [UInt8]?)] {
        (indices ?? Array(pages.indices)).flatMap { index in
            pages[index].figureDownloadFiles.map { (path: $0.path, bytes: renderedNow.contains(index) ? Array($0.text.utf8) : nil) }
        }
    }

    /// A figure download wanting the path of another output file (a content file such as
    /// `content/tbl-largest.csv` beside the page): one error at the figure's spec.
    static func collisions(pages: [RenderedPage], content: LoadedContent, theme: Theme, pdfEdition: Bool, contentDisplay: String) -> [Diagnostic] {
        // Most sites have no downloads: then the site's whole file list (300,000 paths on a
        // 100,000-page site) is not made for nothing.
        guard pages.contains(where: { $0.directives.contains { !$0.downloads.isEmpty } }) else { return [] }
        let outputs = SiteOutputs(content: content, theme: theme, pdfEdition: pdfEdition)
        var owners: [String: SiteOutputs.Source] = [:]
        for file in outputs.files where owners[file.path] == nil { owners[file.path] = file.source }
        let names = SiteOutputs.Names(contentDisplay: contentDisplay)
        var problems: [Diagnostic] = []
        for page in pages {
            for directive in page.directives {
                let folder = RelativePath.parent(page.page.outputPath)
                for download in directive.downloads {
                    let path = folder.isEmpty ? download.fileName : folder + "/" + download.fileName
                    guard let owner = owners[path] else { continue }
                    problems.append(.error(.outputPathCollision,
                                           "the download '\(download.fileName)' of \(directive.kind.rawValue) '\(directive.anchor)' and \(names.describe(owner)) would both be written to '\(path)'",
                                           at: directive.location, hint: "give the \(directive.kind.rawValue) another id, or rename the other file"))
                }
            }
        }
        return problems
    }
}
