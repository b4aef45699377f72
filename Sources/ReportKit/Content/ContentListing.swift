import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files of a content folder that a build reads and publishes, and an error for every entry
/// it refuses: names that cannot be published safely (`PublishableName`), names that are not
/// UTF-8, paths longer than the system opens, folders it cannot open, named pipes and other
/// files that are not regular (reading one can wait forever), and symbolic links that lead
/// outside the content folder or nowhere. `build`, `check` and `serve` all list content this way.
struct ContentListing: Sendable {
    /// Content-relative paths of regular files, and of symbolic links to regular files inside
    /// the content folder; hidden files and folders left out; sorted.
    var files: [String] = []
    /// One error for each entry refused (a refused folder is not walked).
    var problems: [Diagnostic] = []
    /// Content-relative paths of the entries refused.
    var refused: [String] = []

    /// Walks `loader`'s content folder.
    init(_ loader: ContentLoader) {
        let root = loader.contentRoot
        let resolvedRoot = root.resolvingSymlinksInPath().path
        let rootPrefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
        func refuse(_ relative: String, _ code: DiagnosticCode, _ message: String, hint: String) {
            refused.append(relative)
            problems.append(.error(code, message, at: SourceLocation(file: loader.displayPath(relative)), hint: hint))
        }
        // Entries under a refused folder come right after it (the walk is depth first).
        var refusedFolder: String?
        FolderListing.visit(root.path, problem: { problem in
            if let refused = refusedFolder, problem.relativePath.hasPrefix(refused + "/") { return }
            let noun = problem.isFolder ? "folder" : "file"
            switch problem.kind {
            case let .nameNotUTF8(byte):
                refuse(problem.relativePath, .unpublishableName, "\(noun) name is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                       hint: "rename the \(noun) so that its name is UTF-8 ('convmv' converts names from other encodings)")
            case let .pathTooLong(bytes):
                refuse(problem.relativePath, .unpublishableName, "path is \(bytes) bytes long; this system opens paths of at most \(FolderListing.maxPathBytes) bytes",
                       hint: "shorten the names of its folders, or move it nearer the top of the content folder")
            case let .cannotOpen(code):
                refuse(problem.relativePath, .unreadableFile, "cannot list this folder: \(String(cString: strerror(code)))",
                       hint: "check that you may read the folder")
            }
        }) { path, relative, kind in
            if let refused = refusedFolder, relative.hasPrefix(refused + "/") { return }
            let name = relative.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relative[relative.index(after: $0)...]) } ?? relative
            if let problem = PublishableName.problem(name, isFolder: kind == .folder) {
                refuse(relative, .unpublishableName, problem.message, hint: problem.hint)
                if kind == .folder { refusedFolder = relative }
                return
            }
            switch kind {
            case .file: files.append(relative)
            case .folder: break
            case .other:
                var info = stat()
                guard lstat(path, &info) == 0 else { return }
                guard info.st_mode & S_IFMT == S_IFLNK else {
                    refuse(relative, .notARegularFile, "'\(loader.displayPath(relative))' is \(RegularFile.kind(info.st_mode)), not a regular file",
                           hint: "only regular files are published: replace it with a regular file, or move it out of the content folder")
                    return
                }
                // A link is kept when it names a regular file inside the content folder; folders
                // it names are not walked (the walk never follows links).
                let target = root.appendingPathComponent(relative).resolvingSymlinksInPath().path
                var targetInfo = stat()
                let exists = stat(path, &targetInfo) == 0
                if !exists || !target.hasPrefix(rootPrefix) {
                    refuse(relative, .symlinkOutsideContent, "'\(loader.displayPath(relative))' is a symbolic link \(exists ? "that leads outside the content folder" : "to a missing file")",
                           hint: "copy the file into the content folder instead of linking to it")
                } else if targetInfo.st_mode & S_IFMT == S_IFREG {
                    files.append(relative)
                } else if targetInfo.st_mode & S_IFMT != S_IFDIR {
                    refuse(relative, .notARegularFile, "'\(loader.displayPath(relative))' is a symbolic link to \(RegularFile.kind(targetInfo.st_mode)), not to a regular file",
                           hint: "only regular files are published: replace it with a regular file, or move it out of the content folder")
                }
            }
        }
        files.sort()
    }
}

/// Which file and folder names can be published: a name becomes part of a page's address, of
/// file names in the output and of messages printed on the terminal, so names holding control
/// characters (a line break, a terminal escape code), invisible bidirectional-text controls or
/// Unicode noncharacters (two of which the build reserves for its own placeholders) are refused.
enum PublishableName {
    /// Why `name` cannot be published, as an error message and a hint; `nil` when it can.
    static func problem(_ name: String, isFolder: Bool) -> (message: String, hint: String)? {
        // Most names hold no byte that can start such a character (0xEF and above start the noncharacters).
        guard name.utf8.contains(where: { PrintableText.mayStartUnsafe($0) || $0 >= 0xEF }) else { return nil }
        let noun = isFolder ? "folder" : "file"
        for scalar in name.unicodeScalars {
            if Noncharacters.contains(scalar) {
                return ("\(noun) name holds \(scalar.codePoint), a Unicode noncharacter, which cannot be published", "rename the \(noun) without it")
            }
            switch scalar.value {
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                return ("\(noun) name holds an invisible bidirectional-text control (\(scalar.codePoint)), which makes it read differently than it is",
                        "rename the \(noun) without it")
            default:
                guard PrintableText.isUnsafe(scalar) else { continue }
                let described = controlNames[scalar.value].map { "\($0), \(scalar.codePoint)" } ?? scalar.codePoint
                return ("\(noun) name holds a control character (\(described)), which cannot be published safely",
                        "rename the \(noun) without control characters (line breaks, tabs, terminal escape codes)")
            }
        }
        return nil
    }

    /// The control characters people meet, by name.
    static let controlNames: [UInt32: String] = [
        0x09: "tab", 0x0A: "line feed", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete",
        0x2028: "line separator", 0x2029: "paragraph separator",
    ]
}
