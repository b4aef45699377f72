import Yams

/// A YAML text parsed with Yams into nodes that remember where they were written, so errors in
/// data-file metadata and directive specs can point at the exact line and column.
///
/// Every YAML the tool reads comes through here (`site.yml`, front matter, data `.yml`, JSON data,
/// directive specs, `theme.yml`), and so gets the same guards: no control characters, written or
/// escaped (see `ControlCharacters`), and aliases bounded (see `YAMLAliasBudget`).
struct YAMLSource {
    /// Where the YAML's first line sits in the file the user edits.
    var origin: SourceLocation
    /// The parsed document; `nil` for an empty document.
    var root: Node?

    /// Parses `text`; `origin` is the location of its first line (column offsets are not shifted).
    init(_ text: String, origin: SourceLocation, what: String) throws(DiagnosticList) {
        self.origin = origin
        if let found = ControlCharacters.first(in: text) {
            throw DiagnosticList(.error(.controlCharacter, "control character \(found.name) in \(what)",
                                        at: SourceLocation(file: origin.file, line: origin.line + found.line - 1, column: found.column),
                                        hint: "control characters cannot appear in a page; delete it (it often comes with text pasted from another program)"))
        }
        if let alias = YAMLAliasBudget.exceeded(in: text) {
            throw DiagnosticList(.error(.yamlAliasLimit, "the aliases in \(what) stand for more than \(NumberFormat().format(Double(YAMLAliasBudget.limit))) values",
                                        at: SourceLocation(file: origin.file, line: origin.line + alias.line, column: alias.column + 1),
                                        hint: "an alias (*name) repeats everything its anchor (&name) holds, and aliases inside anchors multiply; "
                                            + "write the values out, or use fewer nested aliases"))
        }
        do {
            // `.basic`: no implicit tag resolution. Yams' default resolver runs a regular expression
            // per plain scalar to tag it int/bool/null/timestamp; we never read tags (numbers and
            // booleans are parsed from the scalar's text by `Node.int`/`.bool`), and it was most of
            // the cost of reading front matter. No constructor maps either (`.default` builds its
            // dictionaries anew on every call; nodes are read, never constructed into Swift values).
            // The encoding is named: `.default` reads the whole process environment on every call.
            root = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8)
        } catch let error as YamlError {
            throw DiagnosticList(Self.diagnostic(for: error, in: text, origin: origin, what: what))
        } catch {
            throw DiagnosticList(.error(.invalidYAML, "invalid YAML in \(what): \(error)", at: origin, hint: Self.syntaxHint))
        }
        // Escapes in double-quoted values (`\0`, `\x01`, `\u0000`) write control characters too.
        if let root, text.utf8.contains(byte: UInt8(ascii: "\\")), let node = Self.firstScalarWithControlCharacter(in: root) {
            let found = ControlCharacters.first(in: node.scalarText ?? "").map(\.name) ?? "character"
            throw DiagnosticList(.error(.controlCharacter, "control character \(found) in \(what), written as an escape", at: location(of: node),
                                        hint: "an escape such as \\0, \\x01 or \\u0000 in a quoted value writes a control character, "
                                            + "which cannot appear in a page; remove it"))
        }
    }

    /// The first scalar (key or value, in document order) holding a control character. Walks with
    /// a stack of its own: nesting is bounded by libyaml, aliases by `YAMLAliasBudget`.
    static func firstScalarWithControlCharacter(in root: Node) -> Node? {
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case let .scalar(scalar):
                if ControlCharacters.any(in: scalar.string) { return node }
            case let .sequence(sequence):
                pending += sequence.reversed()
            case let .mapping(mapping):
                for (key, value) in mapping.reversed() { pending += [value, key] }
            case .alias:
                break
            }
        }
        return nil
    }

    /// The location in the user's file of something Yams marked at `mark` (1-based within the YAML).
    func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return origin }
        return SourceLocation(file: origin.file, line: origin.line + mark.line - 1, column: mark.column)
    }

    /// The location of `node` in the user's file.
    func location(of node: Node) -> SourceLocation {
        location(of: node.mark)
    }

    static let syntaxHint = "check the indentation, and quote values that start with a special character such as [ { * & ! | > % @"

    /// A diagnostic for a Yams syntax error, at the line Yams reports.
    static func diagnostic(for error: YamlError, in text: String, origin: SourceLocation, what: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: origin.file, line: origin.line + mark.line - 1, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML in \(what): \(problem)"
            if let context { message += " (\(context.text))" }
            var hint = problem.contains("mapping values are not allowed")
                ? "quote a value that contains ': ', e.g. caption: \"Loans: 2023\"" : nil
            if hint == nil, context?.text.contains("flow") == true {
                hint = "a value starting with '[' or '{' is read as a list or mapping: close it, or quote the value"
            }
            if hint == nil { hint = syntaxHint }
            return .error(.invalidYAML, message, at: at(mark), hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            // Yams marks the mapping; point at the key's second occurrence when it is a block key.
            var location = at(context.mark)
            if let key = duplicates.first {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let hits = lines.indices.filter { lines[$0].drop(while: { $0 == " " }).hasPrefix(key + ":") }
                if hits.count >= 2 {
                    let column = lines[hits[1]].prefix(while: { $0 == " " }).count + 1
                    location = SourceLocation(file: origin.file, line: origin.line + hits[1], column: column)
                }
            }
            return .error(.duplicateKey, "duplicate key \(keys) in \(what)", at: location, hint: "each key may appear only once")
        case let .reader(problem, offset, _, _):
            // `offset` counts Characters from the start of the text.
            var location = origin
            if let offset, let end = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) {
                let before = text[..<end]
                let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
                location = SourceLocation(file: origin.file, line: origin.line + before.count(where: { $0 == "\n" }),
                                          column: before[lineStart...].unicodeScalars.count + 1)
            }
            return .error(.invalidYAML, "invalid YAML in \(what): \(problem)", at: location,
                          hint: "save the file as UTF-8 text; characters such as control characters cannot appear in YAML")
        default:
            return .error(.invalidYAML, "invalid YAML in \(what): \(error)", at: origin, hint: syntaxHint)
        }
    }
}

extension Node {
    /// The scalar's text, or `nil` for mappings and sequences.
    var scalarText: String? {
        if case let .scalar(scalar) = self { return scalar.string }
        return nil
    }

    /// Whether this is a plain (unquoted) scalar such as a number, `true` or `null`.
    var isPlainScalar: Bool {
        if case let .scalar(scalar) = self { return scalar.style == .plain || scalar.style == .any }
        return false
    }

    /// Whether this is a plain `null` / `~` / empty scalar.
    var isNull: Bool {
        guard isPlainScalar, let text = scalarText else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// A short name of the node's kind for error messages.
    var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
