import Foundation
import Testing
import Yams
@testable import ReportKit

/// The CI workflows `reportgen new site` writes (`SiteScaffold.publishingFiles`) are YAML that
/// GitHub Actions and GitLab CI can read, install the .deb and build the folder they sit in.
struct PublishingWorkflowTests {
    static func newSite() throws -> (root: URL, written: [String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-workflows-\(UUID().uuidString)")
        let written = try SiteScaffold.createSite(at: root.appendingPathComponent("report"), displayPath: "report")
        return (root, written)
    }

    static func node(_ root: URL, _ path: String) throws -> Node {
        let text = try String(contentsOf: root.appendingPathComponent("report").appendingPathComponent(path), encoding: .utf8)
        return try #require(try Yams.compose(yaml: text))
    }

    @Test func newSiteWritesBothWorkflows() throws {
        let (root, written) = try Self.newSite()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(written.contains("report/.github/workflows/pages.yml"))
        #expect(written.contains("report/.gitlab-ci.yml"))
    }

    @Test func theGitHubWorkflowInstallsTheDebAndDeploysToPages() throws {
        let (root, _) = try Self.newSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let workflow = try Self.node(root, ".github/workflows/pages.yml")
        // GitHub reads `on` as a key (a YAML 1.1 parser would make it `true`): look it up as written.
        #expect(workflow["on"]?["push"]?["branches"]?.sequence?.first?.string == "main")
        #expect(workflow["permissions"]?["pages"]?.string == "write")
        let steps = try #require(workflow["jobs"]?["build"]?["steps"]?.sequence)
        let scripts = steps.compactMap { $0["run"]?.string }.joined(separator: "\n")
        #expect(scripts.contains("sudo apt-get install -y \"$RUNNER_TEMP/reportgen.deb\""))
        #expect(scripts.contains("reportgen build --content . --output \"$RUNNER_TEMP/site\""))
        #expect(steps.contains { $0["uses"]?.string == "actions/upload-pages-artifact@v3" })
        #expect(workflow["jobs"]?["deploy"]?["steps"]?.sequence?.first?["uses"]?.string == "actions/deploy-pages@v4")
    }

    @Test func theGitLabJobPublishesPublic() throws {
        let (root, _) = try Self.newSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = try Self.node(root, ".gitlab-ci.yml")
        let items = try #require(pipeline["pages"]?["script"]?.sequence)
        let script = items.compactMap { $0.string }
        #expect(script.contains("apt-get install -y -qq /tmp/reportgen.deb"))
        #expect(script.contains("reportgen build --content . --output /tmp/site"))
        #expect(pipeline["pages"]?["artifacts"]?["paths"]?.sequence?.map { $0.string } == ["public"])
    }

    /// What the workflows run: the repository root (the content folder, workflows included) builds.
    @Test func theWorkflowsBuildCommandBuildsTheNewSite() throws {
        let (root, _) = try Self.newSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = BuildOptions(contentFolder: root.appendingPathComponent("report"), outputFolder: root.appendingPathComponent("site"),
                                   projectRoot: root.appendingPathComponent("report"))
        let report = try SiteBuilder(options: options).build()
        #expect(report.pages == 2)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site/.github").path))
    }
}
