import Foundation
import PackagePlugin

/// Build-tool plugin: turns every file of `themes/default/` into a Swift source
/// (`DefaultThemeFiles.generated.swift`, written by `scripts/embed-theme.sh`), so the default theme
/// is built into the reportgen binary while `themes/default/` stays the one place to edit it.
///
/// The command's inputs are the theme's files and folders, so editing, adding or removing a file
/// runs it again. The `DefaultThemeFiles` target lives in `themes/` so that SwiftPM, which watches
/// the folders of targets, plans the build again when a file is added there, and asks this plugin
/// for the new list of inputs: no list of theme files is kept by hand.
@main
struct EmbedDefaultTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let package = context.package.directoryURL
        let script = package.appending(path: "scripts/embed-theme.sh")
        let theme = package.appending(path: "themes/default")
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultThemeFiles.generated.swift")
        return [.buildCommand(
            displayName: "Embedding themes/default",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: [script, theme, output].map { $0.path(percentEncoded: false) },
            inputFiles: [script] + Self.entries(under: theme),
            outputFiles: [output]
        )]
    }

    /// `folder`, its subfolders and their files, sorted.
    static func entries(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [folder] }
        return [folder] + enumerator.compactMap { $0 as? URL }.sorted { $0.path < $1.path }
    }
}
