/// Everything a build knows before it writes: the input of `SiteWriter` and of `check`.
public struct AssembledSite: Sendable {
    public var options: BuildOptions
    public var content: LoadedContent
    public var catalog: DataCatalog
    public var theme: Theme
    /// Rendered pages in reading order.
    public var pages: [RenderedPage]
    public var references: SiteReferences
    public var warnings: [Diagnostic]
    /// The works pages may cite (`references.bib`, `references.json`).
    public var bibliography: Bibliography = .empty
    /// The other languages' editions of a multilingual site, built from the same data (on the
    /// default edition only; `content.edition` says which language a site is).
    public var translations: [AssembledSite] = []

    public func directiveCount(_ kind: DirectiveBlock.Kind) -> Int {
        pages.reduce(0) { $0 + $1.directives.filter { $0.kind == kind }.count }
    }
}
