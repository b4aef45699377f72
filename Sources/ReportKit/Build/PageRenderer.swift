/// Renders one page's Markdown (links, directives, cross-reference tokens) against the whole
/// site's pages and data: the unit of work of `SiteBuilder.renderPages` and of incremental rebuilds.
public struct PageRenderer: Sendable {
    let markdown: MarkdownRenderer
    /// Resolves and checks links; `nil` keeps them as written (`BuildOptions.testOnlyUncheckedLinks`).
    let links: LinkResolver?
    let directives: DirectiveRenderer
    let limits: MarkdownLimits
    /// Whether the content has a bibliography (`references.bib`/`.json`): narrative `@key` citations
    /// are recognised (`[@key]` always is).
    let citesWorks: Bool
    /// Where a content page becomes the site-wide list of works cited, in this language's edition.
    let contentListPath: String

    /// A renderer for the pages of `content`, reading data from `catalog`, with the theme's interface
    /// `strings` around figures and its light `chartColours` for exported charts; `checksLinks: false`
    /// is for the GFM spec test only (which also leaves out `ReadingMarkup`).
    public init(content: LoadedContent, catalog: DataCatalog, strings: InterfaceStrings, chartColours: ChartColours = ChartColours(),
                checksLinks: Bool = true) {
        markdown = MarkdownRenderer(allowRawHTML: content.config.allowRawHTML, allowScripts: content.config.allowRawScripts,
                                    smartPunctuation: content.config.smartPunctuation, addsReadingMarkup: checksLinks)
        links = checksLinks ? LinkResolver(pages: content.pages, files: content.staticFiles + content.dataFiles, edition: content.edition) : nil
        var directives = DirectiveRenderer(catalog: catalog, maxChartPoints: content.config.maxChartPoints, strings: strings)
        directives.smartPunctuation = content.config.smartPunctuation
        directives.chartColours = chartColours
        self.directives = directives
        limits = content.config.markdownLimits
        citesWorks = !content.bibliographyFiles.isEmpty
        contentListPath = content.edition.folder + SiteCitations.contentListPath
    }

    /// `Token.pendingLabel`'s bytes, replaced in a directive's HTML once its anchor is known.
    private static let pendingLabel = Array(Token.pendingLabel.utf8)

    /// The rendered page and every problem found in it.
    public func render(_ page: Page) -> (RenderedPage, [Diagnostic]) {
        // Shapes the parser would take minutes over are refused before it sees them.
        if let problem = MarkdownComplexity.check(page.body, file: page.displayPath, firstLine: page.bodyFirstLine, limits: limits) {
            let title = page.frontMatter.title ?? FileNameTitle.title(forPage: page.sourcePath)
            return (RenderedPage(page: page, title: title, titleHTML: title.htmlEscaped, body: "", headings: [], directives: [],
                                 anchorReferences: [], summary: page.frontMatter.summary), [problem])
        }
        let links = self.links
        let directives = self.directives
        var hooks = MarkdownHooks(
            resolveLink: { url, isImage, location in links?.resolve(url, isImage: isImage, in: page, at: location) ?? .keep },
            renderDirective: { block in
                do throws(DiagnosticList) {
                    // The anchor is known only once the spec is read: render with a stand-in, then name it.
                    var rendered = try directives.render(block, numberToken: Token.pendingLabel)
                    rendered.html = rendered.html.replacingEvery(Self.pendingLabel, with: Array(Token.label(rendered.anchor).utf8))
                    return .success(rendered)
                } catch {
                    return .failure(error)
                }
            },
            crossReference: { Token.reference($0) },
            rootPrefix: page.rootPrefix,
            citation: { _, index in Token.citation(index) })
        hooks.numberLabel = { Token.label($0) }
        hooks.narrativeCitations = citesWorks
        // A title in the front matter leaves an opening `# Heading` in the body: the author's text never vanishes.
        let output = markdown.render(page.body, file: page.displayPath, firstLine: page.bodyFirstLine,
                                     liftingLeadingTitle: page.frontMatter.title == nil, hooks: hooks)
        let title = page.frontMatter.title ?? output.leadingTitle?.text ?? output.firstHeading ?? FileNameTitle.title(forPage: page.sourcePath)
        var body = output.html
        // The site-wide list goes on the content's references page; other citing pages get their own.
        if citesWorks && page.outputPath == contentListPath {
            body += Token.siteBibliography + "\n"
        } else if !output.citations.isEmpty {
            body += Token.bibliography + "\n"
        }
        var rendered = RenderedPage(page: page, title: title, titleHTML: output.leadingTitle?.html ?? title.htmlEscaped, body: body,
                                    headings: output.headings, directives: output.directives,
                                    anchorReferences: output.anchorReferences,
                                    summary: page.frontMatter.summary,
                                    warnings: output.diagnostics.filter { $0.severity == .warning })
        rendered.citations = output.citations
        return (rendered, output.diagnostics)
    }
}
