import Foundation
import Testing
@testable import ReportKit

/// Change detection and dependency tracking of `IncrementalBuilder`.
struct IncrementalBuildTests {
    /// Files made from every page, written again when a page changes: the reports, and of the
    /// search index only the shards holding that page's record and terms (the manifest stays).
    static let wholeSiteFiles = ["report-standalone.html", "report.html", "search-index/p0.js", "search-index/t0.js"]
    /// All of them, written by the first build.
    static let firstWholeSiteFiles = ["report-standalone.html", "report.html", "search-index.js", "search-index/p0.js", "search-index/t0.js"]

    @Test func firstBuildRendersAndWritesEverything() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        let result = try builder.build()
        #expect(result.rendered == ["index.md", "alpha.md", "part/index.md", "part/one.md", "part/two.md", "part/three.md", "beta.md"])
        #expect(result.laidOut.count == 7)
        #expect(result.written.contains("alpha/index.html"))
        #expect(result.written.contains("data/sales.csv"))
        #expect(result.written.contains("report.html"))
        #expect(site.read(output: "beta/index.html").contains("Figure 1"))
    }

    @Test func nothingChangedDoesNothing() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        let result = try builder.build()
        #expect(result.rendered.isEmpty)
        #expect(result.laidOut.isEmpty)
        #expect(result.written.isEmpty)
    }

    @Test func editingABodyRendersOnlyThatPage() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        try site.write("part/two.md", "---\ntitle: Two\nweight: 2\n---\n\nSecond, edited.\n")
        let result = try builder.build()
        #expect(result.rendered == ["part/two.md"])
        #expect(result.laidOut == ["part/two/index.html"])
        #expect(result.written == ["part/two/index.html"] + Self.wholeSiteFiles)
        #expect(site.read(output: "part/two/index.html").contains("Second, edited."))
    }

    @Test func editingADataFileRendersThePagesUsingIt() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        #expect(!site.read(output: "alpha/index.html").contains("99"))
        try site.write("data/sales.csv", "year,amount\n2021,10\n2022,12\n2023,99\n")
        let result = try builder.build()
        #expect(result.rendered == ["alpha.md"])
        // The page's figures' downloads (CSV, the chart's SVG) are written again with it.
        #expect(result.written == ["alpha/fig-sales.csv", "alpha/fig-sales.svg", "alpha/index.html", "alpha/tbl-sales-table.csv", "data/sales.csv"]
            + Self.wholeSiteFiles)
        #expect(site.read(output: "alpha/index.html").contains("<td class=\"num\">99</td>"))
        #expect(site.read(output: "alpha/tbl-sales-table.csv").hasSuffix("\n2023,99\n"))
    }

    @Test func aFigureRemovedTakesItsDownloadsAlong() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("alpha/tbl-sales-table.csv").path))
        let alpha = TemporarySite.files["alpha.md"]!
        try site.write("alpha.md", alpha.replacingOccurrences(of: "```table\nid: sales-table\ndata: data/sales.csv\ncolumns: [year, amount]\ncaption: Sales table\n```\n", with: ""))
        let result = try builder.build()
        #expect(result.rendered == ["alpha.md"])
        #expect(result.removed == ["alpha/tbl-sales-table.csv"])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("alpha/tbl-sales-table.csv").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("alpha/fig-sales.svg").path))
    }

    @Test func editingDataMetadataRendersThePagesUsingIt() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        try site.write("data/shares.yml", "columns:\n  name: {type: text, label: Company}\n  share: {type: percent, label: Share}\n")
        let result = try builder.build()
        #expect(result.rendered == ["beta.md"])
        #expect(site.read(output: "beta/index.html").contains("Company"))
    }

    @Test func aSectionPageTitleChangeRelaysOutItsNeighboursAndSection() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        try site.write("part/two.md", "---\ntitle: Second part\nweight: 2\n---\n\nSecond.\n")
        let result = try builder.build()
        #expect(result.rendered == ["part/two.md"])
        // Its neighbours show its title in their pager, the section lists it.
        #expect(result.laidOut == ["part/index.html", "part/one/index.html", "part/two/index.html", "part/three/index.html"])
        #expect(site.read(output: "part/three/index.html").contains("Second part"))
        #expect(site.read(output: "part/index.html").contains("Second part"))
    }

    @Test func aNavigationTitleChangeRelaysOutEveryPage() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        try site.write("beta.md", TemporarySite.files["beta.md"]!.replacingOccurrences(of: "title: Beta", with: "title: Gamma"))
        let result = try builder.build()
        #expect(result.rendered == ["beta.md"])
        #expect(result.laidOut.count == 7)
        #expect(site.read(output: "part/one/index.html").contains("Gamma"))
    }

    @Test func aFigureNumberChangeReachesThePagesReferringToIt() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        // A new chart before @fig-sales makes it Figure 2; beta.md, which refers to it, is laid out again.
        let alpha = TemporarySite.files["alpha.md"]!
        try site.write("alpha.md", alpha.replacingOccurrences(of: "## Numbers", with: """
            ## Numbers

            ```chart
            id: first
            type: line
            data: data/sales.csv
            x: year
            y: amount
            caption: First
            ```
            """))
        let result = try builder.build()
        #expect(result.rendered == ["alpha.md"])
        #expect(result.laidOut == ["alpha/index.html", "beta/index.html"])
        #expect(site.read(output: "beta/index.html").contains("Figure 2"))
    }

    @Test func addingAPageRendersEveryPageAndRemovingItDeletesItsFile() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        try site.write("delta.md", "---\ntitle: Delta\n---\n\nNew.\n")
        let added = try builder.build()
        #expect(added.rendered.count == 8)
        #expect(added.written.contains("delta/index.html"))
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("delta.md"))
        let removed = try builder.build()
        #expect(removed.removed == ["delta/cite.bib", "delta/cite.ris", "delta/index.html"])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("delta/index.html").path))
    }

    @Test func aFailedBuildKeepsThePreviousStateAndRecovers() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        let good = TemporarySite.files["alpha.md"]!
        try site.write("alpha.md", good.replacingOccurrences(of: "y: amount", with: "y: amuont"))
        #expect(throws: DiagnosticList.self) { try builder.build() }
        #expect(site.read(output: "alpha/index.html").contains("Sales by year"))
        try site.write("alpha.md", good.replacingOccurrences(of: "Sales by year", with: "Sales per year"))
        let fixed = try builder.build()
        #expect(fixed.rendered == ["alpha.md"])
        #expect(site.read(output: "alpha/index.html").contains("Sales per year"))
    }

    @Test func wholeSiteFilesCanBeWrittenAfterThePages() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = IncrementalBuilder(options: site.options)
        builder.defersWholeSiteFiles = true
        _ = try builder.build()
        #expect(try builder.writeWholeSiteFiles() == ["data/datapackage.json"] + Self.firstWholeSiteFiles)
        try site.write("part/two.md", "---\ntitle: Two\nweight: 2\n---\n\nSecond, edited.\n")
        let result = try builder.build()
        #expect(result.written == ["part/two/index.html"])
        #expect(!site.read(output: "report.html").contains("Second, edited."))
        #expect(try builder.writeWholeSiteFiles() == Self.wholeSiteFiles)
        #expect(site.read(output: "report.html").contains("Second, edited."))
        #expect(try builder.writeWholeSiteFiles() == [])
    }

    /// A builder trusting stamps of files changed 50 ms before a build, on a site written 100 ms ago.
    static func settledBuilder(_ site: TemporarySite) -> IncrementalBuilder {
        Thread.sleep(forTimeInterval: 0.1)
        var builder = IncrementalBuilder(options: site.options)
        builder.settleTime = .milliseconds(50)
        return builder
    }

    @Test func unchangedFilesAreNotReadAgain() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = Self.settledBuilder(site)
        let first = try builder.build()
        #expect(first.read == ["alpha.md", "beta.md", "data/sales.csv", "data/shares.csv", "data/shares.yml",
                               "index.md", "part/index.md", "part/one.md", "part/three.md", "part/two.md"])
        #expect(try builder.build().read == [])
        try site.write("part/two.md", "---\ntitle: Two\nweight: 2\n---\n\nSecond, edited.\n")
        try site.write("data/sales.csv", "year,amount\n2021,10\n2022,12\n2023,99\n")
        let result = try builder.build()
        #expect(result.read == ["data/sales.csv", "part/two.md"])
        #expect(result.rendered == ["alpha.md", "part/two.md"])
        #expect(site.read(output: "part/two/index.html").contains("Second, edited."))
    }

    @Test func anEditKeepingSizeAndModificationTimeIsSeen() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = Self.settledBuilder(site)
        _ = try builder.build()
        let file = site.content.appendingPathComponent("part/two.md").path
        let modified = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as! Date
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try site.write("part/two.md", text.replacingOccurrences(of: "Two", with: "Owt"))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file)
        let result = try builder.build()
        #expect(result.read == ["part/two.md"])
        #expect(result.rendered == ["part/two.md"])
    }

    @Test func aWeightChangeReordersThePagesOfACachedSite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = Self.settledBuilder(site)
        _ = try builder.build()
        try site.write("part/three.md", "---\ntitle: Three\nweight: 0\n---\n\nThird, now first.\n")
        let result = try builder.build()
        #expect(result.read == ["part/three.md"])
        #expect(result.rendered == ["index.md", "alpha.md", "part/index.md", "part/three.md", "part/one.md", "part/two.md", "beta.md"])
    }

    @Test func filesChangedJustBeforeABuildAreReadAgainNextTime() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        // With the default settle time, files written a moment ago may still change within the
        // same clock tick: they are read again (and found unchanged, so nothing is rendered).
        var builder = IncrementalBuilder(options: site.options)
        _ = try builder.build()
        let result = try builder.build()
        #expect(result.read.contains("alpha.md"))
        #expect(result.rendered.isEmpty)
        #expect(result.written.isEmpty)
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: site.output.appendingPathComponent("notes.txt"))
        var builder = IncrementalBuilder(options: site.options)
        #expect {
            try builder.build()
        } throws: { error in
            (error as? DiagnosticList)?.description == "out:1:1: error[RG0604]: output folder 'out' was not written by reportgen; refusing to write into it\nhint: empty or remove the folder yourself, or choose another folder"
        }
    }

    // MARK: Changed paths named by the caller

    /// Absolute paths of content files, as the file watcher reports them.
    static func paths(_ site: TemporarySite, _ relative: [String]) -> [String] {
        relative.map { site.content.appendingPathComponent($0).path }
    }

    /// Every output file with its bytes.
    static func outputFiles(_ site: TemporarySite) -> [String: Data] {
        files(in: site.output)
    }

    /// Every file under `folder` with its bytes.
    static func files(in folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.path
        for case let relative as String in FileManager.default.enumerator(atPath: root)?.allObjects ?? [] {
            if let data = FileManager.default.contents(atPath: root + "/" + relative) { files[relative] = data }
        }
        return files
    }

    /// Expects the incremental output of `site` to equal a build from scratch with `options`
    /// (the marker files differ by design).
    static func expectSameAsFreshBuild(_ site: TemporarySite, options: BuildOptions, _ comment: String) throws {
        var fresh = options
        fresh.outputFolder = site.root.appendingPathComponent("fresh")
        _ = try SiteBuilder(options: fresh).build()
        var expected = files(in: fresh.outputFolder)
        var actual = outputFiles(site)
        expected[OutputWriter.markerName] = nil
        actual[OutputWriter.markerName] = nil
        #expect(actual == expected, "\(comment)")
    }

    @Test func changedPathsGiveTheSameOutputAsAFullScan() throws {
        let named = try TemporarySite()
        let scanned = try TemporarySite()
        defer { named.remove(); scanned.remove() }
        var namedBuilder = IncrementalBuilder(options: named.options)
        var scanningBuilder = IncrementalBuilder(options: scanned.options)
        namedBuilder.checksBookkeeping = true
        scanningBuilder.checksBookkeeping = true
        _ = try namedBuilder.build()
        _ = try scanningBuilder.build()
        let alpha = TemporarySite.files["alpha.md"]!
        let edits: [(files: [String: String], removed: [String], placed: Bool)] = [
            (["part/two.md": "---\ntitle: Two\nweight: 2\n---\n\nSecond, edited.\n"], [], true),
            (["part/two.md": "---\ntitle: Second part\nweight: 2\n---\n\nSecond.\n"], [], true),
            (["beta.md": TemporarySite.files["beta.md"]!.replacingOccurrences(of: "title: Beta", with: "title: Gamma")], [], true),
            (["data/sales.csv": "year,amount\n2021,10\n2022,12\n2023,99\n"], [], true),
            (["data/shares.yml": "columns:\n  name: {type: text, label: Company}\n  share: {type: percent, label: Share}\n"], [], true),
            (["alpha.md": alpha.replacingOccurrences(of: "## Numbers", with: "## Numbers\n\n```chart\nid: first\ntype: line\ndata: data/sales.csv\nx: year\ny: amount\ncaption: First\n```\n")], [], true),
            (["part/three.md": "---\ntitle: Three\nweight: 0\n---\n\nThird, now first.\n"], [], true),
            (["part/one.md": "---\ntitle: One\nsummary: The first one.\nweight: 1\n---\n\nFirst.\n"], [], true),
            (["delta.md": "---\ntitle: Delta\n---\n\nNew.\n"], [], false),
            ([:], ["delta.md"], false),
            (["site.yml": "title: Renamed site\nnavigation: [index.md, alpha.md, part, beta.md]\n"], [], false),
        ]
        for edit in edits {
            for site in [named, scanned] {
                for (path, text) in edit.files { try site.write(path, text) }
                for path in edit.removed { try FileManager.default.removeItem(at: site.content.appendingPathComponent(path)) }
            }
            let changed = Array(edit.files.keys) + edit.removed
            let withPaths = try namedBuilder.build(changedPaths: Self.paths(named, changed))
            let withScan = try scanningBuilder.build()
            #expect(withPaths.usedChangedPaths == edit.placed, "\(changed)")
            #expect(!withScan.usedChangedPaths)
            #expect(withPaths.rendered == withScan.rendered, "\(changed)")
            #expect(withPaths.laidOut == withScan.laidOut, "\(changed)")
            #expect(withPaths.written == withScan.written, "\(changed)")
            #expect(Self.outputFiles(named) == Self.outputFiles(scanned), "\(changed)")
            // And both match a build from scratch.
            try Self.expectSameAsFreshBuild(named, options: named.options, "\(changed)")
        }
        #expect(named.read(output: "part/index.html").contains("The first one."))
    }

    /// The oracle for what `changedPathsGiveTheSameOutputAsAFullScan` leaves out: edits of the
    /// theme, static files, JSON data and symbolic links, each followed by an incremental build
    /// (told the changed paths) whose output must equal a build from scratch.
    @Test func themeStaticJSONAndSymlinkEditsMatchAFreshBuild() throws {
        var files = TemporarySite.files
        files["gamma.md"] = "---\ntitle: Gamma\n---\n\n![A dot](img/dot.svg)\n\n```table\nid: values\ndata: data/values.json\ncaption: Values\n```\n"
        files["img/dot.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>\n"
        files["data/values.json"] = #"[{"name": "a", "value": 1}, {"name": "b", "value": 2}]"#
        let site = try TemporarySite(files: files)
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: TemporarySite.defaultTheme, to: theme)
        var options = site.options
        options.themeFolder = theme
        var builder = IncrementalBuilder(options: options)
        builder.checksBookkeeping = true
        _ = try builder.build()
        let page = theme.appendingPathComponent("templates/page.mustache")
        let strings = theme.appendingPathComponent("theme.yml")
        let edits: [(name: String, apply: () throws -> [String])] = [
            ("a theme string", {
                let text = try String(contentsOf: strings, encoding: .utf8)
                try Data(text.replacingOccurrences(of: "next: Next", with: "next: Onward").utf8).write(to: strings)
                return [strings.path]
            }),
            ("a figure's words in the theme strings", {
                let text = try String(contentsOf: strings, encoding: .utf8)
                try Data(text.replacingOccurrences(of: "download_data: Download the data (CSV)", with: "download_data: Get the numbers")
                    .replacingOccurrences(of: "table_label: \"Table {n}\"", with: "table_label: \"Tab. {n}\"").utf8).write(to: strings)
                return [strings.path]
            }),
            ("a template", {
                let text = try String(contentsOf: page, encoding: .utf8)
                try Data(text.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer edited\">").utf8).write(to: page)
                return [page.path]
            }),
            ("a static file", {
                try site.write("img/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3\" height=\"3\"/>\n")
                return Self.paths(site, ["img/dot.svg"])
            }),
            ("JSON data", {
                try site.write("data/values.json", #"[{"name": "a", "value": 5}, {"name": "c", "value": 7}]"#)
                return Self.paths(site, ["data/values.json"])
            }),
            ("a symbolic link added", {
                try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("img/alias.svg").path,
                                                           withDestinationPath: "dot.svg")
                try site.write("gamma.md", files["gamma.md"]! + "\n![The same dot](img/alias.svg)\n")
                return Self.paths(site, ["img/alias.svg", "gamma.md"])
            }),
            ("a symbolic link's target edited", {
                try site.write("img/dot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>\n")
                return Self.paths(site, ["img/dot.svg"])
            }),
        ]
        for edit in edits {
            let changed = try edit.apply()
            _ = try builder.build(changedPaths: changed)
            try Self.expectSameAsFreshBuild(site, options: options, "after editing \(edit.name)")
        }
        #expect(site.read(output: "gamma/index.html").contains("edited"))
        #expect(site.read(output: "img/alias.svg").contains("width=\"4\""))
    }

    @Test func aNamedBodyEditReadsAndLaysOutOnlyThatPage() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = Self.settledBuilder(site)
        builder.checksBookkeeping = true
        _ = try builder.build()
        try site.write("part/two.md", "---\ntitle: Two\nweight: 2\n---\n\nSecond, edited.\n")
        let result = try builder.build(changedPaths: Self.paths(site, ["part/two.md", "part"]))
        #expect(result.usedChangedPaths)
        #expect(result.read == ["part/two.md"])
        #expect(result.rendered == ["part/two.md"])
        #expect(result.laidOut == ["part/two/index.html"])
        #expect(site.read(output: "part/two/index.html").contains("Second, edited."))
    }

    @Test func changesNamedToAFailedBuildAreReadByTheNext() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = Self.settledBuilder(site)
        _ = try builder.build()
        // One save breaks alpha.md and changes the data beta.md shows; the next names only the fix.
        let good = TemporarySite.files["alpha.md"]!
        try site.write("alpha.md", good.replacingOccurrences(of: "y: amount", with: "y: amuont"))
        try site.write("data/shares.csv", "name,share\nA,70\nB,30\n")
        #expect(throws: DiagnosticList.self) { try builder.build(changedPaths: Self.paths(site, ["alpha.md", "data/shares.csv"])) }
        try site.write("alpha.md", good)
        let fixed = try builder.build(changedPaths: Self.paths(site, ["alpha.md"]))
        #expect(fixed.usedChangedPaths)
        // alpha.md is as at the last good build again; beta.md shows the changed data.
        #expect(fixed.rendered == ["beta.md"])
        #expect(fixed.read.contains("data/shares.csv"))
        #expect(site.read(output: "beta/index.html").contains("70"))
    }

    @Test func aFailedFullScanMakesTheNextBuildScanToo() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        var builder = Self.settledBuilder(site)
        _ = try builder.build()
        try site.write("data/shares.csv", "name,share\nA,70\nB,30\n")
        try site.write("beta.md", TemporarySite.files["beta.md"]!.replacingOccurrences(of: "@fig-sales", with: "@fig-missing"))
        #expect(throws: DiagnosticList.self) { try builder.build() }
        try site.write("beta.md", TemporarySite.files["beta.md"]!)
        let fixed = try builder.build(changedPaths: Self.paths(site, ["beta.md"]))
        #expect(!fixed.usedChangedPaths)
        #expect(site.read(output: "beta/index.html").contains("70"))
    }
}
