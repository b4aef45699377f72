/// `CITATION.cff` (Citation File Format 1.2.0) for the output root: how to cite the report, in
/// the form GitHub, Zenodo and reference managers read. Every value is written as a YAML
/// double-quoted scalar (a JSON string literal, which YAML reads the same way), so no title can
/// break the file's structure.
public enum CitationFile {
    public static let fileName = "CITATION.cff"

    /// The file's text, or `nil` when the report has no authors (the format requires at least one).
    /// `message` is the theme's sentence asking readers to cite the report.
    public static func text(_ report: WorkMetadata, message: String) -> String? {
        guard !report.authors.isEmpty else { return nil }
        var lines = ["cff-version: 1.2.0", "message: \(message.jsonStringLiteral)", "title: \(report.singleLineTitle.jsonStringLiteral)"]
        lines += authorLines(report.authors, indent: "")
        lines += details(report, indent: "")
        if let licence = report.licence { lines.append("license: \(licence.id.jsonStringLiteral)") }
        lines.append("preferred-citation:")
        lines.append("  type: report")
        lines.append("  title: \(report.singleLineTitle.jsonStringLiteral)")
        lines += authorLines(report.authors, indent: "  ")
        if let year = report.year, let number = Int(year) { lines.append("  year: \(number)") }
        lines += details(report, indent: "  ")
        return lines.joined(separator: "\n") + "\n"
    }

    static func authorLines(_ authors: [Author], indent: String) -> [String] {
        var lines = ["\(indent)authors:"]
        for author in authors {
            var fields: [(String, String)] = []
            if let family = author.familyName {
                fields.append(("family-names", family))
                if let given = author.givenNames, !given.isEmpty { fields.append(("given-names", given)) }
            } else {
                fields.append(("name", WorkMetadata.singleLine(author.name)))
            }
            if let affiliation = author.affiliation { fields.append(("affiliation", WorkMetadata.singleLine(affiliation))) }
            if let orcid = author.orcidURL { fields.append(("orcid", orcid)) }
            for (index, field) in fields.enumerated() {
                lines.append("\(indent)  \(index == 0 ? "- " : "  ")\(field.0): \(field.1.jsonStringLiteral)")
            }
        }
        return lines
    }

    /// Version, dates, DOI and URL, in the keys the top level and `preferred-citation` share
    /// (the release date is `date-released` at the top, `date-published` in the citation).
    static func details(_ report: WorkMetadata, indent: String) -> [String] {
        var lines: [String] = []
        if let version = report.version { lines.append("\(indent)version: \(version.jsonStringLiteral)") }
        if let date = report.published {
            lines.append("\(indent)\(indent.isEmpty ? "date-released" : "date-published"): \(date.jsonStringLiteral)")
        }
        if let doi = report.doi { lines.append("\(indent)doi: \(doi.jsonStringLiteral)") }
        if let url = report.siteURL { lines.append("\(indent)url: \(url.jsonStringLiteral)") }
        return lines
    }
}
