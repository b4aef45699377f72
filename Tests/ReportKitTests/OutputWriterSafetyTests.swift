import Foundation
import Testing
@testable import ReportKit

/// The staging folder is the previous build's site, reused; whatever its marker lists or its
/// folders have become, a build removes and writes files only inside it.
struct OutputWriterSafetyTests {
    /// A project folder with `content/` and a `Makefile`, removed by the caller.
    struct Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-writer-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        var output: URL { root.appendingPathComponent("output") }
        var spare: URL { root.appendingPathComponent(".output.spare") }

        init() throws {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
            try Data("precious\n".utf8).write(to: root.appendingPathComponent("Makefile"))
        }

        /// One build's writing into `output` (or another folder of the project): `files` (each
        /// holding "new" and its path) staged, marked and swapped in.
        func build(_ files: [String], into folder: String = "output") throws(DiagnosticList) {
            let writer = try OutputWriter(output: root.appendingPathComponent(folder), displayOutput: folder,
                                          contentFolder: root.appendingPathComponent("content"), projectRoot: root)
            try writer.prepare(files: files)
            for file in files { try writer.write(file, text: "new " + file) }
            try writer.commit(files: files)
        }

        func text(_ path: String) -> String? {
            try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test("a marker listing '../Makefile' does not delete the Makefile")
    func markerLeavingTheFolder() throws {
        let project = try Project()
        defer { project.remove() }
        try project.build(["index.html"])
        try project.build(["index.html"])
        // A spare whose marker (in the old one-path-a-line form) lists a path out of the folder.
        let marker = "This folder is written by reportgen; the next build replaces it whole. Files:\nindex.html\n../Makefile\n"
        try Data(marker.utf8).write(to: project.spare.appendingPathComponent(OutputMarker.name))
        try project.build(["other.html"])
        #expect(project.text("Makefile") == "precious\n")
        #expect(project.text("output/other.html") == "new other.html")
        // The same in the marker's own form.
        try Data((OutputMarker.header + "[\"index.html\",\n\"../Makefile\",\n\"other.html\"]\n").utf8)
            .write(to: project.spare.appendingPathComponent(OutputMarker.name))
        try project.build(["index.html"])
        #expect(project.text("Makefile") == "precious\n")
        #expect(project.text("output/index.html") == "new index.html")
    }

    @Test("a folder of the spare replaced by a link is not written or emptied through")
    func linkedFolderInTheSpare() throws {
        let project = try Project()
        defer { project.remove() }
        let files = ["index.html", "assets/style.css", "assets/old.css"]
        try project.build(files)
        try project.build(files)
        let elsewhere = project.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: elsewhere.appendingPathComponent("style.css"))
        try Data("mine too\n".utf8).write(to: elsewhere.appendingPathComponent("old.css"))
        try FileManager.default.removeItem(at: project.spare.appendingPathComponent("assets"))
        try FileManager.default.createSymbolicLink(atPath: project.spare.appendingPathComponent("assets").path, withDestinationPath: elsewhere.path)
        try project.build(["index.html", "assets/style.css"])
        #expect(project.text("elsewhere/style.css") == "mine\n")
        #expect(project.text("elsewhere/old.css") == "mine too\n")
        #expect(project.text("output/assets/style.css") == "new assets/style.css")
        var info = stat()
        #expect(lstat(project.output.appendingPathComponent("assets").path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
    }

    @Test("a file of the spare replaced by a link is replaced, not written through")
    func linkedFileInTheSpare() throws {
        let project = try Project()
        defer { project.remove() }
        try project.build(["index.html"])
        try project.build(["index.html"])
        let index = project.spare.appendingPathComponent("index.html")
        try FileManager.default.removeItem(at: index)
        try FileManager.default.createSymbolicLink(atPath: index.path, withDestinationPath: project.root.appendingPathComponent("Makefile").path)
        try project.build(["index.html"])
        #expect(project.text("Makefile") == "precious\n")
        #expect(project.text("output/index.html") == "new index.html")
    }

    @Test("the spare replaced by a link to another site is not used as the staging folder")
    func linkedSpare() throws {
        let project = try Project()
        defer { project.remove() }
        try project.build(["index.html"])
        try project.build(["index.html"])
        try project.build(["notes.txt"], into: "elsewhere")
        try FileManager.default.removeItem(at: project.spare)
        try FileManager.default.createSymbolicLink(atPath: project.spare.path, withDestinationPath: project.root.appendingPathComponent("elsewhere").path)
        try project.build(["index.html"])
        #expect(project.text("elsewhere/notes.txt") == "new notes.txt")
        #expect(project.text("output/index.html") == "new index.html")
    }

    @Test("a content file that cannot be read is an error at its place, with the reason and a hint")
    func unreadableCopy() throws {
        let project = try Project()
        defer { project.remove() }
        let writer = try OutputWriter(output: project.output, displayOutput: "output", contentFolder: project.root.appendingPathComponent("content"),
                                      projectRoot: project.root)
        defer { writer.abandon() }
        try writer.prepare(files: ["figure.png"])
        do throws(DiagnosticList) {
            try writer.copy(project.root.appendingPathComponent("content/figure.png"), display: "content/figure.png", to: "figure.png")
            Issue.record("copying a missing file must fail")
        } catch {
            #expect(error.description == """
                content/figure.png:1:1: error[RG0102]: cannot read this file to publish it: No such file or directory
                hint: check that the file exists and that you may read it
                """)
        }
    }
}
