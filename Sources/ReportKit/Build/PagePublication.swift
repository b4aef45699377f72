import Foundation

/// What a page says about itself as a publication: its byline, the licence and version in its
/// footer, its "Cite this" box with the BibTeX and RIS files beside it, and the `citation_*` meta
/// tags and JSON-LD of its `<head>`. All of it is made from the page's `WorkMetadata` and the
/// data sets it shows, held in its `PageTemplateContext`, so the incremental layout key covers
/// it, and the download files change exactly when the page's context does.
struct PagePublication: Hashable, Sendable {
    var work: WorkMetadata
    /// The data files the page shows (through its tables and charts), in path order.
    var datasets: [DatasetMetadata]
    /// Links from the page to its `.bib` and `.ris` files (data URIs in the stand-alone report).
    var bibHref: String
    var risHref: String
    /// The page's relative prefix to the site root, for links to data files.
    var root: String
    /// The site's citation style, in which the "Cite this" text is written (`CiteThisStyle`).
    var style: CitationStyle = .authorDate

    /// The download files of a page: `cite.bib` and `cite.ris` in the page's folder.
    static func downloadPaths(forPage outputPath: String) -> (bib: String, ris: String) {
        let folder = RelativePath.parent(outputPath)
        let prefix = folder.isEmpty ? "" : folder + "/"
        return (prefix + CitationDownloads.bibTeXFileName, prefix + CitationDownloads.risFileName)
    }

    /// The page's download files, with their text.
    var downloads: [(path: String, text: String)] {
        let paths = Self.downloadPaths(forPage: work.pagePath)
        return [(paths.bib, CitationDownloads.bibTeX(work)), (paths.ris, CitationDownloads.ris(work))]
    }

    /// The publication of the page at `index` of `site`. The home page stands for the whole report.
    init(site: AssembledSite, index: Int) {
        let rendered = site.pages[index]
        let page = rendered.page
        let config = site.content.config
        let root = page.rootPrefix
        if page.outputPath == site.content.edition.homePath {
            work = Self.reportWork(site: site, home: page)
        } else {
            work = WorkMetadata(kind: .page, title: rendered.title, siteTitle: config.title, authors: config.authors,
                                published: page.frontMatter.published ?? config.published, updated: page.frontMatter.updated,
                                version: config.version, licence: config.licence, url: config.url.map { $0 + Self.pageURLPath(page.outputPath) },
                                siteURL: config.url, pagePath: page.outputPath, language: page.frontMatter.lang ?? config.language,
                                pdfURL: Self.pdfURL(site: site, root: root))
        }
        let files = Set(rendered.directives.flatMap(\.dataFiles)).sorted()
        datasets = files.compactMap { path in site.catalog.tables[path].map { Self.dataset($0, publishedAt: site.catalog.csvOutputPath(for: path)) } }
        bibHref = SiteHref.to(CitationDownloads.bibTeXFileName)
        risHref = SiteHref.to(CitationDownloads.risFileName)
        self.root = root
        style = CitationStyle(rawValue: config.citationStyle) ?? .authorDate
    }

    /// The publication of the whole-report page: the report, with every data file; its downloads
    /// are the home page's files at the site root, or, in the stand-alone file, data URIs.
    init(report site: AssembledSite, standalone: Bool) {
        work = Self.reportWork(site: site, home: site.pages.first { $0.page.outputPath == site.content.edition.homePath }?.page)
        datasets = site.catalog.tables.keys.sorted().map { Self.dataset(site.catalog.tables[$0]!, publishedAt: site.catalog.csvOutputPath(for: $0)) }
        root = ""
        style = CitationStyle(rawValue: site.content.config.citationStyle) ?? .authorDate
        if standalone {
            bibHref = Self.dataURI(CitationDownloads.bibTeX(work), type: "application/x-bibtex")
            risHref = Self.dataURI(CitationDownloads.ris(work), type: "application/x-research-info-systems")
        } else {
            bibHref = SiteHref.to(CitationDownloads.bibTeXFileName)
            risHref = SiteHref.to(CitationDownloads.risFileName)
        }
    }

    /// A `data:` URI holding `text` (for the stand-alone report, which has no files beside it).
    static func dataURI(_ text: String, type: String) -> String {
        "data:\(type);charset=utf-8;base64,\(Data(text.utf8).base64EncodedString())"
    }

    /// The whole report as a work: the site's title and details, with the home page's dates.
    static func reportWork(site: AssembledSite, home: Page?) -> WorkMetadata {
        let config = site.content.config
        return WorkMetadata(kind: .report, title: config.title, siteTitle: config.title, authors: config.authors,
                            published: home?.frontMatter.published ?? config.published, updated: home?.frontMatter.updated,
                            version: config.version, licence: config.licence, doi: config.doi, url: config.url, siteURL: config.url,
                            pagePath: site.content.edition.homePath, language: config.language,
                            pdfURL: pdfURL(site: site, root: String(repeating: "../", count: RelativePath.slashCount(site.content.edition.folder))))
    }

    /// `modes/index.html` → `modes/` (the address a server gives the page).
    static func pageURLPath(_ outputPath: String) -> String {
        let path = outputPath.hasSuffix("index.html") ? String(outputPath.dropLast("index.html".count)) : outputPath
        return SiteHref.encodePath(path)
    }

    /// The PDF edition's URL: absolute when the site's address is known (as Google Scholar wants), else relative.
    static func pdfURL(site: AssembledSite, root: String) -> String? {
        guard site.options.pdfEdition else { return nil }
        let pdf = site.content.edition.folder + PDFEdition.fileName
        if let base = site.content.config.url { return base + SiteHref.encodePath(pdf) }
        return SiteHref.to(pdf, from: root)
    }

    /// The published metadata of a data table, published at `path`.
    static func dataset(_ table: DataTable, publishedAt path: String) -> DatasetMetadata {
        let fields = table.columns.map { column -> DatasetMetadata.Field in
            var field = DatasetMetadata.Field(name: column.name, title: column.label == column.name ? nil : column.label,
                                              type: tableSchemaType(column.type), unit: column.unit)
            field.hasNumberAffixes = column.type == .percent
            return field
        }
        return DatasetMetadata(path: path, title: table.title, description: table.notes, source: table.source, units: table.units,
                               licence: table.licence, fields: fields, missingValues: CellParser.missingMarkers.sorted())
    }

    /// The Frictionless Table Schema type of a column type (a percent is a number with a `%`).
    static func tableSchemaType(_ type: ColumnType) -> String {
        switch type {
        case .text: "string"
        case .integer: "integer"
        case .number, .percent: "number"
        case .year: "year"
        case .date: "date"
        }
    }

    /// The link to a data file from this page: absolute when the site's address is known.
    func datasetURL(_ path: String) -> String {
        if let base = work.siteURL { return base + SiteHref.encodePath(path) }
        return SiteHref.to(path, from: root)
    }

    /// What the template sees under `publication` (see `themes/default/templates/page.mustache`).
    func templateValue(strings: [String: String]) -> TemplateValue {
        let citation = CiteThisStyle.text(work, style: style, words: CitationWords(strings: strings))
        var value: [String: TemplateValue] = [
            "authors": .list(work.authors.map { author in
                .nonEmptyStrings(["name": author.displayName, "affiliation": author.affiliation ?? "", "orcid": author.orcidURL ?? ""])
            }),
            "hasAuthors": .bool(!work.authors.isEmpty),
            "cite": .map([
                "html": .string(citation.html), "key": .string(work.citationKey), "bibHref": .string(bibHref), "risHref": .string(risHref),
                "isReport": .bool(work.kind == .report),
            ]),
            "meta": .list(HighwireTags.tags(work).map { .map(["name": .string($0.name), "content": .string($0.content)]) }),
            "jsonLD": .string(StructuredData.jsonLD(work, datasets: datasets, datasetURL: datasetURL)),
        ]
        if let published = work.published { value["published"] = .string(published) }
        if let updated = work.updated, updated != work.published { value["updated"] = .string(updated) }
        if let version = work.version { value["version"] = .string(version) }
        if let licence = work.licence { value["licence"] = .strings(["id": licence.id, "name": licence.name, "url": licence.url]) }
        if let doi = work.doi { value["doi"] = .strings(["id": doi, "url": PublicIdentifiers.doiURL(doi)]) }
        return .map(value)
    }
}
