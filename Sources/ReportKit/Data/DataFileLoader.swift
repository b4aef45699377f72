import Foundation

/// Loads one data file (CSV or JSON) and its optional `NAME.yml` into a typed `DataTable`.
struct DataFileLoader: Sendable {
    var contentRoot: URL
    /// How the content folder is named in diagnostics (e.g. `content`).
    var displayRoot: String
    var maxBytes: Int

    /// What loading one file produced: the table and the bytes to publish as its CSV download.
    struct Loaded: Sendable {
        var table: DataTable
        var csvBytes: [UInt8]
    }

    /// The path as diagnostics show it: `content/data/x.csv`.
    func display(_ path: String) -> String {
        displayRoot.isEmpty ? path : displayRoot + "/" + path
    }

    /// Loads the data file at `path` with its metadata: its `NAME.yml`, or `packaged`, what the
    /// resource written at `packagedAt` of a `datapackage.json` says about it (never both).
    func load(_ path: String, packaged: DataMetadata? = nil, packagedAt: SourceLocation? = nil) -> Result<Loaded, DiagnosticList> {
        let bytes: [UInt8]
        switch readBytes(path) {
        case let .success(read): bytes = read
        case let .failure(diagnostic): return .failure(DiagnosticList(diagnostic))
        }
        var metadataBytes: [UInt8]?
        let ymlPath = Self.metadataPath(for: path)
        if FileManager.default.fileExists(atPath: contentRoot.appendingPathComponent(ymlPath).path) {
            if packaged != nil {
                return .failure(DiagnosticList(.error(.metadataGivenTwice, "'\(path)' is described both by '\(ymlPath)' and by a resource of datapackage.json",
                                                      at: packagedAt ?? SourceLocation(file: display(ymlPath)),
                                                      hint: "keep one description: remove '\(display(ymlPath))' or the resource")))
            }
            switch readBytes(ymlPath) {
            case let .success(read): metadataBytes = read
            case let .failure(diagnostic): return .failure(DiagnosticList(diagnostic))
            }
        }
        return parse(bytes, metadataBytes: metadataBytes, path: path, packaged: packaged)
    }

    /// Types a data file from its bytes and those of its `NAME.yml`, without touching the file
    /// system: what `load` does once the files are read (and what the fuzz targets call).
    func parse(_ bytes: [UInt8], metadataBytes: [UInt8]?, path: String, packaged: DataMetadata? = nil) -> Result<Loaded, DiagnosticList> {
        let file = display(path)
        let text: String
        switch UTF8Check.decode(bytes, file: file) {
        case let .success(decoded): text = decoded
        case let .failure(diagnostic): return .failure(DiagnosticList(diagnostic))
        }

        var metadata = packaged ?? DataMetadata()
        let ymlPath = Self.metadataPath(for: path)
        if let metadataBytes {
            switch UTF8Check.decode(metadataBytes, file: display(ymlPath)) {
            case let .failure(diagnostic): return .failure(DiagnosticList(diagnostic))
            case let .success(ymlText):
                switch DataMetadata.parse(ymlText, file: display(ymlPath)) {
                case let .success(parsed): metadata = parsed
                case let .failure(list): return .failure(list)
                }
            }
        }

        let isJSON = path.lowercased().hasSuffix(".json")
        let raw: RawTable
        switch isJSON ? JSONFile.read(text, file: file) : CSVFile.read(text, file: file) {
        case let .success(read): raw = read
        case let .failure(diagnostic): return .failure(DiagnosticList(diagnostic))
        }
        switch DataTyper(raw: raw, metadata: metadata, path: path, file: file, ymlFile: display(ymlPath)).table() {
        case let .success(table):
            return .success(Loaded(table: table, csvBytes: isJSON ? CSVExport.bytes(of: table) : bytes))
        case let .failure(list):
            return .failure(list)
        }
    }

    /// `data/x.csv` → `data/x.yml`.
    static func metadataPath(for path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + ".yml" }
        return String(path[..<dot]) + ".yml"
    }

    /// The file's bytes, or an error when it is missing, unreadable or over the size limit.
    func readBytes(_ path: String) -> Result<[UInt8], Diagnostic> {
        let url = contentRoot.appendingPathComponent(path)
        let location = SourceLocation(file: display(path), line: 1, column: 1)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        if let size, size > maxBytes {
            return .failure(.error(.dataFileTooLarge, "data file is \(Self.megabytes(size)); the limit is \(Self.megabytes(maxBytes))",
                                   at: location, hint: Self.sizeHint))
        }
        let data: [UInt8]
        switch RegularFile.read(url.path) {
        case let .success(bytes): data = bytes
        case let .failure(failure):
            return .failure(.error(.unreadableFile, "cannot read data file: \(failure.reason)", at: location,
                                   hint: "check that the file exists, is a regular file and is readable"))
        }
        guard data.count <= maxBytes else {
            return .failure(.error(.dataFileTooLarge, "data file is \(Self.megabytes(data.count)); the limit is \(Self.megabytes(maxBytes))", at: location,
                                   hint: Self.sizeHint))
        }
        return .success(data)
    }

    static let sizeHint = "split the file, keep only the rows the report shows, or raise 'max_data_file_bytes' under options in site.yml"

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1_000_000) : "\(bytes) bytes"
    }
}
