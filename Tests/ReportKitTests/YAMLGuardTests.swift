import Foundation
import Testing
import Yams
@testable import ReportKit

/// The guards every YAML read gets through `YAMLSource`: aliases bounded, control characters refused.
struct YAMLGuardTests {
    /// Six levels of nine aliases: 590,490 values behind one alias, here used as a mapping key (Yams
    /// hashed all of them to check for duplicate keys: seconds here, minutes at nine levels).
    static func aliasBomb(levels: Int = 6, indent: String = "") -> String {
        var lines = [indent + "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...levels {
            lines.append(indent + "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines += [indent + "? *a\(levels)", indent + ": used as a key"]
        return lines.joined(separator: "\n") + "\n"
    }

    static let aliasHint = "hint: an alias (*name) repeats everything its anchor (&name) holds, and aliases inside anchors multiply; "
        + "write the values out, or use fewer nested aliases"

    @Test func aliasBombsStopWithALocatedError() throws {
        let clock = ContinuousClock()
        let start = clock.now
        // Front matter.
        #expect(throws: DiagnosticList.self) { try FrontMatter.split("---\n" + Self.aliasBomb(levels: 9) + "---\n", file: "content/a.md") }
        do { _ = try FrontMatter.split("---\n" + Self.aliasBomb() + "---\n", file: "content/a.md") } catch {
            #expect(error.description == "content/a.md:6:10: error[RG0704]: the aliases in front matter stand for more than 10,000 values\n" + Self.aliasHint)
        }
        // Data metadata and JSON data.
        let metadata = DataCatalog.parseDataFile(Array("a\n1\n".utf8), metadata: Array(Self.aliasBomb().utf8), path: "data/x.csv")
        #expect(metadata.failureDescription == "content/data/x.yml:5:10: error[RG0704]: the aliases in data metadata stand for more than 10,000 values\n" + Self.aliasHint)
        // (A JSON data file is read as YAML, so it may hold anchors and aliases too.)
        let bomb = Self.aliasBomb().split(separator: "\n").dropLast(2).map { "- " + $0.drop { $0 != "&" } }.joined(separator: "\n")
        let json = DataCatalog.parseDataFile(Array((bomb + "\n- {a: 1, ? *a6 : 2}\n").utf8), path: "data/x.json")
        #expect(json.failureDescription == "content/data/x.json:5:8: error[RG0704]: the aliases in JSON data file stand for more than 10,000 values\n" + Self.aliasHint)
        // Directive specs.
        let spec = try DirectiveFixtures.error(.chart, "id: c\ntype: bar\n" + Self.aliasBomb())
        #expect(spec == "content/page.md:16:10: error[RG0704]: the aliases in chart spec stand for more than 10,000 values\n" + Self.aliasHint)
        // site.yml.
        let site = try TemporarySite(files: ["site.yml": "title: T\nextra:\n" + Self.aliasBomb(indent: "  "), "index.md": "# Home\n"])
        defer { site.remove() }
        #expect(throws: DiagnosticList.self) { try SiteConfig.load(from: site.content.appendingPathComponent("site.yml"), displayPath: "content/site.yml") }
        do { _ = try SiteConfig.load(from: site.content.appendingPathComponent("site.yml"), displayPath: "content/site.yml") } catch {
            #expect(error.description == "content/site.yml:7:12: error[RG0704]: the aliases in site.yml stand for more than 10,000 values\n" + Self.aliasHint)
        }
        #expect(clock.now - start < .seconds(5))
    }

    @Test func ordinaryAliasesStillWork() throws {
        let split = try FrontMatter.split("---\ntitle: &t Loans\nsummary: *t\n---\nBody\n", file: "content/a.md")
        #expect(split.frontMatter.summary == "Loans")
        #expect(YAMLAliasBudget.exceeded(in: "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n") == nil)
        // The budget counts values: 10,000 is fine, one more is not.
        let list = "[" + Array(repeating: "x", count: 999).joined(separator: ", ") + "]"
        #expect(YAMLAliasBudget.exceeded(in: "a: &a \(list)\nb: [" + Array(repeating: "*a", count: 10).joined(separator: ", ") + "]\n") == nil)
        #expect(YAMLAliasBudget.exceeded(in: "a: &a \(list)\nb: [" + Array(repeating: "*a", count: 11).joined(separator: ", ") + "]\n")! == (1, 44))
    }

    @Test func controlCharactersAreReportedAtTheirLineAndColumn() throws {
        let rawHint = "hint: control characters cannot appear in a page; delete it (it often comes with text pasted from another program)"
        let escapeHint = "hint: an escape such as \\0, \\x01 or \\u0000 in a quoted value writes a control character, which cannot appear in a page; remove it"
        func frontMatter(_ yaml: String) -> String {
            do { _ = try FrontMatter.split("---\n" + yaml + "---\n", file: "content/a.md"); return "ok" } catch { return error.description }
        }
        #expect(frontMatter("title: a\u{1}b\n") == "content/a.md:2:9: error[RG0120]: control character U+0001 (SOH) in front matter\n" + rawHint)
        #expect(frontMatter("title: x\nsummary: \"a\\0b\"\n") == "content/a.md:3:10: error[RG0120]: control character U+0000 (NUL) in front matter, written as an escape\n" + escapeHint)
        #expect(frontMatter("title: x\n\"key\\x1B\": 1\n") == "content/a.md:3:1: error[RG0120]: control character U+001B (ESC) in front matter, written as an escape\n" + escapeHint)
        #expect(frontMatter("title: \"tab\\tand line\\nbreak\"\n") == "ok")
        #expect(try DirectiveFixtures.error(.table, "id: t\ndata: data/balances.csv\ncaption: \"C\\u0085\"\n")
            == "content/page.md:12:10: error[RG0120]: control character U+0085 in table spec, written as an escape\n" + escapeHint)
    }

    @Test func readerErrorsPointAtTheirCharacter() {
        let error = YamlError.reader(problem: "invalid leading UTF-8 octet", offset: 9, value: 0, yaml: "a: 1\nb: 22x")
        let diagnostic = YAMLSource.diagnostic(for: error, in: "a: 1\nb: 22x", origin: SourceLocation(file: "content/site.yml", line: 1), what: "site.yml")
        #expect(diagnostic.description == """
            content/site.yml:2:5: error[RG0105]: invalid YAML in site.yml: invalid leading UTF-8 octet
            hint: save the file as UTF-8 text; characters such as control characters cannot appear in YAML
            """)
    }
}

extension Result where Failure == DiagnosticList {
    /// The diagnostics of a failure, `nil` for a success.
    var failureDescription: String? {
        if case let .failure(list) = self { return list.description }
        return nil
    }
}
