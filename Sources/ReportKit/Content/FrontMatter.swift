/// The YAML block at the top of a page between `---` lines.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    public var summary: String?
    public var weight: Int?
    public var slug: String?
    public var draft: Bool = false
    public var lang: String?
    /// The page's own publication and last-change dates (ISO `yyyy-mm-dd`), shown in its byline
    /// and citations; a page without `published` takes the site's.
    public var published: String?
    public var updated: String?

    public init(title: String? = nil, summary: String? = nil, weight: Int? = nil, slug: String? = nil, draft: Bool = false, lang: String? = nil) {
        self.title = title
        self.summary = summary
        self.weight = weight
        self.slug = slug
        self.draft = draft
        self.lang = lang
    }

    static let keys = ["title", "summary", "weight", "slug", "draft", "lang", "published", "updated"]

    /// A page split into its front matter and Markdown body.
    public struct Split: Sendable {
        public var frontMatter: FrontMatter
        public var body: String
        /// The file line on which `body` starts.
        public var bodyFirstLine: Int
        /// Warnings (e.g. a misspelt key) that do not stop the build.
        public var warnings: [Diagnostic]
    }

    /// Splits `text` (the file `file`) into front matter and body. Pages without a leading `---`
    /// line have no front matter. Keys the generator does not know are kept out of the way, but one
    /// that looks like a typo of a known key gets a warning.
    public static func split(_ text: String, file: String) throws(DiagnosticList) -> Split {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            return Split(frontMatter: FrontMatter(), body: text, bodyFirstLine: 1, warnings: [])
        }
        // Find the closing `---` (or `...`) line.
        var lineNumber = 1
        var yamlLines: [Substring] = []
        var bodyStart: String.Index?
        // Lines are cut at "\n" scalars: as Characters, "\r\n" is one grapheme that never equals "\n".
        let scalars = text.unicodeScalars
        var index = scalars.index(scalars.startIndex, offsetBy: text.hasPrefix("---\r\n") ? 5 : 4)
        while index < scalars.endIndex {
            lineNumber += 1
            let lineEnd = scalars[index...].firstIndex(of: "\n") ?? scalars.endIndex
            var line = Substring(scalars[index..<lineEnd])
            if line.hasSuffix("\r") { line = line.dropLast() }
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if line == "---" || line == "..." {
                bodyStart = next
                break
            }
            yamlLines.append(line)
            index = next
        }
        guard let bodyStart else {
            throw DiagnosticList(.error(.frontMatterNotClosed, "front matter is not closed", at: SourceLocation(file: file, line: 1, column: 1),
                                        hint: "end the front matter with a line holding only '---', or remove the opening '---' line"))
        }
        let mapping = try YAMLMapping.parse(yamlLines.joined(separator: "\n"), file: file, firstLine: 2, what: "front matter")
        var matter = FrontMatter()
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for (key, node) in mapping.entries {
            do {
                switch key {
                case "title": matter.title = try mapping.string(node, key: key)
                case "summary", "description": matter.summary = try mapping.string(node, key: key)
                case "weight": matter.weight = try mapping.int(node, key: key)
                case "draft": matter.draft = try mapping.bool(node, key: key)
                case "lang": matter.lang = try mapping.string(node, key: key)
                case "published", "updated":
                    let date = try PublicationKeys.date(node, key: key, in: mapping)
                    if key == "published" { matter.published = date } else { matter.updated = date }
                case "slug":
                    let slug = try mapping.string(node, key: key)
                    guard !slug.isEmpty, slug.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                        throw DiagnosticList(.error(.invalidSlug, "slug '\(slug)' may only hold ASCII letters, digits, '-' and '_'", at: mapping.location(of: node),
                                                    hint: "for example 'slug: credit-reporting'"))
                    }
                    matter.slug = slug
                default:
                    if let close = Suggestion.closest(to: key, in: keys), close != key {
                        warnings.append(.warning(.unknownFrontMatterKey, "unknown front matter key '\(key)' is ignored", at: mapping.location(ofKey: key),
                                                 hint: "did you mean '\(close)'?"))
                    }
                }
            } catch {
                problems += DiagnosticList(wrapping: error).diagnostics
            }
        }
        if let published = matter.published, let updated = matter.updated, updated < published, let node = mapping["updated"] {
            problems.append(.error(.updatedBeforePublished, "the page was updated (\(updated)) before it was published (\(published))", at: mapping.location(of: node),
                                   hint: "check both dates: 'updated' is the date of the last change, on or after 'published'"))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return Split(frontMatter: matter, body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1, warnings: warnings)
    }
}
