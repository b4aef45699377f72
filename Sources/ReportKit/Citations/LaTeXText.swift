import Foundation

/// Turns the LaTeX of a BibTeX field into Unicode text: accents (`{\"u}` → ü, `\'e` → é), special
/// letters (`\ss`, `\o`, `\l`), escaped symbols (`\&`, `\%`), dashes (`--` → –, `---` → —), quotes
/// (``` `` ``` and `''` → “ ”, `'` → ’), `~` → no-break space, formatting commands (`\emph{x}` →
/// x); braces that are not a command's argument mark text protected from case changes.
enum LaTeXText {
    /// The field as case-protected text, whitespace collapsed.
    static func caseText(_ latex: String) -> CaseText {
        var converter = Converter(Array(latex.unicodeScalars))
        converter.run(depth: 0)
        return CaseText(spans: converter.spans.map { CaseText.Span(text: collapse($0.text), isProtected: $0.isProtected) }).trimmed
    }

    /// The field as plain text.
    static func plain(_ latex: String) -> String {
        caseText(latex).description
    }

    /// Runs of spaces, tabs and line breaks as one space.
    static func collapse(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for character in text {
            let isSpace = character == " " || character == "\n" || character == "\t" || character == "\r" || character == "\r\n"
            if isSpace { if !lastWasSpace { out.append(" ") } } else { out.append(character) }
            lastWasSpace = isSpace
        }
        return out
    }

    /// Combining marks of the accent commands.
    static let accents: [String: Unicode.Scalar] = [
        "`": "\u{300}", "'": "\u{301}", "^": "\u{302}", "~": "\u{303}", "=": "\u{304}", "u": "\u{306}", ".": "\u{307}",
        "\"": "\u{308}", "r": "\u{30A}", "H": "\u{30B}", "v": "\u{30C}", "d": "\u{323}", "c": "\u{327}", "k": "\u{328}", "b": "\u{331}",
    ]

    /// Commands that stand for one character.
    static let symbols: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł",
        "i": "i", "j": "j", "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ",
        "textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘", "ldots": "…", "dots": "…",
        "textellipsis": "…", "S": "§", "P": "¶", "copyright": "©", "pounds": "£", "euro": "€", "textasciitilde": "~",
        "\\": " ", "slash": "/", "textbackslash": "\\", "-": "",
    ]

    /// Walks the scalars, writing spans.
    struct Converter {
        let input: [Unicode.Scalar]
        var index = 0
        var spans: [(text: String, isProtected: Bool)] = []

        init(_ input: [Unicode.Scalar]) { self.input = input }

        mutating func emit(_ text: String, protected: Bool) {
            if let last = spans.last, last.isProtected == protected {
                spans[spans.count - 1].text += text
            } else {
                spans.append((text, protected))
            }
        }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < input.count ? input[index + offset] : nil }

        /// Converts until the `}` closing the current group (depth > 0) or the end.
        mutating func run(depth: Int) {
            let protected = depth > 0
            while let c = peek() {
                switch c {
                case "}":
                    index += 1
                    if depth > 0 { return }
                case "{":
                    index += 1
                    // `{\"u}`: a group starting with a command is a special character, not protection.
                    if peek() == "\\" { run(depth: depth) } else { run(depth: depth + 1) }
                case "\\":
                    index += 1
                    emit(command(), protected: protected)
                case "-":
                    var count = 0
                    while peek() == "-" { count += 1; index += 1 }
                    emit(count == 1 ? "-" : count == 2 ? "–" : "—", protected: protected)
                case "`":
                    index += 1
                    if peek() == "`" { index += 1; emit("“", protected: protected) } else { emit("‘", protected: protected) }
                case "'":
                    index += 1
                    if peek() == "'" { index += 1; emit("”", protected: protected) } else { emit("’", protected: protected) }
                case "~":
                    index += 1
                    emit("\u{A0}", protected: protected)
                case "$":
                    index += 1 // math shifts are dropped; their content is kept
                default:
                    index += 1
                    emit(String(c), protected: protected)
                }
            }
        }

        /// The text of the command after a backslash (its argument included).
        mutating func command() -> String {
            guard let first = peek() else { return "" }
            var name = ""
            if first.properties.isAlphabetic && first.isASCII {
                while let c = peek(), c.isASCII, c.properties.isAlphabetic { name.unicodeScalars.append(c); index += 1 }
            } else {
                name = String(first)
                index += 1
            }
            if let mark = accents[name] {
                // `\"u`, `\"{u}`, `\' {\i}`: the next letter (or group) takes the accent.
                while peek() == " " { index += 1 }
                var base = argument()
                if base == "ı" || base == "\\i" { base = "i" }
                guard let firstScalar = base.unicodeScalars.first else { return String(mark) }
                var scalars = String.UnicodeScalarView([firstScalar])
                scalars.append(mark)
                scalars.append(contentsOf: base.unicodeScalars.dropFirst())
                return String(scalars).precomposedStringWithCanonicalMapping
            }
            if name.first?.isLetter == true { while peek() == " " { index += 1 } }
            if let symbol = symbols[name] {
                // `\ss{}`: an empty group after a symbol command is only a separator.
                if peek() == "{", peek(1) == "}" { index += 2 }
                return symbol
            }
            // Formatting and unknown commands: their argument's text, if any.
            return peek() == "{" ? argument() : ""
        }

        /// One argument: a braced group's text, or one character (a command's text for `\i`).
        mutating func argument() -> String {
            guard let c = peek() else { return "" }
            if c == "{" {
                index += 1
                var inner = Converter(input)
                inner.index = index
                inner.run(depth: 1)
                index = inner.index
                return inner.spans.map(\.text).joined()
            }
            if c == "\\" {
                index += 1
                return command()
            }
            index += 1
            return String(c)
        }
    }
}

extension CaseText {
    /// Without leading and trailing spaces.
    var trimmed: CaseText {
        var spans = self.spans
        while let first = spans.first, first.text.hasPrefix(" ") {
            spans[0].text.removeFirst()
            if spans[0].text.isEmpty { spans.removeFirst() }
        }
        while let last = spans.last, last.text.hasSuffix(" ") {
            spans[spans.count - 1].text.removeLast()
            if spans[spans.count - 1].text.isEmpty { spans.removeLast() }
        }
        return CaseText(spans: spans)
    }
}
