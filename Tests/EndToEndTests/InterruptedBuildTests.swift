import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A build killed at any moment (SIGKILL, so nothing gets to clean up) leaves `output/` as the
/// old site or the new one, byte for byte, never a mix; the next build removes what it left.
struct InterruptedBuildTests {
    /// A site of `sections` × `pages` pages plus a home page; `version` changes every page's text.
    static func writeSite(at content: URL, version: Int, sections: Int = 8, pages: Int = 250) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("# Home \(version)\n\nVersion \(version).\n".utf8).write(to: content.appendingPathComponent("index.md"))
        for section in 0..<sections {
            let folder = content.appendingPathComponent("s\(section)")
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("# Section \(section)\n\nVersion \(version).\n".utf8).write(to: folder.appendingPathComponent("index.md"))
            for page in 0..<pages {
                let text = "# Page \(section).\(page)\n\n" + String(repeating: "Text of version \(version), page \(page). ", count: 40)
                    + "\n\n## Part\n\nMore.\n"
                try Data(text.utf8).write(to: folder.appendingPathComponent("p\(page).md"))
            }
        }
        if version == 2 { try Data("# Added\n\nOnly in version 2.\n".utf8).write(to: content.appendingPathComponent("added.md")) }
    }

    /// Entries beside `output/` that builds leave while they run.
    /// Staging folders and moved-aside sites left beside the output. `.output.spare`, the replaced
    /// site kept for reuse as the next staging folder, is by design and not a leftover.
    static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".output.") && $0 != ".output.spare" }.sorted()
    }

    @Test("a build killed at any moment leaves the old site or the new one")
    func killedBuilds() async throws {
        let folder = try CLI.scratchFolder("interrupted")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeSite(at: folder.appendingPathComponent("v1"), version: 1)
        try Self.writeSite(at: folder.appendingPathComponent("v2"), version: 2)

        // The two complete sites, for reference, and how long a whole build takes.
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try await CLI.buildAsync(content: "v2", output: "output", in: folder) == 0)
        let buildTime = clock.now - start
        let new = FolderSnapshot(folder.appendingPathComponent("output"))
        #expect(try await CLI.buildAsync(content: "v1", output: "output", in: folder) == 0)
        let old = FolderSnapshot(folder.appendingPathComponent("output"))
        #expect(old != new)
        #expect(old.files.count > 2000)

        // Kill builds at moments spread over a whole build, including the final swap.
        let fractions = [0.02, 0.2, 0.5, 0.8, 0.95, 1.0, 1.1]
        var outcomes: [String] = []
        for fraction in fractions {
            let current = FolderSnapshot(folder.appendingPathComponent("output"))
            let source = current == old ? "v2" : "v1"
            let process = try CLI.start(["build", "--content", source, "--output", "output", "--theme", CLI.theme.path, "-q"], in: folder)
            let delay = Double(buildTime.components.seconds) + Double(buildTime.components.attoseconds) / 1e18
            try await Task.sleep(for: .microseconds(Int(delay * fraction * 1_000_000)))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try await CLI.waitForExit(process)
            let after = FolderSnapshot(folder.appendingPathComponent("output"))
            #expect(after == old || after == new, "killed at \(fraction) of a build: output is neither the old nor the new site")
            outcomes.append(after == current ? "unchanged" : "replaced")
        }
        // Not every kill can land before the swap on a fast machine; at least the early ones must.
        #expect(outcomes.first == "unchanged")

        // The next build removes the staging folders of killed builds.
        #expect(try await CLI.buildAsync(content: "v2", output: "output", in: folder) == 0)
        #expect(FolderSnapshot(folder.appendingPathComponent("output")) == new)
        #expect(try Self.leftovers(in: folder) == [])
    }

    @Test("a build finding the old site moved aside and no output puts it back before replacing it")
    func halfSwappedOutput() throws {
        let folder = try CLI.scratchFolder("half-swapped")
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.copyFixture("good-site/content", to: folder.appendingPathComponent("content"))
        #expect(try CLI.build(in: folder).status == 0)
        let site = FolderSnapshot(folder.appendingPathComponent("output"))
        // What the two-rename fallback leaves when killed between its renames (the pid is long gone).
        try FileManager.default.moveItem(at: folder.appendingPathComponent("output"), to: folder.appendingPathComponent(".output.previous-2147483000"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".output.partial-2147483001"), withIntermediateDirectories: true)
        #expect(try CLI.build(in: folder).status == 0)
        #expect(FolderSnapshot(folder.appendingPathComponent("output")) == site)
        #expect(try Self.leftovers(in: folder) == [])
    }
}
