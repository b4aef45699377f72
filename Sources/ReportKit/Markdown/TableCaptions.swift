import CcmarkGFM
import Foundation

/// Captions for tables written in Markdown (pipe tables), numbered and cross-referenced like the
/// tables of `table` blocks. The caption is the paragraph right after the table (a blank line
/// between them), starting with `Table:`; an id may close it:
///
/// ```markdown
/// | Theme | Paper 000 | Paper 003 |
/// |---|---|---|
/// | Credit | … | … |
///
/// Table: What each paper says about credit {#tbl-credit-views}
/// ```
///
/// The table then becomes `<figure class="figure figure-table" id="tbl-credit-views">` with the
/// caption (and its number, "Table 4") in the `<caption>`, and `@tbl-credit-views` links to it.
/// Without an id, the anchor is `tbl-` and the caption's slug. Only tables at the top level of a
/// page (not inside lists or quotes) take a caption.
extension DocumentPass {
    static let captionPrefix = "Table:"

    mutating func captionTables() {
        var node = cmark_node_first_child(document)
        while let current = node {
            node = cmark_node_next(current)
            guard let typeName = cmark_node_get_type_string(current), String(cString: typeName) == "table" else { continue }
            let labels = MarkdownTableCards.labels(of: current, pass: self)
            guard let paragraph = cmark_node_next(current), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
                  literal(of: first).hasPrefix(Self.captionPrefix) else {
                if let labels { replace(current, withHTML: MarkdownTableCards.cards(tableHTML(current), labels: labels)) }
                continue
            }
            node = cmark_node_next(paragraph)
            caption(table: current, paragraph: paragraph, cardLabels: labels)
        }
    }

    /// cmark-gfm's HTML for a table node.
    func tableHTML(_ table: OpaquePointer) -> String {
        MarkdownRenderer.html(of: table, options: CMARK_OPT_UNSAFE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES, extensions: extensions)
    }

    /// Replaces `table` and its caption `paragraph` with one figure.
    mutating func caption(table: OpaquePointer, paragraph: OpaquePointer, cardLabels: [String]?) {
        let location = location(of: paragraph)
        var captionHTML = MarkdownRenderer.html(of: paragraph, options: CMARK_OPT_UNSAFE, extensions: extensions)
        var captionText = plainText(of: paragraph)
        for prefix in ["<p>", Self.captionPrefix] where captionHTML.hasPrefix(prefix) { captionHTML.removeFirst(prefix.count) }
        if captionHTML.hasSuffix("</p>\n") { captionHTML.removeLast("</p>\n".count) }
        if captionText.hasPrefix(Self.captionPrefix) { captionText.removeFirst(Self.captionPrefix.count) }
        var id: String?
        if let (html, written) = Self.splitID(captionHTML) {
            captionHTML = html
            id = written
            captionText = Self.splitID(captionText)?.text ?? captionText
        }
        captionHTML = captionHTML.trimmingSpaces
        captionText = captionText.trimmingSpaces
        let anchor = id ?? "tbl-" + Slug.make(captionText)
        guard anchor.hasPrefix("tbl-"), anchor.count > 4, DirectiveBlock.isValidID(String(anchor.dropFirst(4))) else {
            diagnostics.append(.error(.invalidID, "invalid table id '\(anchor)' in a table caption", at: location,
                                      hint: "write the id as {#tbl-NAME} at the end of the caption, NAME in lowercase letters, digits and hyphens"))
            return
        }
        var tableHTML = self.tableHTML(table)
        if let cardLabels { tableHTML = MarkdownTableCards.cards(tableHTML, labels: cardLabels) }
        let caption = "<caption id=\"\(anchor)-caption\"><span class=\"figure-label\">\(hooks.numberLabel(anchor))</span> \(captionHTML)</caption>\n"
        for open in ["<table>\n", "<table class=\"table-cards\">\n"] where tableHTML.hasPrefix(open) {
            tableHTML = "<table class=\"data-table\(cardLabels == nil ? "" : " table-cards")\">\n" + caption + tableHTML.dropFirst(open.count)
        }
        let html = "<figure class=\"figure figure-table\" id=\"\(anchor)\">\n"
            + "<div class=\"table-scroll\(cardLabels == nil ? "" : " table-scroll-cards")\" role=\"region\" aria-labelledby=\"\(anchor)-caption\" tabindex=\"0\">\n"
            + tableHTML + "</div>\n</figure>\n"
        directives.append(RenderedDirective(kind: .table, anchor: anchor, caption: captionText, html: html, dataFiles: [], location: location))
        cmark_node_unlink(paragraph)
        cmark_node_free(paragraph)
        replace(table, withHTML: html)
    }

    /// `text` ending in `{#id}` (spaces around allowed): the text before it and the id.
    static func splitID(_ text: String) -> (text: String, id: String)? {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
        let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        return (String(trimmed[..<open.lowerBound]), id)
    }
}

extension DirectiveBlock {
    /// Whether `name` (a `table`/`chart` id, or a caption's id without its `tbl-`) matches
    /// `[a-z0-9][a-z0-9-]*`: the one rule for figure and table ids.
    static func isValidID(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isLowerAlphanumericASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isLowerAlphanumericASCII || $0 == "-" }
    }
}
