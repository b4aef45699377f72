/// Formatted text made by a citation style: runs of plain text, italics and links, written out as
/// HTML (escaped; only `http(s)` links) or as plain text.
public struct StyledText: Sendable, Hashable {
    public enum Run: Sendable, Hashable {
        case text(String)
        case italic(String)
        /// A link (`url` is `http:` or `https:`); its text is the URL unless given.
        case link(url: String, text: String)
        /// The part of an in-text citation that names one work: a link to its bibliography entry.
        case reference(key: String, text: String)
    }

    public var runs: [Run] = []

    public init(_ runs: [Run] = []) { self.runs = runs }

    public mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        if case let .text(last)? = runs.last { runs[runs.count - 1] = .text(last + text) } else { runs.append(.text(text)) }
    }

    public mutating func appendItalic(_ text: String) {
        guard !text.isEmpty else { return }
        runs.append(.italic(text))
    }

    /// A link when `url` is an `http(s)` URL, else the URL as text.
    public mutating func appendLink(_ url: String, text: String? = nil) {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { runs.append(.link(url: url, text: text ?? url)) } else { append(text ?? url) }
    }

    public mutating func append(_ other: StyledText) {
        for run in other.runs {
            if case let .text(text) = run { append(text) } else { runs.append(run) }
        }
    }

    public var isEmpty: Bool { runs.isEmpty }

    /// The text as a reader sees it.
    public var plain: String {
        runs.map { run in
            switch run {
            case let .text(text), let .italic(text): text
            case let .link(_, text), let .reference(_, text): text
            }
        }.joined()
    }

    /// HTML: text escaped, italics as `<i>`, links as `<a href>`; a citation's reference to a work
    /// links to `referenceHref(key)` (by default the entry's id on the same page, `#ref-KEY`).
    public var html: String { html(referenceHref: { "#" + StyledText.entryID(for: $0) }, referenceID: { _ in nil }) }

    /// The id of a work's bibliography entry.
    public static func entryID(for key: String) -> String { "ref-" + key }

    /// `referenceID(key)` may give a work's link an id (the site-wide list links back to it).
    public func html(referenceHref: (String) -> String, referenceID: (String) -> String?) -> String {
        runs.map { run in
            switch run {
            case let .text(text): text.htmlEscaped
            case let .italic(text): "<i>\(text.htmlEscaped)</i>"
            case let .link(url, text): "<a href=\"\(url.htmlEscaped)\">\(text.htmlEscaped)</a>"
            case let .reference(key, text):
                "<a class=\"citation\"\(referenceID(key).map { " id=\"\($0.htmlEscaped)\"" } ?? "") href=\"\(referenceHref(key).htmlEscaped)\">\(text.htmlEscaped)</a>"
            }
        }.joined()
    }

    /// The last character written, to avoid doubled punctuation (`ed..`).
    var lastCharacter: Character? {
        switch runs.last {
        case let .text(text)?, let .italic(text)?: text.last
        case let .link(_, text)?, let .reference(_, text)?: text.last
        case nil: nil
        }
    }

    /// Appends `mark` unless the text already ends with it (or with `?`/`!` for a period).
    mutating func punctuate(_ mark: Character) {
        guard let last = lastCharacter else { return }
        if last == mark || (mark == "." && (last == "?" || last == "!")) { return }
        append(String(mark))
    }
}
