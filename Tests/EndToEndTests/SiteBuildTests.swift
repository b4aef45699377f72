import Foundation
import Testing
@testable import ReportKit

/// Builds the fixture site under `Fixtures/site` with the default theme and checks what a reader gets.
struct SiteBuildTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/site")

    /// A scratch project folder holding a copy of the fixture as `content/`.
    static func makeProject() throws -> URL {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: project.appendingPathComponent("content"))
        return project
    }

    static func options(_ project: URL) -> BuildOptions {
        BuildOptions(contentFolder: project.appendingPathComponent("content"), outputFolder: project.appendingPathComponent("output"),
                     themeFolder: packageRoot.appendingPathComponent("themes/default"), projectRoot: project)
    }

    static func read(_ project: URL, _ path: String) throws -> String {
        try String(contentsOf: project.appendingPathComponent("output").appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under a folder with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
               (enumerator?.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                files[path] = data
            }
        }
        return files
    }

    @Test func buildsEveryPageToAFile() throws {
        let project = try Self.makeProject()
        let report = try SiteBuilder(options: Self.options(project)).build()
        #expect(report.pages == 4)
        #expect(report.charts == 1)
        #expect(report.tables == 1)
        let files = Set(Self.snapshot(project.appendingPathComponent("output")).keys)
        for expected in ["index.html", "guide/index.html", "guide/setup/index.html", "findings/index.html",
                         "assets/style.css", "data/loans.csv", "img/bar.png"] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        #expect(!files.contains("draft/index.html"))
    }

    @Test func pagesHaveLanguageTitleViewportAndOneH1() throws {
        let project = try Self.makeProject()
        _ = try SiteBuilder(options: Self.options(project)).build()
        for path in ["index.html", "guide/index.html", "guide/setup/index.html", "findings/index.html"] {
            let html = try Self.read(project, path)
            #expect(html.contains("<html lang=\"en\">"), "\(path)")
            #expect(html.contains("<meta name=\"viewport\""), "\(path)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) must have one h1")
            #expect(html.contains("<title>"), "\(path)")
        }
        // The site title is escaped wherever it appears.
        let home = try Self.read(project, "index.html")
        #expect(home.contains("Fixture &lt;Report&gt;"))
        #expect(!home.contains("Fixture <Report>"))
        // A page without front matter takes its title from its first heading.
        #expect(try Self.read(project, "guide/setup/index.html").contains("<title>Setup · Fixture &lt;Report&gt;</title>"))
    }

    @Test func internalLinksAreRelativeAndNameFiles() throws {
        let project = try Self.makeProject()
        _ = try SiteBuilder(options: Self.options(project)).build()
        let home = try Self.read(project, "index.html")
        #expect(home.contains("href=\"guide/setup/index.html#install-steps\""))
        #expect(home.contains("href=\"findings/index.html\""))
        let setup = try Self.read(project, "guide/setup/index.html")
        #expect(setup.contains("href=\"../../index.html\""))
        #expect(setup.contains("href=\"../../findings/index.html#results-2023\""))
        #expect(setup.contains("src=\"../../img/bar.png\""))
        #expect(setup.contains("href=\"../../assets/style.css\""))
        // Every href/src in every page is relative and points at a file that exists.
        let output = project.appendingPathComponent("output")
        for (path, data) in Self.snapshot(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let folder = output.appendingPathComponent(path).deletingLastPathComponent()
            for target in Self.urls(in: html) where !target.hasPrefix("http") && !target.hasPrefix("mailto:") && !target.hasPrefix("#") && !target.hasPrefix("data:") {
                #expect(!target.hasPrefix("/"), "\(path): absolute link \(target)")
                #expect(!target.hasSuffix("/"), "\(path): folder link \(target)")
                let file = String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).standardizedFileURL.path),
                        "\(path): broken link \(target)")
            }
        }
    }

    @Test func headingsHaveStableIdsAndFiguresAreNumbered() throws {
        let project = try Self.makeProject()
        _ = try SiteBuilder(options: Self.options(project)).build()
        let setup = try Self.read(project, "guide/setup/index.html")
        #expect(setup.contains("<h2 id=\"install-steps\">"))
        #expect(setup.contains("<h2 id=\"install-steps-2\">"))
        let findings = try Self.read(project, "findings/index.html")
        #expect(findings.contains("<h2 id=\"征信-coverage\">"))
        #expect(findings.contains("id=\"fig-loans\""))
        #expect(findings.contains("id=\"tbl-loans\""))
        #expect(findings.contains("<a class=\"xref\" href=\"#tbl-loans\""))
        #expect(findings.contains(">Table 1</a>"))
        // A cross-reference from another page links to the page holding the figure.
        let home = try Self.read(project, "index.html")
        #expect(home.contains("href=\"findings/index.html#fig-loans\""))
        #expect(home.contains(">Figure 1</a>"))
    }

    @Test func navigationFollowsSiteYmlAndPagerFollowsReadingOrder() throws {
        let project = try Self.makeProject()
        _ = try SiteBuilder(options: Self.options(project)).build()
        let setup = try Self.read(project, "guide/setup/index.html")
        let nav = setup.components(separatedBy: "site-nav-bar")[1]
        let order = ["Home", "Guide", "Findings"].map { nav.range(of: ">\($0)<")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order[0]! < order[1]! && order[1]! < order[2]!)
        #expect(setup.contains("aria-current=\"page\">Guide<"))
        #expect(setup.contains("rel=\"prev\"") && setup.contains("rel=\"next\""))
        #expect(setup.contains("href=\"../../findings/index.html\" rel=\"next\""))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let project = try Self.makeProject()
        _ = try SiteBuilder(options: Self.options(project)).build()
        let first = Self.snapshot(project.appendingPathComponent("output"))
        _ = try SiteBuilder(options: Self.options(project)).build()
        let second = Self.snapshot(project.appendingPathComponent("output"))
        #expect(first == second)
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let project = try Self.makeProject()
        _ = try SiteBuilder(options: Self.options(project)).build()
        let before = Self.snapshot(project.appendingPathComponent("output"))
        try "See [gone](missing.md) and @fig-nope.\n".write(to: project.appendingPathComponent("content/broken.md"), atomically: true, encoding: .utf8)
        #expect {
            try SiteBuilder(options: Self.options(project)).build()
        } throws: { error in
            (error as? DiagnosticList)?.description == """
                content/broken.md:1:5: error[RG0402]: link to missing page 'missing.md'
                hint: check the file name; links to pages name their .md file
                """
        }
        #expect(Self.snapshot(project.appendingPathComponent("output")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }

    @Test func removedPagesDisappearFromTheNextBuild() throws {
        let project = try Self.makeProject()
        _ = try SiteBuilder(options: Self.options(project)).build()
        _ = try SiteBuilder(options: Self.options(project)).build()
        try FileManager.default.removeItem(at: project.appendingPathComponent("content/img/bar.png"))
        try "# Setup\n\nShort now.\n".write(to: project.appendingPathComponent("content/guide/setup.md"), atomically: true, encoding: .utf8)
        try "Welcome.\n".write(to: project.appendingPathComponent("content/index.md"), atomically: true, encoding: .utf8)
        _ = try SiteBuilder(options: Self.options(project)).build()
        let files = Self.snapshot(project.appendingPathComponent("output"))
        #expect(files["img/bar.png"] == nil)
        // A fresh build into an empty folder gives exactly the same files.
        let fresh = project.appendingPathComponent("fresh")
        var options = Self.options(project)
        options.outputFolder = fresh
        _ = try SiteBuilder(options: options).build()
        #expect(Self.snapshot(fresh) == files)
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let project = try Self.makeProject()
        let output = project.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "precious".write(to: output.appendingPathComponent("thesis.docx"), atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticList.self) { try SiteBuilder(options: Self.options(project)).build() }
        #expect(try String(contentsOf: output.appendingPathComponent("thesis.docx"), encoding: .utf8) == "precious")
    }

    /// Values of href and src attributes.
    static func urls(in html: String) -> [String] {
        var result: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let range = rest.range(of: attribute) {
                rest = rest[range.upperBound...]
                if let end = rest.firstIndex(of: "\"") { result.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")) }
            }
        }
        return result
    }
}

/// Navigation stays small on large flat sites.
struct NavigationScaleTests {
    @Test func siteYmlNavigationListsOnlyItsEntries() throws {
        let project = try SiteBuildTests.makeProject()
        for i in 0..<40 {
            try "# Extra \(i)\n\nText.\n".write(to: project.appendingPathComponent("content/extra\(i).md"), atomically: true, encoding: .utf8)
        }
        _ = try SiteBuilder(options: SiteBuildTests.options(project)).build()
        let html = try SiteBuildTests.read(project, "extra7/index.html")
        let bar = html.components(separatedBy: "site-nav-bar")[1].components(separatedBy: "</ul>")[0]
        #expect(bar.contains(">Guide<") && bar.contains(">Findings<"))
        #expect(!bar.contains("Extra 3"))
    }

    @Test func withoutNavigationAFlatFolderShowsAtMostTheLimit() throws {
        let project = try SiteBuildTests.makeProject()
        try "title: Flat\n".write(to: project.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        for i in 0..<40 {
            try "# Extra \(i)\n\nText.\n".write(to: project.appendingPathComponent("content/extra\(i).md"), atomically: true, encoding: .utf8)
        }
        _ = try SiteBuilder(options: SiteBuildTests.options(project)).build()
        let html = try SiteBuildTests.read(project, "extra7/index.html")
        let bar = html.components(separatedBy: "site-nav-bar")[1].components(separatedBy: "</ul>")[0]
        #expect(bar.components(separatedBy: "<li").count - 1 <= PageContext.automaticNavigationLimit + 1)
    }
}

struct DraftTests {
    @Test func draftsArePublishedOnlyWhenAskedFor() throws {
        let project = try SiteBuildTests.makeProject()
        var options = SiteBuildTests.options(project)
        _ = try SiteBuilder(options: options).build()
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("output/draft/index.html").path))
        options.includeDrafts = true
        _ = try SiteBuilder(options: options).build()
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("output/draft/index.html").path))
    }
}
