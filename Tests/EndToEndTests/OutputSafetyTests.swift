import Foundation
import Testing

/// The output folder is replaced whole by a build, so the CLI refuses any folder it did not write
/// and any folder that is, holds or sits in the content or the project.
struct OutputSafetyTests {
    /// A scratch project with the good site in `content/`; `body` gets the project folder.
    func inProject(_ name: String, _ body: (URL) throws -> Void) throws {
        let folder = try CLI.scratchFolder(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.copyFixture("good-site/content", to: folder.appendingPathComponent("content"))
        try body(folder)
    }

    /// Runs a build into `output` that must fail with `message` (the line after `error: `) and
    /// change nothing in the project.
    func expectRefusal(output: String, content: String = "content", in folder: URL, at location: String? = nil, code: String = "RG0602",
                       message: String, hint: String) throws {
        let before = FolderSnapshot(folder)
        let run = try CLI.build(content: content, output: output, in: folder)
        #expect(run.status == 1)
        // Every refusal is located at the output folder as given (or at the file in its way).
        #expect(run.stderr == "\(location ?? output):1:1: "
            + "error[\(code)]: \(message)\nhint: \(hint)\nbuild failed: 1 error; the previous output was left as it was\n")
        #expect(FolderSnapshot(folder) == before, "the project must be left untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesOutputEqualToContent() throws {
        try inProject("same") { folder in
            try expectRefusal(output: "content", in: folder,
                              message: "output folder 'content' holds the content folder; building would replace your sources",
                              hint: "choose an output folder outside the content, e.g. --output output")
        }
    }

    @Test func refusesOutputHoldingContent() throws {
        try inProject("holding") { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("site"), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: folder.appendingPathComponent("content"), to: folder.appendingPathComponent("site/content"))
            try expectRefusal(output: "site", content: "site/content", in: folder,
                              message: "output folder 'site' holds the content folder; building would replace your sources",
                              hint: "choose an output folder outside the content, e.g. --output output")
        }
    }

    @Test func refusesOutputInsideContent() throws {
        try inProject("inside") { folder in
            try expectRefusal(output: "content/site", in: folder,
                              message: "output folder 'content/site' is inside the content folder; the next build would read the site back as content",
                              hint: "choose an output folder outside the content, e.g. --output output")
        }
    }

    /// Folders are compared as the system follows them: an output reached through a symbolic link
    /// into the content (a linked parent, or a link to a folder not made yet) is inside the content.
    @Test func refusesOutputReachedThroughALinkIntoTheContent() throws {
        try inProject("link") { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("into").path, withDestinationPath: "content")
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("later").path, withDestinationPath: "content/site")
            for (output, real) in [("into/site", "content/site"), ("later", "content/site"), ("into/../into/x/..", "content")] {
                let problem = real == "content" ? "holds the content folder; building would replace your sources"
                    : "is inside the content folder; the next build would read the site back as content"
                try expectRefusal(output: output, in: folder, at: output.replacingOccurrences(of: "/../into/x/..", with: ""),
                                  message: "output folder '\(output.replacingOccurrences(of: "/../into/x/..", with: ""))' (through a symbolic link: '\(real)') \(problem)",
                                  hint: "choose an output folder outside the content, e.g. --output output")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/site").path))
        }
    }

    /// The theme is a source too: an output inside it would be copied into itself as theme files.
    @Test func refusesOutputInsideTheTheme() throws {
        try inProject("theme") { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("themes"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.theme, to: folder.appendingPathComponent("themes/default"))
            let before = FolderSnapshot(folder)
            let run = try CLI.run(["build", "--output", "themes/default/assets/site", "-q"], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr == """
                themes/default/assets/site:1:1: error[RG0602]: output folder 'themes/default/assets/site' is inside the theme folder; the site would be copied into itself as theme files
                hint: choose an output folder outside the content and the theme, e.g. --output output
                build failed: 1 error; the previous output was left as it was

                """)
            #expect(FolderSnapshot(folder) == before)
        }
    }

    @Test func refusesProjectRoot() throws {
        try inProject("root") { folder in
            let before = FolderSnapshot(folder)
            for output in [".", folder.path, "./"] {
                let run = try CLI.build(output: output, in: folder)
                #expect(run.status == 1)
                #expect(run.stderr.contains(":1:1: error[RG0602]: output folder '"))
                #expect(run.stderr.contains("is the project folder") || run.stderr.contains("holds the content folder"))
                #expect(FolderSnapshot(folder) == before)
            }
        }
    }

    @Test func refusesFolderItDidNotWrite() throws {
        try inProject("foreign") { folder in
            let docs = folder.appendingPathComponent("docs")
            try FileManager.default.createDirectory(at: docs.appendingPathComponent("notes"), withIntermediateDirectories: true)
            try Data("my thesis\n".utf8).write(to: docs.appendingPathComponent("thesis.txt"))
            try Data("draft\n".utf8).write(to: docs.appendingPathComponent("notes/a.md"))
            try expectRefusal(output: "docs", in: folder,
                              code: "RG0604", message: "output folder 'docs' was not written by reportgen; refusing to replace it",
                              hint: "empty or remove the folder yourself, or choose another --output")
        }
    }

    @Test func refusesAFile() throws {
        try inProject("file") { folder in
            try Data("not a folder\n".utf8).write(to: folder.appendingPathComponent("output"))
            try expectRefusal(output: "output", in: folder, at: "output", code: "RG0603", message: "output 'output' exists and is not a folder",
                              hint: "remove it or choose another --output")
        }
    }

    @Test func writesIntoAnEmptyFolderAndMarksIt() throws {
        try inProject("empty") { folder in
            let output = folder.appendingPathComponent("output")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            #expect(try CLI.build(in: folder).status == 0)
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".reportgen-output").path))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
            // Marked: the next build may replace it.
            #expect(try CLI.build(in: folder).status == 0)
        }
    }

    /// The replaced site is kept as `.output.spare` and reused as the next staging folder; a spare
    /// someone tidied (files and folders gone, a file changed) still gives the same site.
    @Test func aTamperedSpareStillGivesTheSameSite() throws {
        try inProject("spare") { folder in
            #expect(try CLI.build(in: folder).status == 0)
            let expected = FolderSnapshot(folder.appendingPathComponent("output"))
            #expect(try CLI.build(in: folder).status == 0)
            let spare = folder.appendingPathComponent(".output.spare")
            let nested = try #require(expected.files.keys.sorted().first { $0.hasSuffix("/index.html") })
            try FileManager.default.removeItem(at: spare.appendingPathComponent(nested).deletingLastPathComponent())
            try Data("changed".utf8).write(to: spare.appendingPathComponent("assets/style.css"))
            try FileManager.default.removeItem(at: spare.appendingPathComponent("index.html"))
            #expect(try CLI.build(in: folder).status == 0)
            #expect(FolderSnapshot(folder.appendingPathComponent("output")) == expected)
        }
    }
}
