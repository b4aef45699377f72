import Testing
@testable import ReportKit

/// The byte scan that keeps pathological Markdown from cmark-gfm: what it counts and what it skips.
struct MarkdownComplexityTests {
    func problem(_ markdown: String, _ configure: (inout MarkdownLimits) -> Void = { _ in }) -> String? {
        var limits = MarkdownLimits()
        configure(&limits)
        return MarkdownComplexity.check(markdown, file: "p.md", firstLine: 1, limits: limits).map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
    }

    @Test func ordinaryMarkdownPasses() {
        let page = """
            # Title

            > A quote with a [link](a.md) and ![an image](b.png), mail me at someone@example.org.
            > - a list in it
            >   1. and deeper

            | a | b \\| c |
            |---|:-:|
            | 1 | 2 |

            ```
            |||||||||| [[[[[ ![![![ @@@@
            ```
            """
        #expect(problem(page) { $0 = MarkdownLimits(); $0.tableColumns = 3; $0.openImageBrackets = 1; $0.lineAtSigns = 1; $0.nestingDepth = 3 } == nil)
    }

    @Test func tablesAreCountedToTheNextBlankLine() {
        let table = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nafter\n"
        #expect(problem(table) { $0.tableCells = 6 } == nil)
        #expect(problem(table) { $0.tableCells = 5 } == "1:1 table is too large to parse: 2 columns and 3 rows make 6 cells; the limit is 5")
        // One column, no pipes: cmark-gfm reads it as a table too.
        #expect(problem("a\n-\nb\nc\n") { $0.tableCells = 2 } == "1:1 table is too large to parse: 1 column and 3 rows make 3 cells; the limit is 2")
    }

    @Test func escapedPipesAndFencedCodeAreNotCells() {
        #expect(problem("a \\| b \\| c | d\n") { $0.tableColumns = 1 } == nil)
        #expect(problem("~~~\n| | | |\n~~~\n| | |\n") { $0.tableColumns = 2 } == "4:5 line has too many '|' (table cells) to parse; the limit is 2 per line")
        // Three backticks followed by a backtick later on the line are inline code, not a fence.
        #expect(problem("```a``` | | |\n") { $0.tableColumns = 2 } == "1:13 line has too many '|' (table cells) to parse; the limit is 2 per line")
    }

    @Test func imageBracketsCountOnlyWithinAParagraph() {
        #expect(problem("![ ![ [x](u)") { $0.openImageBrackets = 1 } == "1:9 paragraph has too many open image brackets to parse: a link inside 2 unclosed '!['; the limit is 1")
        #expect(problem("![ ![\n\n[x](u)") { $0.openImageBrackets = 1 } == nil)
        // Plain brackets cost nothing: cmark-gfm stops at the first link opener it already closed.
        #expect(problem(String(repeating: "[", count: 5_000) + "x" + String(repeating: "](u)", count: 5_000)) == nil)
    }

    @Test func atSignsCountAfterLettersOnly() {
        #expect(problem("a@b c@d") { $0.lineAtSigns = 1 } == "1:6 line has too many e-mail-like '@' (after a letter or digit) to parse; the limit is 1 per line")
        #expect(problem("a @b c @d\ne@f") { $0.lineAtSigns = 1 } == nil)
    }

    @Test func pagesWithFewSpecialCharactersSkipThePerByteChecks() {
        func mayExceed(_ text: String, _ configure: (inout MarkdownLimits) -> Void) -> Bool {
            var limits = MarkdownLimits()
            configure(&limits)
            var copy = text
            return copy.withUTF8 { MarkdownComplexity.Scan.mayExceedInlineLimits($0, limits) }
        }
        #expect(!mayExceed("| a | b |\n|---|---|\n", { $0.tableColumns = 6 }))
        #expect(mayExceed("| a | b |\n|---|---|\n", { $0.tableColumns = 5 }))
        #expect(mayExceed("a@b c@d", { $0.lineAtSigns = 1 }))
        #expect(!mayExceed("a@b", { $0.lineAtSigns = 1 }))
        #expect(mayExceed("![ ![", { $0.openImageBrackets = 1 }))
        // Over the limit only across lines: the exact check runs and finds no line over it.
        #expect(problem("a | b\nc | d\n") { $0.tableColumns = 1 } == nil)
        #expect(problem("a | b | c\n") { $0.tableColumns = 1 } == "1:7 line has too many '|' (table cells) to parse; the limit is 1 per line")
    }

    @Test func nestingCountsQuotesMarkersAndIndentation() {
        #expect(problem("> > a") { $0.nestingDepth = 2 } == nil)
        #expect(problem("> > > a") { $0.nestingDepth = 2 } == "1:7 nesting is too deep to parse: block quotes and lists 3 levels deep; the limit is 2")
        #expect(problem("- a\n  - b\n    - c") { $0.nestingDepth = 2 } == "3:7 nesting is too deep to parse: block quotes and lists 3 levels deep; the limit is 2")
    }
}
