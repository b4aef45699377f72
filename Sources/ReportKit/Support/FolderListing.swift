import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks a folder with `readdir` (content-relative paths, hidden files and folders skipped,
/// symbolic links not followed) without building a `FileManager` attribute dictionary per file:
/// on a site of 10,000 pages that listing was most of an incremental build.
///
/// What the walk cannot take as it is, it reports instead of skipping in silence: a name that is
/// not UTF-8 (it has no `String` path), a path longer than the system opens, a folder it cannot open.
public enum FolderListing {
    /// What a folder entry is (symbolic links are `other`: they are never followed).
    public enum EntryKind: Sendable {
        case file, folder, other
    }

    /// An entry the walk reports instead of visiting (it does not descend into it).
    public struct Problem: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// The name is not UTF-8; `byte` is the first invalid byte.
            case nameNotUTF8(byte: UInt8)
            /// The full path is `bytes` long, at least `PATH_MAX`.
            case pathTooLong(bytes: Int)
            /// `opendir` failed with this `errno`.
            case cannotOpen(code: Int32)
        }

        /// The relative path, invalid bytes written `\xE9`.
        public var relativePath: String
        public var isFolder: Bool
        public var kind: Kind
    }

    /// The longest path the system opens, in bytes (`PATH_MAX` counts the final NUL).
    public static let maxPathBytes = Int(PATH_MAX) - 1

    /// Calls `body(path, relativePath, kind)` for every entry under `folder` whose name does not
    /// start with `.`, descending into folders (not into links), in `readdir` order; entries it
    /// cannot visit go to `problem`.
    public static func visit(_ folder: String, prefix: String = "", problem: (Problem) -> Void = { _ in },
                             _ body: (String, String, EntryKind) -> Void) {
        guard let directory = opendir(folder) else {
            problem(Problem(relativePath: String(prefix.dropLast()), isFolder: true, kind: .cannotOpen(code: errno)))
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes.first == UInt8(ascii: ".") { continue }
            var type = Int32(entry.pointee.d_type)
            guard let name = String(validating: bytes, as: UTF8.self) else {
                if type == Int32(DT_UNKNOWN) { type = typeOf(Array(folder.utf8) + [UInt8(ascii: "/")] + bytes) }
                problem(Problem(relativePath: prefix + escaped(bytes), isFolder: type == Int32(DT_DIR),
                                kind: .nameNotUTF8(byte: firstInvalidByte(bytes))))
                continue
            }
            let path = folder + "/" + name
            if type == Int32(DT_UNKNOWN) { type = typeOf(Array(path.utf8)) }
            if path.utf8.count > maxPathBytes {
                problem(Problem(relativePath: prefix + name, isFolder: type == Int32(DT_DIR), kind: .pathTooLong(bytes: path.utf8.count)))
                continue
            }
            let kind: EntryKind = type == Int32(DT_REG) ? .file : type == Int32(DT_DIR) ? .folder : .other
            body(path, prefix + name, kind)
            if kind == .folder { visit(path, prefix: prefix + name + "/", problem: problem, body) }
        }
    }

    /// `DT_REG`, `DT_DIR` or `DT_UNKNOWN` for the entry at `path` (its bytes; not following links).
    static func typeOf(_ path: [UInt8]) -> Int32 {
        var info = stat()
        let found = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) == 0 }
        }
        guard found else { return Int32(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return Int32(DT_REG)
        case S_IFDIR: return Int32(DT_DIR)
        default: return Int32(DT_UNKNOWN)
        }
    }

    /// A name that is not UTF-8, readable: valid runs as they are, each invalid byte as `\xE9`.
    public static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        var start = 0
        while start < bytes.count {
            // The longest prefix of the rest that is valid UTF-8 (at least one byte shorter each round).
            var end = bytes.count
            while end > start, String(validating: bytes[start..<end], as: UTF8.self) == nil { end -= 1 }
            if end > start {
                out += String(decoding: bytes[start..<end], as: UTF8.self)
                start = end
            } else {
                out += "\\x" + String(bytes[start], radix: 16, uppercase: true)
                start += 1
            }
        }
        return out
    }

    /// The first byte of `bytes` that is not part of valid UTF-8.
    static func firstInvalidByte(_ bytes: [UInt8]) -> UInt8 {
        var end = bytes.count
        while end > 0, String(validating: bytes[0..<end], as: UTF8.self) == nil { end -= 1 }
        return end < bytes.count ? bytes[end] : 0
    }
}
