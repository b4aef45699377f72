/// The Frictionless Data Package descriptor (`datapackage.json`) written beside the published
/// data files: each file as a tabular resource with its title, description, source, licence and
/// schema (column names, Table Schema types, labels and units), so that the CSV header row can
/// stay machine-friendly while the units travel with the data.
public enum DataPackageDescriptor {
    public static let fileName = "datapackage.json"

    /// The descriptor of `datasets`, whose paths are relative to the descriptor's folder; `report`
    /// names the package and gives its licence, version and contributors.
    public static func json(report: WorkMetadata, datasets: [DatasetMetadata]) -> String {
        var used: Set<String> = []
        let resources = datasets.map { data -> JSONValue in
            var name = data.name
            var number = 2
            while used.contains(name) { name = "\(data.name)-\(number)"; number += 1 }
            used.insert(name)
            return resource(data, name: name, report: report)
        }
        let package = JSONValue.object([
            ("profile", .string("tabular-data-package")),
            ("name", .string(packageName(report.siteTitle))),
            ("title", .string(WorkMetadata.singleLine(report.siteTitle))),
            ("version", report.version.map(JSONValue.string)),
            ("homepage", report.siteURL.map(JSONValue.string)),
            ("id", report.doi.map { .string(PublicIdentifiers.doiURL($0)) }),
            ("licenses", report.licence.map { .array([licence($0)]) }),
            ("contributors", report.authors.isEmpty ? nil : .array(report.authors.map { author in
                .object([("title", .string(WorkMetadata.singleLine(author.displayName))), ("role", .string("author")),
                         ("organization", author.affiliation.map(JSONValue.string)), ("path", author.orcidURL.map(JSONValue.string))])
            })),
            ("resources", .array(resources)),
        ])
        return package.text() + "\n"
    }

    static func licence(_ licence: SPDXLicence) -> JSONValue {
        .object([("name", .string(licence.id)), ("path", .string(licence.url)), ("title", .string(licence.name))])
    }

    /// Lowercase letters, digits and `-` (what Frictionless allows in a name).
    static func packageName(_ title: String) -> String {
        let words = title.lowercased().unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : " " }
        let name = String(words).split(separator: " ").joined(separator: "-")
        return name.isEmpty ? "report-data" : name
    }

    static func resource(_ data: DatasetMetadata, name: String, report: WorkMetadata) -> JSONValue {
        let fields: [JSONValue] = data.fields.map { field in
            .object([
                ("name", .string(field.name)),
                ("title", field.title.map(JSONValue.string)),
                ("type", .string(field.type)),
                ("unit", field.unit.map(JSONValue.string)),
                ("bareNumber", field.hasNumberAffixes ? .bool(false) : nil),
            ])
        }
        return .object([
            ("profile", .string("tabular-data-resource")),
            ("name", .string(name)),
            ("path", .string(data.path)),
            ("title", data.title.map { .string(WorkMetadata.singleLine($0)) }),
            ("description", data.description.map { .string(WorkMetadata.singleLine($0)) }),
            ("sources", data.source.map { .array([.object([("title", .string(WorkMetadata.singleLine($0)))])]) }),
            ("units", data.units.map(JSONValue.string)),
            ("licenses", (data.licence ?? report.licence).map { .array([licence($0)]) }),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8")),
            ("schema", .object([("fields", .array(fields)), ("missingValues", .array(data.missingValues.map(JSONValue.string)))])),
        ])
    }
}
