/// GitHub's tag filter for raw HTML: the opening `<` of `title`, `textarea`, `style`, `xmp`,
/// `iframe`, `noembed`, `noframes`, `script` and `plaintext` tags becomes `&lt;`, so allowed raw
/// HTML still cannot run scripts or swallow the rest of the page.
public enum TagFilter {
    static let tags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    public static func apply(_ html: String) -> String {
        guard html.utf8.contains(byte: UInt8(ascii: "<")) else { return html }
        var result = ""
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            var after = rest[rest.index(after: open)...]
            if after.first == "/" { after = after.dropFirst() }
            let lower = after.prefix(10).lowercased()
            let filtered = tags.contains { tag in
                guard lower.hasPrefix(tag) else { return false }
                let next = lower.dropFirst(tag.count).first
                return next == nil || next == ">" || next == "/" || next!.isWhitespace
            }
            result += filtered ? "&lt;" : "<"
            rest = rest[rest.index(after: open)...]
        }
        result += rest
        return result
    }
}
