import ArgumentParser
import Foundation
import ReportKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site or page.",
        subcommands: [NewSite.self, NewPage.self]
    )
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Create a content folder with site.yml, two pages, a data file, a chart and a table.",
        discussion: """
            The new site builds at once with the built-in theme: reportgen build --content DIR. It also gets \
            .github/workflows/pages.yml and .gitlab-ci.yml, which publish it to GitHub or GitLab Pages from a \
            repository whose root is DIR, installing reportgen's .deb (see their first lines).
            """
    )

    @Argument(help: ArgumentHelp("The new content folder.", valueName: "dir"))
    var folder: String

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        do {
            let files = try SiteScaffold.createSite(at: URL(fileURLWithPath: folder, relativeTo: cwd).standardizedFileURL, displayPath: folder)
            for file in files { print("created \(file)") }
            print("next: reportgen serve --content \(folder)")
        } catch {
            DiagnosticPrinter().print(error.sorted)
            throw ExitCode(1)
        }
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Create a Markdown page with front matter in the content folder.",
        discussion: "PATH is relative to the content folder; add the page to 'navigation' in site.yml to place it in the menu."
    )

    @Argument(help: ArgumentHelp("The page, relative to the content folder (e.g. chapters/risks.md).", valueName: "path"))
    var path: String

    @Option(name: .long, help: "The page title (default: from the file name).")
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content: String = "content"

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        var relative = path
        // Accept the path as typed from the project folder too (content/x.md).
        let prefix = content.hasSuffix("/") ? content : content + "/"
        if relative.hasPrefix(prefix) { relative = String(relative.dropFirst(prefix.count)) }
        do {
            let created = try SiteScaffold.createPage(relative, title: title,
                                                      contentFolder: URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL,
                                                      displayRoot: content)
            print("created \(created)")
        } catch {
            DiagnosticPrinter().print(error.sorted)
            throw ExitCode(1)
        }
    }
}
