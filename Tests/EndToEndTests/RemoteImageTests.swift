import Foundation
import Testing

/// Images loaded from the network break the offline promise: a warning in `build` and `check`,
/// an error with `--strict` (which makes every warning an error).
struct RemoteImageTests {
    static let page = """
        # Home

        ![A chart](https://example.org/chart.png)

        ![A logo](//example.org/logo.svg) and ![a dot](data:image/png;base64,iVBORw0KGgo=)

        """
    static let warnings = """
        content/index.md:3:1: warning[RG0406]: image 'https://example.org/chart.png' is loaded from the network, so the site no longer reads offline
        hint: download the image into the content folder and link to it by its path, e.g. ![description](images/name.png)
        content/index.md:5:1: warning[RG0406]: image '//example.org/logo.svg' is loaded from the network, so the site no longer reads offline
        hint: download the image into the content folder and link to it by its path, e.g. ![description](images/name.png)

        """

    /// A scratch folder with a good site built into `output/`, then the page above as content.
    static func prepare(_ name: String) throws -> (URL, FolderSnapshot) {
        let folder = try CLI.scratchFolder(name)
        try CLI.copyFixture("good-site/content", to: folder.appendingPathComponent("good"))
        #expect(try CLI.build(content: "good", in: folder).status == 0)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(page.utf8).write(to: folder.appendingPathComponent("content/index.md"))
        return (folder, FolderSnapshot(folder.appendingPathComponent("output")))
    }

    @Test("build warns about remote images and builds; --strict fails and leaves the output")
    func build() throws {
        let (folder, before) = try Self.prepare("remote-build")
        defer { try? FileManager.default.removeItem(at: folder) }
        let strict = try CLI.run(["build", "--strict", "--theme", CLI.theme.path, "-q"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stderr == Self.warnings.replacingOccurrences(of: ": warning[", with: ": error[")
            + "build failed: 2 errors; the previous output was left as it was\n")
        #expect(FolderSnapshot(folder.appendingPathComponent("output")) == before)
        let run = try CLI.build(in: folder)
        #expect(run.status == 0)
        #expect(run.stderr == Self.warnings)
    }

    @Test("check warns about remote images; --strict makes them errors")
    func check() throws {
        let (folder, _) = try Self.prepare("remote-check")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["check", "--theme", CLI.theme.path, "-q"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr == Self.warnings)
        let strict = try CLI.run(["check", "--strict", "--theme", CLI.theme.path], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stderr == Self.warnings.replacingOccurrences(of: ": warning[", with: ": error["))
        #expect(strict.stdout == "checked 1 page and 0 data files: 2 errors, 0 warnings\n")
    }
}
