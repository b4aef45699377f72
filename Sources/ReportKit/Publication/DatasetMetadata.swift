/// What the published metadata says about one data file: its place, title, description, source,
/// licence and columns. The build makes it from a loaded data table and its `NAME.yml` (or data
/// package); `StructuredData` and `DataPackageDescriptor` write it out.
public struct DatasetMetadata: Sendable, Hashable {
    /// One column: its name in the file, the label readers see, its type and unit.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var title: String?
        /// The Frictionless Table Schema type (`string`, `integer`, `number`, `year`, `date`).
        public var type: String
        public var unit: String?
        /// The cells may carry a `%` sign or other text around the number (Table Schema's `bareNumber: false`).
        public var hasNumberAffixes: Bool = false

        public init(name: String, title: String? = nil, type: String, unit: String? = nil) {
            self.name = name
            self.title = title
            self.type = type
            self.unit = unit
        }
    }

    /// The published file's path from the site root (`data/loans.csv`).
    public var path: String
    /// A lowercase name made of the file name (Frictionless: letters, digits, `-`, `_`, `.`).
    public var name: String
    public var title: String?
    public var description: String?
    public var source: String?
    /// The file-wide unit (`units:` of `NAME.yml`).
    public var units: String?
    public var licence: SPDXLicence?
    public var fields: [Field]
    /// Cell texts that stand for a missing value.
    public var missingValues: [String]

    public init(path: String, title: String?, description: String?, source: String?, units: String?, licence: SPDXLicence?,
                fields: [Field], missingValues: [String]) {
        self.path = path
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.lowercased().hasSuffix(".csv") ? String(file.dropLast(4)) : file
        let allowed = stem.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
        }
        name = allowed.isEmpty ? "data" : String(allowed)
        self.title = title
        self.description = description
        self.source = source
        self.units = units
        self.licence = licence
        self.fields = fields
        self.missingValues = missingValues
    }
}
