/// Diagnostics as JSON, for editors and CI annotations (`--diagnostics-format json`).
extension Diagnostic {
    /// One JSON object on one line, its fields always present and always in this order:
    ///
    ///     {"severity":"error","code":"RG0201","name":"unknown-column","message":"…","hint":"…","file":"content/x.md","line":18,"column":1}
    ///
    /// `hint`, `file`, `line` and `column` are `null` when the diagnostic has no hint or no
    /// location; `column` is at least 1, as in the human format. Strings are escaped by
    /// `jsonStringLiteral` (control characters, quotes, `<`, `>`, `&` as escapes), so a
    /// message never breaks the line.
    public var jsonLine: String {
        var fields: [(String, String)] = [
            ("severity", severity.rawValue.jsonStringLiteral),
            ("code", code.description.jsonStringLiteral),
            ("name", code.name.jsonStringLiteral),
            ("message", message.jsonStringLiteral),
            ("hint", hint?.jsonStringLiteral ?? "null"),
        ]
        if let location {
            fields += [("file", location.file.jsonStringLiteral), ("line", String(location.line)), ("column", String(max(location.column, 1)))]
        } else {
            fields += [("file", "null"), ("line", "null"), ("column", "null")]
        }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
