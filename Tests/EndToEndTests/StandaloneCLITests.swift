import Foundation
import Testing
import ReportKit
import ReportServer

/// reportgen used outside the repository, as an installed binary is: no `themes/` folder around.
struct StandaloneCLITests {
    static func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-standalone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func versionPrintsTheOneVersion() throws {
        let result = try CLITests.run(["--version"], in: try Self.emptyFolder())
        #expect(result.status == 0)
        #expect(result.stdout == ReportgenVersion.current + "\n")
    }

    /// The first report: `new site` then `build` failed with "theme 'themes/default' has no templates folder".
    @Test func aNewSiteBuildsAtOnceAnywhere() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLITests.run(["new", "site", "report"], in: folder).status == 0)
        let build = try CLITests.run(["build", "--content", "report", "--output", "out", "--quiet"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(page.contains("<meta name=\"generator\" content=\"reportgen \(ReportgenVersion.current)\">"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/assets/style.css").path))
    }

    @Test func anExportedThemeNamedInSiteYmlBuildsTheSameSite() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLITests.run(["new", "site", "report"], in: folder).status == 0)
        #expect(try CLITests.run(["build", "--content", "report", "--output", "built-in", "--quiet"], in: folder).status == 0)
        let export = try CLITests.run(["theme", "export", "my-theme"], in: folder)
        #expect(export.status == 0)
        #expect(export.stdout.contains("wrote my-theme/templates/page.mustache"))
        #expect(try CLITests.run(["theme", "export", "my-theme"], in: folder).stderr.contains("error[RG0510]"))
        let siteYml = folder.appendingPathComponent("report/site.yml")
        try (String(contentsOf: siteYml, encoding: .utf8) + "theme: ../my-theme\n").write(to: siteYml, atomically: true, encoding: .utf8)
        #expect(try CLITests.run(["build", "--content", "report", "--output", "exported", "--quiet"], in: folder).status == 0)
        let diff = Process()
        diff.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        diff.arguments = ["-r", "built-in", "exported"]
        diff.currentDirectoryURL = folder
        try diff.run()
        diff.waitUntilExit()
        #expect(diff.terminationStatus == 0)
    }
}

/// `serve` watches the theme folder site.yml names (a path relative to the content folder), so
/// editing an exported theme reloads the preview.
struct PreviewThemeWatchTests {
    @Test func serveWatchesTheThemeSiteYmlNames() throws {
        let root = try StandaloneCLITests.emptyFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("my-theme/templates"), withIntermediateDirectories: true)
        try "theme: ../my-theme\n".write(to: root.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        let options = BuildOptions(contentFolder: root.appendingPathComponent("content"), outputFolder: root.appendingPathComponent("preview"),
                                   projectRoot: root)
        let server = PreviewServer(PreviewServer.Configuration(options: options))
        #expect(server.watchedPaths.map(\.lastPathComponent) == ["content", "themes", "my-theme"])
    }
}
