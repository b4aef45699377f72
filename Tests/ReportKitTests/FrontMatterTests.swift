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
                content/x.md:1:1: error[RG0113]: front matter is not closed
                hint: end the front matter with a line holding only '---', or remove the opening '---' line
                """
        }
    }

    @Test func malformedYAMLPointsAtTheLine() {
        #expect {
            try FrontMatter.split("---\ntitle: ok\nweight: [1, 2\n---\nBody\n", file: "content/y.md")
        } throws: { error in
            let text = (error as? DiagnosticList)?.description ?? ""
            return text.hasPrefix("content/y.md:4:") && text.contains("error[RG0105]: invalid YAML in front matter")
        }
    }

    @Test func wrongTypeNamesTheKeyAndLine() {
        #expect {
            try FrontMatter.split("---\ntitle: ok\nweight: heavy\n---\n", file: "content/z.md")
        } throws: { error in
            (error as? DiagnosticList)?.description == "content/z.md:3:9: error[RG0108]: 'weight' must be a whole number\nhint: write it like this: weight: 3"
        }
    }

    @Test func misspeltKeyIsAWarningWithDidYouMean() throws {
        let split = try FrontMatter.split("---\ntitel: Oops\n---\n", file: "content/w.md")
        #expect(split.warnings.map(\.description) == [
            "content/w.md:2:1: warning[RG0114]: unknown front matter key 'titel' is ignored\nhint: did you mean 'title'?",
        ])
    }

    @Test func anUnknownKeyIsReportedAtItsOwnLineWhenAnotherKeyHasTheSameValue() throws {
        // The key was once found by comparing values, so it pointed at the first key with an equal value.
        let split = try FrontMatter.split("---\ntitle: Same\nsummary: Same\ntitel: Same\n---\n", file: "content/w.md")
        #expect(split.warnings.map(\.description) == [
            "content/w.md:4:1: warning[RG0114]: unknown front matter key 'titel' is ignored\nhint: did you mean 'title'?",
        ])
    }

    @Test func unknownKeysFromOtherToolsAreIgnoredQuietly() throws {
        let split = try FrontMatter.split("---\ntitle: P\nsection: s01\n---\n", file: "content/p.md")
        #expect(split.warnings.isEmpty)
    }

    @Test func slugMustBeURLSafe() {
        #expect(throws: DiagnosticList.self) { try FrontMatter.split("---\nslug: a/b\n---\n", file: "content/s.md") }
    }

    /// Plain decimal weights take a fast path; every other spelling keeps YAML's meaning.
    @Test(arguments: [("3", 3), ("1200", 1200), ("0", 0), ("010", 8), ("0x1F", 31), ("-4", -4), ("+5", 5), ("1_000", 1000)])
    func weightsReadAsYAMLIntegers(_ written: String, _ expected: Int) throws {
        let split = try FrontMatter.split("---\nweight: \(written)\n---\n", file: "content/w.md")
        #expect(split.frontMatter.weight == expected)
    }

    @Test func aQuotedWeightIsNotANumber() {
        #expect(throws: DiagnosticList.self) { try FrontMatter.split("---\nweight: \"3\"\n---\n", file: "content/q.md") }
    }
}
