import Foundation

/// Turns the links written in a page (`modes.md#credit`, `data/loans.csv`, `#intro`) into
/// relative URLs that name a file, and reports links to things that do not exist.
public struct LinkResolver: Sendable {
    /// Output path of every page, by content-relative source path.
    let outputBySource: [String: String]
    /// The page a link target names, by normalized content-relative target: its Markdown file
    /// (`modes.md`), its folder when it is a section index (`dilemmas` for `dilemmas/_index.md`,
    /// `index.md` preferred), `""` for `index.md`, or its output folder (`modes`, `modes/index.html`),
    /// in that order of precedence. Made once, so a link costs one lookup.
    let sourceByTarget: [String: String]
    /// Content-relative paths of files copied to the output as they are.
    let files: Set<String>
    /// Page and file paths by folder, for did-you-mean hints that stay cheap on large sites.
    let pathsByFolder: [String: [String]]
    /// In a language's edition, the default language's pages it has no translation of (output by
    /// source path): a link to one leads to the original.
    let fallbackOutputs: [String: String]

    /// `edition` is the language edition of `pages` (their output paths lie in its folder; links
    /// between them are written as between the default language's pages).
    public init(pages: [Page], files: some Sequence<String>, edition: ContentEdition = ContentEdition()) {
        fallbackOutputs = edition.fallbackOutputs
        var outputBySource: [String: String] = [:]
        for page in pages { outputBySource[page.sourcePath] = page.outputPath }
        self.outputBySource = outputBySource
        // Source path of every page by its output folder (`modes` for `modes/index.html`), so that
        // links written the way the site is served (`../modes/`) work too.
        var byFolder: [String: String] = [:]
        for page in pages { byFolder[String(page.outputPath.dropFirst(edition.folder.count).dropLast("index.html".count)).trimmingSuffix("/")] = page.sourcePath }
        var byTarget: [String: String] = [:]
        for folder in byFolder.keys {
            for key in folder.isEmpty ? [folder] : [folder, folder + "/index.html"] {
                let lookup = key.hasSuffix("/index.html") ? String(key.dropLast("/index.html".count)) : key
                if let source = byFolder[lookup] { byTarget[key] = source }
            }
        }
        if outputBySource["index.md"] != nil { byTarget[""] = "index.md" }
        for suffix in ["/_index.md", "/index.md"] {
            for source in outputBySource.keys where source.hasSuffix(suffix) { byTarget[String(source.dropLast(suffix.count))] = source }
        }
        for source in outputBySource.keys { byTarget[source] = source }
        sourceByTarget = byTarget
        self.files = Set(files)
        var grouped: [String: [String]] = [:]
        for path in Array(outputBySource.keys) + Array(self.files) {
            grouped[RelativePath.parent(path), default: []].append(path)
        }
        pathsByFolder = grouped.mapValues { $0.sorted() }
    }

    /// The decision for one URL written in `page`.
    public func resolve(_ url: String, isImage: Bool, in page: Page, at location: SourceLocation) -> LinkResolution {
        if url.isEmpty { return .keep }
        if url.hasPrefix("#") {
            let anchor = String(url.dropFirst())
            return anchor.isEmpty ? .keep : .rewrite(url, anchorCheck: AnchorReference(page: page.sourcePath, anchor: anchor, location: location))
        }
        if Self.hasScheme(url) || url.hasPrefix("//") { return .keep }
        if url.hasPrefix("/") {
            return .broken(.error(.absoluteLink, "link '\(url)' is absolute, so it breaks when the site is opened from disk", at: location,
                                  hint: "write it relative to this page, e.g. '\(String(url.dropFirst()))'"))
        }
        var path = url
        var fragment: String?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[path.utf8.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let question = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = String(path[..<question]) }
        if path.utf8.contains(byte: UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        let folder = RelativePath.parent(page.sourcePath)
        guard let target = Self.normalize(folder.isEmpty ? path : folder + "/" + path) else {
            return .broken(.error(.pathOutsideContent, "link '\(url)' leaves the content folder", at: location, hint: "link only to files inside the content folder"))
        }
        let suffix = fragment.map { "#" + $0 } ?? ""
        // A page, by its Markdown file or by its folder.
        if let source = sourceByTarget[target], let output = outputBySource[source] {
            let href = output == page.outputPath && fragment != nil ? SiteHref.encodeSuffix(suffix) : SiteHref.to(output, from: page.rootPrefix, suffix: suffix)
            let anchorCheck = fragment.flatMap { $0.isEmpty ? nil : AnchorReference(page: source, anchor: $0, location: location) }
            return .rewrite(href, anchorCheck: anchorCheck)
        }
        if files.contains(target) {
            return .rewrite(SiteHref.to(target, from: page.rootPrefix, suffix: suffix), anchorCheck: nil)
        }
        if let output = fallbackOutputs[target] ?? fallbackOutputs[target + "/index.md"] ?? fallbackOutputs[target + "/_index.md"] {
            return .rewrite(SiteHref.to(output, from: page.rootPrefix, suffix: suffix), anchorCheck: nil)
        }
        let what = isImage ? "image" : (target.hasSuffix(".md") ? "page" : "file")
        let candidates = pathsByFolder[RelativePath.parent(target)] ?? []
        return .broken(.error(.missingLinkTarget, "link to missing \(what) '\(url)'", at: location,
                              hint: Suggestion.closest(to: target, in: candidates).map { "did you mean '\(Self.relative($0, from: folder))'?" }
                                  ?? "check the file name; links to pages name their .md file"))
    }

    /// `a/./b/../c.md` → `a/c.md`; `nil` when the path climbs out of the root. Works on UTF-8
    /// bytes: every link of every page passes here, most of them as `../folder/page/`.
    static func normalize(_ path: String) -> String? {
        if isNormal(path) { return path }
        let bytes = Array(path.utf8)
        var kept: [Range<Int>] = []
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
            let length = end - start
            if length == 0 || (length == 1 && bytes[start] == UInt8(ascii: ".")) {
                // empty or "."
            } else if length == 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".") {
                if kept.isEmpty { return nil }
                kept.removeLast()
            } else {
                kept.append(start..<end)
            }
            start = end + 1
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, range) in kept.enumerated() {
            if index > 0 { result.append(UInt8(ascii: "/")) }
            result.append(contentsOf: bytes[range])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// True when `normalize` would return the path unchanged: no empty, `.` or `..` component
    /// (the common case, checked without splitting).
    static func isNormal(_ path: String) -> Bool {
        var length = 0
        var onlyDots = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (onlyDots && length <= 2) { return false }
                length = 0
                onlyDots = true
            } else {
                length += 1
                onlyDots = onlyDots && byte == UInt8(ascii: ".")
            }
        }
        return length > 0 && !(onlyDots && length <= 2)
    }

    /// A content path written relative to `folder`, for hints.
    static func relative(_ path: String, from folder: String) -> String {
        guard !folder.isEmpty else { return path }
        let depth = folder.split(separator: "/").count
        if path.hasPrefix(folder + "/") { return String(path.dropFirst(folder.count + 1)) }
        return String(repeating: "../", count: depth) + path
    }

    /// `scheme:` before any `/`: letters, digits, `+`, `-` and `.` (RFC 3986), at least one.
    static func hasScheme(_ url: String) -> Bool {
        var length = 0
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") { return length > 0 }
            let lower = byte | 0x20
            let allowed = (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !allowed { return false }
            length += 1
        }
        return false
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
