import Foundation
import Testing
@testable import ReportKit

/// The build's placeholders (figure labels, cross-references: `Token`) must neither change the
/// author's text nor be forgeable from it. They were private-use characters (U+E000, U+E001)
/// stripped from every page; they are now noncharacters, which input may not contain.
struct PlaceholderCollisionTests {
    static let noncharacter = String(Unicode.Scalar(0xFDD0 as UInt32)!)

    static func site(index: String, extra: [String: String] = [:]) throws -> TemporarySite {
        var files = ["site.yml": "title: Tokens\n", "index.md": index]
        files.merge(extra) { $1 }
        return try TemporarySite(files: files)
    }

    /// Expects the build to fail with exactly one diagnostic, printed as `expected`.
    static func expectBuildFails(_ site: TemporarySite, with expected: String) {
        do {
            _ = try SiteBuilder(options: site.options).build()
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description) == [expected])
        }
    }

    @Test("private-use characters in text and data reach the page unchanged")
    func privateUseCharactersSurvive() throws {
        let site = try Self.site(index: """
            # Home

            Icon \u{E000} and \u{E001}, also as `code \u{E000}X\u{E001}`.

            ```table
            id: t
            data: data/icons.csv
            caption: Icons \u{E001}
            ```

            """, extra: ["data/icons.csv": "name,glyph\nfirst,\u{E000}\nsecond,\u{E001}\n"])
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let html = site.read(output: "index.html")
        #expect(html.contains("Icon \u{E000} and \u{E001}, also as <code>code \u{E000}X\u{E001}</code>."))
        #expect(html.contains("Icons \u{E001}"))
        #expect(html.contains(">\u{E000}<") && html.contains(">\u{E001}<"))
    }

    @Test("a noncharacter in a page is an error at its line and column")
    func rawNoncharacterIsRefused() throws {
        let site = try Self.site(index: "# Home\n\nText \(Self.noncharacter)Xfig-a\n")
        defer { site.remove() }
        Self.expectBuildFails(site, with: """
            content/index.md:3:6: error[RG0104]: 'content/index.md' contains U+FDD0, a Unicode noncharacter, which cannot be published
            hint: delete it: noncharacters are reserved for programs' internal use and are not valid in HTML
            """)
    }

    @Test("a character reference to a noncharacter is an error")
    func referencedNoncharacterIsRefused() throws {
        let site = try Self.site(index: "---\ntitle: Home\n---\n\nA &#xfdd0;Xfig-a&#64977; forged link.\n")
        defer { site.remove() }
        Self.expectBuildFails(site, with: """
            content/index.md:5:3: error[RG0104]: character reference to U+FDD0, a Unicode noncharacter, which cannot be published
            hint: delete it; to show the reference itself as text, write '&amp;#' instead of '&#'
            """)
    }

    @Test("a noncharacter from a JSON escape is written as a reference and forges nothing")
    func escapedValueCannotForgeAToken() throws {
        let site = try Self.site(index: """
            # Home

            ```table
            id: t
            data: data/values.json
            caption: Values
            ```

            ```chart
            id: a
            type: bar
            data: data/values.json
            x: name
            y: amount
            caption: A chart
            ```

            """, extra: ["data/values.json": #"[{"name": "\uFDD0Xfig-a\uFDD1", "amount": 1}]"#])
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let html = site.read(output: "index.html")
        #expect(html.contains("&#xFDD0;Xfig-a&#xFDD1;"))
        #expect(!html.contains(Self.noncharacter))
        #expect(!html.contains("href=\"#fig-a\">Figure"))
    }

    @Test func noncharactersAreFoundInBytes() {
        func first(_ text: String) -> UInt32? {
            Array(text.utf8).withUnsafeBufferPointer { Noncharacters.first(in: $0) }?.scalar.value
        }
        #expect(first("plain 中文，text \u{E000}") == nil)
        #expect(first("a" + String(Unicode.Scalar(0xFFFE as UInt32)!)) == 0xFFFE)
        #expect(first("中" + String(Unicode.Scalar(0x10FFFF as UInt32)!)) == 0x10FFFF)
        #expect(first("x" + String(Unicode.Scalar(0xFDEF as UInt32)!)) == 0xFDEF)
        #expect(first(String(Unicode.Scalar(0xFDF0 as UInt32)!)) == nil)
    }

    @Test func fileNamesWithNoncharactersAreRefusedAndPrivateUseOnesKept() {
        #expect(PublishableName.problem("a" + Self.noncharacter + ".md", isFolder: false)?.message
                == "file name holds U+FDD0, a Unicode noncharacter, which cannot be published")
        #expect(PublishableName.problem("icon-\u{E000}.md", isFolder: false) == nil)
    }
}
