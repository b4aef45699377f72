/// A human label in a data file's `NAME.yml` (a title, a column label, a category value's name),
/// written once for every language (`label: Lender`) or per language (`label: {en: Lender, zh: 贷款机构}`).
public struct LocalizedText: Sendable, Hashable {
    /// One language's text; `language` is the tag as written (`en`, `zh-Hans`), empty for a plain
    /// string, which stands for every language.
    public struct Entry: Sendable, Hashable {
        public var language: String
        public var text: String
        public init(language: String, text: String) {
            self.language = language
            self.text = text
        }
    }

    /// The entries in the order written (never empty); the first is the default.
    public var entries: [Entry]

    /// One text for every language.
    public init(_ text: String) { entries = [Entry(language: "", text: text)] }

    /// Texts by language; `entries` must not be empty.
    public init(entries: [Entry]) { self.entries = entries }

    /// The default (first) entry's text, which tables show in a language the map does not name.
    public var defaultText: String { entries[0].text }

    /// Whether it was written as a map of languages.
    public var isPerLanguage: Bool { entries.contains { !$0.language.isEmpty } }

    /// The text written for `language` (a primary subtag such as `zh`, or a whole tag): an entry with
    /// that tag, else one whose primary subtag it is (`zh-Hans` for `zh`), else a plain string; `nil`
    /// when none.
    public func text(in language: String) -> String? {
        let wanted = language.lowercased()
        if let exact = entries.first(where: { $0.language.lowercased() == wanted }) { return exact.text }
        if let primary = entries.first(where: { Self.primarySubtag($0.language) == wanted && !wanted.isEmpty }) { return primary.text }
        return entries.first { $0.language.isEmpty }?.text
    }

    /// The text for `language`, else the default entry's.
    public func text(for language: String) -> String { text(in: language) ?? defaultText }

    /// `zh` for `zh-Hans`, lower-cased.
    static func primarySubtag(_ tag: String) -> String {
        String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    /// Whether `tag` is written like a BCP 47 language tag: a primary subtag of 2–3 letters, then
    /// subtags of 1–8 letters or digits joined by `-` (`en`, `zh-Hans`, `zh-Hant-TW`).
    static func isLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return subtags.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

/// The labels of a data file written per language, and the display names of category values
/// (`values:` of a column): what `DataTable.shown(with:)` picks from for a page's language.
public struct DataLabels: Sendable, Hashable {
    /// `title`, `source`, `notes`, `units` of the file, by key, when written as maps.
    public var file: [String: LocalizedText] = [:]
    /// A column's `label` and `unit`, by column name then key, when written as maps.
    public var columns: [String: [String: LocalizedText]] = [:]
    /// A column's `values:`: by column name, the value as the data file writes it → its label.
    public var values: [String: [String: LocalizedText]] = [:]

    public init() {}

    /// Whether nothing is labelled per language.
    public var isEmpty: Bool { file.isEmpty && columns.isEmpty && values.isEmpty }
}
