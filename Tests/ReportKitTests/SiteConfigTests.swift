import Foundation
import Testing
@testable import ReportKit

struct SiteConfigTests {
    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString).yml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func readsEveryKey() throws {
        let url = try write("title: T\nsubtitle: S\nlanguage: zh-CN\nauthors: [A, B]\nnavigation: [index.md, modes.md]\noptions:\n  raw_html: true\n")
        let config = try SiteConfig.load(from: url, displayPath: "content/site.yml")
        #expect(config.title == "T")
        #expect(config.language == "zh-CN")
        #expect(config.authors.map(\.name) == ["A", "B"])
        #expect(config.navigation == ["index.md", "modes.md"])
        #expect(config.allowRawHTML)
    }

    @Test func unknownKeyHasDidYouMean() throws {
        let url = try write("title: T\nnavigaton: [a.md]\n")
        #expect {
            try SiteConfig.load(from: url, displayPath: "content/site.yml")
        } throws: { error in
            (error as? DiagnosticList)?.description == "content/site.yml:2:1: error[RG0109]: unknown key 'navigaton' in site.yml\nhint: did you mean 'navigation'?"
        }
    }

    @Test func scriptsInRawHTMLAreASeparateOptIn() throws {
        let both = try SiteConfig.load(from: try write("options:\n  raw_html: true\n  raw_html_scripts: true\n"), displayPath: "content/site.yml")
        #expect(both.allowRawHTML && both.allowRawScripts)
        #expect(try !SiteConfig.load(from: try write("options: {raw_html: true}\n"), displayPath: "content/site.yml").allowRawScripts)
        let alone = try write("options:\n  raw_html_scripts: true\n")
        #expect {
            try SiteConfig.load(from: alone, displayPath: "content/site.yml")
        } throws: { error in
            (error as? DiagnosticList)?.description == "content/site.yml:2:3: error[RG0111]: 'raw_html_scripts: true' has no effect without 'raw_html: true'\n"
                + "hint: add 'raw_html: true' under options, or remove 'raw_html_scripts'"
        }
    }

    @Test func missingFileGivesDefaults() throws {
        let config = try SiteConfig.load(from: URL(fileURLWithPath: "/nonexistent/site.yml"), displayPath: "site.yml")
        #expect(config.language == "en")
        #expect(!config.allowRawHTML)
    }
}
