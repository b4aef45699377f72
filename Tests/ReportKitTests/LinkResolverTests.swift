import Testing
@testable import ReportKit

struct LinkResolverTests {
    static func page(_ source: String, _ output: String) -> Page {
        Page(sourcePath: source, displayPath: "content/" + source, outputPath: output, frontMatter: FrontMatter(), body: "",
             bodyFirstLine: 1, isSectionIndex: false, isGenerated: false, section: "")
    }

    let home = page("index.md", "index.html")
    let modes = page("modes.md", "modes/index.html")
    let credit = page("dilemmas/credit.md", "dilemmas/credit/index.html")
    let dilemmas = page("dilemmas/_index.md", "dilemmas/index.html")
    var resolver: LinkResolver { LinkResolver(pages: [home, modes, credit, dilemmas], files: ["data/loans.csv", "img/chart.png"]) }
    let here = SourceLocation(file: "content/modes.md", line: 4, column: 7)

    @Test func markdownLinksBecomeRelativeFileLinks() {
        #expect(resolver.resolve("dilemmas/credit.md", isImage: false, in: modes, at: here) == .rewrite("../dilemmas/credit/index.html", anchorCheck: nil))
        #expect(resolver.resolve("modes.md", isImage: false, in: home, at: here) == .rewrite("modes/index.html", anchorCheck: nil))
        #expect(resolver.resolve("../index.md", isImage: false, in: credit, at: here) == .rewrite("../../index.html", anchorCheck: nil))
    }

    @Test func anchorsAreKeptAndChecked() {
        let result = resolver.resolve("dilemmas/credit.md#coverage", isImage: false, in: modes, at: here)
        #expect(result == .rewrite("../dilemmas/credit/index.html#coverage",
                                   anchorCheck: AnchorReference(page: "dilemmas/credit.md", anchor: "coverage", location: here)))
        #expect(resolver.resolve("#intro", isImage: false, in: modes, at: here)
                == .rewrite("#intro", anchorCheck: AnchorReference(page: "modes.md", anchor: "intro", location: here)))
    }

    @Test func foldersAndServedURLsNameTheirIndexFile() {
        #expect(resolver.resolve("dilemmas/", isImage: false, in: modes, at: here) == .rewrite("../dilemmas/index.html", anchorCheck: nil))
        #expect(resolver.resolve("../modes/", isImage: false, in: credit, at: here) == .rewrite("../../modes/index.html", anchorCheck: nil))
    }

    @Test func oddNamesAreLinkedAsPathsNeverAsSchemes() {
        let script = Self.page("javascript:alert(1).md", "javascript:alert(1)/index.html")
        let resolver = LinkResolver(pages: [home, script], files: ["javascript:x/a #1.png"])
        #expect(resolver.resolve("./javascript:alert(1).md#top", isImage: false, in: home, at: here)
                == .rewrite("javascript%3Aalert(1)/index.html#top",
                            anchorCheck: AnchorReference(page: "javascript:alert(1).md", anchor: "top", location: here)))
        #expect(resolver.resolve("./javascript:x/a%20%231.png", isImage: true, in: script, at: here) == .rewrite("../javascript%3Ax/a%20%231.png", anchorCheck: nil))
    }

    @Test func filesAreLinkedRelatively() {
        #expect(resolver.resolve("../data/loans.csv", isImage: false, in: credit, at: here) == .rewrite("../../data/loans.csv", anchorCheck: nil))
        #expect(resolver.resolve("img/chart.png", isImage: true, in: modes, at: here) == .rewrite("../img/chart.png", anchorCheck: nil))
    }

    @Test func externalLinksAreLeftAlone() {
        for url in ["https://example.org/x", "mailto:a@b.c", "//cdn.example.org/x.js"] {
            #expect(resolver.resolve(url, isImage: false, in: modes, at: here) == .keep)
        }
    }

    @Test func missingPageIsAnErrorWithDidYouMean() {
        let result = resolver.resolve("dilemmas/credt.md", isImage: false, in: modes, at: here)
        #expect(result == .broken(.error(.missingLinkTarget, "link to missing page 'dilemmas/credt.md'", at: here, hint: "did you mean 'dilemmas/credit.md'?")))
    }

    @Test func absoluteAndEscapingLinksAreErrors() {
        guard case .broken(let absolute) = resolver.resolve("/modes/", isImage: false, in: modes, at: here) else {
            Issue.record("absolute link accepted"); return
        }
        #expect(absolute.message == "link '/modes/' is absolute, so it breaks when the site is opened from disk")
        guard case .broken(let escaping) = resolver.resolve("../../etc/passwd", isImage: false, in: modes, at: here) else {
            Issue.record("escaping link accepted"); return
        }
        #expect(escaping.message == "link '../../etc/passwd' leaves the content folder")
    }

    @Test(arguments: [
        ("a/b.md", "a/b.md"), ("a/./b.md", "a/b.md"), ("a/../b.md", "b.md"), ("a//b/", "a/b"), ("./a", "a"), ("", ""),
        ("..", nil), ("a/../../b", nil), ("...", "..."), ("a/.../b", "a/.../b"), (".hidden/x", ".hidden/x"), ("a/..b", "a/..b"),
        ("s09/p00009/", "s09/p00009"), ("/a", "a"), ("中文/页.md", "中文/页.md"),
    ] as [(String, String?)])
    func pathsAreNormalized(_ path: String, _ expected: String?) {
        #expect(LinkResolver.normalize(path) == expected)
    }

    @Test func schemesAreRecognised() {
        for url in ["https://x.org", "mailto:a@b.c", "tel:+1", "git+ssh://h/r", "a.b-c:x"] { #expect(LinkResolver.hasScheme(url), "\(url)") }
        for url in ["modes.md", "a/b:c", ":x", "dir/file.md#a:b", "中文:x", ""] { #expect(!LinkResolver.hasScheme(url), "\(url)") }
    }

    /// The lookup table gives what trying each kind of target in turn gave (the code it replaced).
    @Test func targetsResolveWithTheDocumentedPrecedence() {
        let pages = [
            Self.page("index.md", "index.html"), Self.page("a.md", "a/index.html"), Self.page("a/index.md", "a/x/index.html"),
            Self.page("a/_index.md", "a/y/index.html"), Self.page("b/_index.md", "b/index.html"), Self.page("b/c.md", "b/c/index.html"),
            Self.page("d/e.md", "slugged/index.html"), Self.page("index.html.md", "index.html/index.html"),
        ]
        let resolver = LinkResolver(pages: pages, files: [])
        var outputBySource: [String: String] = [:]
        for page in pages { outputBySource[page.sourcePath] = page.outputPath }
        var byFolder: [String: String] = [:]
        for page in pages { byFolder[String(page.outputPath.dropLast("index.html".count)).trimmingSuffix("/")] = page.sourcePath }
        func reference(_ target: String) -> String? {
            let byOutput = byFolder[target.hasSuffix("/index.html") ? String(target.dropLast("/index.html".count)) : target] ?? ""
            for source in [target, target + "/index.md", target + "/_index.md", target.isEmpty ? "index.md" : "", byOutput]
            where !source.isEmpty && outputBySource[source] != nil { return source }
            return nil
        }
        let targets = ["", "index.md", "index.html", "a", "a.md", "a/index.md", "a/_index.md", "a/x", "a/x/index.html", "a/y", "b",
                       "b/index.html", "b/c", "b/c.md", "b/c/index.html", "slugged", "slugged/index.html", "d/e.md", "d/e", "d",
                       "index.html/index.html", "index.html.md", "missing", "b/c/d"]
        for target in targets {
            let expected = reference(target)
            #expect(resolver.sourceByTarget[target] == expected, "\(target)")
        }
    }
}
