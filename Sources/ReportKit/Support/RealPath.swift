import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Paths as the operating system follows them, for comparing folders: `a/link/out` where `link`
/// points into `content/` is inside `content/`, whatever the path says.
public enum RealPath {
    /// `url` (absolute) with every symbolic link along it followed, including links to folders that do
    /// not exist yet; the part of the path that does not exist is kept as written. Gives up after 40
    /// links (a loop), returning the path as far as it got.
    public static func of(_ url: URL) -> URL {
        var pending = Array(url.standardizedFileURL.pathComponents.dropFirst().reversed())  // "/" dropped
        var resolved = ""
        var linksFollowed = 0
        while let name = pending.popLast() {
            if name == "." || name.isEmpty { continue }
            if name == ".." {
                resolved = (resolved as NSString).deletingLastPathComponent
                if resolved == "/" { resolved = "" }
                continue
            }
            let candidate = resolved + "/" + name
            var info = stat()
            guard lstat(candidate, &info) == 0 else {
                // Missing: the rest is kept as written.
                resolved = candidate
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFLNK, linksFollowed < 40, let target = linkTarget(candidate) else {
                resolved = candidate
                continue
            }
            linksFollowed += 1
            if target.hasPrefix("/") { resolved = "" }
            pending.append(contentsOf: target.split(separator: "/").map(String.init).reversed())
        }
        return URL(fileURLWithPath: resolved.isEmpty ? "/" : resolved, isDirectory: true)
    }

    /// Whether `child` is `parent` or lies inside it (both real paths).
    public static func isInside(_ child: URL, _ parent: URL) -> Bool {
        let parentPath = parent.path.hasSuffix("/") ? parent.path : parent.path + "/"
        return child.path == parent.path || child.path.hasPrefix(parentPath)
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
