import Foundation

extension BuildOptions {
    /// The theme a build uses, first of: `--theme DIR` (`themeFolder`); site.yml's `theme`, a folder
    /// relative to the content folder (a bare name that is no such folder but a folder of the
    /// project's `themes/` still means that folder, as it did before paths); else the default theme
    /// built into reportgen, which needs no file on disk.
    public func themeFiles(for config: SiteConfig) -> ThemeFiles {
        if let themeFolder { return .folder(themeFolder) }
        guard let name = config.theme else { return .builtIn }
        let inContent = contentFolder.appendingPathComponent(name).standardizedFileURL
        if Self.isFolder(inContent) { return .folder(inContent) }
        if !name.contains("/") {
            let underThemes = projectRoot.appendingPathComponent("themes").appendingPathComponent(name)
            if Self.isFolder(underThemes) { return .folder(underThemes) }
            if name == "default" { return .builtIn }
        }
        return .folder(inContent)
    }

    /// How a theme is named in messages: its folder as the user reads it, or "built-in theme".
    public func display(_ theme: ThemeFiles) -> String {
        theme.folder.map(display) ?? "built-in theme"
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
