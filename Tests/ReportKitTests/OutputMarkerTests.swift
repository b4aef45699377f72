import Foundation
import Testing
@testable import ReportKit

/// The marker's list cannot be injected into, and is read back only when every path stays inside
/// the folder (`FuzzPaths` tries the same on random input).
struct OutputMarkerTests {
    @Test("names with quotes, backslashes, brackets and other scripts come back as they were")
    func roundTrip() {
        let files = ["a \"quoted\" \\ name.csv", "[x], {y}.png", "café/index.html", "征信/index.html",
                     "index.html", "index.html", "…/b"]
        let text = OutputMarker.encode(files)
        #expect(text.hasPrefix(OutputMarker.header))
        #expect(text.split(separator: "\n").count == 1 + Set(files).count)
        #expect(OutputMarker.decode(Array(text.utf8)) == Set(files).sorted())
    }

    @Test("a list holding a path that leaves the folder is not read back", arguments: [
        "../Makefile", "a/../../b", "/etc/passwd", "a//b", "./a", "a/.", "", "x\n../Makefile", "a\u{0}b", "a/..",
    ])
    func unsafePath(_ path: String) {
        #expect(!OutputMarker.isSafe(path))
        #expect(OutputMarker.decode(Array(OutputMarker.encode(["index.html", path]).utf8)) == nil)
    }

    @Test("escaped dots and slashes in the JSON are caught too")
    func escapedInJSON() {
        let text = OutputMarker.header + "[\"\\u002e\\u002e/Makefile\"]\n"
        #expect(OutputMarker.decode(Array(text.utf8)) == nil)
        #expect(OutputMarker.decode(Array((OutputMarker.header + "[\"...\", \"a/.b\"]\n").utf8)) == ["...", "a/.b"])
    }

    @Test("a marker in the old one-path-a-line form, or damaged, gives no list")
    func otherForms() {
        #expect(OutputMarker.decode(Array("This folder is written by reportgen; the next build replaces it whole. Files:\nindex.html\n".utf8)) == nil)
        #expect(OutputMarker.decode(Array((OutputMarker.header + "[\"index.html\"").utf8)) == nil)
        #expect(OutputMarker.decode([]) == nil)
    }

    @Test("diagnostics print control characters as escapes")
    func printedDiagnostics() {
        let diagnostic = Diagnostic.error(.unknownColumn, "unknown column '\u{1B}[2J\u{85}\u{202E}x'", at: SourceLocation(file: "content/a\nb\tc.md"),
                                          hint: "did you mean 'a\rb'?")
        #expect(diagnostic.description == """
            content/a\\nb\\tc.md:1:1: error[RG0201]: unknown column '\\u{1B}[2J\\u{85}\\u{202E}x'
            hint: did you mean 'a\\rb'?
            """)
        #expect(Diagnostic.error(.internalError, "plain 中文 text").description == "error[RG0901]: plain 中文 text")
    }
}
