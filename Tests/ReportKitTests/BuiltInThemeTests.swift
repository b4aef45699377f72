import Foundation
import Testing
@testable import ReportKit

/// The default theme built into reportgen (`ThemeFiles.builtIn`, embedded from `themes/default/` at
/// build time by the EmbedDefaultTheme plugin), and which theme a build chooses.
struct BuiltInThemeTests {
    /// Every file of `themes/default/` (hidden ones aside), relative to it.
    static func filesOnDisk() -> [String: Data] {
        let folder = TemporarySite.defaultTheme
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }

    @Test func theBuiltInThemeIsEveryFileOfThemesDefaultByteForByte() {
        let onDisk = Self.filesOnDisk()
        #expect(onDisk["templates/page.mustache"] != nil)
        #expect(ThemeFiles.builtInFiles.keys.sorted() == onDisk.keys.sorted())
        for (path, data) in onDisk { #expect(ThemeFiles.builtInFiles[path] == data, "\(path) differs from themes/default/\(path)") }
    }

    @Test func theBuiltInThemeLoadsLikeItsFolder() throws {
        let builtIn = try Theme.load(.builtIn, displayPath: "built-in theme")
        let folder = try Theme.load(from: TemporarySite.defaultTheme, displayPath: "themes/default")
        #expect(builtIn.isBuiltInForTest && !folder.isBuiltInForTest)
        #expect(builtIn.templateTexts == folder.templateTexts)
        #expect(builtIn.strings == folder.strings)
        #expect(builtIn.assets == folder.assets)
    }

    @Test func defaultStringsAreTheBuiltInThemeYml() throws {
        #expect(Theme.defaultStrings["contents"] == "Contents")
        #expect(Theme.defaultStrings == (try Theme.interfaceStrings(in: .folder(TemporarySite.defaultTheme), displayPath: "themes/default")))
    }

    @Test func aSiteNamingNoThemeBuildsWithTheBuiltInOneLikeWithItsFolder() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var options = site.options
        options.themeFolder = nil  // the project (a temporary folder) has no themes/
        #expect(options.themeFiles(for: SiteConfig()).isBuiltIn)
        _ = try SiteBuilder(options: options).build()
        var fromFolder = site.options
        fromFolder.outputFolder = site.root.appendingPathComponent("from-folder")
        _ = try SiteBuilder(options: fromFolder).build()
        for file in ["index.html", "alpha/index.html", "assets/style.css", "report-standalone.html"] {
            #expect(FileManager.default.contents(atPath: site.output.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: fromFolder.outputFolder.appendingPathComponent(file).path), "\(file)")
        }
        #expect(site.read(output: "index.html").contains("<meta name=\"generator\" content=\"reportgen \(ReportgenVersion.current)\">"))
    }

    @Test func siteYmlThemeIsAFolderRelativeToTheContentFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-theme-choice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("site/content")
        for folder in ["site/content", "site/my-theme", "site/content/inside", "themes/old"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        var options = BuildOptions(contentFolder: content, outputFolder: root.appendingPathComponent("out"), projectRoot: root)
        func chosen(_ theme: String?) -> String {
            var config = SiteConfig()
            config.theme = theme
            return options.themeFiles(for: config).folder.map { String($0.path.dropFirst(root.path.count + 1)) } ?? "built-in"
        }
        #expect(chosen(nil) == "built-in")
        #expect(chosen("../my-theme") == "site/my-theme")
        #expect(chosen("inside") == "site/content/inside")
        #expect(chosen("old") == "themes/old")            // a name under the project's themes/, as before
        #expect(chosen("default") == "built-in")          // no themes/default in this project
        #expect(chosen("../missing") == "site/missing")   // then Theme.load says it has no templates
        options.themeFolder = root.appendingPathComponent("themes/old")
        #expect(chosen("../my-theme") == "themes/old")    // --theme wins
    }

    @Test func aMissingThemeFolderSaysHowToGetOne() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-theme-missing-\(UUID().uuidString)")
        #expect(throws: DiagnosticList.self) { try Theme.load(from: root, displayPath: "content/../missing") }
        do { _ = try Theme.load(from: root, displayPath: "content/../missing") } catch {
            #expect(error.description.contains("error[RG0501]: theme 'content/../missing' has no templates folder"))
            #expect(error.description.contains("reportgen theme export DIR"))
        }
    }
}

extension Theme {
    var isBuiltInForTest: Bool { files.isBuiltIn }
}
