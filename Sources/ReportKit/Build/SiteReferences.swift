/// Figure and table numbers, and every anchor of the site: built once all pages are rendered,
/// then used to check links and replace the tokens left in page HTML.
public struct SiteReferences: Sendable {
    /// A numbered figure or table.
    public struct Target: Sendable {
        public var label: String
        public var caption: String
        /// Output path of the page holding it.
        public var pageOutput: String
    }

    public private(set) var targets: [String: Target] = [:]
    /// The site's citations and bibliographies, formatted.
    private(set) var citations = SiteCitations.empty

    /// Numbers figures and tables in reading order, checks every anchor reference, and formats
    /// the citations of every page against `bibliography` in `style`.
    public init(pages: [RenderedPage], strings: InterfaceStrings, bibliography: Bibliography = .empty,
                style: CitationStyle = .authorDate, folder: String = "") throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        citations = SiteCitations(pages: pages, bibliography: bibliography, style: style, strings: strings.table, folder: folder, problems: &problems)
        var counts: [DirectiveBlock.Kind: Int] = [:]
        var firstDefinition: [String: SourceLocation] = [:]
        var anchorsBySource: [String: Set<String>] = [:]
        for rendered in pages {
            var anchors = Set(rendered.headings.map(\.id))
            for directive in rendered.directives {
                if let first = firstDefinition[directive.anchor] {
                    problems.append(.error(.duplicateID, "duplicate id '\(directive.anchor)'", at: directive.location,
                                           hint: "'\(directive.anchor)' is already used at \(first); ids must be unique across the site"))
                    continue
                }
                firstDefinition[directive.anchor] = directive.location
                counts[directive.kind, default: 0] += 1
                let label = strings.format(directive.kind == .table ? .tableLabel : .figureLabel, ["n": String(counts[directive.kind]!)])
                targets[directive.anchor] = Target(label: label, caption: directive.caption,
                                                   pageOutput: rendered.page.outputPath)
                anchors.insert(directive.anchor)
            }
            anchorsBySource[rendered.page.sourcePath] = anchors
        }
        for rendered in pages {
            for reference in rendered.anchorReferences {
                if reference.page.isEmpty {
                    if targets[reference.anchor] == nil {
                        problems.append(.error(.unknownCrossReference, "unknown figure or table '@\(reference.anchor)'", at: reference.location,
                                               hint: Suggestion.hint(for: reference.anchor, in: targets.keys.sorted(), noun: "one of")))
                    }
                } else if let anchors = anchorsBySource[reference.page], !anchors.contains(reference.anchor),
                          !reference.anchor.hasPrefix("fn-"), !reference.anchor.hasPrefix("fnref-") {
                    problems.append(.error(.missingAnchor, "link to missing anchor '#\(reference.anchor)' in '\(reference.page)'", at: reference.location,
                                           hint: Suggestion.hint(for: reference.anchor, in: anchors.sorted(), noun: "an anchor such as")))
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    /// Output path of the site-wide list of references; `nil` when nothing is cited.
    var referenceListPath: String? { citations.listPath }
    /// The list of every work cited, for the whole report (entries `#ref-KEY`); empty when nothing is cited.
    var reportBibliography: String { citations.reportList }
    /// The ids of the reference list's entries (`ref-KEY`).
    var referenceEntryIDs: Set<String> { citations.entryIDs }
    /// The site-wide list, as `referenceListPath` shows it.
    var siteBibliography: String { citations.siteList }
    /// A hash of every formatted citation and bibliography.
    var citationsFingerprint: Int { citations.fingerprint }

    /// `html` of the page at `pageOutput` with figure labels, cross-references and citations filled in.
    public func finalize(_ html: String, pageOutput: String, rootPrefix: String) -> String {
        Token.replace(in: html) { kind, anchor in
            if kind == "C" || kind == "B" || kind == "S" { return citations.replacement(kind: kind, argument: anchor, pageOutput: pageOutput) }
            guard let target = targets[anchor] else { return "" }
            switch kind {
            case "L": return target.label.htmlEscaped
            default:
                let href = target.pageOutput == pageOutput ? "#\(anchor)" : SiteHref.to(target.pageOutput, from: rootPrefix, suffix: "#\(anchor)")
                return "<a class=\"xref\" href=\"\(href.htmlEscaped)\" title=\"\(target.caption.htmlEscaped)\">\(target.label.htmlEscaped)</a>"
            }
        }
    }
}
