import Foundation
import Testing
@testable import ReportKit

/// The two-language fixture (`Fixtures/bilingual`: English and Chinese, `notes.md` untranslated)
/// through the real CLI: `build` writes both editions, `check` lists the untranslated pages.
struct BilingualSiteTests {
    static let fixture = SiteBuildTests.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/bilingual")

    /// A scratch project holding a copy of the fixture as `content/`.
    static func makeProject() throws -> URL {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-bilingual-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: project.appendingPathComponent("content"))
        return project
    }

    @Test func buildWritesBothEditionsTwiceTheSame() throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try CLI.run(["build", "--content", "content", "--output", "output", "--theme", CLI.theme.path], in: project)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("built 9 pages"))
        let files = SiteBuildTests.snapshot(project.appendingPathComponent("output"))
        for path in ["index.html", "notes/index.html", "report.html", "search-index.js", "zh/index.html", "zh/findings/index.html",
                     "zh/guide/setup/index.html", "zh/report.html", "zh/report-standalone.html", "zh/search-index.js"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        #expect(files["zh/notes/index.html"] == nil)
        #expect(files["zh/img/bar.png"] == nil && files["img/bar.png"] != nil, "static files are shared")
        let findings = String(decoding: files["zh/findings/index.html"] ?? Data(), as: UTF8.self)
        #expect(findings.contains("<img src=\"../../img/bar.png\" alt=\"柱状图\""))
        #expect(findings.contains("图 1"))
        let rebuilt = try CLI.run(["build", "--content", "content", "--output", "output", "--theme", CLI.theme.path], in: project)
        #expect(rebuilt.status == 0)
        var again = SiteBuildTests.snapshot(project.appendingPathComponent("output"))
        var first = files
        again[OutputWriter.markerName] = nil
        first[OutputWriter.markerName] = nil
        #expect(again == first, "the same input gives the same bytes")
    }

    @Test func checkListsTheUntranslatedPagesAndAPageAddedOnlyInEnglish() throws {
        let project = try Self.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let before = try CLI.run(["check", "--content", "content", "--theme", CLI.theme.path], in: project)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stderr.contains("content/notes.md:1:1: warning[RG0153]: 'notes.md' has no 'zh' translation"))
        #expect(before.stderr.contains("content/zh:1:1: warning[RG0153]: 'zh' edition: 1 of 5 pages untranslated"))
        try Data("---\ntitle: Annex\n---\n\nAdded in English only.\n".utf8).write(to: project.appendingPathComponent("content/annex.md"))
        let after = try CLI.run(["check", "--content", "content", "--theme", CLI.theme.path], in: project)
        #expect(after.stderr.contains("content/annex.md:1:1: warning[RG0153]: 'annex.md' has no 'zh' translation"))
        #expect(after.stderr.contains("'zh' edition: 2 of 6 pages untranslated"))
        #expect(after.stdout.contains("0 errors, 3 warnings"))
    }
}
