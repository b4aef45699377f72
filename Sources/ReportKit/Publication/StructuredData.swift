/// schema.org JSON-LD for a page's `<head>`: the page as a `ScholarlyArticle` (the report itself
/// on its home page), part of the report, and a `Dataset` for each data file the page publishes.
/// The text is safe inside `<script type="application/ld+json">` (see `JSONValue`).
public enum StructuredData {
    /// The JSON-LD document: one `@graph` holding the work and its data sets. `datasetURL` turns
    /// a data file's path from the site root into the URL the page links it by.
    public static func jsonLD(_ work: WorkMetadata, datasets: [DatasetMetadata], datasetURL: (String) -> String) -> String {
        let report = reportReference(work)
        var article: [(String, JSONValue?)] = [
            ("@type", .string("ScholarlyArticle")),
            ("headline", .string(work.singleLineTitle)),
            ("name", .string(work.singleLineTitle)),
            ("author", work.authors.isEmpty ? nil : .array(work.authors.map(person))),
            ("datePublished", (work.published ?? work.updated).map(JSONValue.string)),
            ("dateModified", (work.updated ?? work.published).map(JSONValue.string)),
            ("version", work.version.map(JSONValue.string)),
            ("license", work.licence.map { .string($0.url) }),
            ("inLanguage", .string(work.language)),
            ("url", work.url.map(JSONValue.string)),
        ]
        if let doi = work.doi {
            article.append(("identifier", .object([("@type", .string("PropertyValue")), ("propertyID", .string("DOI")), ("value", .string(doi))])))
            article.append(("sameAs", .string(PublicIdentifiers.doiURL(doi))))
        }
        if work.kind == .page { article.append(("isPartOf", report)) }
        if !datasets.isEmpty { article.append(("hasPart", .array(datasets.map { .object([("@id", .string(datasetURL($0.path)))]) }))) }
        var graph: [JSONValue] = [.object(article)]
        graph += datasets.map { dataset($0, work: work, report: report, url: datasetURL($0.path)) }
        return JSONValue.object([("@context", .string("https://schema.org")), ("@graph", .array(graph))]).text()
    }

    /// The report as other nodes refer to it.
    static func reportReference(_ work: WorkMetadata) -> JSONValue {
        .object([
            ("@type", .string("CreativeWork")),
            ("name", .string(WorkMetadata.singleLine(work.siteTitle))),
            ("url", work.siteURL.map(JSONValue.string)),
            ("identifier", work.doi.map { .string(PublicIdentifiers.doiURL($0)) }),
        ])
    }

    static func person(_ author: Author) -> JSONValue {
        .object([
            ("@type", .string(author.isPerson ? "Person" : "Organization")),
            ("name", .string(WorkMetadata.singleLine(author.displayName))),
            ("familyName", author.familyName.map(JSONValue.string)),
            ("givenName", author.givenNames.flatMap { $0.isEmpty ? nil : JSONValue.string($0) }),
            ("affiliation", author.affiliation.map { .object([("@type", .string("Organization")), ("name", .string($0))]) }),
            ("identifier", author.orcidURL.map(JSONValue.string)),
        ])
    }

    /// The most columns a `Dataset` lists as `variableMeasured`.
    static let maxVariables = 100

    static func dataset(_ data: DatasetMetadata, work: WorkMetadata, report: JSONValue, url: String) -> JSONValue {
        let name = data.title ?? data.path
        // The first columns only: a page's head is no place for a file of 100,000 columns
        // (`datapackage.json` describes them all).
        let variables: [JSONValue] = data.fields.prefix(maxVariables).map { field in
            .object([("@type", .string("PropertyValue")), ("name", .string(field.title ?? field.name)),
                     ("unitText", (field.unit ?? (field.type == "number" || field.type == "integer" ? data.units : nil)).map(JSONValue.string))])
        }
        return .object([
            ("@type", .string("Dataset")),
            ("@id", .string(url)),
            ("name", .string(WorkMetadata.singleLine(name))),
            // Google asks for a description; the title stands in when NAME.yml gives no notes.
            ("description", .string(WorkMetadata.singleLine(data.description ?? name))),
            ("isBasedOn", data.source.map { .string(WorkMetadata.singleLine($0)) }),
            ("license", (data.licence ?? work.licence).map { .string($0.url) }),
            ("creator", work.authors.isEmpty ? nil : .array(work.authors.map(person))),
            ("isPartOf", report),
            ("variableMeasured", variables.isEmpty ? nil : .array(variables)),
            ("distribution", .object([("@type", .string("DataDownload")), ("encodingFormat", .string("text/csv")), ("contentUrl", .string(url))])),
        ])
    }
}
