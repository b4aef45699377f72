import ArgumentParser
import Foundation
import ReportKit

/// `reportgen theme …`: the theme built into reportgen.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the theme built into reportgen.",
        subcommands: [ThemeExportCommand.self]
    )
}

struct ThemeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in default theme into a folder, to customise it.",
        discussion: """
            Writes templates/, assets/ and theme.yml. Use the copy with 'theme: PATH' in site.yml \
            (relative to the content folder) or with --theme DIR. Refuses a folder that is not empty \
            unless --force, and never writes outside the folder.
            """
    )

    @Argument(help: ArgumentHelp("The folder to write the theme into (created if missing).", valueName: "dir"))
    var folder: String

    @Flag(name: .long, help: "Write into a folder that is not empty, overwriting the theme's files there.")
    var force = false

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        do {
            let written = try ThemeExport.write(to: URL(fileURLWithPath: folder, relativeTo: cwd), display: folder, force: force)
            for file in written { print("wrote \(file)") }
        } catch {
            DiagnosticPrinter().print(error.sorted)
            throw ExitCode(1)
        }
    }
}
