import Foundation
import Yams

/// Reads a Frictionless `datapackage.json` of the content (as open-data repositories publish them)
/// as the metadata of the data files beside it: each resource's `title`, `description` (the
/// notes), `sources` and `schema.fields` (`name`, `title`, `type`, `unit`) become what a `NAME.yml`
/// would say. The descriptor is read with Yams (JSON is YAML), so every problem has its line and
/// column. A data file described both by a resource and by its `NAME.yml` is an error (see
/// `DataFileLoader`); other keys of the descriptor are ignored.
struct DataPackageReader {
    static let fileName = "datapackage.json"

    /// Table Schema types, and the column type each is read as (types reportgen does not compute
    /// with are text).
    static let fieldTypes: [String: ColumnType] = [
        "string": .text, "integer": .integer, "number": .number, "year": .year, "date": .date, "boolean": .text,
        "datetime": .text, "time": .text, "yearmonth": .text, "duration": .text, "geopoint": .text, "geojson": .text,
        "object": .text, "array": .text, "any": .text,
    ]

    /// The metadata each resource gives, by the content-relative path of its data file.
    var metadata: [String: DataMetadata] = [:]
    /// Where each resource is written, by the same paths (for the "given twice" error).
    var locations: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []

    /// Reads the descriptors of the folders holding `paths` (content-relative data files).
    init(paths: [String], loader: DataFileLoader) {
        let folders = Set(paths.map(RelativePath.parent)).sorted()
        for folder in folders {
            let descriptor = folder.isEmpty ? Self.fileName : folder + "/" + Self.fileName
            guard FileManager.default.fileExists(atPath: loader.contentRoot.appendingPathComponent(descriptor).path) else { continue }
            switch loader.readBytes(descriptor) {
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            case let .success(bytes):
                switch UTF8Check.decode(bytes, file: loader.display(descriptor)) {
                case let .failure(diagnostic): diagnostics.append(diagnostic)
                case let .success(text): read(text, folder: folder, file: loader.display(descriptor), loader: loader)
                }
            }
        }
    }

    /// Reads one descriptor, the `datapackage.json` of `folder` (shown as `file`).
    mutating func read(_ text: String, folder: String, file: String, loader: DataFileLoader) {
        let source: YAMLSource
        do {
            source = try YAMLSource(text, origin: SourceLocation(file: file), what: "data package")
        } catch {
            diagnostics += error.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                if diagnostic.code == .invalidYAML {
                    diagnostic.code = .invalidDataPackage
                    diagnostic.message = diagnostic.message.replacingOccurrences(of: "invalid YAML in data package", with: "invalid JSON in data package")
                    diagnostic.hint = "check for a missing ',', quote or closing bracket"
                }
                return diagnostic
            }
            return
        }
        let shape = "a data package is an object with a list of resources: {\"resources\": [{\"path\": \"loans.csv\", \"schema\": {\"fields\": [...]}}]}"
        guard case let .mapping(package)? = source.root, let resourcesNode = package["resources"] else {
            diagnostics.append(.error(.invalidDataPackage, "expected an object with \"resources\"", at: source.root.map(source.location(of:)) ?? SourceLocation(file: file), hint: shape))
            return
        }
        guard case let .sequence(resources) = resourcesNode else {
            diagnostics.append(.error(.invalidDataPackage, "\"resources\" must be a list, found \(resourcesNode.kindName)", at: source.location(of: resourcesNode), hint: shape))
            return
        }
        for resource in resources {
            guard case let .mapping(fields) = resource else {
                diagnostics.append(.error(.invalidDataPackage, "a resource must be an object, found \(resource.kindName)", at: source.location(of: resource), hint: shape))
                continue
            }
            guard let pathNode = fields["path"], let path = pathNode.scalarText, !path.isEmpty else {
                diagnostics.append(.error(.invalidDataPackage, "a resource without a \"path\" (one file name)", at: source.location(of: resource),
                                          hint: "give each resource the name of its data file beside datapackage.json: \"path\": \"loans.csv\""))
                continue
            }
            let dataPath = folder.isEmpty ? path : folder + "/" + path
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains(".."), !path.contains("://"),
                  ContentFiles.kind(of: dataPath) == .data,
                  FileManager.default.fileExists(atPath: loader.contentRoot.appendingPathComponent(dataPath).path) else {
                let nearby = ((try? FileManager.default.contentsOfDirectory(atPath: loader.contentRoot.appendingPathComponent(folder).path)) ?? [])
                    .filter { ContentFiles.kind(of: $0) == .data && $0 != Self.fileName }.sorted()
                diagnostics.append(.error(.dataPackageResourceNotFound, "resource path '\(path)' names no CSV or JSON data file beside datapackage.json",
                                          at: source.location(of: pathNode),
                                          hint: Suggestion.closest(to: path, in: nearby).map { "did you mean '\($0)'?" } ?? "copy the data file next to datapackage.json, or remove the resource"))
                continue
            }
            metadata[dataPath] = metadata(of: fields, source: source)
            locations[dataPath] = source.location(of: pathNode)
        }
    }

    /// What one resource says, in the terms of a `NAME.yml`.
    mutating func metadata(of resource: Node.Mapping, source: YAMLSource) -> DataMetadata {
        var metadata = DataMetadata()
        metadata.title = resource["title"]?.scalarText
        metadata.notes = resource["description"]?.scalarText
        metadata.units = resource["units"]?.scalarText
        // A licence reportgen knows by its SPDX id; others (often "other-open") fall back to the site's.
        if case let .sequence(licences)? = resource["licenses"], case let .mapping(first)? = licences.first {
            metadata.licence = first["name"]?.scalarText.flatMap(SPDXLicence.named)
        }
        if case let .sequence(sources)? = resource["sources"] {
            let titles = sources.compactMap { node -> String? in
                guard case let .mapping(entry) = node else { return node.scalarText }
                return entry["title"]?.scalarText ?? entry["path"]?.scalarText
            }
            if !titles.isEmpty { metadata.source = titles.joined(separator: "; ") }
        }
        guard case let .mapping(schema)? = resource["schema"], let fieldsNode = schema["fields"] else { return metadata }
        guard case let .sequence(fields) = fieldsNode else {
            diagnostics.append(.error(.invalidDataPackage, "\"fields\" must be a list, found \(fieldsNode.kindName)", at: source.location(of: fieldsNode),
                                      hint: "write one object per column: \"fields\": [{\"name\": \"year\", \"type\": \"integer\"}]"))
            return metadata
        }
        for field in fields {
            guard case let .mapping(entry) = field, let nameNode = entry["name"], let name = nameNode.scalarText else {
                diagnostics.append(.error(.invalidDataPackage, "a field without a \"name\"", at: source.location(of: field),
                                          hint: "give each field the name of its column: {\"name\": \"year\", \"type\": \"integer\"}"))
                continue
            }
            var column = DataMetadata.Column(name: name, location: source.location(of: nameNode))
            column.label = entry["title"]?.scalarText
            column.unit = entry["unit"]?.scalarText
            if let typeNode = entry["type"], let type = typeNode.scalarText {
                if let known = Self.fieldTypes[type] {
                    column.type = known
                } else {
                    diagnostics.append(.error(.unknownColumnType, "unknown field type '\(type)' for column '\(name)'", at: source.location(of: typeNode),
                                              hint: Suggestion.hint(for: type, in: Self.fieldTypes.keys.sorted())))
                }
            }
            metadata.columns.append(column)
        }
        return metadata
    }
}
