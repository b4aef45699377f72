/// The offline search index: one entry per page (title, URL, headings, the start of its text),
/// written as a classic script (`search-index.js`) that sets `window.REPORT_SEARCH_INDEX`, so that
/// it loads from `file://` without fetch. The theme's `assets/search.js` searches it.
///
/// Entry fields are short to keep the file small: `t` title, `u` URL relative to the site root,
/// `r` the page's section id in the whole-report page, `h` headings as `[id, text]` pairs,
/// `x` plain text (at most `textLimit` characters). A heading is `[id, text, offset]`, offset being where
/// the heading starts in the page's plain text (in UTF-16 units, as JavaScript counts), so that a match
/// in the text can link to the section holding it.
public struct SearchIndex: Sendable, Equatable {
    /// One page in the index.
    public struct Entry: Sendable, Equatable {
        public var title: String
        public var url: String
        public var reportAnchor: String
        public var headings: [(id: String, text: String, offset: Int)]
        public var text: String

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.title == rhs.title && lhs.url == rhs.url && lhs.reportAnchor == rhs.reportAnchor && lhs.text == rhs.text
                && lhs.headings.map(\.id) == rhs.headings.map(\.id) && lhs.headings.map(\.text) == rhs.headings.map(\.text)
                && lhs.headings.map(\.offset) == rhs.headings.map(\.offset)
        }
    }

    /// The asset whose presence in a theme asks for an index.
    public static let themeAsset = "search.js"
    /// Output file name, at the site root.
    public static let fileName = "search-index.js"
    /// Characters of plain text kept per page on small sites: enough for snippets.
    public static let textLimit = 2500
    /// Characters of plain text kept in the whole index: on large sites each page keeps less
    /// (but at least `minimumTextLimit`), so the index stays small enough to load in a browser.
    public static let totalTextBudget = 4_000_000
    public static let minimumTextLimit = 300

    /// Characters of plain text kept per page for a site of `pageCount` pages.
    public static func textLimit(forPageCount pageCount: Int) -> Int {
        min(textLimit, max(minimumTextLimit, totalTextBudget / max(pageCount, 1)))
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Builds the index from finished page bodies (tokens already replaced), in reading order.
    public init(pages: [(rendered: RenderedPage, body: String)], reportAnchors: [String: String]) {
        let limit = Self.textLimit(forPageCount: pages.count)
        entries = pages.parallelMap { item in
            let page = item.rendered.page
            let extracted = Self.extractText(fromHTML: item.body, limit: limit)
            return Entry(title: item.rendered.title, url: page.outputPath, reportAnchor: reportAnchors[page.outputPath] ?? "",
                         headings: item.rendered.headings.map { (id: $0.id, text: $0.text, offset: extracted.headingOffsets[$0.id] ?? 0) },
                         text: String(extracted.text.prefix(limit)))
        }
    }

    /// The script's bytes: `window.REPORT_SEARCH_INDEX = [...];`, one entry a line, deterministic.
    public var javaScript: String {
        var out = "window.REPORT_SEARCH_INDEX = [\n"
        for (index, entry) in entries.enumerated() {
            out += "{\"t\":\(Self.jsonString(entry.title)),\"u\":\(Self.jsonString(entry.url)),\"r\":\(Self.jsonString(entry.reportAnchor)),\"h\":["
            out += entry.headings.map { "[\(Self.jsonString($0.id)),\(Self.jsonString($0.text)),\($0.offset)]" }.joined(separator: ",")
            out += "],\"x\":\(Self.jsonString(entry.text))}"
            out += index + 1 < entries.count ? ",\n" : "\n"
        }
        out += "];\n"
        return out
    }

    /// A JSON string literal that is also safe inside an HTML `<script>` element.
    public static func jsonString(_ value: String) -> String {
        value.jsonStringLiteral
    }

    /// Text of an HTML fragment: tags removed, `svg`, `script` and `style` elements dropped, entities
    /// decoded, white space collapsed. Block boundaries become spaces so words do not run together.
    public static func plainText(fromHTML html: String) -> String {
        extractText(fromHTML: html).text
    }

    /// The plain text (see `plainText(fromHTML:)`) and where each heading with an id starts in it (UTF-16 offsets).
    /// Text past `limit` characters is not collected (headings are still located), which keeps
    /// indexing cheap on large pages.
    public static func extractText(fromHTML html: String, limit: Int = .max) -> (text: String, headingOffsets: [String: Int]) {
        var headingOffsets: [String: Int] = [:]
        var out = ""
        out.reserveCapacity(min(html.utf8.count / 2, min(limit, Int.max / 4) * 4))
        var count = 0
        var skipUntil: String?
        var index = html.startIndex
        var pendingSpace = false
        func append(_ text: Substring) {
            for character in text {
                if count >= limit { return }
                if character == "\u{21A9}" { continue }  // footnote back-link arrow
                if character.isWhitespace {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(" "); pendingSpace = false; count += 1 }
                    out.append(character)
                    count += 1
                }
            }
        }
        while index < html.endIndex {
            if html[index] == "<" {
                guard let close = html[index...].firstIndex(of: ">") else { break }
                // Past the limit only headings matter: skip other tags without looking at them.
                if count >= limit {
                    let first = html.index(after: index)
                    if first >= close || !(html[first] == "h" || html[first] == "H") {
                        index = html.index(after: close)
                        continue
                    }
                }
                let rawTag = String(html[html.index(after: index)..<close])
                let tag = rawTag.lowercased()
                let name = String(tag.prefix { $0.isLetter || $0.isNumber || $0 == "/" })
                if let skip = skipUntil {
                    if name == "/" + skip { skipUntil = nil }
                } else if ["svg", "script", "style"].contains(name) && !tag.hasSuffix("/") {
                    skipUntil = name
                }
                let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
                if !Self.inlineElements.contains(bare) { pendingSpace = !out.isEmpty }
                if skipUntil == nil, ["h1", "h2", "h3", "h4", "h5", "h6"].contains(name), let id = Self.attribute("id", in: rawTag) {
                    headingOffsets[id] = out.utf16.count + (out.isEmpty ? 0 : 1)
                }
                index = html.index(after: close)
                continue
            }
            let next = html[index...].firstIndex(of: "<") ?? html.endIndex
            if skipUntil == nil && count < limit { append(Substring(decodeEntities(html[index..<next]))) }
            index = next
        }
        return (out, headingOffsets)
    }

    /// The value of a double-quoted attribute in a tag's text (without `<` and `>`), entities left as written.
    static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(decodeEntities(rest[..<end]))
    }

    /// Elements whose edges are not word boundaries.
    static let inlineElements: Set<String> = ["a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s",
                                              "small", "span", "strong", "sub", "sup", "time", "u"]

    /// Decodes the entities cmark-gfm and our escaping write: named basics and numeric references.
    static func decodeEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let name = after[after.index(after: amp)..<semicolon]
                if let decoded = decode(entity: name) {
                    out += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after.dropFirst()
        }
        out += rest
        return out
    }

    static func decode(entity name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
