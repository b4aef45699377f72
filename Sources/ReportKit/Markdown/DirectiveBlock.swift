/// A fenced code block whose info string is `table` or `chart`: a YAML spec naming a data file
/// and how to show it.
public struct DirectiveBlock: Sendable, Hashable {
    /// Which directive: a data table or a chart.
    public enum Kind: String, Sendable, Hashable {
        case table, chart

        /// The anchor prefix: `tbl-ID` for tables, `fig-ID` for charts.
        public var anchorPrefix: String { self == .table ? "tbl" : "fig" }
    }

    /// The info string of the fence.
    public var kind: Kind
    /// The YAML between the fences.
    public var yaml: String
    /// Location of the first YAML line (the line after the opening fence).
    public var location: SourceLocation
    /// Relative prefix from the page's output file to the site root, e.g. `../` (empty at the root).
    public var rootPrefix: String

    /// A block as the Markdown stage found it.
    public init(kind: Kind, yaml: String, location: SourceLocation, rootPrefix: String) {
        self.kind = kind
        self.yaml = yaml
        self.location = location
        self.rootPrefix = rootPrefix
    }
}

/// The HTML for one directive, ready to be placed in the page.
public struct RenderedDirective: Sendable, Hashable {
    /// Whether this is a table or a chart.
    public var kind: DirectiveBlock.Kind
    /// The anchor id, `fig-ID` or `tbl-ID`; unique across the site.
    public var anchor: String
    /// The caption as plain text (no number), for cross-reference titles.
    public var caption: String
    /// A `<figure>` holding the chart or table. Wherever the figure's number belongs
    /// ("Figure 3"), it contains the `numberToken` it was rendered with.
    public var html: String
    /// Content-relative paths of the data files this directive read.
    public var dataFiles: [String]
    /// Where the spec was written.
    public var location: SourceLocation
    /// Problems that do not stop the build (a chart too tall or with too many series to read);
    /// they become the page's warnings, so build, check and serve report them alike.
    public var warnings: [Diagnostic] = []
    /// Files written beside the page and linked from the figure: the CSV of exactly what it
    /// shows, and for a chart its stand-alone SVG (`DirectiveRenderer+Downloads.swift`).
    public var downloads: [FigureDownload] = []

    /// The rendered figure and what the pipeline needs to number and link it.
    public init(kind: DirectiveBlock.Kind, anchor: String, caption: String, html: String, dataFiles: [String], location: SourceLocation) {
        self.kind = kind
        self.anchor = anchor
        self.caption = caption
        self.html = html
        self.dataFiles = dataFiles
        self.location = location
    }
}

/// A file a figure links, written into the folder of its page under a name made from the
/// figure's anchor (`tbl-largest.csv`, `fig-five.svg`): ids are unique across the site and
/// written in `[a-z0-9-]`, so the names are deterministic and need no escaping.
public struct FigureDownload: Sendable, Hashable {
    /// The file name, in the page's folder.
    public var fileName: String
    /// The file's text (UTF-8).
    public var text: String

    public init(fileName: String, text: String) {
        self.fileName = fileName
        self.text = text
    }
}
