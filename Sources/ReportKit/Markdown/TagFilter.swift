/// GitHub's tag filter for raw HTML: the opening `<` of `title`, `textarea`, `style`, `xmp`,
/// `iframe`, `noembed`, `noframes`, `script` and `plaintext` tags becomes `&lt;`, so allowed raw
/// HTML still cannot run scripts or swallow the rest of the page. With `scriptElements`, the same
/// for the other elements that run scripts, embed content or redirect the page's links
/// (`RawHTMLFilter` applies it unless `raw_html_scripts` allows scripts).
public enum TagFilter {
    static let tags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
    /// `noscript` is raw text to a browser that runs scripts (a tag scan would read markup inside
    /// it that the browser does not); SVG's `animate` and `set` can set an `href` to a script URL.
    static let scriptElements = ["noscript", "object", "embed", "applet", "base", "meta", "frame", "frameset", "portal",
                                 "fencedframe", "animate", "set", "handler"]

    public static func apply(_ html: String, scriptElements: Bool = false) -> String {
        let tags = scriptElements ? Self.tags + Self.scriptElements : Self.tags
        guard html.utf8.contains(byte: UInt8(ascii: "<")) else { return html }
        var result = ""
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            var after = rest[rest.index(after: open)...]
            if after.first == "/" { after = after.dropFirst() }
            let lower = after.prefix(16).lowercased()
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
