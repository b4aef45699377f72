import CcmarkGFM
import Foundation

/// What the pipeline supplies to render one page: how to resolve its links, render its
/// directives and mark its cross-references. Only this stage sees cmark-gfm.
public struct MarkdownHooks: Sendable {
    /// Decides what a link or image URL becomes; `isImage` is true for images.
    public var resolveLink: @Sendable (_ url: String, _ isImage: Bool, _ location: SourceLocation) -> LinkResolution
    /// Renders a `table` or `chart` block.
    public var renderDirective: @Sendable (DirectiveBlock) -> Result<RenderedDirective, DiagnosticList>
    /// The HTML placed where the text says `@fig-id` / `@tbl-id` (usually a token resolved later).
    public var crossReference: @Sendable (_ anchor: String) -> String
    /// Relative prefix from the page to the site root (`../`), handed to directives.
    public var rootPrefix: String
    /// The HTML placed where the text cites (`[@key]`, `@key`), given the citation and its index
    /// among the page's citations; `nil` leaves citation syntax as text.
    public var citation: (@Sendable (_ citation: Citation, _ index: Int) -> String)?
    /// Whether a bare `@key` in running text is a citation too (when the site has a bibliography).
    public var narrativeCitations = false
    /// The HTML placed where a captioned Markdown table's number goes ("Table 3"; usually a token resolved later).
    public var numberLabel: @Sendable (_ anchor: String) -> String = { _ in "" }

    public init(resolveLink: @escaping @Sendable (String, Bool, SourceLocation) -> LinkResolution = { _, _, _ in .keep },
                renderDirective: @escaping @Sendable (DirectiveBlock) -> Result<RenderedDirective, DiagnosticList> = { block in
                    .failure(DiagnosticList(.error(.internalError, "\(block.kind.rawValue) directives are not available here", at: block.location)))
                },
                crossReference: @escaping @Sendable (String) -> String = { "<a href=\"#\($0)\">\($0)</a>" },
                rootPrefix: String = "",
                citation: (@Sendable (Citation, Int) -> String)? = nil) {
        self.citation = citation
        self.resolveLink = resolveLink
        self.renderDirective = renderDirective
        self.crossReference = crossReference
        self.rootPrefix = rootPrefix
    }
}

/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm (tables, footnotes, strikethrough,
/// autolinks, task lists, tag filter), adding heading ids, link rewriting, directives and
/// cross-references on the way.
public struct MarkdownRenderer: Sendable {
    /// Whether raw HTML in Markdown passes through (`options: raw_html: true` in `site.yml`).
    public var allowRawHTML: Bool
    /// Whether scripts pass too: event-handler attributes and `javascript:` URLs in raw HTML and
    /// links (`options: raw_html_scripts: true`); see `RawHTMLFilter`.
    public var allowScripts: Bool
    /// Curly quotes and dashes from `"`, `'`, `--`, `---` (`CMARK_OPT_SMART`; `options: smart_punctuation` in `site.yml`).
    public var smartPunctuation: Bool
    /// Whether `ReadingMarkup` marks the HTML (footnote separators, `class="url"`); off only for
    /// the GFM spec test, which compares cmark-gfm's own HTML.
    public var addsReadingMarkup: Bool

    public init(allowRawHTML: Bool = false, allowScripts: Bool = false, smartPunctuation: Bool = false, addsReadingMarkup: Bool = true) {
        Self.registerExtensions
        self.allowRawHTML = allowRawHTML
        self.allowScripts = allowScripts
        self.smartPunctuation = smartPunctuation
        self.addsReadingMarkup = addsReadingMarkup
    }

    /// Registers the GFM extensions once per process (cmark-gfm keeps them in a global registry).
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm's syntax extensions. GFM's tag filter is applied by `TagFilter` to the author's raw
    /// HTML only: cmark-gfm's own `tagfilter` would also break the `<title>` of our inline SVG charts.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Renders `markdown`, whose first line is line `firstLine` of `file` (after any front matter).
    /// With `liftingLeadingTitle`, a level-1 heading that opens the page is taken out of the body
    /// and returned as `leadingTitle`; without it (the front matter gives the title) it stays in the body.
    public func render(_ markdown: String, file: String, firstLine: Int = 1, liftingLeadingTitle: Bool = true,
                       hooks: MarkdownHooks = MarkdownHooks()) -> MarkdownOutput {
        if let problem = NoncharacterReferences.firstProblem(in: markdown, file: file, firstLine: firstLine) ?? Self.controlCharacter(in: markdown, file: file, firstLine: firstLine) {
            return MarkdownOutput(html: "", headings: [], leadingTitle: nil, firstHeading: nil, anchorReferences: [],
                                  directives: [], diagnostics: [problem])
        }
        let parseOptions = CMARK_OPT_FOOTNOTES | (smartPunctuation ? CMARK_OPT_SMART : 0)
        guard let parser = cmark_parser_new(parseOptions) else {
            return MarkdownOutput(html: "", headings: [], leadingTitle: nil, firstHeading: nil, anchorReferences: [],
                                  directives: [], diagnostics: [.error(.internalError, "cannot create the Markdown parser", at: SourceLocation(file: file))])
        }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        let parsed = CmarkParseLock.parse(markdown, with: parser)
        guard let document = parsed else {
            return MarkdownOutput(html: "", headings: [], leadingTitle: nil, firstHeading: nil, anchorReferences: [],
                                  directives: [], diagnostics: [.error(.internalError, "cannot parse the Markdown", at: SourceLocation(file: file))])
        }
        defer { cmark_node_free(document) }

        // `[@key]` is parsed as three text nodes (`[`, `@key`, `]`): joined, a citation is one string
        // (skipped, with its cost, on pages without an `@`).
        if hooks.citation != nil && markdown.utf8.contains(byte: UInt8(ascii: "@")) { cmark_consolidate_text_nodes(document) }
        var pass = DocumentPass(document: document, file: file, firstLine: firstLine, hooks: hooks, allowRawHTML: allowRawHTML,
                                allowScripts: allowScripts, liftsLeadingTitle: liftingLeadingTitle, extensions: cmark_parser_get_syntax_extensions(parser))
        pass.run()

        let renderOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        let cmarkHTML = Self.html(of: document, options: renderOptions, extensions: cmark_parser_get_syntax_extensions(parser))
        let html = addsReadingMarkup ? ReadingMarkup.apply(cmarkHTML) : cmarkHTML
        return MarkdownOutput(html: html, headings: pass.headings, leadingTitle: pass.leadingTitle, firstHeading: pass.firstHeading,
                              anchorReferences: pass.anchorReferences, directives: pass.directives, diagnostics: pass.diagnostics,
                              citations: pass.citations)
    }

    /// A control character in the page's text (HTML forbids them; see `ControlCharacters`), refused
    /// like one in front matter or data rather than passed into the page.
    static func controlCharacter(in markdown: String, file: String, firstLine: Int) -> Diagnostic? {
        guard let found = ControlCharacters.first(in: markdown) else { return nil }
        return .error(.controlCharacter, "control character \(found.name) in the page's text",
                      at: SourceLocation(file: file, line: firstLine + found.line - 1, column: found.column),
                      hint: "control characters cannot appear in a page; delete it (it is invisible in most editors: "
                          + "it often comes from text pasted from a PDF or a terminal)")
    }

    /// cmark-gfm's HTML for a node and its subtree.
    static func html(of node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        guard let cString = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }
}

/// One walk over a parsed document: the only code that touches cmark-gfm nodes.
struct DocumentPass {
    let document: OpaquePointer
    let file: String
    let firstLine: Int
    let hooks: MarkdownHooks
    let allowRawHTML: Bool
    let allowScripts: Bool
    /// Take a level-1 heading that opens the document out of the body, as `leadingTitle`.
    let liftsLeadingTitle: Bool
    let extensions: UnsafeMutablePointer<cmark_llist>?

    var headings: [Heading] = []
    var leadingTitle: LeadingTitle?
    var firstHeading: String?
    var anchorReferences: [AnchorReference] = []
    var directives: [RenderedDirective] = []
    var diagnostics: [Diagnostic] = []
    var citations: [CitationUse] = []
    var ids = Slug.Registry()

    init(document: OpaquePointer, file: String, firstLine: Int, hooks: MarkdownHooks, allowRawHTML: Bool, allowScripts: Bool, liftsLeadingTitle: Bool,
         extensions: UnsafeMutablePointer<cmark_llist>?) {
        self.document = document
        self.file = file
        self.firstLine = firstLine
        self.hooks = hooks
        self.allowRawHTML = allowRawHTML
        self.allowScripts = allowScripts
        self.liftsLeadingTitle = liftsLeadingTitle
        self.extensions = extensions
    }

    mutating func run() {
        let title = liftsLeadingTitle ? leadingHeading() : nil
        // Collect first, modify after: cmark's iterator must not see nodes being replaced.
        var texts: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var rawHTML: [OpaquePointer] = []
        var headingNodes: [(node: OpaquePointer, text: String, chosenID: ExplicitHeadingID?)] = []
        var codeBlocks: [OpaquePointer] = []
        var insideTitle = false
        // Text inside a link is left alone by cross-references (links would nest): counted on the
        // way, since walking up from each text node costs the nesting depth every time.
        var linkDepth = 0
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if node == title { insideTitle = event == CMARK_EVENT_ENTER }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK { linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1 }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            // The title's text keeps `@fig-…` as written: its HTML is not finalized like the body's.
            case CMARK_NODE_TEXT where !insideTitle: if linkDepth == 0 { texts.append(node) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: links.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: rawHTML.append(node)
            case CMARK_NODE_HEADING:
                let chosenID = ExplicitHeadingID.take(from: node)
                let text = plainText(of: node)
                if firstHeading == nil { firstHeading = text }
                if node != title { headingNodes.append((node, text, chosenID)) }
            case CMARK_NODE_CODE_BLOCK: codeBlocks.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)

        for node in rawHTML {
            if allowRawHTML {
                let html = literal(of: node)
                let filtered = RawHTMLFilter.apply(html, allowScripts: allowScripts)
                if filtered.html != html { cmark_node_set_literal(node, filtered.html) }
                for url in filtered.networkImages { warnNetworkImage(url, at: node) }
            } else {
                let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
                cmark_node_set_literal(node, isBlock ? "<!-- raw HTML omitted -->\n" : "<!-- raw HTML omitted -->")
            }
        }
        for node in links { resolve(link: node) }
        if let title { lift(title: title) }
        for node in texts { markCrossReferences(in: node) }
        reserve(chosenIDs: headingNodes.compactMap { heading in heading.chosenID.map { ($0, location(of: heading.node)) } })
        for heading in headingNodes { place(heading: heading.node, text: heading.text, chosenID: heading.chosenID) }
        for node in codeBlocks { renderDirective(node) }
        captionTables()
    }

    // MARK: Locations

    func location(of node: OpaquePointer) -> SourceLocation {
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        var current: OpaquePointer? = node
        while line == 0, let parent = current.flatMap({ cmark_node_parent($0) }) {
            line = Int(cmark_node_get_start_line(parent))
            column = Int(cmark_node_get_start_column(parent))
            current = parent
        }
        return SourceLocation(file: file, line: firstLine + max(line, 1) - 1, column: max(column, 1))
    }

    func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The text a reader sees in a node's subtree (text and inline code).
    func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { text += literal(of: child) }
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { text += " " }
        }
        cmark_iter_free(iterator)
        return text.trimmingSpaces
    }

    // MARK: Links

    mutating func resolve(link node: OpaquePointer) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        if !allowScripts && URLSafety.isDangerous(url) {
            cmark_node_set_url(node, "")
            return
        }
        if isImage && plainText(of: node).isEmpty {
            diagnostics.append(.warning(.imageWithoutAlt, "image '\(url)' has no alt text", at: location(of: node),
                                        hint: "describe what the image shows for readers who cannot see it: ![description](\(url))"))
        }
        if isImage && URLSafety.loadsFromNetwork(url) { warnNetworkImage(url, at: node) }
        switch hooks.resolveLink(url, isImage, location(of: node)) {
        case .keep: break
        case .drop: cmark_node_set_url(node, "")
        case let .rewrite(newURL, anchorCheck):
            cmark_node_set_url(node, cmarkText(newURL))
            if let anchorCheck { anchorReferences.append(anchorCheck) }
        case let .broken(diagnostic):
            diagnostics.append(diagnostic)
        }
    }

    /// An image the page loads from the network: the site then no longer reads offline.
    mutating func warnNetworkImage(_ url: String, at node: OpaquePointer) {
        diagnostics.append(.warning(.networkImage, "image '\(url)' is loaded from the network, so the site no longer reads offline", at: location(of: node),
                                    hint: "download the image into the content folder and link to it by its path, e.g. ![description](images/name.png)"))
    }

    // MARK: Cross-references

    /// Replaces `@fig-id` and `@tbl-id` in a text node (outside links) with the cross-reference
    /// HTML, and citations (`[@key]`, `@key`) with the citation HTML.
    mutating func markCrossReferences(in node: OpaquePointer) {
        // Most text holds no `@`: look in the C string before making a Swift one.
        guard let literal = cmark_node_get_literal(node), strchr(literal, Int32(UInt8(ascii: "@"))) != nil else { return }
        let text = String(cString: literal)
        let found = hooks.citation == nil ? [] : CitationScanner.scan(text, narrative: hooks.narrativeCitations)
        let references = CrossReferenceScanner.scan(text).filter { reference in
            !found.contains { $0.range.overlaps(reference.range) }
        }
        guard !references.isEmpty || !found.isEmpty else { return }
        let start = location(of: node)
        var marks: [(range: Range<String.Index>, html: String)] = references.map { reference in
            anchorReferences.append(AnchorReference(page: "", anchor: reference.anchor, location: start))
            return (reference.range, hooks.crossReference(reference.anchor))
        }
        for match in found {
            let column = start.column + text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
            citations.append(CitationUse(citation: match.citation, location: SourceLocation(file: start.file, line: start.line, column: column)))
            marks.append((match.range, hooks.citation?(match.citation, citations.count - 1) ?? ""))
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        var cursor = text.startIndex
        for mark in marks {
            let before = String(text[cursor..<mark.range.lowerBound])
            if !before.isEmpty, let textNode = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(textNode, before)
                cmark_node_insert_before(node, textNode)
            }
            if let htmlNode = cmark_node_new(CMARK_NODE_HTML_INLINE) {
                cmark_node_set_literal(htmlNode, cmarkText(mark.html))
                cmark_node_insert_before(node, htmlNode)
            }
            cursor = mark.range.upperBound
        }
        cmark_node_set_literal(node, String(text[cursor...]))
    }

    // MARK: Headings

    /// The level-1 heading that opens the document, if it does.
    func leadingHeading() -> OpaquePointer? {
        guard let first = cmark_node_first_child(document), cmark_node_get_type(first) == CMARK_NODE_HEADING,
              cmark_node_get_heading_level(first) == 1 else { return nil }
        return first
    }

    /// Takes the leading heading out of the body as the page title, keeping its inline markup
    /// (emphasis, code, links already resolved) for the page's `<h1>`.
    mutating func lift(title node: OpaquePointer) {
        let text = plainText(of: node)
        let html = MarkdownRenderer.html(of: node, options: CMARK_OPT_UNSAFE, extensions: extensions)
        let (open, close) = ("<h1>", "</h1>\n")
        let inline = html.hasPrefix(open) && html.hasSuffix(close) ? String(html.dropFirst(open.count).dropLast(close.count)) : text.htmlEscaped
        leadingTitle = LeadingTitle(text: text, html: inline)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Reserves the ids authors chose with `{#id}` before any id is made from a heading's text, so a
    /// made id never takes one (`overview` before a later `{#overview}` becomes `overview-2`).
    mutating func reserve(chosenIDs: [(id: ExplicitHeadingID, location: SourceLocation)]) {
        var seen: Set<String> = []
        for (chosen, location) in chosenIDs {
            if !chosen.isValid {
                diagnostics.append(.error(.invalidHeadingID, "invalid heading id '{#\(chosen.id)}'", at: location,
                                          hint: "an id is letters, digits, '-' and '_', starting with a letter or digit, e.g. {#credit-reporting}"))
            } else if !seen.insert(chosen.id).inserted {
                diagnostics.append(.error(.duplicateHeadingID, "two headings of this page have the id '\(chosen.id)'", at: location,
                                          hint: "give each heading its own {#id}, or drop the {#id} to get one made from the heading's text"))
            }
        }
        ids = Slug.Registry(reserved: seen)
    }

    mutating func place(heading node: OpaquePointer, text: String, chosenID: ExplicitHeadingID? = nil) {
        let level = Int(cmark_node_get_heading_level(node))
        let id = chosenID.flatMap { $0.isValid ? $0.id : nil } ?? ids.unique(for: text)
        headings.append(Heading(level: level, text: text, id: id, location: location(of: node)))
        var html = MarkdownRenderer.html(of: node, options: CMARK_OPT_UNSAFE, extensions: extensions)
        let tag = "<h\(level)"
        if html.hasPrefix(tag) {
            html.insert(contentsOf: " id=\"\(id.htmlEscaped)\"", at: html.index(html.startIndex, offsetBy: tag.count))
        }
        replace(node, withHTML: html)
    }

    // MARK: Directives

    mutating func renderDirective(_ node: OpaquePointer) {
        let info = (cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "").trimmingSpaces
        guard let kind = DirectiveBlock.Kind(rawValue: info) else { return }
        let start = location(of: node)
        let block = DirectiveBlock(kind: kind, yaml: literal(of: node), location: SourceLocation(file: file, line: start.line + 1, column: 1),
                                   rootPrefix: hooks.rootPrefix)
        switch hooks.renderDirective(block) {
        case let .success(rendered):
            directives.append(rendered)
            diagnostics += rendered.warnings
            replace(node, withHTML: rendered.html + "\n")
        case let .failure(list):
            diagnostics += list.diagnostics
        }
    }

    func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let htmlNode = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(htmlNode, cmarkText(html))
        cmark_node_replace(node, htmlNode)
        cmark_node_free(node)
    }
}

/// Text handed to cmark-gfm from outside the parsed document (a hook's HTML or URL). cmark-gfm
/// takes C strings, which end at the first NUL: a figure whose HTML held one was cut there, its SVG
/// and the rest of the page lost without an error. Data and specs are refused when they hold
/// control characters (`ControlCharacters`), so none should arrive; whatever a hook returns, NUL
/// becomes U+FFFD, as cmark-gfm does itself in the Markdown it parses.
private func cmarkText(_ text: String) -> String {
    guard text.utf8.contains(byte: 0) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { scalars.append(scalar == "\0" ? "\u{FFFD}" : scalar) }
    return String(scalars)
}
