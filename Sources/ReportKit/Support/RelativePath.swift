/// Path arithmetic on content- and output-relative paths (`a/b/c.md`) without `NSString`:
/// swift-corelibs-foundation traps on `("a" as NSString).deletingLastPathComponent` (any
/// one-character path), so a folder or page named `a` crashed the build.
enum RelativePath {
    /// The folder part: `a/b/c.md` → `a/b`, `c.md` → empty, `/a` → `/` (as `deletingLastPathComponent`).
    static func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        var parent = trimmed[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
        return String(parent)
    }
}
