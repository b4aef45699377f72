import CcmarkGFM

/// A heading's id chosen by its author: `## 征信体系 {#credit-reporting}` (Pandoc's syntax).
///
/// A translated page names its headings' ids after the original's, so a link or the language
/// switcher lands on the same section in either language. The `{#id}` is taken out of the
/// heading's text before anything reads it (ids, contents list, search).
struct ExplicitHeadingID {
    /// The id as written between `{#` and `}`.
    let id: String

    /// Takes a trailing `{#id}` out of `heading`'s last text node, if it ends with one.
    /// cmark-gfm keeps `{#id}` as literal text, so this only edits a literal, never the tree.
    static func take(from heading: OpaquePointer) -> ExplicitHeadingID? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(last).map({ String(cString: $0) }) else { return nil }
        var end = literal.endIndex
        while end > literal.startIndex, literal[literal.index(before: end)] == " " { end = literal.index(before: end) }
        let text = literal[..<end]
        guard text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        var before = text[..<open.lowerBound]
        // `{#…}` glued to a word (`a{#b}`) is text, as in Pandoc: the id must follow a space or stand alone.
        guard before.isEmpty || before.hasSuffix(" ") else { return nil }
        while before.hasSuffix(" ") { before = before.dropLast() }
        cmark_node_set_literal(last, String(before))
        return ExplicitHeadingID(id: String(text[open.upperBound..<text.index(before: text.endIndex)]))
    }

    /// Whether the id may stand in `id="…"` and after `#` in a link: letters (any script), digits,
    /// `-` and `_`, starting with a letter or digit.
    var isValid: Bool {
        guard let first = id.unicodeScalars.first, Self.isIDCharacter(first), first != "-", first != "_" else { return false }
        return id.unicodeScalars.allSatisfy(Self.isIDCharacter)
    }

    private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "-" || scalar == "_"
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
