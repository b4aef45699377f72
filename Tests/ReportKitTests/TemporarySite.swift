import Foundation
@testable import ReportKit

/// A small site written into a fresh temporary folder, with the project's default theme:
/// a home page, two top-level pages, a section with three pages, and two data files.
struct TemporarySite {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("out") }

    /// The repository's `themes/default`, found from this file's path.
    static let defaultTheme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes/default")

    static let files: [String: String] = [
        "site.yml": """
            title: Test site
            navigation: [index.md, alpha.md, part, beta.md]

            """,
        "index.md": "---\ntitle: Home\n---\n\nWelcome. See [alpha](alpha.md#numbers).\n",
        "alpha.md": """
            ---
            title: Alpha
            ---

            ## Numbers

            ```chart
            id: sales
            type: bar
            data: data/sales.csv
            x: year
            y: amount
            caption: Sales by year
            ```

            ```table
            id: sales-table
            data: data/sales.csv
            columns: [year, amount]
            caption: Sales table
            ```

            """,
        "beta.md": """
            ---
            title: Beta
            ---

            ## Shares

            ```table
            id: shares
            data: data/shares.csv
            columns: [name, share]
            caption: Shares
            ```

            Sales are in @fig-sales.

            """,
        "part/index.md": "---\ntitle: Part\n---\n\nThe part's pages.\n",
        "part/one.md": "---\ntitle: One\nweight: 1\n---\n\nFirst.\n",
        "part/two.md": "---\ntitle: Two\nweight: 2\n---\n\nSecond.\n",
        "part/three.md": "---\ntitle: Three\nweight: 3\n---\n\nThird.\n",
        "data/sales.csv": "year,amount\n2021,10\n2022,12\n2023,15\n",
        "data/shares.csv": "name,share\nA,60\nB,40\n",
        "data/shares.yml": "columns:\n  name: {type: text, label: Name}\n  share: {type: percent, label: Share}\n",
    ]

    init(files: [String: String] = TemporarySite.files) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-test-\(UUID().uuidString)")
        for (path, text) in files { try write(path, text) }
    }

    var options: BuildOptions {
        BuildOptions(contentFolder: content, outputFolder: output, themeFolder: Self.defaultTheme, projectRoot: root)
    }

    /// Writes a content file (folders created as needed).
    func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(output path: String) -> String {
        (try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
