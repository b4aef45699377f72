/// The BibTeX and RIS records of a work, the files behind a "Cite this" box's download links
/// (`cite.bib`, `cite.ris` beside each page). Both are made from `WorkMetadata` only and hold no
/// date of their own making, so unchanged inputs give the same bytes.
public enum CitationDownloads {
    public static let bibTeXFileName = "cite.bib"
    public static let risFileName = "cite.ris"

    /// A BibLaTeX entry: `@misc` for the report, `@online` for a page (with its site as
    /// `organization`). Titles are double-braced so styles keep their capitals; an organisation's
    /// name is braced so it is never split into given and family names.
    public static func bibTeX(_ work: WorkMetadata) -> String {
        var fields: [(String, String)] = []
        let authors = work.authors.map { $0.isPerson ? escapeBibTeX($0.invertedName) : "{\(escapeBibTeX($0.name.trimmed))}" }
        if !authors.isEmpty { fields.append(("author", authors.joined(separator: " and "))) }
        fields.append(("title", "{\(escapeBibTeX(work.singleLineTitle))}"))
        if work.kind == .page { fields.append(("organization", escapeBibTeX(WorkMetadata.singleLine(work.siteTitle)))) }
        if let year = work.year { fields.append(("year", year)) }
        if let date = work.published ?? work.updated { fields.append(("date", date)) }
        if let version = work.version { fields.append(("version", escapeBibTeX(version))) }
        if let doi = work.doi { fields.append(("doi", escapeBibTeX(doi))) }
        if let url = work.url { fields.append(("url", url)) }
        fields.append(("language", escapeBibTeX(work.language)))
        let type = work.kind == .report ? "misc" : "online"
        return "@\(type){\(work.citationKey),\n" + fields.map { "  \($0.0) = {\($0.1)}," }.joined(separator: "\n") + "\n}\n"
    }

    /// `text` safe inside a braced BibTeX value: LaTeX's special characters escaped, the rest
    /// left as UTF-8 (BibLaTeX and Zotero read it).
    static func escapeBibTeX(_ text: String) -> String {
        let line = WorkMetadata.singleLine(text)
        // Most values hold none of LaTeX's special characters: then they stay as they are.
        guard line.utf8.contains(where: Self.isBibTeXSpecial) else { return line }
        var out = ""
        for character in line {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(character)
            }
        }
        return out
    }

    /// Whether `byte` is one of the characters `escapeBibTeX` replaces.
    static func isBibTeXSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "$"),
             UInt8(ascii: "#"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "^"): true
        default: false
        }
    }

    /// An RIS record: `RPRT` (report) for the report, `ELEC` (web page) for a page, lines ending
    /// in CR LF as the format asks.
    public static func ris(_ work: WorkMetadata) -> String {
        var lines: [(String, String)] = [("TY", work.kind == .report ? "RPRT" : "ELEC")]
        lines += work.authors.map { ("AU", WorkMetadata.singleLine($0.invertedName)) }
        lines.append(("TI", work.singleLineTitle))
        if work.kind == .page { lines.append(("T2", WorkMetadata.singleLine(work.siteTitle))) }
        if let year = work.year { lines.append(("PY", year)) }
        if let date = work.published ?? work.updated { lines.append(("DA", date.replacingOccurrences(of: "-", with: "/") + "/")) }
        if let version = work.version { lines.append(("ET", WorkMetadata.singleLine(version))) }
        if let doi = work.doi { lines.append(("DO", doi)) }
        if let url = work.url { lines.append(("UR", url)) }
        lines.append(("LA", work.language))
        lines.append(("ER", ""))
        return lines.map { "\($0.0)  - \($0.1)" }.joined(separator: "\r\n") + "\r\n"
    }
}
