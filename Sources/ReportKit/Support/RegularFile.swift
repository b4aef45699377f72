import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading a whole file, but only a regular one: opening a named pipe waits for a writer, and
/// reading a device may never end, so everything the build reads from the user's folders comes
/// through here (pages, data, files copied into the site, the output marker).
public enum RegularFile {
    /// Why a file could not be read.
    public enum Failure: Error, Sendable, Equatable {
        /// The system refused (`errno`): missing, no permission, a folder, an I/O error.
        case system(Int32)
        /// It is not a regular file (`kind` says what it is: "a named pipe", "a device").
        case notRegular(kind: String)

        /// The reason in words, for a diagnostic: "Permission denied", "it is a named pipe".
        public var reason: String {
            switch self {
            case let .system(code): return String(cString: strerror(code))
            case let .notRegular(kind): return "it is \(kind), not a regular file"
            }
        }
    }

    /// The file's bytes. Opened without waiting (`O_NONBLOCK`: a named pipe opens at once and is
    /// then refused as not regular); the size from `fstat` plus one byte is read in one call, and
    /// a file that grew meanwhile is read on in chunks.
    public static func read(_ path: String) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.system(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(info.st_mode & S_IFMT == S_IFDIR ? .system(EISDIR) : .notRegular(kind: kind(info.st_mode)))
        }
        var failure: Int32?
        var bytes: [UInt8] = []
        var chunk = max(Int(info.st_size), 0) + 1
        while true {
            var ended = false
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                count = 0
                while count < buffer.count {
                    let read = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if read < 0 && errno == EINTR { continue }
                    if read < 0 { failure = errno }
                    if read <= 0 { ended = true; break }
                    count += read
                }
            }
            if let failure { return .failure(.system(failure)) }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if ended { return .success(bytes) }
            chunk = 65536
        }
    }

    /// What a file that is not regular is, in words ("a named pipe").
    /// Whether `path` is a symbolic link (not followed).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    public static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }
}
