import Foundation

/// Reading user files as text, with errors users can act on.
public enum SourceText {
    /// The file's contents as UTF-8 (a leading byte-order mark is dropped). Not UTF-8 → an error
    /// naming the line of the first bad byte.
    public static func read(_ url: URL, displayPath: String) throws(DiagnosticList) -> String {
        try read(path: url.path, displayPath: displayPath)
    }

    /// `read(_:displayPath:)` for a file system path (no `URL` or `Data` in between: every page
    /// of the site is read this way). Only a regular file is read (`RegularFile`).
    public static func read(path: String, displayPath: String) throws(DiagnosticList) -> String {
        switch RegularFile.read(path) {
        case let .success(bytes):
            return try decode(bytes, displayPath: displayPath)
        case let .failure(failure):
            throw DiagnosticList(.error(.unreadableFile, "cannot read '\(displayPath)': \(failure.reason)", at: SourceLocation(file: displayPath, line: 1),
                                        hint: "check that the file exists, is a regular file and is readable"))
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
