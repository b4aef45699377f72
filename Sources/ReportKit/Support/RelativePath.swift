/// Path arithmetic on content- and output-relative paths (`a/b/c.md`) without `NSString`:
/// swift-corelibs-foundation traps on `("a" as NSString).deletingLastPathComponent` (any
/// one-character path), so a folder or page named `a` crashed the build. Works on UTF-8 bytes
/// (`/` is never part of another character), as it runs for every link of every page.
enum RelativePath {
    /// The folder part: `a/b/c.md` → `a/b`, `c.md` → empty, `/a` → `/` (as `deletingLastPathComponent`).
    static func parent(_ path: String) -> String {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        var end = bytes.endIndex
        // Trailing slashes are not part of the last component ("a/b/" → "a").
        while bytes.distance(from: bytes.startIndex, to: end) > 1, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        guard let last = bytes[..<end].lastIndex(of: slash) else { return "" }
        if last == bytes.startIndex { return "/" }
        var parentEnd = last
        while bytes.distance(from: bytes.startIndex, to: parentEnd) > 1, bytes[bytes.index(before: parentEnd)] == slash {
            parentEnd = bytes.index(before: parentEnd)
        }
        return String(path[..<parentEnd])
    }

    /// The number of `/` in a path: the folder depth of a normalized relative file path.
    static func slashCount(_ path: String) -> Int {
        var count = 0
        for byte in path.utf8 where byte == UInt8(ascii: "/") { count += 1 }
        return count
    }

    /// The file name without its extension: `a/b/credit.md` → `credit`, `a/.hidden` → `.hidden`.
    static func stem(_ path: String) -> String {
        let bytes = path.utf8
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = path[nameStart...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    /// The last component: `a/b/c.md` → `c.md`, `a` → `a`.
    static func lastComponent(_ path: String) -> String {
        let bytes = path.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[bytes.index(after: slash)...])
    }

    /// The extension of the last component, without its dot: `a/b.CSV` → `CSV`, `a/.hidden` → empty.
    static func fileExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }
}
