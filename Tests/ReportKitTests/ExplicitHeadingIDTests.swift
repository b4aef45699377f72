import Testing
@testable import ReportKit

/// `## Text {#id}`: the author's id for a heading (a translation keeps the original's ids).
struct ExplicitHeadingIDTests {
    let renderer = MarkdownRenderer()

    @Test func aChosenIdReplacesTheMadeOneAndLeavesTheText() {
        let output = renderer.render("## 征信体系 {#credit-reporting}\n\n### *Coverage* of records  {#coverage_2023}\n", file: "t.md")
        #expect(output.html.contains("<h2 id=\"credit-reporting\">征信体系</h2>"))
        #expect(output.html.contains("<h3 id=\"coverage_2023\"><em>Coverage</em> of records</h3>"))
        #expect(output.headings.map(\.id) == ["credit-reporting", "coverage_2023"])
        #expect(output.headings.map(\.text) == ["征信体系", "Coverage of records"])
        #expect(output.diagnostics.isEmpty)
    }

    @Test func aMadeIdNeverTakesAChosenOneEvenFromAnEarlierHeading() {
        let output = renderer.render("## Overview\n\n## 概览 {#overview}\n", file: "t.md")
        #expect(output.headings.map(\.id) == ["overview-2", "overview"])
    }

    @Test func braceTextThatIsNotATrailingIdStaysText() {
        let output = renderer.render("## a{#b}\n\n## Sets {#x} and more\n", file: "t.md")
        #expect(output.headings.map(\.text) == ["a{#b}", "Sets {#x} and more"])
        #expect(output.diagnostics.isEmpty)
    }

    @Test func aLiftedTitleLosesItsIdText() {
        let output = renderer.render("# 标题 {#title}\n\nText\n", file: "t.md")
        #expect(output.leadingTitle?.text == "标题")
    }

    @Test func duplicateAndInvalidIdsAreErrorsAtTheHeading() {
        let output = renderer.render("## A {#same}\n\n## B {#same}\n\n## C {#has space}\n\n## D {#}\n", file: "t.md", firstLine: 3)
        let found = output.diagnostics.map { "\($0.location?.line ?? 0) \($0.code.description)" }
        #expect(found == ["5 RG0407", "7 RG0408", "9 RG0408"])
        #expect(output.diagnostics.allSatisfy { $0.hint != nil })
    }
}
