/// Turns `table` and `chart` blocks into HTML, reading data from the catalogue.
public struct DirectiveRenderer: Sendable {
    public var catalog: DataCatalog

    public init(catalog: DataCatalog) {
        self.catalog = catalog
    }

    /// Renders one block. `numberToken` goes wherever the figure or table number belongs.
    public func render(_ block: DirectiveBlock, numberToken: String) throws(DiagnosticList) -> RenderedDirective {
        throw DiagnosticList(.error("\(block.kind.rawValue) directives are not supported yet", at: block.location))
    }
}
