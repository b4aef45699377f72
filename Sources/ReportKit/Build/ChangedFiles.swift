import Foundation

/// The paths a file watcher saw change, sorted into what they are to an incremental build, so
/// that the build reads just those instead of stamping every file of the content.
///
/// Only edits of files the previous load already knew can be handled this way; anything that may
/// change the listing (a file added or removed, `site.yml`, a path it cannot place) makes `init`
/// return `nil`, and the build scans the whole content folder as it does without a hint.
struct ChangedFiles: Sendable, Equatable {
    /// Content-relative paths of changed pages, data files, metadata files and static files.
    var content: Set<String> = []
    /// Absolute paths that changed outside the content folder (theme files, or files of themes
    /// not in use); when not empty, the theme is stamped again.
    var outside: Set<String> = []

    /// Sorts `paths` (absolute, as the watcher reports them) against the files of the previous
    /// load; `nil` when only a full scan can tell what changed.
    init?(paths: some Sequence<String>, contentRoot: String, known: [String: CachedContentLoader.FileKind]) {
        let prefix = contentRoot.hasSuffix("/") ? contentRoot : contentRoot + "/"
        for path in paths {
            guard path.hasPrefix(prefix) else {
                if path + "/" != prefix { outside.insert(path) }
                continue
            }
            let relative = String(path.dropFirst(prefix.count))
            if relative.isEmpty || relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if relative == "site.yml" { return nil }
            switch known[relative] {
            case .metadata?:
                content.insert(relative) // read (or found missing) through its data file's fingerprint
            case .some:
                guard FileStamp(path: path) != nil else { return nil } // removed, or no longer a regular file
                content.insert(relative)
            case nil:
                if Self.isFolder(path) { continue } // its files are reported on their own
                let type = (relative as NSString).pathExtension.lowercased()
                if type == "yml" || type == "yaml" { continue } // not read by the build
                return nil // a new file, or a removed folder
            }
        }
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
