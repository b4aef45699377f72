/// Which language edition a `LoadedContent` is: the default language at the output root, or a
/// translation under its folder (`zh/`), with what its pages need to know about the others.
public struct ContentEdition: Sendable, Hashable {
    /// The language; `nil` for a site in one language.
    public var language: SiteLanguage?
    /// The content and output folder of the edition, with a trailing `/` (`zh/`); empty for the default.
    public var folder: String = ""
    /// Output paths of the default language's pages this edition has no translation of, by
    /// source path: links to them lead to the original rather than nowhere.
    public var fallbackOutputs: [String: String] = [:]
    /// Every language of the site with the output path of each of its pages (multilingual sites).
    public var links: LanguageLinks?

    public init() {}

    /// Whether this is the default language's edition (or the only one).
    public var isDefault: Bool { folder.isEmpty }

    /// The edition's home page (`index.html`, `zh/index.html`).
    public var homePath: String { folder + "index.html" }

    /// The relative prefix from `outputPath` to the edition's folder (`../` from `zh/modes/index.html` is the site root; `../zh/` ...).
    public func prefix(from outputPath: String) -> String {
        String(repeating: "../", count: RelativePath.slashCount(outputPath)) + folder
    }
}

/// The languages of a multilingual site and, for each, where its pages are: what the language
/// switcher and the `hreflang` alternates of every page are made from.
public struct LanguageLinks: Sendable, Hashable {
    public struct Language: Sendable, Hashable {
        public var code: String
        public var tag: String
        /// The language's own name for itself ("English", "中文": its `language_name` string).
        public var name: String
        /// Output path of each of its pages, by source path (relative to the language's folder).
        public var outputs: [String: String]
        /// Its words for "this page is not in this language" ({language}: the page's language's name).
        public var notTranslated: String
        /// Its edition publishes the whole report (in its folder).
        public var hasWholeReport: Bool
    }

    /// In `site.yml`'s order, the default first.
    public var languages: [Language]
}
