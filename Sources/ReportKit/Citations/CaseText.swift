/// Text whose case a style may change, with the spans it must leave as written.
///
/// BibTeX protects capitals with braces (`{China}`, `{Big Data}`), CSL-JSON with
/// `<span class="nocase">`; both become `protected` spans here. Styles that print titles in
/// title case (Chicago) or sentence case (IEEE) change only the other spans.
public struct CaseText: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public struct Span: Sendable, Hashable {
        public var text: String
        public var isProtected: Bool

        public init(text: String, isProtected: Bool) {
            self.text = text
            self.isProtected = isProtected
        }
    }

    public var spans: [Span]

    public init(spans: [Span]) {
        // Neighbouring spans of one kind are joined, so case rules see whole words.
        var joined: [Span] = []
        for span in spans where !span.text.isEmpty {
            if let last = joined.last, last.isProtected == span.isProtected {
                joined[joined.count - 1].text += span.text
            } else {
                joined.append(span)
            }
        }
        self.spans = joined
    }

    /// Plain text whose case may be changed throughout.
    public init(_ text: String) { self.init(spans: [Span(text: text, isProtected: false)]) }

    public init(stringLiteral value: String) { self.init(value) }

    /// The text as written.
    public var description: String { spans.map(\.text).joined() }

    public var isEmpty: Bool { spans.allSatisfy { $0.text.isEmpty } }

    /// Every unprotected span passed through `change`, which also learns where the span starts in
    /// the whole text (in characters).
    func mapUnprotected(_ change: (_ text: String, _ offset: Int) -> String) -> CaseText {
        var out: [Span] = []
        var offset = 0
        for span in spans {
            out.append(span.isProtected ? span : Span(text: change(span.text, offset), isProtected: false))
            offset += span.text.count
        }
        return CaseText(spans: out)
    }
}
