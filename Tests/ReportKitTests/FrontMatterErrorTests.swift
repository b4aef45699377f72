import Testing
@testable import ReportKit

struct FrontMatterErrorTests {
    /// The diagnostics `FrontMatter.split` throws for `text`, or nil when it succeeds.
    func errors(_ text: String) -> String? {
        do {
            _ = try FrontMatter.split(text, file: "content/page.md")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func crlfLineEndsCloseTheFrontMatter() throws {
        let split = try FrontMatter.split("---\r\ntitle: Windows\r\nweight: 2\r\n---\r\n# Body\r\n", file: "content/page.md")
        #expect(split.frontMatter.title == "Windows")
        #expect(split.frontMatter.weight == 2)
        #expect(split.body == "# Body\r\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func duplicateKeyPointsAtTheSecondOccurrence() {
        #expect(errors("---\ntitle: One\nsummary: s\ntitle: Two\n---\n") == """
            content/page.md:4:1: error[RG0106]: duplicate key 'title' in front matter
            hint: each key may appear only once
            """)
    }

    @Test func unclosedFrontMatter() {
        #expect(errors("---\ntitle: x\n\nbody\n") == """
            content/page.md:1:1: error[RG0113]: front matter is not closed
            hint: end the front matter with a line holding only '---', or remove the opening '---' line
            """)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let nested = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        #expect(errors("---\ntitle: \(nested)\n---\n")?.hasPrefix("content/page.md:2:") == true)
    }
}
