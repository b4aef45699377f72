import Foundation
import Testing
@testable import ReportKit

/// `reportgen theme export DIR` (`ThemeExport`): writes the built-in theme, only inside DIR.
struct ThemeExportTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-export-\(UUID().uuidString)")

    func remove() { try? FileManager.default.removeItem(at: root) }

    @Test func exportWritesEveryFileOfTheBuiltInTheme() throws {
        defer { remove() }
        let folder = root.appendingPathComponent("my/theme")
        let written = try ThemeExport.write(to: folder, display: "my/theme", force: false)
        #expect(written.contains("my/theme/templates/page.mustache"))
        #expect(written.count == ThemeFiles.builtInFiles.count)
        for (path, data) in ThemeFiles.builtInFiles {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) == data)
        }
    }

    @Test func aFolderThatIsNotEmptyIsRefusedUnlessForced() throws {
        defer { remove() }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: root.appendingPathComponent("notes.txt"))
        try Data("old".utf8).write(to: root.appendingPathComponent("theme.yml"))
        do {
            _ = try ThemeExport.write(to: root, display: "theme", force: false)
            Issue.record("export into a non-empty folder should fail")
        } catch {
            #expect(error.description == """
                theme:1:1: error[RG0510]: folder 'theme' is not empty
                hint: choose a new folder, or pass --force to overwrite the theme's files in it (other files are left alone)
                """)
        }
        #expect(FileManager.default.contents(atPath: root.appendingPathComponent("theme.yml").path) == Data("old".utf8))
        _ = try ThemeExport.write(to: root, display: "theme", force: true)
        #expect(FileManager.default.contents(atPath: root.appendingPathComponent("theme.yml").path) == ThemeFiles.builtInFiles["theme.yml"])
        #expect(FileManager.default.contents(atPath: root.appendingPathComponent("notes.txt").path) == Data("mine".utf8))
    }

    @Test func forceNeverWritesThroughASymbolicLink() throws {
        defer { remove() }
        let folder = root.appendingPathComponent("theme")
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("templates"), withDestinationURL: elsewhere)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("theme.yml"),
                                                   withDestinationURL: elsewhere.appendingPathComponent("victim.txt"))
        try Data("keep".utf8).write(to: elsewhere.appendingPathComponent("victim.txt"))
        do {
            _ = try ThemeExport.write(to: folder, display: "theme", force: true)
            Issue.record("export through a link should fail")
        } catch {
            #expect(error.diagnostics.first?.code == .themeExportThroughLink)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["victim.txt"])
        #expect(FileManager.default.contents(atPath: elsewhere.appendingPathComponent("victim.txt").path) == Data("keep".utf8))
    }

    @Test func aFileInThePlaceOfTheFolderIsRefused() throws {
        defer { remove() }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("theme")
        try Data("x".utf8).write(to: file)
        #expect(throws: DiagnosticList.self) { try ThemeExport.write(to: file, display: "theme", force: true) }
        #expect(FileManager.default.contents(atPath: file.path) == Data("x".utf8))
    }

    @Test func anExportedThemeBuildsTheSameSiteAsTheBuiltInOne() throws {
        let site = try TemporarySite()
        defer { site.remove(); remove() }
        var builtIn = site.options
        builtIn.themeFolder = nil
        _ = try SiteBuilder(options: builtIn).build()
        _ = try ThemeExport.write(to: site.root.appendingPathComponent("my-theme"), display: "my-theme", force: false)
        try site.write("site.yml", TemporarySite.files["site.yml"]! + "theme: ../my-theme\n")
        var exported = builtIn
        exported.outputFolder = site.root.appendingPathComponent("exported")
        let config = try SiteConfig.load(from: site.content.appendingPathComponent("site.yml"), displayPath: "site.yml")
        #expect(exported.themeFiles(for: config).folder?.lastPathComponent == "my-theme")
        _ = try SiteBuilder(options: exported).build()
        let files = (FileManager.default.enumerator(atPath: site.output.path)?.allObjects as? [String] ?? []).sorted()
        #expect(files.contains("index.html"))
        #expect(files == (FileManager.default.enumerator(atPath: exported.outputFolder.path)?.allObjects as? [String] ?? []).sorted())
        for file in files {
            #expect(FileManager.default.contents(atPath: site.output.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: exported.outputFolder.appendingPathComponent(file).path), "\(file)")
        }
    }
}
