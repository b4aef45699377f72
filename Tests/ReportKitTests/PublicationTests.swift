import Foundation
import Testing
@testable import ReportKit

/// The publication metadata of issue 14: site.yml's authors, dates, version, licence, DOI and URL
/// checked where they are written; and what a build makes of them (byline, "Cite this" box with
/// its BibTeX and RIS files, `citation_*` meta tags, JSON-LD, CITATION.cff, datapackage.json).
struct PublicationTests {
    /// A title that tries to leave every place it is written: `<script>`, attributes, BibTeX braces, YAML.
    static let hostileTitle = "Risk </script><script>alert(1)</script> & \"quotes\" {braces} 100% #1\nline"

    static var files: [String: String] {
        var files = TemporarySite.files
        files["site.yml"] = """
            title: "Risk </script><script>alert(1)</script> & \\"quotes\\" {braces} 100% #1\\nline"
            navigation: [index.md, alpha.md, part, beta.md]
            authors:
              - {name: "Doe, Jane", affiliation: "Example University", orcid: "https://orcid.org/0000-0002-1825-0097"}
              - reportgen test team
            published: 2026-11-28
            version: 1.2.0
            license: cc-by-4.0
            doi: https://doi.org/10.5281/zenodo.1234567
            url: https://example.org/report

            """
        files["beta.md"] = "---\ntitle: Beta\npublished: 2026-11-29\nupdated: 2026-12-01\n---\n\nBeta text.\n"
        files["data/sales.yml"] = "title: Sales\nsource: Example survey\nnotes: Yearly sales.\ncolumns:\n  amount: {type: number, label: Amount, unit: million yuan}\n"
        return files
    }

    func config(_ yaml: String) throws -> SiteConfig {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString).yml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try SiteConfig.load(from: url, displayPath: "content/site.yml")
    }

    func message(_ yaml: String) -> String {
        do { _ = try config(yaml); return "" } catch { return (error as? DiagnosticList)?.description ?? "\(error)" }
    }

    // MARK: site.yml

    @Test func readsThePublicationKeys() throws {
        let config = try config("authors:\n  - {name: \"Doe, Jane\", orcid: 0000-0002-1825-0097, affiliation: U}\n  - Team\npublished: 2026-11-28\nversion: 1.0.0\nlicence: cc0-1.0\ndoi: doi:10.1000/xyz\nurl: https://example.org/r\n")
        #expect(config.authors == [Author(name: "Doe, Jane", affiliation: "U", orcid: "0000-0002-1825-0097"), Author(name: "Team")])
        #expect(config.authors[0].displayName == "Jane Doe" && config.authors[0].invertedName == "Doe, Jane" && !config.authors[1].isPerson)
        #expect(config.published == "2026-11-28" && config.version == "1.0.0")
        #expect(config.licence?.id == "CC0-1.0")
        #expect(config.doi == "10.1000/xyz")
        #expect(config.url == "https://example.org/r/")
    }

    @Test func orcidCheckDigits() {
        #expect(ORCID.checksumIsValid("0000-0002-1825-0097"))
        #expect(ORCID.checksumIsValid("0000-0002-9079-593X"))
        #expect(!ORCID.checksumIsValid("0000-0002-1825-0098"))
        #expect(ORCID.bare("0000-0002-1825") == nil)
        #expect(ORCID.bare("https://orcid.org/0000-0002-1825-0097") == "0000-0002-1825-0097")
    }

    @Test func badValuesAreReportedWhereTheyAreWritten() {
        #expect(message("licence: CC-BY-4\n") == "content/site.yml:1:10: error[RG0130]: unknown licence 'CC-BY-4'\nhint: did you mean 'CC-BY-4.0'?")
        #expect(message("authors:\n  - {name: X, orcid: 0000-0002-1825-0098}\n")
            == "content/site.yml:2:22: error[RG0131]: ORCID iD '0000-0002-1825-0098' has a wrong check digit, so it holds a typo\nhint: copy the iD from the author's page on orcid.org")
        #expect(message("published: 2026-13-01\n") == "content/site.yml:1:12: error[RG0132]: '2026-13-01' is not a calendar date\nhint: write it like this: published: 2026-11-28")
        #expect(message("url: example.org\n").hasPrefix("content/site.yml:1:6: error[RG0134]:"))
        #expect(message("authors:\n  - {name: X, orcdi: 1}\n") == "content/site.yml:2:15: error[RG0109]: unknown key 'orcdi' in an author of site.yml\nhint: did you mean 'orcid'?")
    }

    @Test func frontMatterDates() throws {
        let split = try FrontMatter.split("---\npublished: 2026-11-28\nupdated: 2026-12-01\n---\nBody\n", file: "p.md")
        #expect(split.frontMatter.published == "2026-11-28" && split.frontMatter.updated == "2026-12-01")
        #expect(throws: DiagnosticList.self) { try FrontMatter.split("---\nupdated: 2026-1-1\n---\n", file: "p.md") }
    }

    // MARK: Formats

    static let work = WorkMetadata(kind: .page, title: "Modes {and} 50% & more", siteTitle: "Report", authors: [
        Author(name: "Doe, Jane", affiliation: "U", orcid: "0000-0002-1825-0097"), Author(name: "Roe, Ann"), Author(name: "Team A&B"),
    ], published: "2026-11-28", updated: "2026-12-01", version: "1.0", licence: SPDXLicence.named("CC-BY-4.0"),
        url: "https://example.org/r/modes/", siteURL: "https://example.org/r/", pagePath: "modes/index.html", language: "en")

    @Test func citeThisFollowsANumericSitesStyle() {
        let words = CitationWords(strings: InterfaceStrings.english.table)
        let page = CiteThisStyle.text(Self.work, style: .numeric, words: words)
        #expect(page.text == "J. Doe, A. Roe, and Team A&B, “Modes {and} 50% & more,” Report, version 1.0, Nov. 28, 2026. https://example.org/r/modes/.")
        var report = Self.work
        report.kind = .report
        report.title = "Report"
        #expect(CiteThisStyle.text(report, style: .numeric, words: words).text == "J. Doe, A. Roe, and Team A&B, “Report,” version 1.0, Nov. 28, 2026. Available: https://example.org/r/modes/")
        #expect(CiteThisStyle.text(Self.work, style: .authorDate, words: words) == citeThisText(Self.work, words: words))
    }

    @Test func citeThisTextIsChicagoAuthorDate() {
        let citation = citeThisText(Self.work, words: CitationWords(strings: InterfaceStrings.english.table))
        #expect(citation.text == "Doe, Jane, Ann Roe, and Team A&B. 2026. “Modes {and} 50% & more.” Report, version 1.0. Last modified December 1, 2026. https://example.org/r/modes/.")
        #expect(citation.html.contains("<i>Report</i>") && citation.html.contains("Team A&amp;B"))
        var two = Self.work
        two.authors = [Author(name: "Team"), Author(name: "Roe, Ann")]
        #expect(citeThisText(two, words: CitationWords(strings: InterfaceStrings.english.table)).text.hasPrefix("Team and Ann Roe. 2026."))
        two.authors.reverse()
        #expect(citeThisText(two, words: CitationWords(strings: InterfaceStrings.english.table)).text.hasPrefix("Roe, Ann, and Team. 2026."))
    }

    /// A citation key keeps the ASCII letters and digits of the first author's family name (lower-
    /// cased first: `İ` becomes `i` and a dot) and of the page's path, its other runs becoming one `-`.
    @Test func citationKeysKeepASCIILettersAndDigits() {
        var work = Self.work
        #expect(work.citationKey == "doe2026-modes")
        work.authors = [Author(name: "İnan, Çelik")]
        work.pagePath = "zh/信用_Report v2/index.html"
        #expect(work.citationKey == "inan2026-zh-report-v2")
        work.authors = [Author(name: "信用")]
        work.pagePath = "a--b/c.html"
        #expect(work.citationKey == "report2026-a-b-c-html")
        work.kind = .report
        #expect(work.citationKey == "report2026")
    }

    @Test func bibTeXAndRIS() {
        #expect(CitationDownloads.bibTeX(Self.work) == """
            @online{doe2026-modes,
              author = {Doe, Jane and Roe, Ann and {Team A\\&B}},
              title = {{Modes \\{and\\} 50\\% \\& more}},
              organization = {Report},
              year = {2026},
              date = {2026-11-28},
              version = {1.0},
              url = {https://example.org/r/modes/},
              language = {en},
            }

            """)
        #expect(CitationDownloads.ris(Self.work) == ["TY  - ELEC", "AU  - Doe, Jane", "AU  - Roe, Ann", "AU  - Team A&B", "TI  - Modes {and} 50% & more",
                                                     "T2  - Report", "PY  - 2026", "DA  - 2026/11/28/", "ET  - 1.0", "UR  - https://example.org/r/modes/",
                                                     "LA  - en", "ER  - "].joined(separator: "\r\n") + "\r\n")
    }

    @Test func jsonLDCannotLeaveItsScriptElement() throws {
        var work = Self.work
        work.title = Self.hostileTitle
        let text = StructuredData.jsonLD(work, datasets: [], datasetURL: { $0 })
        #expect(!text.lowercased().contains("</script"))
        #expect(!text.contains("<") && !text.contains(">"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let graph = try #require(json["@graph"] as? [[String: Any]])
        #expect(graph[0]["name"] as? String == WorkMetadata.singleLine(Self.hostileTitle))
    }

    // MARK: A built site

    /// `(name, content)` of every `<meta name="citation_…">` of `html`, entities decoded.
    static func citationTags(_ html: String) -> [(String, String)] {
        html.matches(of: #/<meta name="(citation_[a-z_]+)" content="([^"]*)">/#).map { (String($0.1), HTMLEntities.decoding(String($0.2))) }
    }

    /// The JSON-LD object of `html`.
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
    }

    @Test func everyPageCarriesItsCitationMetadata() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let title = WorkMetadata.singleLine(Self.hostileTitle)

        let home = site.read(output: "index.html")
        let homeTags = Self.citationTags(home)
        #expect(homeTags.first! == ("citation_title", title))
        #expect(homeTags.filter { $0.0 == "citation_author" }.map(\.1) == ["Doe, Jane", "reportgen test team"])
        #expect(homeTags.contains { $0 == ("citation_doi", "10.5281/zenodo.1234567") })
        #expect(homeTags.contains { $0 == ("citation_public_url", "https://example.org/report/") })
        #expect(!homeTags.contains { $0.0 == "citation_pdf_url" })
        #expect(home.contains("Cite this report") && home.contains("href=\"cite.bib\""))
        let homeGraph = try #require(try Self.jsonLD(home)["@graph"] as? [[String: Any]])
        #expect(homeGraph[0]["@type"] as? String == "ScholarlyArticle" && homeGraph[0]["name"] as? String == title)

        let beta = site.read(output: "beta/index.html")
        let betaTags = Self.citationTags(beta)
        #expect(betaTags.contains { $0 == ("citation_publication_date", "2026/11/29") })
        #expect(betaTags.contains { $0 == ("citation_online_date", "2026/12/01") })
        #expect(betaTags.contains { $0 == ("citation_public_url", "https://example.org/report/beta/") })
        #expect(!betaTags.contains { $0.0 == "citation_doi" })
        #expect(beta.contains("<time datetime=\"2026-12-01\">") && beta.contains("Cite this page"))
        #expect(beta.contains("href=\"https://spdx.org/licenses/CC-BY-4.0.html\""))

        // The page showing a data file describes it as a Dataset, part of the report.
        let alphaGraph = try #require(try Self.jsonLD(site.read(output: "alpha/index.html"))["@graph"] as? [[String: Any]])
        let dataset = try #require(alphaGraph.first { $0["@type"] as? String == "Dataset" })
        #expect(dataset["name"] as? String == "Sales" && dataset["@id"] as? String == "https://example.org/report/data/sales.csv")
        #expect((dataset["isPartOf"] as? [String: Any])?["name"] as? String == title)

        let bib = site.read(output: "beta/cite.bib")
        #expect(bib.hasPrefix("@online{doe2026-beta,\n  author = {Doe, Jane and {reportgen test team}},\n  title = {{Beta}},"))
        #expect(site.read(output: "cite.bib").contains("doi = {10.5281/zenodo.1234567}"))
        #expect(site.read(output: "beta/cite.ris").hasPrefix("TY  - ELEC\r\nAU  - Doe, Jane\r\nAU  - reportgen test team\r\nTI  - Beta\r\n"))
        // One cite box for the whole report, pointing at the report's files.
        let report = site.read(output: "report.html")
        #expect(report.components(separatedBy: "class=\"cite-box\"").count == 2 && report.contains("href=\"cite.bib\""))
        let standalone = site.read(output: "report-standalone.html")
        #expect(standalone.contains("href=\"data:application/x-bibtex;charset=utf-8;base64,"))
    }

    @Test func aPDFEditionIsNamedInEveryPage() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        var options = site.options
        options.pdfEdition = true
        _ = try SiteBuilder(options: options).build()
        #expect(Self.citationTags(site.read(output: "part/one/index.html")).contains { $0 == ("citation_pdf_url", "https://example.org/report/report.pdf") })
    }

    @Test func incrementalBuildsKeepTheCitationFilesRight() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        builder.checksBookkeeping = true
        _ = try builder.build()
        try site.write("beta.md", "---\ntitle: Beta edited\npublished: 2026-11-29\nupdated: 2026-12-02\n---\n\nBeta text.\n")
        _ = try builder.build(changedPaths: [site.content.appendingPathComponent("beta.md").path])
        #expect(site.read(output: "beta/cite.ris").contains("TI  - Beta edited"))
        try IncrementalBuildTests.expectSameAsFreshBuild(site, options: site.options, "after editing a page's dates")
        try site.write("data/sales.yml", "title: Sales by year\n")
        _ = try builder.build(changedPaths: [site.content.appendingPathComponent("data/sales.yml").path])
        try IncrementalBuildTests.expectSameAsFreshBuild(site, options: site.options, "after editing data metadata")
    }

    // MARK: Data packages

    @Test func aContentDataPackageDescribesItsFiles() throws {
        var files = Self.files
        files["data/sales.yml"] = nil
        files["data/datapackage.json"] = """
            {"name": "x", "resources": [{"name": "sales", "path": "sales.csv", "title": "Sales from a package",
              "sources": [{"title": "Statistical office"}],
              "schema": {"fields": [{"name": "year", "type": "year"}, {"name": "amount", "type": "number", "title": "Amount", "unit": "t"}]}}]}
            """
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let package = try #require(try JSONSerialization.jsonObject(with: Data(site.read(output: "data/datapackage.json").utf8)) as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        let sales = try #require(resources.first { $0["path"] as? String == "sales.csv" })
        #expect(sales["title"] as? String == "Sales from a package")
        let fields = try #require((sales["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
        #expect(fields.map { $0["type"] as? String } == ["year", "number"] && fields[1]["unit"] as? String == "t")
        #expect(site.read(output: "alpha/index.html").contains("Statistical office"))
    }

    @Test func editingAContentDataPackageRebuildsAsAFreshBuildWould() throws {
        var files = Self.files
        files["data/sales.yml"] = nil
        files["data/datapackage.json"] = #"{"resources": [{"path": "sales.csv", "title": "First title"}]}"#
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        builder.checksBookkeeping = true
        _ = try builder.build()
        try site.write("data/datapackage.json", #"{"resources": [{"path": "sales.csv", "title": "Second title"}]}"#)
        _ = try builder.build(changedPaths: [site.content.appendingPathComponent("data/datapackage.json").path])
        #expect(site.read(output: "data/datapackage.json").contains("Second title"))
        try IncrementalBuildTests.expectSameAsFreshBuild(site, options: site.options, "after editing datapackage.json")
    }

    // MARK: External validators (installed by scripts/install-deps.sh and .ci/run)

    /// The path of `tool` on `PATH`, if any.
    static func tool(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool arguments` and returns its exit status and output.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: tool("cffconvert") != nil, "cffconvert is not installed (pip install cffconvert); CITATION.cff is not validated"))
    func citationFileIsValid() throws {
        let site = try TemporarySite(files: Self.files)
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let result = try Self.run(Self.tool("cffconvert")!, ["--validate", "-i", site.output.appendingPathComponent("CITATION.cff").path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: tool("frictionless") != nil, "frictionless is not installed (pip install frictionless); datapackage.json is not validated"))
    func dataPackageIsValid() throws {
        var files = Self.files
        files["data/shares.yml"] = "columns:\n  name: {type: text, label: Name}\n  share: {type: percent, label: Share}\n"
        files["data/shares.csv"] = "name,share\nA,60%\nB,-\n"
        files["data/sales.yml"] = "title: Sales\nlicence: ODbL-1.0\n"
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        _ = try SiteBuilder(options: site.options).build()
        let descriptor = site.read(output: "data/datapackage.json")
        #expect(descriptor.contains("\"name\": \"ODbL-1.0\"") && descriptor.contains("\"name\": \"CC-BY-4.0\""))
        let result = try Self.run(Self.tool("frictionless")!, ["validate", site.output.appendingPathComponent("data/datapackage.json").path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func dataMetadataLicences() {
        guard case let .failure(list) = DataCatalog.parseDataFile(Array("a\n1\n".utf8), metadata: Array("licence: ODBL\n".utf8), path: "data/x.csv") else {
            Issue.record("an unknown licence was accepted")
            return
        }
        #expect(list.description == "content/data/x.yml:1:10: error[RG0130]: unknown licence 'ODBL'\nhint: did you mean 'ODbL-1.0'?")
        let table = try? DataCatalog.parseDataFile(Array("a\n1\n".utf8), metadata: Array("license: cc0-1.0\n".utf8), path: "data/x.csv").get()
        #expect(table?.licence?.id == "CC0-1.0")
    }

    @Test(.enabled(if: tool("cffconvert") != nil && tool("frictionless") != nil, "cffconvert or frictionless is not installed (pip install cffconvert frictionless); the microsite's files are not validated"))
    func theMicrositesFilesAreValid() throws {
        let project = TemporarySite.defaultTheme.deletingLastPathComponent().deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-microsite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try SiteBuilder(options: BuildOptions(contentFolder: project.appendingPathComponent("content"), outputFolder: output,
                                                  themeFolder: TemporarySite.defaultTheme, projectRoot: output.deletingLastPathComponent())).build()
        let cff = try Self.run(Self.tool("cffconvert")!, ["--validate", "-i", output.appendingPathComponent("CITATION.cff").path])
        #expect(cff.status == 0, "\(cff.output)")
        let package = try Self.run(Self.tool("frictionless")!, ["validate", output.appendingPathComponent("data/datapackage.json").path])
        #expect(package.status == 0, "\(package.output)")
    }
}
