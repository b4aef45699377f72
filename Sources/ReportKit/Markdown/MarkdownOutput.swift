/// A heading of a page, for its table of contents and for anchor checks.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// Plain text of the heading.
    public var text: String
    /// The id written on the heading element.
    public var id: String
    public var location: SourceLocation

    public init(level: Int, text: String, id: String, location: SourceLocation) {
        self.level = level
        self.text = text
        self.id = id
        self.location = location
    }
}

/// A link from a page to an anchor (`other.md#section` or `#section`), checked once every page is parsed.
public struct AnchorReference: Sendable, Hashable {
    /// Content-relative path of the page the anchor should be on.
    public var page: String
    public var anchor: String
    public var location: SourceLocation
}

/// What the pipeline decides about one link or image URL in a page.
public enum LinkResolution: Sendable, Hashable {
    /// Leave the URL as written (external links, mail).
    case keep
    /// Write this URL instead; when `anchor` is set, check later that it exists on `page`.
    case rewrite(String, anchorCheck: AnchorReference?)
    /// Drop the URL (a dangerous scheme) and report nothing.
    case drop
    /// A broken link: report it.
    case broken(Diagnostic)
}

/// The Markdown body of one page rendered to HTML, with what later stages need from it.
public struct MarkdownOutput: Sendable {
    public var html: String
    /// Headings in document order (the leading `#` title, if removed, is not among them).
    public var headings: [Heading]
    /// A leading level-1 heading that was lifted out of the body to become the page title.
    public var leadingTitle: LeadingTitle?
    /// The first heading's text, for pages without a title.
    public var firstHeading: String?
    public var anchorReferences: [AnchorReference]
    /// Figures and tables this page defines, in reading order.
    public var directives: [RenderedDirective]
    public var diagnostics: [Diagnostic]
    /// Citations in reading order (their HTML holds the hook's text for each).
    public var citations: [CitationUse] = []
}

/// A page's opening `# Heading`, taken out of the body to be shown as the page title.
public struct LeadingTitle: Sendable, Hashable {
    /// What a reader sees, for `<title>`, menus and search.
    public var text: String
    /// The heading's inline HTML (emphasis, code, links), for the page's own `<h1>`.
    public var html: String
}
