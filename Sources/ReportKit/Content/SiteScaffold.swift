import Foundation

/// Writes starting points for authors: a whole new content folder that builds at once with the
/// default theme and CI workflows that publish it (`reportgen new site`), or one new page
/// (`reportgen new page`). Never overwrites.
public enum SiteScaffold {
    /// The files of a new site, content-relative, in the order they are written.
    public static let siteFiles: [(path: String, text: String)] = [
        ("site.yml", """
            title: My research report
            subtitle: A short line saying what the report is about
            language: en
            authors:
              - Your Name          # a person as "Family, Given" ({name: ..., affiliation: ..., orcid: ...})
            # published: 2026-01-31   # for the byline and "Cite this"
            # version: 1.0.0
            # licence: CC-BY-4.0      # an SPDX licence id
            navigation:
              - index.md
              - findings.md
            options:
              raw_html: false

            """),
        ("index.md", """
            ---
            title: Overview
            summary: What this report covers and how to read it.
            ---

            This is the home page. Write the report's summary here, then one page per part of the
            argument. The [findings](findings.md#sample-data) page shows a chart and a table drawn
            from a data file.

            ## How this site is made

            Pages are Markdown files in this folder; `site.yml` lists them in reading order. Data
            files live in `data/`, each with a `.yml` file describing its columns, units and source.

            """),
        ("findings.md", """
            ---
            title: Findings
            summary: A sample chart and table from data/sample.csv.
            ---

            ## Sample data

            @fig-sample-trend shows the sample series; @tbl-sample-values lists the same numbers.

            ```chart
            id: sample-trend
            type: line
            data: data/sample.csv
            x: year
            y: value
            format: number.1
            caption: Sample series, 2019-2023
            ```

            ```table
            id: sample-values
            data: data/sample.csv
            columns: [year, value, share]
            caption: Sample values by year
            ```

            Edit `data/sample.csv` while `reportgen serve` runs: the chart changes in the browser.

            """),
        ("data/sample.csv", """
            year,value,share
            2019,12.5,20.1
            2020,14.2,22.4
            2021,15.8,25.0
            2022,17.1,27.3
            2023,19.6,30.2

            """),
        ("data/sample.yml", """
            title: Sample series
            source: Made-up numbers for the scaffold; replace with your own
            units: billion yuan
            notes: Replace this file and data/sample.csv with real data.
            columns:
              year:  {type: year, label: Year}
              value: {type: number, label: Value, unit: billion yuan}
              share: {type: percent, label: Share of total}

            """),
    ]

    /// Creates the content folder `folder` with a sample site. Fails if the folder holds files.
    public static func createSite(at folder: URL, displayPath: String) throws(DiagnosticList) -> [String] {
        let fileManager = FileManager.default
        if let entries = try? fileManager.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw DiagnosticList(.error(.alreadyExists, "'\(displayPath)' already exists and is not empty",
                                        hint: "choose a new folder name, e.g. reportgen new site my-report"))
        }
        var written: [String] = []
        for file in siteFiles + publishingFiles {
            try write(file.text, to: folder.appendingPathComponent(file.path), display: join(displayPath, file.path))
            written.append(join(displayPath, file.path))
        }
        return written
    }

    /// Creates one page at `path` (content-relative; `.md` added if missing) with `title`.
    /// Returns the path of the new file as shown to the user.
    public static func createPage(_ path: String, title: String?, contentFolder: URL, displayRoot: String) throws(DiagnosticList) -> String {
        var relative = path
        if !relative.hasSuffix(".md") { relative += ".md" }
        if relative.hasPrefix("/") || relative.split(separator: "/").contains("..") {
            throw DiagnosticList(.error(.pathOutsideContent, "page path '\(path)' must stay inside the content folder",
                                        hint: "give a path relative to the content folder, e.g. chapters/new-page.md"))
        }
        let url = contentFolder.appendingPathComponent(relative)
        let display = join(displayRoot, relative)
        if FileManager.default.fileExists(atPath: url.path) {
            throw DiagnosticList(.error(.alreadyExists, "'\(display)' already exists", hint: "choose another name; new never overwrites a page"))
        }
        let pageTitle = title ?? FileNameTitle.title(forPage: relative)
        let text = """
            ---
            title: \(yamlQuoted(pageTitle))
            summary: ""
            ---

            ## First section

            Write here. Link to other pages by their Markdown file, e.g. [home](\(String(repeating: "../", count: relative.split(separator: "/").count - 1))index.md).

            """
        try write(text, to: url, display: display)
        return display
    }

    static func join(_ folder: String, _ path: String) -> String {
        folder.isEmpty || folder == "." ? path : (folder.hasSuffix("/") ? folder + path : folder + "/" + path)
    }

    /// A YAML scalar that stays a string whatever the title holds (`:`, `#`, quotes).
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func write(_ text: String, to url: URL, display: String) throws(DiagnosticList) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw DiagnosticList(.error(.writeFailed, "cannot write '\(display)': \(error.localizedDescription)"))
        }
    }
}
