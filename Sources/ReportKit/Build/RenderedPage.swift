/// A page after its Markdown is rendered, before it is wrapped in the theme.
public struct RenderedPage: Sendable {
    public var page: Page
    /// Plain text of the title, for `<title>`, menus and search.
    public var title: String
    /// The title as HTML for the page's heading: `title` escaped, or a lifted `# Heading`'s inline markup.
    public var titleHTML: String
    /// Body HTML; may still hold figure-number and cross-reference tokens.
    public var body: String
    public var headings: [Heading]
    public var directives: [RenderedDirective]
    public var anchorReferences: [AnchorReference]
    /// Plain text of the body, for the search index and descriptions.
    public var summary: String?
    /// The warnings found while rendering it (kept by the incremental builder with the page).
    public var warnings: [Diagnostic] = []
    /// Citations in reading order (the body holds a `Token.citation` for each).
    public var citations: [CitationUse] = []
}
