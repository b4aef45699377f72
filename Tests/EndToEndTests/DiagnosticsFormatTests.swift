import Foundation
import Testing

/// `--diagnostics-format json`: standard error holds only JSON Lines, one diagnostic per line; the
/// summary goes to standard output. The human format carries the same codes.
struct DiagnosticsFormatTests {
    /// The warning (an image without alt text) of the test page, as a JSON line.
    static let warningLine = """
        {"severity":"warning","code":"RG0405","name":"image-without-alt","message":"image 'pic.png' has no alt text",\
        "hint":"describe what the image shows for readers who cannot see it: ![description](pic.png)","file":"content/index.md","line":3,"column":1}

        """
    /// The error (a link to a missing page) of the test page, as a JSON line.
    static let errorLine = """
        {"severity":"error","code":"RG0402","name":"missing-link-target","message":"link to missing page 'b.md'",\
        "hint":"check the file name; links to pages name their .md file","file":"content/index.md","line":5,"column":5}

        """
    /// Both, in file order.
    static let jsonLines = warningLine + errorLine

    /// A project whose one page has both problems.
    static func project(_ name: String) throws -> URL {
        let folder = try CLI.scratchFolder(name)
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title: T\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data("# Home\n\n![](pic.png)\n\nSee [b](b.md).\n".utf8).write(to: content.appendingPathComponent("index.md"))
        try Data("png".utf8).write(to: content.appendingPathComponent("pic.png"))
        return folder
    }

    @Test("check: JSON Lines on standard error, the summary on standard output")
    func check() throws {
        let folder = try Self.project("json-check")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["check", "--theme", CLI.theme.path, "--diagnostics-format", "json"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == Self.jsonLines)
        #expect(run.stdout == "checked 1 page and 0 data files: 1 error, 1 warning\n")
    }

    @Test("build: JSON Lines on standard error, 'build failed' on standard output")
    func build() throws {
        let folder = try Self.project("json-build")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["build", "--theme", CLI.theme.path, "-q", "--diagnostics-format", "json"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == Self.jsonLines)
        #expect(run.stdout == "build failed: 1 error; the previous output was left as it was\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path))
    }

    @Test("serve: the first build's problems as JSON Lines on standard error, its log on standard output", .timeLimit(.minutes(1)))
    func serve() async throws {
        let folder = try Self.project("json-serve")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("serve.out"), err = folder.appendingPathComponent("serve.err")
        for file in [out, err] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = try CLI.start(["serve", "--theme", CLI.theme.path, "--port", "0", "--diagnostics-format", "json"],
                                    in: folder, stdout: out, stderr: err)
        defer { if process.isRunning { process.terminate() } }
        func text(_ file: URL) -> String { (try? String(contentsOf: file, encoding: .utf8)) ?? "" }
        while !text(out).contains("serving http://127.0.0.1:") && process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        process.terminate()
        try await CLI.waitForExit(process)
        #expect(text(err) == Self.jsonLines, "a failed preview build reports what a build reports: its warning and its error")
        #expect(text(out).hasPrefix("build failed: 1 error; still serving the last good build, waiting for a fix\nserving http://127.0.0.1:"))
    }

    @Test("the human format prints the same codes after the severity")
    func human() throws {
        let folder = try Self.project("human-codes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["check", "--theme", CLI.theme.path, "-q"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == """
            content/index.md:3:1: warning[RG0405]: image 'pic.png' has no alt text
            hint: describe what the image shows for readers who cannot see it: ![description](pic.png)
            content/index.md:5:5: error[RG0402]: link to missing page 'b.md'
            hint: check the file name; links to pages name their .md file

            """)
    }

    @Test("an unknown format is refused by the argument parser")
    func unknownFormat() throws {
        let folder = try Self.project("json-unknown")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["check", "--diagnostics-format", "xml"], in: folder)
        #expect(run.status != 0)
        #expect(run.stderr.contains("--diagnostics-format"))
    }
}
