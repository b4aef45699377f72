import Testing
@testable import ReportKit

struct FrontMatterTests {
    @Test func splitsFrontMatterFromBody() throws {
        let split = try FrontMatter.split("---\ntitle: Dilemmas\nweight: 3\nsummary: \"Hard: problems\"\ndraft: false\n---\n# Body\n", file: "content/d.md")
        #expect(split.frontMatter == FrontMatter(title: "Dilemmas", summary: "Hard: problems", weight: 3))
        #expect(split.body == "# Body\n")
        #expect(split.bodyFirstLine == 7)
    }

    @Test func pageWithoutFrontMatterKeepsItsFirstLine() throws {
        let split = try FrontMatter.split("# Title\ntext\n", file: "content/a.md")
        #expect(split.frontMatter == FrontMatter())
        #expect(split.bodyFirstLine == 1)
    }

    @Test func crlfFrontMatter() throws {
        let split = try FrontMatter.split("---\r\ntitle: Windows\r\n---\r\nBody\r\n", file: "content/w.md")
        #expect(split.frontMatter.title == "Windows")
        #expect(split.body == "Body\r\n")
    }

    @Test func unclosedFrontMatterIsAnErrorWithAHint() {
        #expect {
            try FrontMatter.split("---\ntitle: x\n\n# Body\n", file: "content/x.md")
        } throws: { error in
            (error as? DiagnosticList)?.description == """
                content/x.md:1:1: error: front matter is not closed
                hint: end the front matter with a line holding only '---', or remove the opening '---' line
                """
        }
    }

    @Test func malformedYAMLPointsAtTheLine() {
        #expect {
            try FrontMatter.split("---\ntitle: ok\nweight: [1, 2\n---\nBody\n", file: "content/y.md")
        } throws: { error in
            let text = (error as? DiagnosticList)?.description ?? ""
            return text.hasPrefix("content/y.md:4:") && text.contains("error: invalid YAML in front matter")
        }
    }

    @Test func wrongTypeNamesTheKeyAndLine() {
        #expect {
            try FrontMatter.split("---\ntitle: ok\nweight: heavy\n---\n", file: "content/z.md")
        } throws: { error in
            (error as? DiagnosticList)?.description == "content/z.md:3:9: error: 'weight' must be a whole number"
        }
    }

    @Test func misspeltKeyIsAWarningWithDidYouMean() throws {
        let split = try FrontMatter.split("---\ntitel: Oops\n---\n", file: "content/w.md")
        #expect(split.warnings.map(\.description) == [
            "content/w.md:2:1: warning: unknown front matter key 'titel' is ignored\nhint: did you mean 'title'?",
        ])
    }

    @Test func unknownKeysFromOtherToolsAreIgnoredQuietly() throws {
        let split = try FrontMatter.split("---\ntitle: P\nsection: s01\n---\n", file: "content/p.md")
        #expect(split.warnings.isEmpty)
    }

    @Test func slugMustBeURLSafe() {
        #expect(throws: DiagnosticList.self) { try FrontMatter.split("---\nslug: a/b\n---\n", file: "content/s.md") }
    }
}

/// Hostile front matter (issue 8).
extension FrontMatterTests {
    @Test func duplicateKeyPointsAtTheSecondOccurrence() {
        do {
            _ = try FrontMatter.split("---\ntitle: One\nsummary: s\ntitle: Two\n---\n", file: "content/page.md")
            Issue.record("a duplicate key must be an error")
        } catch {
            #expect(error.description == """
                content/page.md:4:1: error: duplicate key 'title' in front matter
                hint: each key may appear only once
                """)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let nested = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        do {
            _ = try FrontMatter.split("---\ntitle: \(nested)\n---\n", file: "content/page.md")
            Issue.record("nesting beyond the parser's limit must be an error")
        } catch {
            #expect(error.description.hasPrefix("content/page.md:2:"))
        }
    }
}
