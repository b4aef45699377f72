import Testing
@testable import ReportKit

struct RelativePathTests {
    @Test(arguments: [("a", ""), ("a/", ""), ("a/b", "a"), ("a/b.md", "a"), ("x/y/z.html", "x/y"), ("c.md", ""), ("", ""),
                      ("/a", "/"), ("/", "/"), ("a//b", "a"), ("a/b/", "a")])
    func parent(_ path: String, _ expected: String) {
        #expect(RelativePath.parent(path) == expected)
    }
}
