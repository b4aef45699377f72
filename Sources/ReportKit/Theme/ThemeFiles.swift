import DefaultThemeFiles
import Foundation

/// Where a theme's files are read from: a folder on disk (`--theme DIR`, site.yml's `theme`), or the
/// default theme built into reportgen (`themes/default/` embedded at build time, see
/// `Sources/DefaultThemeFiles`). Paths are relative to the theme (`templates/page.mustache`).
public struct ThemeFiles: Sendable {
    /// The theme folder; `nil` for the built-in theme.
    public let folder: URL?
    /// The built-in theme's files by path (empty for a folder).
    let embedded: [String: Data]

    /// A theme in `folder`.
    public static func folder(_ folder: URL) -> ThemeFiles {
        ThemeFiles(folder: folder.standardizedFileURL, embedded: [:])
    }

    /// The default theme built into reportgen.
    public static let builtIn = ThemeFiles(folder: nil, embedded: DefaultThemeFiles.byPath)

    /// Whether this is the theme built into reportgen.
    public var isBuiltIn: Bool { folder == nil }

    /// Whether the theme has the folder `path` ("templates").
    public func hasFolder(_ path: String) -> Bool {
        guard let folder else { return embedded.keys.contains { $0.hasPrefix(path + "/") } }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Names of the files directly in the theme's folder `path` ("templates"), sorted.
    public func names(in path: String) -> [String] {
        guard let folder else {
            return embedded.keys.filter { $0.hasPrefix(path + "/") }.map { String($0.dropFirst(path.count + 1)) }
                .filter { !$0.contains("/") }.sorted()
        }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(path).path)) ?? []).sorted()
    }

    /// Regular files anywhere under the theme's folder `path` ("assets"), relative to it, sorted;
    /// hidden files left out.
    public func files(under path: String) -> [String] {
        guard let folder else {
            return embedded.keys.filter { $0.hasPrefix(path + "/") }.map { String($0.dropFirst(path.count + 1)) }
                .filter { !($0 as NSString).lastPathComponent.hasPrefix(".") }.sorted()
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder.appendingPathComponent(path).path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { files.append(relative) }
        }
        return files.sorted()
    }

    /// Whether the theme has the file `path`.
    public func hasFile(_ path: String) -> Bool {
        guard let folder else { return embedded[path] != nil }
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    /// The text of the file `path` (UTF-8), `display` naming it in messages.
    public func text(_ path: String, display: String) throws(DiagnosticList) -> String {
        guard let folder else {
            guard let data = embedded[path] else { throw DiagnosticList(.error(.unreadableFile, "cannot read '\(display)'", at: SourceLocation(file: display))) }
            return try SourceText.decode(data, displayPath: display)
        }
        return try SourceText.read(folder.appendingPathComponent(path), displayPath: display)
    }

    /// The bytes of the file `path`, `nil` when it cannot be read.
    public func data(_ path: String) -> Data? {
        guard let folder else { return embedded[path] }
        return FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
    }

    /// The file `path` on disk, for a folder theme (`nil` for the built-in one).
    public func url(_ path: String) -> URL? {
        folder?.appendingPathComponent(path)
    }

    /// Every file of the built-in theme, by path (what `theme export` writes).
    public static var builtInFiles: [String: Data] { builtIn.embedded }
}
