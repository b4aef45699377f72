import Yams

/// The printed page size of `options: paper` in `site.yml`: what `@page { size: … }` says on every
/// page, so that printing from a browser and the PDF edition (`reportgen pdf`) use it.
public enum PaperSize: String, Sendable, Hashable, CaseIterable {
    case a4
    case letter

    /// The CSS `size` value.
    public var css: String {
        switch self {
        case .a4: return "A4"
        case .letter: return "letter"
        }
    }

    /// Reads the option's value (`a4`, `A4`, `letter`, `Letter`).
    static func read(_ node: Node, in options: YAMLMapping) throws(DiagnosticList) -> PaperSize {
        let text = try options.string(node, key: "paper")
        if let size = PaperSize(rawValue: text.lowercased()) { return size }
        throw DiagnosticList(.error(.unknownPaperSize, "unknown paper size '\(text)' in site.yml", at: options.location(of: node),
                                    hint: "write 'paper: a4' or 'paper: letter'"))
    }
}
