import Foundation

/// The works a site can cite: every entry of `references.bib` and `references.json`, by key.
public struct Bibliography: Sendable, Hashable {
    /// One work and where it is written, for warnings about it.
    public struct Entry: Sendable, Hashable {
        public var reference: Reference
        public var location: SourceLocation
    }

    public private(set) var entries: [String: Entry] = [:]

    public init() {}

    /// A bibliography of `references` (made in code; locations point at `file`).
    public init(references: [Reference], file: String = "references.bib") {
        for reference in references { entries[reference.id] = Entry(reference: reference, location: SourceLocation(file: file)) }
    }

    public static let empty = Bibliography()

    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.keys.sorted() }
    public var references: [Reference] { keys.map { entries[$0]!.reference } }

    /// Reads the bibliography files (`paths`, content-relative) of the content folder at
    /// `contentPath`; `display` names a path in messages. A file that cannot be read is reported
    /// and left out; of two entries with one key the first is kept and the second reported.
    public static func load(contentPath: String, paths: [String], display: (String) -> String) -> (Bibliography, [Diagnostic]) {
        var bibliography = Bibliography()
        var problems: [Diagnostic] = []
        for path in paths.sorted() {
            let file = display(path)
            do throws(DiagnosticList) {
                let text = try SourceText.read(path: contentPath + "/" + path, displayPath: file)
                let read: [(Reference, SourceLocation)]
                if path.lowercased().hasSuffix(".json") {
                    read = try CSLJSONReader.read(text, file: file)
                } else {
                    read = try BibTeXParser.parse(text, file: file).map { (BibTeXMapping.reference($0), $0.location) }
                }
                for (reference, location) in read {
                    if let first = bibliography.entries[reference.id] {
                        problems.append(.error(.duplicateCitationKey, "citation key '\(reference.id)' is used twice", at: location,
                                               hint: "the first entry with this key is at \(first.location); give one of them another key"))
                        continue
                    }
                    bibliography.entries[reference.id] = Entry(reference: reference, location: location)
                }
            } catch {
                problems += error.diagnostics
            }
        }
        return (bibliography, problems)
    }
}
