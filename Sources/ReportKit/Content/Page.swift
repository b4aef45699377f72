/// One Markdown source file and where it goes in the site.
public struct Page: Sendable, Hashable {
    /// Path relative to the content folder, with `/` separators: `dilemmas/credit.md`.
    public var sourcePath: String
    /// The path shown in diagnostics: `content/dilemmas/credit.md`.
    public var displayPath: String
    /// Output path relative to the site root: `dilemmas/credit/index.html`.
    public var outputPath: String
    public var frontMatter: FrontMatter
    public var body: String
    public var bodyFirstLine: Int
    /// True for a folder's `index.md`/`_index.md` and for generated section lists.
    public var isSectionIndex: Bool
    /// True for a list page the generator made for a folder without an index.
    public var isGenerated: Bool
    /// Content-relative folder of the section this page belongs to ("" for the root).
    public var section: String

    /// The relative prefix from this page's output file to the site root: `../../` for `a/b/index.html`.
    public var rootPrefix: String {
        String(repeating: "../", count: RelativePath.slashCount(outputPath))
    }
}
