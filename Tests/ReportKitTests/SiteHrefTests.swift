import Foundation
import Testing
@testable import ReportKit

/// `SiteHref`, on its own: whatever a file is called (even names the content loader may one day
/// refuse), its link is a relative path to it.
struct SiteHrefTests {
    @Test func ordinaryNamesAreUnchanged() {
        #expect(SiteHref.to("modes/index.html", from: "../../") == "../../modes/index.html")
        #expect(SiteHref.to("data/loans.csv") == "data/loans.csv")
        #expect(SiteHref.to("a_b-c.d~e/f(1),g+h=i;j@k!$*'&.png") == "a_b-c.d~e/f(1),g+h=i;j@k!$*'&.png")
        #expect(SiteHref.to("modes/index.html", from: "../", suffix: "#credit") == "../modes/index.html#credit")
    }

    @Test func namesThatWouldBeSchemesStayPaths() {
        #expect(SiteHref.to("javascript:alert(1)/index.html") == "javascript%3Aalert(1)/index.html")
        #expect(SiteHref.to("JavaScript:x") == "JavaScript%3Ax")
        #expect(SiteHref.to(" javascript:x") == "%20javascript%3Ax")
        #expect(SiteHref.to("java\tscript:x") == "java%09script%3Ax")
        #expect(SiteHref.to("data:text/html,x") == "data%3Atext/html,x")
    }

    @Test func namesNeverMakeAbsoluteOrProtocolRelativeLinks() {
        #expect(SiteHref.to("/etc/passwd") == ".//etc/passwd")
        #expect(SiteHref.to("//example.org/x") == ".///example.org/x")
        #expect(SiteHref.to("\\\\example.org\\x") == "%5C%5Cexample.org%5Cx")
    }

    @Test func charactersWithAMeaningInURLsAreEncoded() {
        #expect(SiteHref.to("a#b?c%d.md") == "a%23b%3Fc%25d.md")
        #expect(SiteHref.to("a \"b\" <c>`{|}^[]") == "a%20%22b%22%20%3Cc%3E%60%7B%7C%7D%5E%5B%5D")
        #expect(SiteHref.to("征信/index.html") == "%E5%BE%81%E4%BF%A1/index.html")
        #expect(SiteHref.to("a\nb\u{7F}") == "a%0Ab%7F")
    }

    @Test func suffixesKeepTheirMeaningButNotCharactersAURLMayNotHold() {
        #expect(SiteHref.to("a.html", suffix: "#征信-credit") == "a.html#征信-credit")
        #expect(SiteHref.to("a.html", suffix: "#x y\"<z>") == "a.html#x%20y%22%3Cz%3E")
        #expect(SiteHref.to("a.html", suffix: "?q=1#f") == "a.html?q=1#f")
        #expect(SiteHref.to("a.html", suffix: "frag") == "a.html#frag")
    }

    /// Any name, made of the characters that matter to URLs: the result has no scheme, is not
    /// absolute, holds only URL characters and decodes back to the name.
    @Test func anyNameGivesARelativePathToIt() {
        let pool = Array("ajJ:/\\#?%\"'<> \t\n.&;=@()征\u{0}\u{7F}")
        var generator = SeededGenerator(seed: 20)
        for _ in 0..<5000 {
            let name = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
            let href = SiteHref.to(name)
            #expect(href.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) == nil, "\(name.debugDescription) → \(href)")
            #expect(!href.hasPrefix("/") && !href.hasPrefix("\\"), "\(name.debugDescription) → \(href)")
            #expect(href.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && !"\"<>\\#?:`".unicodeScalars.contains($0) },
                    "\(name.debugDescription) → \(href)")
            let path = href.hasPrefix("./") && name.hasPrefix("/") ? String(href.dropFirst(2)) : href
            #expect(path.removingPercentEncoding == name, "\(name.debugDescription) → \(href)")
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so the test sees the same names every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
