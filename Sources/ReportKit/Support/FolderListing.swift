import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the regular files under a folder with `readdir`, as `ContentLoader.listFiles()` does
/// (content-relative paths, hidden files and folders skipped, symbolic links not followed,
/// sorted) but without building a `FileManager` attribute dictionary per file: on a site of
/// 10,000 pages that listing was most of an incremental build.
public enum FolderListing {
    /// What a folder entry is (symbolic links are `other`: they are never followed).
    public enum EntryKind: Sendable {
        case file, folder, other
    }

    static func regularFiles(under root: URL) -> [String] {
        var files: [String] = []
        visit(root.path) { _, relative, kind in
            if kind == .file { files.append(relative) }
        }
        return files.sorted()
    }

    /// Calls `body(path, relativePath, kind)` for every entry under `folder` whose name does not
    /// start with `.`, descending into folders (not into links), in `readdir` order.
    public static func visit(_ folder: String, prefix: String = "", _ body: (String, String, EntryKind) -> Void) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                if lstat(path, &info) == 0 {
                    switch info.st_mode & S_IFMT {
                    case S_IFREG: type = Int32(DT_REG)
                    case S_IFDIR: type = Int32(DT_DIR)
                    default: break
                    }
                }
            }
            let kind: EntryKind = type == Int32(DT_REG) ? .file : type == Int32(DT_DIR) ? .folder : .other
            body(path, prefix + name, kind)
            if kind == .folder { visit(path, prefix: prefix + name + "/", body) }
        }
    }
}
