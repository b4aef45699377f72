import Foundation
import Testing
@testable import ReportKit

/// The words around figures and tables come from the theme, not from Swift literals.
@Suite struct InterfaceStringsTests {
    @Test func theDefaultThemeDefinesEveryKeySwiftReads() throws {
        // The keys are read from their file, so a key added there without its string in the default
        // theme (which would print an empty string) fails here.
        let keysFile = TemporarySite.defaultTheme.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ReportKit/Support/InterfaceStrings+Keys.swift")
        let source = try String(contentsOf: keysFile, encoding: .utf8)
        let keys = source.split(separator: "Self(\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(keys.count >= 10)
        let theme = try Theme.load(from: TemporarySite.defaultTheme, displayPath: "themes/default")
        for key in keys + InterfaceStrings.chartKeys {
            #expect(!(theme.strings[key] ?? "").isEmpty, "themes/default/theme.yml has no string '\(key)'")
        }
        // The built-in strings (a theme's fallback) are the default theme's file.
        #expect(theme.strings == InterfaceStrings.english)
    }

    @Test func placeholdersAreFilledOnceAndUnknownOnesShow() {
        #expect(InterfaceStrings.fill("Figure {n}", ["n": "3"]) == "Figure 3")
        #expect(InterfaceStrings.fill("{n}. Abbildung", ["n": "3"]) == "3. Abbildung")
        #expect(InterfaceStrings.fill("Source: {source}", ["source": "{n} and {source}", "n": "1"]) == "Source: {n} and {source}")
        #expect(InterfaceStrings.fill("Figure {num}", ["n": "3"]) == "Figure {num}")
        #expect(InterfaceStrings.fill("{ {n}", ["n": "3"]) == "{ 3")
        #expect(InterfaceStrings.fill("no braces", [:]) == "no braces")
    }

    @Test func aThemeRewordsEveryWordAroundFigures() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: TemporarySite.defaultTheme, to: theme)
        try Data("""
            strings:
              figure_label: "Abb. {n}"
              table_label: "Tab. {n}"
              figure_source: "Quelle: {source}"
              figure_note: "Anmerkung: {note}"
              download_data: Daten herunterladen (CSV)
              chart_data: Daten zu dieser Grafik
              total: Summe
              missing_value: keine Angabe

            """.utf8).write(to: theme.appendingPathComponent("theme.yml"))
        try site.write("data/sales.yml", "source: Amt & Co\nnotes: Vorläufig\n")
        try site.write("data/sales.csv", "year,amount\n2021,10\n2022,\n2023,15\n")
        try site.write("alpha.md", TemporarySite.files["alpha.md"]!.replacingOccurrences(of: "columns: [year, amount]", with: "columns: [year, amount]\ntotal: [amount]"))
        var options = site.options
        options.themeFolder = theme
        _ = try SiteBuilder(options: options).build()
        let alpha = try String(contentsOf: site.output.appendingPathComponent("alpha/index.html"), encoding: .utf8)
        for expected in ["Abb. 1", "Tab. 1", "Quelle: Amt &amp; Co", "Anmerkung: Vorläufig", ">Daten herunterladen (CSV)</a>",
                         "<summary>Daten zu dieser Grafik</summary>", ">Summe</th>", ">keine Angabe</span>"] {
            #expect(alpha.contains(expected), "alpha/index.html lacks \(expected)")
        }
        for english in ["Figure 1", "Table 1", "Source:", "Note:", "Download the data", "Data for this chart", ">Total<", ">no data<"] {
            #expect(!alpha.contains(english), "alpha/index.html still says \(english)")
        }
        let beta = try String(contentsOf: site.output.appendingPathComponent("beta/index.html"), encoding: .utf8)
        #expect(beta.contains(">Abb. 1</a>"), "a cross-reference uses the theme's label")
    }
}
