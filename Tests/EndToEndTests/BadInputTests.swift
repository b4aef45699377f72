import Foundation
import Testing

/// The corpus of broken and hostile inputs (`Fixtures/bad-inputs/CASE/`): each case is a content
/// folder and an `expected.txt` holding `exit: N` and then the exact standard error of
/// `reportgen build --content content --output output`, run in the case folder after a good
/// build into the same `output/`. A failing build must leave that output byte-identical.
struct BadInputTests {
    static var casesFolder: URL { CLI.fixtures.appendingPathComponent("bad-inputs") }

    static var caseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: casesFolder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// Cases whose symbolic links are made at run time (a link in a fixture would not survive copying).
    static let setups: [String: @Sendable (URL) throws -> Void] = [
        "symlink-image-inside": { folder in
            // A link to an image inside the content folder is published (serve used to refuse it).
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("content/logo.svg").path,
                                                       withDestinationPath: "img/logo.svg")
        },
        "symlink-data-outside": { folder in
            try Data("a,b\n1,2\n".utf8).write(to: folder.appendingPathComponent("outside.csv"))
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("content/data/leak.csv").path,
                                                       withDestinationPath: "../../outside.csv")
        },
        "symlink-page-outside": { folder in
            try Data("# Secret\n".utf8).write(to: folder.appendingPathComponent("outside.md"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
            let content = folder.appendingPathComponent("content")
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("leak.md").path, withDestinationPath: "../outside.md")
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("folder").path, withDestinationPath: "../elsewhere")
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("dangling.png").path, withDestinationPath: "missing.png")
            // A link that stays inside the content folder is fine.
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("alias.md").path, withDestinationPath: "index.md")
        },
    ]

    /// A scratch folder holding `good/` (a valid site) and `output/` built from it.
    static func prepare(_ name: String) throws -> (folder: URL, before: FolderSnapshot) {
        let folder = try CLI.scratchFolder(name)
        try CLI.copyFixture("good-site/content", to: folder.appendingPathComponent("good"))
        let good = try CLI.build(content: "good", in: folder)
        #expect(good.status == 0, "the good site must build: \(good.stderr)")
        let before = FolderSnapshot(folder.appendingPathComponent("output"))
        #expect(before.files["index.html"] != nil)
        return (folder, before)
    }

    @Test("bad input gives its exact diagnostics and leaves the output alone", arguments: caseNames)
    func badInput(_ name: String) throws {
        let (folder, before) = try Self.prepare(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.copyFixture("bad-inputs/\(name)/content", to: folder.appendingPathComponent("content"))
        try Self.setups[name]?(folder)
        let expected = try String(contentsOf: Self.casesFolder.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)
        let firstLine = expected.prefix { $0 != "\n" }
        let status = Int32(firstLine.dropFirst("exit: ".count))
        let expectedStderr = String(expected.dropFirst(firstLine.count + 1))

        let run = try CLI.build(in: folder)
        #expect(run.status == status, "\(name): exit status")
        #expect(run.stderr == expectedStderr, "\(name): diagnostics")
        let after = FolderSnapshot(folder.appendingPathComponent("output"))
        if status == 0 {
            #expect(after != before, "\(name): a good build replaces the output")
        } else {
            #expect(after == before, "\(name): the previous output must stay byte-identical")
        }
    }

    // MARK: Generated inputs (too bulky to commit)

    /// Builds `content` (written by `make`) over a good site; returns the run and how long it took.
    func buildGenerated(_ name: String, _ make: (URL) throws -> Void) throws -> (CLI.Run, Duration, FolderSnapshot, FolderSnapshot) {
        let (folder, before) = try Self.prepare(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("data"), withIntermediateDirectories: true)
        try make(content)
        let clock = ContinuousClock()
        let start = clock.now
        let run = try CLI.build(in: folder)
        return (run, clock.now - start, before, FolderSnapshot(folder.appendingPathComponent("output")))
    }

    @Test("a 10 MB CSV field is read and published")
    func tenMegabyteField() throws {
        let field = String(repeating: "x", count: 10_000_000)
        let (run, elapsed, _, after) = try buildGenerated("field") { content in
            try Data("# Big field\n\n```table\nid: t\ndata: data/x.csv\ncaption: X\n```\n".utf8).write(to: content.appendingPathComponent("index.md"))
            try Data("year,note\n2021,\"\(field)\"\n2022,short\n".utf8).write(to: content.appendingPathComponent("data/x.csv"))
        }
        #expect(run.status == 0, "\(run.stderr)")
        #expect(elapsed < .seconds(60))
        #expect(after.files["index.html"].map { String(decoding: $0, as: UTF8.self).contains(field) } == true)
    }

    @Test("a 10 MB CSV field over a configured data limit fails with a message")
    func tenMegabyteFieldOverLimit() throws {
        let (run, _, before, after) = try buildGenerated("field-limit") { content in
            try Data("options:\n  max_data_file_bytes: 5000000\n".utf8).write(to: content.appendingPathComponent("site.yml"))
            try Data("# Big field\n\n```table\nid: t\ndata: data/x.csv\ncaption: X\n```\n".utf8).write(to: content.appendingPathComponent("index.md"))
            try Data("year,note\n2021,\"\(String(repeating: "x", count: 10_000_000))\"\n".utf8).write(to: content.appendingPathComponent("data/x.csv"))
        }
        #expect(run.status == 1)
        #expect(run.stderr == """
            content/data/x.csv:1:1: error[RG0701]: data file is 10.0 MB; the limit is 5.0 MB
            hint: split the file, keep only the rows the report shows, or raise 'max_data_file_bytes' under options in site.yml
            build failed: 1 error; the previous output was left as it was

            """)
        #expect(after == before)
    }

    @Test("a CSV of 100,000 columns loads in bounded time")
    func wideCSV() throws {
        // Loading searched the header for each column: 100,000 columns took two minutes.
        let names = (0..<100_000).map { "c\($0)" }
        let (run, elapsed, _, after) = try buildGenerated("wide") { content in
            try Data("# Wide\n\n```table\nid: t\ndata: data/x.csv\ncolumns: [c0, c99999]\ncaption: X\n```\n".utf8)
                .write(to: content.appendingPathComponent("index.md"))
            let row = (0..<100_000).map(String.init).joined(separator: ",")
            try Data((names.joined(separator: ",") + "\n" + row + "\n" + row + "\n").utf8).write(to: content.appendingPathComponent("data/x.csv"))
        }
        #expect(run.status == 0, "\(run.stderr.prefix(500))")
        #expect(elapsed < .seconds(20))
        #expect(after.files["index.html"].map { String(decoding: $0, as: UTF8.self).contains("<td class=\"num\">99,999</td>") } == true)
    }

    @Test("100,000 duplicate column names are each reported, in bounded time")
    func wideCSVOfDuplicateNames() throws {
        // Each diagnostic scanned its row from the start to find its column: quadratic in the columns.
        let (run, elapsed, before, after) = try buildGenerated("wide-duplicates") { content in
            try Data("# Wide\n\n```table\nid: t\ndata: data/x.csv\ncaption: X\n```\n".utf8).write(to: content.appendingPathComponent("index.md"))
            let header = Array(repeating: "a", count: 100_000).joined(separator: ",")
            try Data((header + "\n" + header + "\n").utf8).write(to: content.appendingPathComponent("data/x.csv"))
        }
        #expect(run.status == 1)
        #expect(elapsed < .seconds(20))
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2 * 99_999 + 1)
        #expect(lines.first == "content/data/x.csv:1:3: error[RG0206]: duplicate column name 'a' (also column 1)")
        #expect(lines.dropLast().last == "hint: column names must be unique: rename one of the two in the header row (line 1)")
        #expect(lines[lines.count - 3] == "content/data/x.csv:1:199999: error[RG0206]: duplicate column name 'a' (also column 1)")
        #expect(after == before)
    }

    /// Bounded means linear: 20,000 sections may take at most 10 times what 5,000 take (4 times is
    /// linear, 16 quadratic, as the heading ids once were), so a loaded machine does not fail it.
    @Test("a very large page builds in bounded time")
    func veryLargePage() throws {
        func page(sections: Int) -> String {
            var page = "# Large\n\n"
            for index in 0..<sections {
                page += "## Section\n\nParagraph \(index) with *emphasis*, `code` and a [link](#section).\n\n| a | b |\n|---|---|\n| \(index) | x |\n\n"
            }
            return page
        }
        let (_, quarterElapsed, _, _) = try buildGenerated("large-quarter") { content in
            try Data(page(sections: 5_000).utf8).write(to: content.appendingPathComponent("index.md"))
        }
        let (run, elapsed, _, after) = try buildGenerated("large") { content in
            try Data(page(sections: 20_000).utf8).write(to: content.appendingPathComponent("index.md"))
        }
        #expect(run.status == 0, "\(run.stderr.prefix(500))")
        #expect(elapsed < max(.seconds(40), quarterElapsed * 10), "5,000 sections took \(quarterElapsed), 20,000 took \(elapsed)")
        #expect(after.files["index.html"].map { String(decoding: $0, as: UTF8.self).contains("id=\"section-20000\"") } == true)
    }

    /// Block nesting stops at `max_nesting_depth` (1,000; `MarkdownLimitTests` checks beyond it).
    @Test("deeply nested lists, quotes, emphasis, brackets and HTML build without crashing")
    func deepNesting() throws {
        let depth = 10_000
        var page = "# Deep\n\n" + String(repeating: "> ", count: 1_000) + "quoted\n\n"
        for level in 0..<1_000 { page += String(repeating: "  ", count: level) + "- item \(level)\n" }
        page += "\n" + String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth) + "\n\n"
        page += String(repeating: "[", count: depth) + "x" + String(repeating: "](https://example.org/)", count: depth) + "\n\n"
        page += String(repeating: "<div>", count: depth) + "\n\n" + String(repeating: "1. ", count: 999) + "n\n"
        let (run, elapsed, _, after) = try buildGenerated("deep") { content in
            try Data(page.utf8).write(to: content.appendingPathComponent("index.md"))
        }
        #expect(run.status == 0, "\(run.stderr.prefix(500))")
        #expect(elapsed < .seconds(60))
        #expect(after.files["index.html"] != nil)
    }

    @Test("deeply nested YAML in front matter is an error, not a stack overflow")
    func deepYAML() throws {
        let (run, _, before, after) = try buildGenerated("deep-yaml") { content in
            let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            try Data("---\ntitle: \(nested)\n---\nBody\n".utf8).write(to: content.appendingPathComponent("index.md"))
        }
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("content/index.md:2:"))
        #expect(run.stderr.contains("error[RG0105]: invalid YAML in front matter"))
        #expect(after == before)
    }
}
