/// Every file a build writes, each with what it is made from: the list `SiteWriter` makes folders
/// for, and where `build`, `check` and `serve` look for two things wanting the same place.
///
/// Without that look, a content file silently replaced a generated one or the theme's
/// (`content/assets/search.js` ran on every page, `content/foo/index.html` replaced the page made
/// from `foo.md`), and a page named `search-index.js.md` made a folder where the search index goes.
struct SiteOutputs {
    /// What an output file is made from.
    enum Source {
        case page(PageSource)
        /// A file of the content copied as it is (content-relative).
        case contentFile(String)
        /// The CSV download of a data file (content-relative).
        case dataFile(String)
        /// A theme asset (relative to the theme's `assets/`).
        case themeAsset(String)
        case searchIndex
        case wholeReport
        case standaloneReport
        /// A page's BibTeX or RIS download (`cite.bib`, `cite.ris` beside it).
        case citationDownload(PageSource)
        /// `CITATION.cff` at the root.
        case citationFile
        /// `data/datapackage.json`, describing the published data.
        case dataPackage
        /// The list of every work cited, made when the content has a bibliography and no `references.md`.
        case referenceList
        /// The whole report printed to PDF (`reportgen pdf`).
        case pdfEdition
    }

    /// What messages say of a page: its source file, and whether it was made for a folder (not the
    /// whole `Page`, whose copy into each of a large site's entries cost more than the look itself).
    struct PageSource {
        let sourcePath: String
        let displayPath: String
        let isGenerated: Bool

        init(_ page: Page) {
            sourcePath = page.sourcePath
            displayPath = page.displayPath
            isGenerated = page.isGenerated
        }
    }

    /// Output path and source of every file, in writing order: pages, theme assets, content files,
    /// data downloads, then the search index and the whole report.
    let files: [(path: String, source: Source)]

    init(content: LoadedContent, theme: Theme, pdfEdition: Bool = false) {
        var files: [(path: String, source: Source)] = []
        files.reserveCapacity(content.pages.count * 3 + theme.assets.count + content.staticFiles.count + content.dataFiles.count + 16)
        let pageFiles = Self.pageFiles(content.pages)
        files += pageFiles.pages
        files += theme.assets.map { ("assets/" + $0, .themeAsset($0)) }
        files += content.staticFiles.map { ($0, .contentFile($0)) }
        let catalog = DataCatalog()
        files += content.dataFiles.sorted().map { (catalog.csvOutputPath(for: $0), .dataFile($0)) }
        files += pageFiles.downloads
        if !content.config.authors.isEmpty { files.append((CitationFile.fileName, .citationFile)) }
        if let descriptor = PublishedDataPackage.descriptorPath(dataOutputs: content.dataFiles.map(catalog.csvOutputPath)) {
            files.append((descriptor, .dataPackage))
        }
        if theme.assets.contains(SearchIndex.themeAsset) { files += SearchIndex.paths(pageCount: content.pages.count).map { ($0, .searchIndex) } }
        if content.config.publishesWholeReport(pageCount: content.pages.count) {
            files += [(WholeReport.fileName, .wholeReport), (WholeReport.standaloneFileName, .standaloneReport)]
            if pdfEdition { files.append((PDFEdition.fileName, .pdfEdition)) }
        }
        if !content.bibliographyFiles.isEmpty, !content.pages.contains(where: { $0.outputPath == SiteCitations.contentListPath }) {
            files.append((SiteCitations.generatedListPath, .referenceList))
        }
        for translation in content.translations { files += Self.editionFiles(translation, theme: theme, pdfEdition: pdfEdition) }
        self.files = files
    }

    /// The pages' files, and their citation downloads (`cite.bib`, `cite.ris` beside each).
    static func pageFiles(_ pages: [Page]) -> (pages: [(path: String, source: Source)], downloads: [(path: String, source: Source)]) {
        var files: [(path: String, source: Source)] = []
        files.reserveCapacity(pages.count)
        var downloads: [(path: String, source: Source)] = []
        downloads.reserveCapacity(pages.count * 2)
        for page in pages {
            let source = PageSource(page)
            let paths = PagePublication.downloadPaths(forPage: page.outputPath)
            files.append((page.outputPath, .page(source)))
            downloads.append((paths.bib, .citationDownload(source)))
            downloads.append((paths.ris, .citationDownload(source)))
        }
        return (files, downloads)
    }

    /// Two sources wanting one output path, or a path that one source needs as a file and another
    /// as a folder (`search-index.js` and `search-index.js/index.html`): one error per pair, at
    /// the content file concerned. Two pages or two data files are left to the content and data
    /// loaders, which report them first.
    func collisions(contentDisplay: String) throws(DiagnosticList) {
        let names = Names(contentDisplay: contentDisplay)
        var fileOwner: [String: Int] = [:]
        var folderOwner: [String: Int] = [:]
        fileOwner.reserveCapacity(files.count)
        folderOwner.reserveCapacity(files.count / 2)
        var pairs: [(Int, Int, folder: String?)] = []
        // Files with a place in the content first, so that a pair is shown at one of them.
        let located = files.indices.filter { names.hasLocation(files[$0].source) }
        let unlocated = files.indices.filter { !names.hasLocation(files[$0].source) }
        for index in located + unlocated {
            let path = files[index].path
            if let other = fileOwner[path] { pairs.append((index, other, nil)) } else { fileOwner[path] = index }
            var folder = RelativePath.parent(path)
            while !folder.isEmpty, folderOwner[folder] == nil {
                folderOwner[folder] = index
                folder = RelativePath.parent(folder)
            }
        }
        for (folder, inside) in folderOwner {
            if let file = fileOwner[folder] { pairs.append((inside, file, folder)) }
        }
        let problems = pairs.compactMap { pair -> Diagnostic? in
            switch (files[pair.0].source, files[pair.1].source) {
            case (.page, .page), (.dataFile, .dataFile), (.citationDownload, .citationDownload): return nil
            default: return names.collision(files[pair.0], files[pair.1], folder: pair.folder)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(DiagnosticList(problems).sorted) }
    }

    /// How sources are named in messages.
    struct Names {
        let contentDisplay: String

        func content(_ relative: String) -> String {
            contentDisplay.isEmpty || contentDisplay == "." ? relative : contentDisplay + "/" + relative
        }

        func describe(_ source: Source) -> String {
            switch source {
            case let .page(page) where page.isGenerated:
                let folder = RelativePath.parent(page.sourcePath)
                return folder.isEmpty ? "the home page made because '\(contentDisplay)' has no index.md"
                    : "the list page made for the folder '\(content(folder))'"
            case let .page(page): return "the page made from '\(page.displayPath)'"
            case let .contentFile(path): return "the file '\(content(path))'"
            case let .dataFile(path): return "the CSV download of '\(content(path))'"
            case let .themeAsset(name): return "the theme's asset '\(name)'"
            case .searchIndex: return "the search index"
            case .wholeReport: return "the whole report"
            case .standaloneReport: return "the stand-alone whole report"
            case let .citationDownload(page): return "the citation download of '\(page.displayPath)'"
            case .citationFile: return "the report's CITATION.cff"
            case .dataPackage: return "the data package descriptor"
            case .referenceList: return "the list of references"
            case .pdfEdition: return "the PDF edition of the whole report"
            }
        }

        /// Whether `location(source)` is not nil (asked for every file, so without making the location).
        func hasLocation(_ source: Source) -> Bool {
            switch source {
            case let .page(page): return !page.isGenerated
            case .contentFile, .dataFile: return true
            default: return false
            }
        }

        /// Where the problem is shown: the content file a user can rename, when there is one.
        func location(_ source: Source) -> SourceLocation? {
            switch source {
            case let .page(page) where page.isGenerated: return nil
            case let .page(page): return SourceLocation(file: page.displayPath)
            case let .contentFile(path), let .dataFile(path): return SourceLocation(file: content(path))
            default: return nil
            }
        }

        /// What the user can do, `source` being the one shown, `other` the one it collides with
        /// and `folder` the path `other` has, when `source` is inside it.
        func hint(_ source: Source, _ other: Source, folder: String?) -> String {
            let rename: String
            switch source {
            case let .page(page) where folder.map({ page.sourcePath.hasPrefix($0 + "/") }) == true:
                rename = "rename the folder '\(content(folder!))'"
            case let .contentFile(path) where folder.map({ path.hasPrefix($0 + "/") }) == true:
                rename = "rename the folder '\(content(folder!))'"
            case .page: rename = "rename the page or give it another 'slug' in its front matter"
            default: rename = "rename or move the file"
            }
            switch other {
            case .themeAsset: return "\(rename); the theme's assets are published under 'assets/'"
            case .searchIndex: return "\(rename); the site's search index needs that name"
            case .citationDownload: return "\(rename); every page has its 'cite.bib' and 'cite.ris' in its folder"
            case .citationFile, .dataPackage: return "\(rename); the build writes that file"
            case .wholeReport, .standaloneReport, .pdfEdition: return "\(rename), or set 'whole_report: false' under options in site.yml"
            case .referenceList: return "\(rename), or add a page references.md, which then holds the list of references"
            case let .page(page) where page.isGenerated: return "\(rename), or give the folder an index.md of its own"
            case .page: return "\(rename); a page NAME.md is published as NAME/index.html"
            default: return rename
            }
        }

        /// The error for two files: `a` and `b` wanting one path (`folder` nil), or `a` written
        /// inside `folder`, the path of `b`.
        func collision(_ a: (path: String, source: Source), _ b: (path: String, source: Source), folder: String?) -> Diagnostic {
            // Show it at a content file: the one in the pair that has a location.
            let (shown, other) = location(a.source) == nil && location(b.source) != nil ? (b, a) : (a, b)
            let message: String
            if let folder {
                message = "\(describe(a.source)) would be written to '\(a.path)', but '\(folder)' is \(describe(b.source))"
            } else {
                message = "\(describe(shown.source)) and \(describe(other.source)) would both be written to '\(a.path)'"
            }
            return .error(.outputPathCollision, message, at: location(shown.source), hint: hint(shown.source, other.source, folder: shown.path == a.path ? folder : nil))
        }
    }
}
