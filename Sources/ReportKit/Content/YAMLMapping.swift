import Yams

/// A YAML mapping with the source location of each key and value, so that every stage can report
/// a wrong value at the line where it was written. Wraps Yams' node API.
public struct YAMLMapping {
    /// Keys and values in the order they were written.
    public var entries: [(key: String, node: Node)]
    let keyNodes: [String: Node]
    let file: String
    let firstLine: Int

    /// Parses `text` (whose first line is line `firstLine` of `file`) as a mapping.
    /// `what` names the thing being parsed in messages ("front matter", "chart spec").
    public static func parse(_ text: String, file: String, firstLine: Int, what: String) throws(DiagnosticList) -> YAMLMapping {
        let root = try YAMLSource(text, origin: SourceLocation(file: file, line: firstLine, column: 1), what: what).root
        guard let root else { return YAMLMapping(entries: [], keyNodes: [:], file: file, firstLine: firstLine) }
        guard let mapping = root.mapping else {
            throw DiagnosticList(.error(.notAMapping, "\(what) must be a mapping of 'key: value' lines", at: SourceLocation(file: file, line: firstLine),
                                        hint: "write one 'key: value' per line"))
        }
        return try YAMLMapping(mapping: mapping, file: file, firstLine: firstLine, what: what)
    }

    init(entries: [(key: String, node: Node)], keyNodes: [String: Node], file: String, firstLine: Int) {
        self.entries = entries
        self.keyNodes = keyNodes
        self.file = file
        self.firstLine = firstLine
    }

    init(mapping: Node.Mapping, file: String, firstLine: Int, what: String) throws(DiagnosticList) {
        var entries: [(key: String, node: Node)] = []
        var keyNodes: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            if keyNodes[key] != nil {
                let mark = keyNode.mark
                throw DiagnosticList(.error(.duplicateKey, "duplicate key '\(key)' in \(what)",
                                            at: SourceLocation(file: file, line: firstLine + (mark?.line ?? 1) - 1, column: mark?.column ?? 1),
                                            hint: "each key may appear only once"))
            }
            keyNodes[key] = keyNode
            entries.append((key, value))
        }
        self.init(entries: entries, keyNodes: keyNodes, file: file, firstLine: firstLine)
    }

    /// The value for `key`, if present.
    public subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.node
    }

    /// Where a value stands.
    public func location(of node: Node) -> SourceLocation {
        location(of: node.mark)
    }

    /// Where `key` is written (looked up by name: two keys may hold equal values).
    public func location(ofKey key: String) -> SourceLocation {
        location(of: keyNodes[key]?.mark)
    }

    private func location(of mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + (mark?.line ?? 1) - 1, column: mark?.column ?? 1)
    }

    /// `'key' must be EXPECTED` at the value, with a hint showing the value written right.
    func typeError(_ node: Node, key: String, expected: String, example: String) -> DiagnosticList {
        DiagnosticList(.error(.wrongValueType, "'\(key)' must be \(expected)", at: location(of: node), hint: "write it like this: \(key): \(example)"))
    }

    /// A scalar as text (numbers and booleans are accepted as written).
    public func string(_ node: Node, key: String) throws(DiagnosticList) -> String {
        guard let scalar = node.scalar else { throw typeError(node, key: key, expected: "a single value", example: "some text") }
        return scalar.string
    }

    public func int(_ node: Node, key: String) throws(DiagnosticList) -> Int {
        // Plain decimal digits without a leading zero (`weight: 3`) mean what Swift's `Int` reads;
        // anything else (signs, `0x`, octal `010`, `1_000`, `1:30`) goes through Yams' rules.
        if let scalar = node.scalar, scalar.style == .plain, let first = scalar.string.utf8.first, first != UInt8(ascii: "0"),
           scalar.string.utf8.count <= 18, scalar.string.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
           let value = Int(scalar.string) {
            return value
        }
        guard let value = node.int else { throw typeError(node, key: key, expected: "a whole number", example: "3") }
        return value
    }

    public func bool(_ node: Node, key: String) throws(DiagnosticList) -> Bool {
        guard let value = node.bool else { throw typeError(node, key: key, expected: "true or false", example: "true") }
        return value
    }

    /// A list of scalars; a single scalar counts as a list of one.
    public func stringList(_ node: Node, key: String) throws(DiagnosticList) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw typeError(node, key: key, expected: "a list", example: "[first, second]") }
        var values: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else { throw typeError(item, key: key, expected: "a list of single values", example: "[first, second]") }
            values.append(scalar.string)
        }
        return values
    }

    /// A nested mapping.
    public func nested(_ node: Node, key: String) throws(DiagnosticList) -> YAMLMapping {
        guard let mapping = node.mapping else { throw typeError(node, key: key, expected: "a mapping of 'key: value' lines", example: "{name: value}, or 'name: value' lines indented below it") }
        return try YAMLMapping(mapping: mapping, file: file, firstLine: firstLine, what: "'\(key)'")
    }
}
