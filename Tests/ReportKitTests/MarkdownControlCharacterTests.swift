import Testing
@testable import ReportKit

/// Control characters in a page's text are refused with their place, as in front matter and data.
struct MarkdownControlCharacterTests {
    @Test func aControlCharacterInTheBodyIsAnErrorAtItsLineAndColumn() {
        let output = MarkdownRenderer().render("# T\n\nText \u{7} here and \u{85}\n", file: "p.md", firstLine: 4)
        #expect(output.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.description)" } == ["6:6 RG0120"])
        #expect(output.diagnostics.first?.message.contains("U+0007 (BEL)") == true)
        #expect(!MarkdownRenderer().render("tab\there\r\n", file: "p.md").diagnostics.contains { $0.code == .controlCharacter })
    }
}
