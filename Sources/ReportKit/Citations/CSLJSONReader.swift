import Yams
import Foundation

/// Reads `references.json`: CSL-JSON, an array of items as Zotero and Pandoc export them
/// (`id`, `type`, `title`, `author: [{family, given}]`, `issued: {"date-parts": [[2021, 5]]}`, ...).
/// Read through `YAMLSource` (JSON is YAML), so every problem has its line and column.
/// Titles are kept as written; `<span class="nocase">…</span>` protects text from case changes.
enum CSLJSONReader {
    static func read(_ text: String, file: String) throws(DiagnosticList) -> [(Reference, SourceLocation)] {
        let source: YAMLSource
        do {
            source = try YAMLSource(text, origin: SourceLocation(file: file), what: "CSL-JSON file")
        } catch {
            throw DiagnosticList(error.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.code = .invalidCSLJSON
                diagnostic.message = diagnostic.message.replacingOccurrences(of: "invalid YAML in CSL-JSON file", with: "invalid CSL-JSON")
                diagnostic.hint = "check for a missing ',', quote or closing bracket"
                return diagnostic
            })
        }
        let hint = "references.json is an array of CSL-JSON items: [{\"id\": \"wu2025\", \"type\": \"article-journal\", \"title\": \"...\"}]"
        guard let root = source.root, case let .sequence(items) = root else {
            throw DiagnosticList(.error(.invalidCSLJSON, "expected an array of CSL-JSON items, found \(source.root?.kindName ?? "nothing")",
                                        at: SourceLocation(file: file), hint: hint))
        }
        var references: [(Reference, SourceLocation)] = []
        var problems: [Diagnostic] = []
        for item in items {
            let location = source.location(of: item)
            guard case let .mapping(mapping) = item else {
                problems.append(.error(.invalidCSLJSON, "expected an item (an object), found \(item.kindName)", at: location, hint: hint))
                continue
            }
            var fields: [String: Node] = [:]
            for (key, value) in mapping { if let name = key.scalarText { fields[name] = value } }
            guard let id = fields["id"]?.scalarText, !id.isEmpty else {
                problems.append(.error(.invalidCSLJSON, "CSL-JSON item without an 'id'", at: location, hint: "give every item the key pages cite it by: \"id\": \"wu2025\""))
                continue
            }
            references.append((reference(id: id, fields), location))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return references
    }

    static func reference(id: String, _ fields: [String: Node]) -> Reference {
        let text = { (name: String) -> String? in
            guard let value = fields[name]?.scalarText?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        var reference = Reference(id: id, type: ReferenceType(csl: text("type") ?? "document"))
        reference.title = text("title").map(caseText)
        reference.authors = names(fields["author"])
        reference.editors = names(fields["editor"])
        reference.issued = date(fields["issued"])
        reference.containerTitle = text("container-title").map(caseText)
        reference.collectionTitle = text("collection-title").map(caseText)
        reference.volume = text("volume")
        reference.issue = text("issue")
        reference.pages = text("page")
        reference.number = text("number")
        reference.edition = text("edition")
        reference.publisher = text("publisher")
        reference.publisherPlace = text("publisher-place")
        reference.genre = text("genre")
        reference.doi = text("DOI")
        reference.url = text("URL")
        reference.accessed = date(fields["accessed"])
        reference.note = text("note")
        return reference
    }

    /// `<span class="nocase">x</span>` as a protected span; other markup is kept as text.
    static func caseText(_ text: String) -> CaseText {
        let open = "<span class=\"nocase\">", close = "</span>"
        var spans: [CaseText.Span] = []
        var rest = Substring(text)
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            spans.append(.init(text: String(rest[..<start.lowerBound]), isProtected: false))
            spans.append(.init(text: String(rest[start.upperBound..<end.lowerBound]), isProtected: true))
            rest = rest[end.upperBound...]
        }
        spans.append(.init(text: String(rest), isProtected: false))
        return CaseText(spans: spans)
    }

    static func names(_ node: Node?) -> [PersonName] {
        guard case let .sequence(list)? = node else { return [] }
        return list.compactMap { item in
            guard case let .mapping(mapping) = item else { return nil }
            var parts: [String: String] = [:]
            for (key, value) in mapping { if let k = key.scalarText, let v = value.scalarText { parts[k] = v } }
            let particle = [parts["dropping-particle"], parts["non-dropping-particle"]].compactMap { $0 }.joined(separator: " ")
            return PersonName(family: parts["family"], given: parts["given"], particle: particle.isEmpty ? nil : particle,
                              suffix: parts["suffix"], literal: parts["literal"])
        }
    }

    /// `{"date-parts": [[2021, 5, 3]]}`, `{"literal": "n.d."}` or `{"raw": "2021-05"}`.
    static func date(_ node: Node?) -> ReferenceDate? {
        guard case let .mapping(mapping)? = node else { return nil }
        var fields: [String: Node] = [:]
        for (key, value) in mapping { if let name = key.scalarText { fields[name] = value } }
        if case let .sequence(outer)? = fields["date-parts"], case let .sequence(parts)? = outer.first {
            let numbers = parts.compactMap { $0.scalarText.flatMap { Int($0) } }
            if let year = numbers.first {
                return ReferenceDate(year: year, month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
            }
        }
        if let literal = fields["literal"]?.scalarText { return ReferenceDate(year: nil, literal: literal) }
        if let raw = fields["raw"]?.scalarText { return ReferenceDate(text: raw) }
        return nil
    }
}
