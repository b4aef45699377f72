import Foundation
import Testing

/// Links the generator makes from file names (navigation, pager, section lists, rewritten links,
/// images, CSV downloads, cross-references, the whole report, the search index) stay relative
/// and name their file, whatever the names; and a site without a home page still links up.
struct GeneratedLinkTests {
    /// Writes `text` to `path` under `folder`, making its folders.
    static func write(_ text: String, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Builds `content` (written by `make`) and returns the audit's problems and the output's files.
    static func buildAndAudit(_ name: String, _ make: (URL) throws -> Void) throws -> (problems: [String], files: [String]) {
        let folder = try CLI.scratchFolder(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        try make(folder.appendingPathComponent("content"))
        let run = try CLI.build(in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let audit = LinkAudit(folder.appendingPathComponent("output"))
        return (audit.problems(), audit.files.keys.sorted())
    }

    @Test("pages, folders and files with hostile names get links that are relative and resolve")
    func hostileNames() throws {
        // Made here: names like these do not travel well in a repository.
        let script = "javascript:alert(1)"
        let odd = "a \"b\" <c> #d ?e %f 征信 & 'g'"
        // Written in links percent-encoded, as a link to such a file must be.
        let oddInLink = odd.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let picture = "pic #1 %.png"
        let pictureInLink = "pic%20%231%20%25.png"
        let (problems, files) = try Self.buildAndAudit("hostile-names") { content in
            try Self.write("title: Hostile names\n", "site.yml", in: content)
            try Self.write("""
                # Home

                See [the script page](./\(script).md), [the odd page](./javascript:x/\(oddInLink).md#odd-heading),
                [a file](./javascript:alert\\(2\\).txt) and @tbl-odd.

                ![A picture](./javascript:x/\(pictureInLink))

                ```table
                id: home
                data: 'd "q" <y> #z ?% 数/v.csv'
                caption: Data in an odd folder
                ```

                """, "index.md", in: content)
            try Self.write("# Script name\n\nBack [home](index.md).\n", "\(script).md", in: content)
            try Self.write("# \(odd)\n\n## Odd heading\n\n```table\nid: odd\ndata: 'd \"q\" <y> #z ?% 数/v.csv'\ncaption: Odd\n```\n\n"
                           + "![Same picture](\(pictureInLink)) and [the first page](../\(script).md).\n",
                           "javascript:x/\(odd).md", in: content)
            try Self.write("# Folder index\n", "报告 report/index.md", in: content)
            try Self.write("# Sub page\n", "报告 report/sub page.md", in: content)
            try Self.write("a,b\n1,2\n", "d \"q\" <y> #z ?% 数/v.csv", in: content)
            try Self.write("text\n", "javascript:alert(2).txt", in: content)
            try FileManager.default.copyItem(at: CLI.fixtures.appendingPathComponent("site/img/bar.png"),
                                             to: content.appendingPathComponent("javascript:x/\(picture)"))
        }
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        // The odd names are published as they are (the links encode them, not the files).
        #expect(files.contains("\(script)/index.html"))
        #expect(files.contains("javascript:x/\(odd)/index.html"))
        #expect(files.contains("javascript:x/index.html"))
        #expect(files.contains("javascript:x/\(picture)"))
        #expect(files.contains("报告 report/sub page/index.html"))
    }

    @Test("a content folder without index.md gets a home page, and every link resolves")
    func siteWithoutHomePage() throws {
        let (problems, files) = try Self.buildAndAudit("no-home") { content in
            try Self.write("# Alpha\n\nText.\n", "alpha.md", in: content)
            try Self.write("# Beta\n", "section/beta.md", in: content)
            try Self.write("# Gamma\n\n## Part\n", "section/deeper/gamma.md", in: content)
        }
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        #expect(files.contains("index.html"))
        #expect(files.contains("section/index.html") && files.contains("section/deeper/index.html"))
    }

    @Test("the audit catches what it is meant to catch")
    func auditSelfCheck() throws {
        let folder = try CLI.scratchFolder("audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write("<p id=\"x\"></p>", "a/index.html", in: folder)
        let audit = LinkAudit(folder)
        #expect(audit.check("index.html#x", from: "a/index.html") == nil)
        #expect(audit.check("../a/", from: "a/index.html") == nil)
        #expect(audit.check("index.html#y", from: "a/index.html") != nil)
        #expect(audit.check(" JavaScript:alert(1)", from: "a/index.html") != nil)
        #expect(audit.check("java\tscript:alert(1)", from: "a/index.html") != nil)
        #expect(audit.check("//example.org/", from: "a/index.html") != nil)
        #expect(audit.check("../../a/index.html", from: "a/index.html") != nil)
        #expect(audit.check("b/index.html", from: "a/index.html") != nil)
    }
}
