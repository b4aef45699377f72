import Foundation
import Testing
@testable import ReportKit

/// Multilingual sites: `languages` in site.yml, an edition per language, the language switcher,
/// each edition's whole report and search index, `check`'s list of untranslated pages.
@Suite struct LanguageTests {
    /// The temporary site with a Chinese edition of some of its pages (`beta.md` and the `part`
    /// section's `two.md`, `three.md` are not translated).
    static func bilingualSite(extra: [String: String] = [:]) throws -> TemporarySite {
        var files = TemporarySite.files
        files["site.yml"] = """
            title: Test site
            navigation: [index.md, alpha.md, part, beta.md]
            languages:
              - code: en
              - code: zh
                tag: zh-Hans
                title: 测试站点
                subtitle: 副标题

            """
        files["zh/index.md"] = "---\ntitle: 首页\n---\n\n欢迎。见[甲](alpha.md#数字)和[乙](beta.md)。\n"
        files["zh/alpha.md"] = TemporarySite.files["alpha.md"]!.replacingOccurrences(of: "title: Alpha", with: "title: 甲")
            .replacingOccurrences(of: "## Numbers", with: "## 数字")
        files["zh/part/index.md"] = "---\ntitle: 部分\n---\n\n本部分的页面。\n"
        files["zh/part/one.md"] = "---\ntitle: 一\nweight: 1\n---\n\n第一。\n"
        for (path, text) in extra { files[path] = text }
        return try TemporarySite(files: files)
    }

    @Test func languagesAreReadInBothForms() throws {
        let site = try TemporarySite(files: ["site.yml": "title: T\nlanguages: [en, zh]\n", "index.md": "Hi.\n"])
        defer { site.remove() }
        let short = try SiteConfig.load(from: site.content.appendingPathComponent("site.yml"), displayPath: "content/site.yml")
        #expect(short.languages.map(\.code) == ["en", "zh"])
        #expect(short.languages.map(\.tag) == ["en", "zh"])
        #expect(short.isMultilingual)
        try site.write("site.yml", "title: T\nlanguages:\n  - code: en\n    tag: en-GB\n  - code: zh\n    tag: zh-Hans\n    title: 报告\n    navigation: [index.md]\n    strings: {home: 主页}\n")
        let long = try SiteConfig.load(from: site.content.appendingPathComponent("site.yml"), displayPath: "content/site.yml")
        #expect(long.languages.map(\.tag) == ["en-GB", "zh-Hans"])
        #expect(long.languages[1].title == "报告")
        #expect(long.languages[1].navigation == ["index.md"])
        #expect(long.languages[1].strings == ["home": "主页"])
        #expect(long.defaultEdition().language == "en-GB")
    }

    @Test func badLanguageEntriesAreErrorsAtTheirLine() throws {
        let site = try TemporarySite(files: ["index.md": "Hi.\n"])
        defer { site.remove() }
        let cases: [(String, String)] = [
            ("title: T\nlanguages:\n  - code: en\n  - code: EN\n",
             "content/site.yml:4:11: error[RG0150]: language code 'EN' is not a language code\nhint: use a lowercase ISO 639 code such as 'en' or 'zh'; it names the content folder (content/zh/) and the output folder"),
            ("title: T\nlanguages:\n  - code: en\n  - tag: zh-Hans\n",
             "content/site.yml:4:5: error[RG0150]: a 'languages' entry has no 'code'\nhint: start the entry with '- code: zh' (the name of its content folder)"),
            ("title: T\nlanguages: zh\n",
             "content/site.yml:2:12: error[RG0150]: 'languages' must be a list of languages, the default first\nhint: write it like this: languages: [en, zh], or one '- code: zh' entry per language"),
            ("title: T\nlanguages: [en, zh, en]\n",
             "content/site.yml:2:21: error[RG0151]: language 'en' is listed twice in 'languages'\nhint: remove one of the entries (the first is at line 2)"),
        ]
        for (yaml, expected) in cases {
            try site.write("site.yml", yaml)
            #expect(throws: (any Error).self) {
                _ = try SiteConfig.load(from: site.content.appendingPathComponent("site.yml"), displayPath: "content/site.yml")
            }
            do {
                _ = try SiteConfig.load(from: site.content.appendingPathComponent("site.yml"), displayPath: "content/site.yml")
            } catch {
                #expect(error.diagnostics.map(\.description).joined(separator: "\n") == expected)
            }
        }
    }

    @Test func eachLanguageGetsItsEditionWithSwitcherAndAlternates() throws {
        let site = try Self.bilingualSite()
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let zhAlpha = site.read(output: "zh/alpha/index.html")
        #expect(zhAlpha.contains("<html lang=\"zh-Hans\">"))
        #expect(zhAlpha.contains("<title>甲 · 测试站点</title>"))
        // Interface words of zh.yml, numbers and data shared.
        #expect(zhAlpha.contains("图 1"))
        #expect(zhAlpha.contains("下载数据（CSV）"))
        #expect(zhAlpha.contains("href=\"../../data/sales.csv\""))
        // The switcher links the same page in English; the alternates name both and x-default.
        #expect(zhAlpha.contains("<a href=\"../../alpha/index.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(zhAlpha.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"../../alpha/index.html\">"))
        #expect(zhAlpha.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"../../alpha/index.html\">"))
        #expect(zhAlpha.contains("<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"../../zh/alpha/index.html\">"))
        let alpha = site.read(output: "alpha/index.html")
        #expect(alpha.contains("<html lang=\"en\">"))
        #expect(alpha.contains("<a href=\"../zh/alpha/index.html\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a>"))
        // An untranslated page: the switcher says so in Chinese, no alternates, no guess.
        let beta = site.read(output: "beta/index.html")
        #expect(beta.contains("<span class=\"language-missing\" lang=\"zh-Hans\">本页暂无中文版，仅有English版本</span>"))
        #expect(!beta.contains("rel=\"alternate\""))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("zh/beta/index.html").path))
        // A Chinese link to an untranslated page leads to the English one; the home is the edition's.
        let zhHome = site.read(output: "zh/index.html")
        #expect(zhHome.contains("href=\"../beta/index.html\""))
        #expect(zhHome.contains("href=\"../zh/alpha/index.html#%E6%95%B0%E5%AD%97\""))
        #expect(zhHome.contains("<p class=\"subtitle\">副标题</p>"))
        #expect(zhAlpha.contains("<a class=\"site-title\" href=\"../../zh/index.html\">测试站点</a>"))
        // The mirrored navigation leaves out what the edition lacks (beta.md).
        #expect(zhAlpha.contains(">部分</a>"))
        #expect(!zhAlpha.contains(">Beta</a></li>"))
    }

    @Test func eachLanguageHasItsWholeReportAndSearchIndex() throws {
        let site = try Self.bilingualSite()
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let report = site.read(output: "zh/report.html")
        #expect(report.contains("<html lang=\"zh-Hans\">"))
        #expect(report.contains("href=\"../assets/style.css\""))
        #expect(report.contains("<a href=\"../report.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(report.contains("第一。") && !report.contains("Second."))
        #expect(site.read(output: "zh/report-standalone.html").contains("第一。"))
        let index = site.read(output: "zh/search-index.js")
        #expect(index.contains("\"pages\":4")) // home, alpha, part, part/one
        #expect(site.read(output: "zh/alpha/index.html").contains("data-index=\"../../zh/search-index.js\""))
        // The Chinese index holds the Chinese pages only (its records name their paths).
        let built = try SiteBuilder(options: site.options).assemble()
        let zh = try #require(built.translations.first)
        #expect(zh.pages.map(\.page.outputPath) == ["zh/index.html", "zh/alpha/index.html", "zh/part/index.html", "zh/part/one/index.html"])
        // The English edition's files stay as they were.
        #expect(site.read(output: "search-index.js").contains("\"pages\":7"))
    }

    @Test func checkListsPagesAddedOnlyInEnglishAsUntranslated() throws {
        let site = try Self.bilingualSite(extra: ["gamma.md": "---\ntitle: Gamma\n---\n\nNew, in English only.\n"])
        defer { site.remove() }
        let report = SiteChecker(options: site.options).check()
        let untranslated = report.diagnostics.filter { $0.code == .untranslatedPage }.map(\.description)
        #expect(untranslated.contains("\(site.options.display(site.content))/gamma.md:1:1: warning[RG0153]: 'gamma.md' has no 'zh' translation\nhint: add zh/gamma.md to the content folder; until then the 'zh' edition's language switcher says the page is not translated"))
        #expect(untranslated.filter { $0.contains("has no 'zh' translation") }.count == 4) // beta, part/two, part/three, gamma
        #expect(untranslated.contains { $0.contains("warning[RG0153]: 'zh' edition: 4 of 8 pages untranslated") })
        #expect(report.errors == 0)
        // A build does not warn about a partial translation.
        let built = try SiteBuilder(options: site.options).build()
        #expect(!built.warnings.contains { $0.code == .untranslatedPage })
    }

    @Test func aPageOnlyInATranslationIsAWarningWithItsLikelyOriginal() throws {
        let site = try Self.bilingualSite(extra: ["zh/alpah.md": "---\ntitle: 甲\n---\n\n错名。\n"])
        defer { site.remove() }
        let built = try SiteBuilder(options: site.options).build()
        let warning = built.warnings.first { $0.code == .pageWithoutOriginal }
        #expect(warning?.description == "\(site.options.display(site.content))/zh/alpah.md:1:1: warning[RG0154]: 'alpah.md' of language 'zh' has no original at the same path in the default language\nhint: did you mean 'zh/alpha.md'? a translation has the same path in its language's folder as its original has in the content folder")
        #expect(site.read(output: "zh/alpah/index.html").contains("<span class=\"language-missing\" lang=\"en\">Not in English: this page is only in 中文</span>"))
    }

    @Test func aLanguageWithNoPagesYetBuildsTheDefaultEditionAlone() throws {
        var files = TemporarySite.files
        files["site.yml"] = files["site.yml"]! + "languages:\n  - code: en\n  - code: zh\n    tag: zh-Hans\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let built = try SiteBuilder(options: site.options).build()
        #expect(built.pages == 7)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("zh").path))
        #expect(site.read(output: "alpha/index.html").contains("<span class=\"language-missing\" lang=\"zh-Hans\">"))
        #expect(!site.read(output: "report.html").contains("zh/report.html"), "no link to a report that is not written")
        #expect(SiteChecker(options: site.options).check().diagnostics.filter { $0.code == .untranslatedPage }.count == 8)
    }

    @Test func aFolderLikeAnUndeclaredTranslationIsAWarningOnAOneLanguageSite() throws {
        var files = TemporarySite.files
        files["de/alpha.md"] = "---\ntitle: Alpha auf Deutsch\n---\n\nText.\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let built = try SiteBuilder(options: site.options).build()
        #expect(built.warnings.contains { $0.code == .undeclaredLanguageFolder && $0.severity == .warning })
        // Published as before: a section.
        #expect(!site.read(output: "de/alpha/index.html").isEmpty)
        // serve says so too.
        var builder = IncrementalBuilder(options: site.options)
        #expect(try builder.build().warnings.contains { $0.code == .undeclaredLanguageFolder })
    }

    @Test func siteStringsOverrideALanguageAndUnknownKeysWarn() throws {
        let site = try Self.bilingualSite()
        defer { site.remove() }
        try site.write("site.yml", "title: Test site\nlanguages:\n  - code: en\n  - code: zh\n    strings: {home: 主页, hom: 主页}\n")
        let built = try SiteBuilder(options: site.options).build()
        #expect(built.warnings.map(\.description).contains("warning[RG0520]: unknown interface string 'hom' in site.yml's 'languages'\nhint: did you mean 'home'?"))
        #expect(site.read(output: "zh/alpha/index.html").contains(">主页</a>"))
    }

    @Test func theChineseStringsTranslateEveryKey() throws {
        let english = try Theme.interfaceStrings(in: .builtIn, displayPath: "themes/default")
        let (chinese, _) = try Theme.languageStrings(.builtIn, path: "i18n/zh.yml", display: "themes/default/i18n/zh.yml")
        for key in english.keys.sorted() {
            #expect(!(chinese[key] ?? "").isEmpty, "themes/default/i18n/zh.yml has no string '\(key)'")
        }
        for key in InterfaceStrings.Key.languageKeys {
            #expect(!(english[key.name] ?? "").isEmpty, "themes/default/theme.yml has no string '\(key.name)'")
        }
        #expect(chinese["locale"] == "zh-Hans")
        // Placeholders survive translation.
        for (key, text) in english {
            let placeholders = Set(text.split(separator: "{").dropFirst().map { $0.prefix { $0 != "}" } })
            for name in placeholders { #expect(chinese[key]?.contains("{\(name)}") == true, "zh.yml's '\(key)' lacks {\(name)}") }
        }
        #expect(ThemeFiles.builtIn.hasFile("i18n/zh.yml"))
    }

    @Test func theIncrementalBuildOfABilingualSiteEqualsAFreshBuild() throws {
        let site = try Self.bilingualSite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        let first = try builder.build()
        #expect(first.written.contains("zh/alpha/index.html"))
        try IncrementalBuildTests.expectSameAsFreshBuild(site, options: site.options, "first build")
        try site.write("zh/part/one.md", "---\ntitle: 一\nweight: 1\n---\n\n第一，已修改。\n")
        let edited = try builder.build(changedPaths: IncrementalBuildTests.paths(site, ["zh/part/one.md"]))
        #expect(edited.written.contains("zh/part/one/index.html"))
        #expect(!edited.written.contains("alpha/index.html"))
        #expect(site.read(output: "zh/part/one/index.html").contains("第一，已修改。"))
        try IncrementalBuildTests.expectSameAsFreshBuild(site, options: site.options, "after editing a Chinese page")
        // Adding the translation of beta.md: the English page's switcher now links it.
        try site.write("zh/beta.md", "---\ntitle: 乙\n---\n\n## 份额\n\n见 @fig-sales。\n")
        let added = try builder.build()
        #expect(added.written.contains("beta/index.html") && added.written.contains("zh/beta/index.html"))
        #expect(site.read(output: "beta/index.html").contains("hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a>"))
        try IncrementalBuildTests.expectSameAsFreshBuild(site, options: site.options, "after adding a translation")
        // Back to one language: the incremental path starts afresh.
        try site.write("site.yml", TemporarySite.files["site.yml"]!)
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("zh"))
        _ = try builder.build()
        try IncrementalBuildTests.expectSameAsFreshBuild(site, options: site.options, "back to one language")
    }
}
