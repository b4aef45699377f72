import Foundation

/// Every data file of the content folder, loaded and typed once per build.
public struct DataCatalog: Sendable {
    /// Tables by content-relative path (`data/loans.csv`).
    public var tables: [String: DataTable]

    public init(tables: [String: DataTable] = [:]) {
        self.tables = tables
    }

    /// Loads the CSV and JSON files at `paths` (content-relative) under `contentRoot`.
    /// `displayRoot` is how the content folder is named in diagnostics (e.g. `content`).
    public static func load(contentRoot: URL, displayRoot: String, paths: [String]) throws(DiagnosticList) -> DataCatalog {
        // Placeholder until the data stage lands: no data files are read.
        DataCatalog()
    }
}
