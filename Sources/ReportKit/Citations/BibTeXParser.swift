/// One entry of a `.bib` file as written: its type, key and fields, with macros expanded and
/// `#` concatenations joined, but LaTeX not yet turned into text (braces kept for case protection).
struct BibTeXEntry: Sendable, Hashable {
    /// Lowercased entry type, e.g. `article`.
    var type: String
    var key: String
    /// Lowercased field name → raw value.
    var fields: [String: String]
    var location: SourceLocation
    /// Where each field's value starts, for messages about one field.
    var fieldLocations: [String: SourceLocation]
}

/// Reads the entries of a BibTeX or BibLaTeX file: `@type{key, field = value, ...}` (or with
/// parentheses), values in braces, quotes, bare numbers or `@string` macro names joined by `#`.
/// `@comment` and `@preamble` are skipped, and so is any text outside entries, as BibTeX does.
/// A syntax error stops the reading with its `file:line:column` and a hint.
struct BibTeXParser {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var position = 0
    private var line = 1
    private var column = 1
    /// `@string` macros, starting with the month abbreviations BibTeX predefines.
    private var macros: [String: String] = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
        "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ]

    /// The deepest nesting of braces inside a value.
    static let maxBraceDepth = 100

    init(_ text: String, file: String) {
        scalars = Array(text.unicodeScalars)
        self.file = file
    }

    /// Every entry in file order.
    static func parse(_ text: String, file: String) throws(DiagnosticList) -> [BibTeXEntry] {
        // As in data files and YAML: a control character has no meaning in a page and could cut it.
        if let found = ControlCharacters.first(in: text) {
            throw DiagnosticList(.error(.controlCharacter, "control character \(found.name) in the bibliography",
                                        at: SourceLocation(file: file, line: found.line, column: found.column),
                                        hint: "control characters cannot appear in a page; remove it"))
        }
        var parser = BibTeXParser(text, file: file)
        do throws(Diagnostic) {
            return try parser.entries()
        } catch {
            throw DiagnosticList(error)
        }
    }

    private mutating func entries() throws(Diagnostic) -> [BibTeXEntry] {
        var entries: [BibTeXEntry] = []
        while let at = nextAt() {
            let start = at
            advance() // @
            let type = readIdentifier().lowercased()
            guard !type.isEmpty else {
                throw error("'@' is not followed by an entry type", at: start, hint: "write an entry as @article{key, title = {...}}; an '@' outside entries must be in a @comment")
            }
            skipSpace()
            guard let open = peek, open == "{" || open == "(" else {
                throw error("expected '{' after '@\(type)'", at: location, hint: "write @\(type){key, field = {value}}")
            }
            let close: Unicode.Scalar = open == "{" ? "}" : ")"
            advance()
            switch type {
            case "comment": try skipBalanced(open: open, close: close, from: start)
            case "preamble": _ = try readValue(); skipSpace(); try expect(close, after: "@preamble")
            case "string":
                skipSpace()
                let nameLocation = location
                let name = readIdentifier().lowercased()
                guard !name.isEmpty else { throw error("expected a macro name in @string", at: nameLocation, hint: "write @string{name = {value}}") }
                skipSpace()
                try expect("=", after: "the macro name '\(name)'")
                macros[name] = try readValue()
                skipSpace()
                try expect(close, after: "the @string value")
            default:
                entries.append(try readEntry(type: type, close: close, start: start))
            }
        }
        return entries
    }

    private mutating func readEntry(type: String, close: Unicode.Scalar, start: SourceLocation) throws(Diagnostic) -> BibTeXEntry {
        skipSpace()
        let keyLocation = location
        var key = ""
        while let c = peek, c != ",", c != close, !isSpace(c) { key.unicodeScalars.append(c); advance() }
        guard !key.isEmpty else { throw error("@\(type) entry has no citation key", at: keyLocation, hint: "write @\(type){key, ...}; the key is what pages cite as [@key]") }
        var entry = BibTeXEntry(type: type, key: key, fields: [:], location: start, fieldLocations: [:])
        var lastField: (name: String, end: SourceLocation)?
        skipSpace()
        while true {
            if peek == close { advance(); return entry }
            guard peek == "," else { throw missingSeparator(after: lastField, in: entry, close: close) }
            advance()
            skipSpace()
            if peek == close { advance(); return entry }
            let nameLocation = location
            let name = readIdentifier().lowercased()
            guard !name.isEmpty else {
                throw error("expected a field name in entry '\(key)'", at: nameLocation, hint: "write fields as name = {value}, separated by commas")
            }
            skipSpace()
            try expect("=", after: "the field name '\(name)'")
            skipSpace()
            let valueLocation = location
            let value = try readValue()
            if entry.fields[name] != nil {
                throw error("field '\(name)' is given twice in entry '\(key)'", at: nameLocation, hint: "keep one of them")
            }
            entry.fields[name] = value
            entry.fieldLocations[name] = valueLocation
            lastField = (name, location)
            skipSpace()
        }
    }

    /// The error for an entry whose fields are not followed by `,` or its closing brace: a value
    /// whose `{` is never closed swallows the next fields (the usual cause when the file ends
    /// here), else a comma is missing after the last value.
    private func missingSeparator(after field: (name: String, end: SourceLocation)?, in entry: BibTeXEntry,
                                  close: Unicode.Scalar) -> Diagnostic {
        guard let field else {
            return error("expected ',' after the key '\(entry.key)'", at: location, hint: "write @\(entry.type){\(entry.key), name = {value}, ...}")
        }
        let value = entry.fields[field.name] ?? ""
        if peek == nil, value.contains(where: \.isNewline), value.contains("=") {
            return error("the value of field '\(field.name)' runs into the fields after it: a '{' in it is never closed",
                         at: entry.fieldLocations[field.name] ?? entry.location,
                         hint: "give every '{' in the value of '\(field.name)' its '}'")
        }
        let found = peek.map { "'\($0)'" } ?? "the end of the file"
        return error("expected ',' or '\(close)' after the value of field '\(field.name)', found \(found)", at: field.end,
                     hint: peek == nil ? "close the entry '\(entry.key)' with '\(close)'" : "add a ',' at the end of the value of '\(field.name)'")
    }

    /// A field value: pieces in braces, quotes, numbers or macro names joined by `#`.
    private mutating func readValue() throws(Diagnostic) -> String {
        var value = ""
        while true {
            skipSpace()
            let start = location
            guard let c = peek else { throw error("the file ends inside a field value", at: start, hint: "close every '{' and '\"'") }
            if c == "{" {
                advance()
                value += try readDelimited(quoted: false, from: start)
            } else if c == "\"" {
                advance()
                value += try readDelimited(quoted: true, from: start)
            } else if c.properties.numericType != nil, c.isASCII {
                while let d = peek, d.isASCII, d.properties.numericType != nil { value.unicodeScalars.append(d); advance() }
            } else {
                let name = readIdentifier()
                guard !name.isEmpty else {
                    throw error("expected a value in braces, quotes, a number or a @string name", at: start,
                                hint: "write the value as {text} or \"text\"")
                }
                guard let expansion = macros[name.lowercased()] else {
                    throw error("unknown @string macro '\(name)'", at: start,
                                hint: Suggestion.closest(to: name.lowercased(), in: macros.keys.sorted()).map { "did you mean '\($0)'? Or put the value in braces: {\(name)}" }
                                    ?? "define it with @string{\(name) = {...}} before this entry, or put the value in braces: {\(name)}")
                }
                value += expansion
            }
            skipSpace()
            guard peek == "#" else { return value }
            advance()
        }
    }

    /// The text of a value opened by `{` (up to its closing brace) or by `"` (up to the next quote
    /// outside braces); inner braces are kept, and must balance.
    private mutating func readDelimited(quoted: Bool, from start: SourceLocation) throws(Diagnostic) -> String {
        var depth = 0
        var text = ""
        while let c = peek {
            advance()
            if c == "\\", let next = peek { text.unicodeScalars.append(c); text.unicodeScalars.append(next); advance(); continue }
            if c == "{" {
                depth += 1
                // LaTeX is converted by recursion over groups: nesting is bounded, like Markdown's.
                if depth > Self.maxBraceDepth {
                    throw error("braces nested more than \(Self.maxBraceDepth) deep", at: location, hint: "a field value needs only a few levels of braces; check for a run of '{'")
                }
            }
            if c == "}" {
                if depth == 0 && !quoted { return text }
                depth -= 1
                if depth < 0 { throw error("unbalanced '}' in a quoted value", at: start, hint: "braces inside a value must balance") }
            }
            if c == "\"" && depth == 0 && quoted { return text }
            text.unicodeScalars.append(c)
        }
        throw quoted ? error("the '\"' opened here is never closed", at: start, hint: "add the closing '\"'")
            : error("the '{' opened here is never closed", at: start, hint: "add the missing '}' (braces in a value must balance)")
    }

    private mutating func skipBalanced(open: Unicode.Scalar, close: Unicode.Scalar, from start: SourceLocation) throws(Diagnostic) {
        var depth = 1
        while let c = peek {
            advance()
            if c == open { depth += 1 }
            if c == close { depth -= 1; if depth == 0 { return } }
        }
        throw error("the @comment opened here is never closed", at: start, hint: "close it with '\(close)'")
    }

    // MARK: Scanning

    private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private mutating func advance() {
        guard position < scalars.count else { return }
        if scalars[position] == "\n" { line += 1; column = 1 } else { column += 1 }
        position += 1
    }

    /// Moves to the next `@` that starts an entry (text between entries is a comment, and so is
    /// the rest of a line after `%`, as Biber reads it) and returns its location.
    private mutating func nextAt() -> SourceLocation? {
        while let c = peek {
            if c == "@" { return location }
            if c == "%" { while let d = peek, d != "\n" { advance() } }
            advance()
        }
        return nil
    }

    private func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

    private mutating func skipSpace() {
        while let c = peek {
            if isSpace(c) { advance() } else if c == "%" { while let d = peek, d != "\n" { advance() } } else { return }
        }
    }

    /// Letters, digits and `_ - : . + / '` (entry types, field names, macro names).
    private mutating func readIdentifier() -> String {
        var name = ""
        while let c = peek, c.properties.isAlphabetic || (c.isASCII && c.properties.numericType != nil) || "_-:.+/'".unicodeScalars.contains(c) {
            name.unicodeScalars.append(c)
            advance()
        }
        return name
    }

    private mutating func expect(_ c: Unicode.Scalar, after what: String, hint: String? = nil) throws(Diagnostic) {
        guard peek == c else {
            let found = peek.map { "'\($0)'" } ?? "the end of the file"
            throw error("expected '\(c)' after \(what), found \(found)", at: location, hint: hint ?? "check the entry's punctuation: @type{key, name = {value}, ...}")
        }
        advance()
    }

    private func error(_ message: String, at location: SourceLocation, hint: String) -> Diagnostic {
        .error(.bibliographySyntax, message, at: location, hint: hint)
    }
}
