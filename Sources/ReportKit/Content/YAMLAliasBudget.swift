import CYaml

/// A bound on how much YAML aliases may expand, checked before Yams builds any node.
///
/// An alias (`*name`) stands for everything its anchor (`&name`) holds, and an anchor may hold
/// aliases of earlier anchors: nine lines of `&a9 [*a8, *a8, …]` stand for billions of values.
/// Yams shares the repeated nodes, but checks every mapping for duplicate keys by hashing them, so
/// one alias used as a key (`? *a9`) made it walk every value the alias stands for: a build hung
/// for minutes. This pass reads libyaml's events (the parser inside Yams, through its `CYaml`
/// module; the only code that uses it directly) and counts, for each alias, the values its anchor
/// holds with nested aliases counted out, stopping at the alias that takes the total past `limit`.
/// It runs only on texts holding both `&` and `*`, so ordinary YAML costs one byte search.
enum YAMLAliasBudget {
    /// How many values all aliases of one document may stand for together.
    static let limit = 10_000

    /// Where (0-based line and column, as libyaml marks) the alias that exceeds the budget stands;
    /// `nil` when the text stays within it or does not parse (Yams then reports the syntax error).
    static func exceeded(in text: String) -> (line: Int, column: Int)? {
        guard text.utf8.contains(byte: UInt8(ascii: "&")), text.utf8.contains(byte: UInt8(ascii: "*")) else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var counter = Counter()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    counter.value(anchor: name(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT:
                    counter.open(anchor: name(event.data.sequence_start.anchor))
                case YAML_MAPPING_START_EVENT:
                    counter.open(anchor: name(event.data.mapping_start.anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    counter.close()
                case YAML_ALIAS_EVENT:
                    if !counter.alias(name(event.data.alias.anchor)) {
                        return (Int(event.start_mark.line), Int(event.start_mark.column))
                    }
                default:
                    break
                }
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }

    /// The sizes of anchored nodes and of the collections still open, counted as the events come.
    private struct Counter {
        /// Values per anchor, aliases inside counted out (a later anchor of the same name replaces it).
        var sizes: [String: Int] = [:]
        /// Open sequences and mappings: their anchor and the values counted in them so far.
        var open: [(anchor: String?, size: Int)] = []
        /// Values all aliases so far stand for.
        var expanded = 0

        mutating func value(anchor: String?) {
            if let anchor { sizes[anchor] = 1 }
            add(1)
        }

        mutating func open(anchor: String?) {
            open.append((anchor, 1))
        }

        mutating func close() {
            guard let closed = open.popLast() else { return }
            if let anchor = closed.anchor { sizes[anchor] = closed.size }
            add(closed.size)
        }

        /// Counts an alias; `false` once the aliases stand for more than `limit` values. Sizes never
        /// overflow: each is at most the values written plus what aliases added, which stays under the limit.
        mutating func alias(_ anchor: String?) -> Bool {
            let size = anchor.flatMap { sizes[$0] } ?? 0
            expanded += size
            guard expanded <= YAMLAliasBudget.limit else { return false }
            add(size)
            return true
        }

        private mutating func add(_ size: Int) {
            if !open.isEmpty { open[open.count - 1].size += size }
        }
    }
}
