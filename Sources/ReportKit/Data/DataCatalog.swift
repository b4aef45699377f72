import Foundation

/// Every data file of the content folder, loaded and typed once per build.
public struct DataCatalog: Sendable {
    /// Tables by content-relative path (`data/loans.csv`).
    public var tables: [String: DataTable]
    /// The CSV download published for each table, by table path (the CSV file's own bytes, or
    /// the JSON file converted to CSV).
    var csvBytes: [String: [UInt8]]

    /// Data files larger than this are refused unless `site.yml` says otherwise (`SiteConfig`).
    public static let defaultMaxDataFileBytes = SiteConfig.defaultMaxDataFileBytes

    /// A catalogue of already-loaded tables (their CSV downloads are generated from the cells).
    public init(tables: [String: DataTable] = [:]) {
        self.tables = tables
        self.csvBytes = tables.mapValues(CSVExport.bytes(of:))
    }

    /// Loads the CSV and JSON files at `paths` (content-relative) under `contentRoot`, in parallel,
    /// each with its optional `NAME.yml` (or its resource in the folder's `datapackage.json`). `displayRoot` is how the content folder is named in
    /// diagnostics (e.g. `content`). Every problem in every file is reported together.
    public static func load(contentRoot: URL, displayRoot: String, paths: [String],
                            maxDataFileBytes: Int = defaultMaxDataFileBytes) throws(DiagnosticList) -> DataCatalog {
        let loaded = loadReporting(contentRoot: contentRoot, displayRoot: displayRoot, paths: paths, maxDataFileBytes: maxDataFileBytes)
        guard loaded.diagnostics.isEmpty else { throw DiagnosticList(DiagnosticList(loaded.diagnostics).sorted) }
        return loaded.catalog
    }

    /// What loading the data files found: the tables that loaded, the files that did not, and why.
    public struct Loading: Sendable {
        public var catalog: DataCatalog
        /// Content-relative paths of the files that failed to load (their problems are reported).
        public var broken: Set<String>
        public var diagnostics: [Diagnostic]
    }

    /// Loads every file it can and reports the others (`load` for a build; `check` goes on with
    /// the tables that loaded, so that a broken file does not hide problems elsewhere).
    public static func loadReporting(contentRoot: URL, displayRoot: String, paths: [String],
                                     maxDataFileBytes: Int = defaultMaxDataFileBytes) -> Loading {
        let paths = Array(Set(paths)).sorted()
        let loader = DataFileLoader(contentRoot: contentRoot, displayRoot: displayRoot, maxBytes: maxDataFileBytes)
        // A `datapackage.json` beside data files gives their metadata instead of `NAME.yml`.
        let packages = DataPackageReader(paths: paths, loader: loader)
        let results = paths.parallelMap { loader.load($0, packaged: packages.metadata[$0], packagedAt: packages.locations[$0]) }
        var catalog = DataCatalog()
        var problems: [Diagnostic] = packages.diagnostics
        var broken = Set<String>()
        for (path, result) in zip(paths, results) {
            switch result {
            case let .success(loaded):
                catalog.tables[path] = loaded.table
                catalog.csvBytes[path] = loaded.csvBytes
            case let .failure(list):
                problems += list.diagnostics
                broken.insert(path)
            }
        }
        // A JSON file is published as NAME.csv: it must not collide with a CSV file of that name.
        for path in paths where path.lowercased().hasSuffix(".json") {
            let published = catalog.csvOutputPath(for: path)
            if paths.contains(published) {
                problems.append(.error(.outputPathCollision, "'\(path)' is published as '\(published)', which is also a data file",
                                       at: SourceLocation(file: loader.display(path)),
                                       hint: "rename one of the two files"))
            }
        }
        return Loading(catalog: catalog, broken: broken, diagnostics: problems)
    }

    /// The content-relative path where the CSV download of the table at `tablePath` is published:
    /// the same path for CSV files, `NAME.csv` beside it for JSON files.
    public func csvOutputPath(for tablePath: String) -> String {
        guard tablePath.lowercased().hasSuffix(".json") else { return tablePath }
        return String(tablePath.dropLast(".json".count)) + ".csv"
    }

    /// The CSV downloads to write into the site output, sorted by path: CSV files byte-identical
    /// at their content-relative path, JSON files converted to CSV beside them.
    public func csvOutput() -> [(path: String, bytes: [UInt8])] {
        tables.keys.sorted().map { path in
            (csvOutputPath(for: path), csvBytes[path] ?? CSVExport.bytes(of: tables[path]!))
        }
    }

    /// Types one data file from bytes in memory: `bytes` is the CSV or JSON file at `path`
    /// (content-relative; its extension picks the format), `metadata` its optional `NAME.yml`.
    /// Diagnostics name the file `displayRoot/path`. Used by tests and the fuzz targets.
    public static func parseDataFile(_ bytes: [UInt8], metadata: [UInt8]? = nil, path: String,
                                     displayRoot: String = "content") -> Result<DataTable, DiagnosticList> {
        let loader = DataFileLoader(contentRoot: URL(fileURLWithPath: "/"), displayRoot: displayRoot, maxBytes: .max)
        return loader.parse(bytes, metadataBytes: metadata, path: path).map(\.table)
    }
}
