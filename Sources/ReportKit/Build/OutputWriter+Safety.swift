import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What keeps `OutputWriter` inside its folder, and the diagnostics it gives when the system
/// refuses: each names the file or folder and says what to do.
extension OutputWriter {
    /// Whether every folder above `relative` (a path the marker listed) is a real folder of the
    /// staging folder, not a link out of it: a stale file is removed only then.
    func foldersAreReal(above relative: String) -> Bool {
        var folder = RelativePath.parent(relative)
        while !folder.isEmpty {
            guard Self.isRealFolder(staging.path + "/" + folder) else { return false }
            folder = RelativePath.parent(folder)
        }
        return true
    }

    /// The folders among `folders` (kept from the spare, which the new site needs) that are no
    /// longer real folders, with every folder the spare listed under them: someone put a link or
    /// a file in their place. The link or file is removed, so the folders are made again and
    /// nothing is written through a link. One `lstat` a folder, in parallel.
    func replacedFolders(among folders: Set<String>) -> Set<String> {
        let root = staging.path
        let replaced = Array(folders).parallelMap { folder in Self.isRealFolder(root + "/" + folder) ? nil : folder }.compactMap { $0 }
        guard !replaced.isEmpty else { return [] }
        var gone = Set<String>()
        for folder in replaced.sorted() {
            if unlink(root + "/" + folder) != 0 { try? FileManager.default.removeItem(atPath: root + "/" + folder) }
            gone.insert(folder)
        }
        for path in previousFiles {
            var folder = RelativePath.parent(path)
            while !folder.isEmpty {
                if replaced.contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) { gone.insert(folder) }
                folder = RelativePath.parent(folder)
            }
        }
        return gone
    }

    /// Whether `path` is a folder itself, not a link to one.
    static func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The nearest existing parent of `output` when it is not a folder (`--output notes.txt/site`).
    static func fileInTheWay(of output: URL) -> URL? {
        var folder = output.deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            var info = stat()
            if stat(folder.path, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR ? nil : folder }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    // MARK: Diagnostics

    /// `output/a/index.html`: a file of the site as the user finds it once the build is done.
    func displayPath(_ relativePath: String) -> String {
        displayOutput.hasSuffix("/") ? displayOutput + relativePath : displayOutput + "/" + relativePath
    }

    /// A file of the site could not be written.
    func writeFailure(_ relativePath: String, _ code: Int32) -> DiagnosticList {
        DiagnosticList(.error(.writeFailed, "cannot write this file of the site: \(String(cString: strerror(code)))",
                              at: SourceLocation(file: displayPath(relativePath)), hint: Self.hint(forWriteError: code)))
    }

    /// The finished site could not be put in place of the output folder.
    func moveFailure(_ what: String, _ code: Int32) -> DiagnosticList {
        DiagnosticList(.error(.writeFailed, "\(what): \(String(cString: strerror(code)))", at: SourceLocation(file: displayOutput),
                              hint: Self.hint(forWriteError: code)))
    }

    /// What to do when writing fails with `errno` `code`.
    static func hint(forWriteError code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "free some space on the disk that holds the output folder (or choose another --output), then build again"
        case EFBIG: return "the file is larger than this system or your shell allows (see 'ulimit -f')"
        case EACCES, EPERM: return "check that you may write to the output folder and to the folder that holds it"
        case EROFS: return "the output folder is on a read-only disk: choose another --output"
        case ENAMETOOLONG: return "the path is too long for this system: choose a shorter --output, or shorter folder and file names"
        case ENOTDIR, EEXIST, EISDIR: return "a file or folder of that name is in the way: remove it, or choose another --output"
        default: return "check the output folder and the disk that holds it"
        }
    }

    /// The `errno` behind a Foundation file error (`EIO` when there is none).
    static func posixCode(of error: any Error) -> Int32 {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return EIO
    }
}
