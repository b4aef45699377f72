import Foundation
import Testing
@testable import ReportKit

/// How a diagnostic is printed (human and JSON) and when two diagnostics are one problem.
struct DiagnosticFormatTests {
    let here = SourceLocation(file: "content/a.md", line: 3, column: 7)

    @Test("the code follows the severity; the hint has its own line")
    func humanFormat() {
        let error = Diagnostic.error(.unknownColumn, "unknown column 'x' in chart 'c'", at: here, hint: "did you mean 'y'?")
        #expect(error.description == "content/a.md:3:7: error[RG0201]: unknown column 'x' in chart 'c'\nhint: did you mean 'y'?")
        #expect(Diagnostic.warning(.imageWithoutAlt, "image 'p.png' has no alt text").description == "warning[RG0405]: image 'p.png' has no alt text")
        #expect(error.asError == error)
        #expect(Diagnostic.warning(.networkImage, "n", at: here).asError.description == "content/a.md:3:7: error[RG0406]: n")
    }

    @Test("JSON: one line, every field in a fixed order, null when absent, strings escaped")
    func jsonFormat() {
        let error = Diagnostic.error(.invalidID, "invalid id '<b>\"x\"'\tnow", at: SourceLocation(file: "content/a\\b.md", line: 2, column: 0),
                                     hint: "use letters\nand digits")
        #expect(error.jsonLine == #"{"severity":"error","code":"RG0304","name":"invalid-id","message":"invalid id '\u003cb\u003e\"x\"'\tnow","#
            + #""hint":"use letters\nand digits","file":"content/a\\b.md","line":2,"column":1}"#)
        let warning = Diagnostic.warning(.testOnlyFlag, "links are not checked")
        #expect(warning.jsonLine == #"{"severity":"warning","code":"RG0902","name":"test-only-flag","message":"links are not checked","#
            + #""hint":null,"file":null,"line":null,"column":null}"#)
    }

    @Test("one problem: same code, place and message; hints may differ, and an error outranks a warning")
    func deduplication() {
        let first = Diagnostic.warning(.missingAnchor, "link to missing anchor '#a'", at: here, hint: "one hint")
        let sameProblem = Diagnostic.error(.missingAnchor, "link to missing anchor '#a'", at: here, hint: "another hint")
        let otherMessage = Diagnostic.error(.missingAnchor, "link to missing anchor '#b'", at: here)
        let otherPlace = Diagnostic.warning(.missingAnchor, "link to missing anchor '#a'", at: here.offset(lines: 1))
        let otherCode = Diagnostic.error(.missingLinkTarget, "link to missing anchor '#a'", at: here)
        let list = DiagnosticList([first, sameProblem, otherMessage, otherPlace, otherCode]).deduplicated
        #expect(list.diagnostics.map(\.description) == [
            "content/a.md:3:7: error[RG0403]: link to missing anchor '#a'\nhint: one hint",
            "content/a.md:3:7: error[RG0403]: link to missing anchor '#b'",
            "content/a.md:4:1: warning[RG0403]: link to missing anchor '#a'",
            "content/a.md:3:7: error[RG0402]: link to missing anchor '#a'",
        ])
    }

    @Test("check: a spec missing two keys gives two errors at one place; a problem found twice, one")
    func twoMissingKeysStayTwo() {
        let spec = DirectiveBlock(kind: .table, yaml: "id: t\n", location: here, rootPrefix: "")
        var problems: [Diagnostic] = []
        do throws(DiagnosticList) { _ = try DirectiveSpec(spec) } catch { problems = error.diagnostics }
        #expect(problems.map(\.code) == [.missingSpecKey, .missingSpecKey])
        #expect(DiagnosticList(problems).deduplicated.diagnostics.count == 2)
        let nowhere = URL(fileURLWithPath: "/nonexistent")
        let checker = SiteChecker(options: BuildOptions(contentFolder: nowhere, outputFolder: nowhere, projectRoot: nowhere))
        var rehinted = problems[0]
        rehinted.hint = "found again by another step"
        #expect(checker.report(problems + problems + [rehinted], pages: 1, dataFiles: 0).diagnostics == DiagnosticList(problems).sorted)
    }
}
