import Foundation
import Testing

/// Runs the real `reportgen` executable the way a user does.
struct CLITests {
    /// The executable SwiftPM built beside the test bundle.
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("reportgen")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func helpExplainsEveryBuildOption() throws {
        let result = try Self.run(["build", "--help"], in: SiteBuildTests.packageRoot)
        #expect(result.status == 0)
        for option in ["--content", "--output", "--theme", "--drafts", "--strict", "--quiet"] {
            #expect(result.stdout.contains(option), "help lacks \(option)")
        }
    }

    /// The GFM spec test's switch (`Tests/gfm-spec/`) is in no help text, and a build using it says so.
    @Test func theTestOnlyLinkSwitchIsHiddenAndAnnounced() throws {
        for arguments in [["build", "--help"], ["help", "build"], ["--help"]] {
            let help = try Self.run(arguments, in: SiteBuildTests.packageRoot)
            #expect(!(help.stdout + help.stderr).contains("unchecked"), "\(arguments) shows the test-only switch")
        }
        let project = try SiteBuildTests.makeProject()
        try "Absolute [link](/nowhere).\n".write(to: project.appendingPathComponent("content/abs.md"), atomically: true, encoding: .utf8)
        let theme = SiteBuildTests.packageRoot.appendingPathComponent("themes/default").path
        let checked = try Self.run(["build", "--content", "content", "--output", "site", "--theme", theme], in: project)
        #expect(checked.status == 1)
        let unchecked = try Self.run(["build", "--content", "content", "--output", "site", "--theme", theme, "--quiet",
                                      "--test-only-unchecked-links"], in: project)
        #expect(unchecked.status == 0)
        #expect(unchecked.stderr.contains("warning[RG0902]: links are neither checked nor rewritten (--test-only-unchecked-links is for reportgen's own tests)"))
        let page = try String(contentsOf: project.appendingPathComponent("site/abs/index.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"/nowhere\">link</a>"))
    }

    @Test func successPrintsOneSummaryLine() throws {
        let project = try SiteBuildTests.makeProject()
        let theme = SiteBuildTests.packageRoot.appendingPathComponent("themes/default").path
        let result = try Self.run(["build", "--content", "content", "--output", "site", "--theme", theme], in: project)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("built 4 pages, 1 table, 1 chart in ") == true)
        #expect(lines.first?.hasSuffix(" ms → site") == true)
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("site/index.html").path))
    }

    @Test func errorsArePrintedWithLocationAndHintAndExitNonZero() throws {
        let project = try SiteBuildTests.makeProject()
        try "---\ntitle: [unclosed\n---\n".write(to: project.appendingPathComponent("content/bad.md"), atomically: true, encoding: .utf8)
        let theme = SiteBuildTests.packageRoot.appendingPathComponent("themes/default").path
        let result = try Self.run(["build", "--content", "content", "--output", "site", "--theme", theme], in: project)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("content/bad.md:"))
        #expect(result.stderr.contains(": error[RG0105]: invalid YAML in front matter"))
        #expect(result.stderr.contains("\nhint: "))
        #expect(result.stderr.hasSuffix("build failed: 1 error; the previous output was left as it was\n"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func missingContentFolderIsAClearError() throws {
        let project = try SiteBuildTests.makeProject()
        let result = try Self.run(["build", "--content", "nope"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error[RG0101]: content folder 'nope' does not exist\nhint: "))
    }
}
