import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading user files as text, with errors users can act on.
public enum SourceText {
    /// The file's contents as UTF-8 (a leading byte-order mark is dropped). Not UTF-8 → an error
    /// naming the line of the first bad byte.
    public static func read(_ url: URL, displayPath: String) throws(DiagnosticList) -> String {
        try read(path: url.path, displayPath: displayPath)
    }

    /// `read(_:displayPath:)` for a file system path (no `URL` or `Data` in between: every page
    /// of the site is read this way).
    public static func read(path: String, displayPath: String) throws(DiagnosticList) -> String {
        guard let bytes = readBytes(path) else {
            throw DiagnosticList(.error(.unreadableFile, "cannot read '\(displayPath)'", at: SourceLocation(file: displayPath, line: 1),
                                        hint: "check that the file exists and is readable"))
        }
        return try decode(bytes, displayPath: displayPath)
    }

    /// A regular file's bytes; `nil` when it cannot be opened or read (or is a folder).
    static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var failed = false
        var bytes: [UInt8] = []
        // The size from fstat, plus one byte to see the end of the file in the same call; a file
        // that grew meanwhile is read on in chunks.
        var chunk = max(Int(info.st_size), 0) + 1
        while true {
            var ended = false
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                count = 0
                while count < buffer.count {
                    let read = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if read < 0 && errno == EINTR { continue }
                    if read < 0 { failed = true }
                    if read <= 0 { ended = true; break }
                    count += read
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if ended { return bytes }
            chunk = 65536
        }
    }

    /// Decodes bytes as UTF-8, reporting the line and column of the first invalid byte.
    public static func decode(_ data: Data, displayPath: String) throws(DiagnosticList) -> String {
        try decode([UInt8](data), displayPath: displayPath)
    }

    /// Decodes bytes as UTF-8, reporting the line and column of the first invalid byte.
    public static func decode(_ bytes: [UInt8], displayPath: String) throws(DiagnosticList) -> String {
        switch UTF8Check.decode(bytes, file: displayPath, subject: "'\(displayPath)'",
                                hint: "save the file as UTF-8 (most editors: 'Save with encoding')") {
        case let .success(text):
            return text
        case let .failure(diagnostic):
            throw DiagnosticList(diagnostic)
        }
    }
}
