/// The title a page gets from its file name when neither its front matter nor its first heading
/// gives one; the one rule for pages and for the list pages generated for folders.
enum FileNameTitle {
    /// `credit-reporting.md` → "Credit reporting"; `index.md` and `_index.md` take their folder's
    /// name, and the site's own index is "Home". Hyphens and underscores become spaces; the first
    /// letter is capitalised and the rest left as written ("GDP-data" → "GDP data").
    static func title(forPage path: String) -> String {
        var stem = RelativePath.stem(path)
        if stem == "index" || stem == "_index" {
            let folder = RelativePath.parent(path)
            guard !folder.isEmpty else { return "Home" }
            stem = RelativePath.lastComponent(folder)
        }
        let words = stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The title of the list page generated for `folder` (content-relative), which has no index page.
    static func title(forFolder folder: String) -> String {
        title(forPage: folder + "/index.md")
    }
}
