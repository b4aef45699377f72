import Yams

/// Reading the publication keys of `site.yml` (`authors`, `published`, `version`, `licence`,
/// `doi`, `url`) and of front matter (`published`, `updated`): each value is checked where it is
/// written, so a wrong date, licence or ORCID iD stops the build at its line and column.
enum PublicationKeys {
    /// The `site.yml` keys read here. `license` is accepted as another spelling of `licence`
    /// (SPDX, CFF and most tools spell it so); giving both is an error.
    static let siteKeys = ["authors", "published", "version", "licence", "license", "doi", "url"]
    static let authorKeys = ["name", "affiliation", "orcid"]

    /// Sets `key` of `config` from `node`.
    static func read(_ key: String, _ node: Node, in mapping: YAMLMapping, into config: inout SiteConfig) throws(DiagnosticList) {
        switch key {
        case "authors": config.authors = try authors(node, in: mapping)
        case "published": config.published = try date(node, key: key, in: mapping)
        case "version": config.version = try mapping.string(node, key: key)
        case "licence", "license":
            if config.licence != nil {
                throw DiagnosticList(.error(.duplicateKey, "'licence' and 'license' are one key, given twice in site.yml", at: mapping.location(ofKey: key),
                                            hint: "keep one of the two spellings"))
            }
            config.licence = try licence(node, key: key, in: mapping)
        case "doi":
            let text = try mapping.string(node, key: key)
            guard let doi = PublicIdentifiers.doi(text) else {
                throw DiagnosticList(.error(.invalidDOI, "'\(text)' is not a DOI", at: mapping.location(of: node),
                                            hint: "a DOI starts with '10.', a number, then '/': doi: 10.5281/zenodo.1234567 (or its https://doi.org/ link)"))
            }
            config.doi = doi
        case "url":
            let text = try mapping.string(node, key: key)
            guard let url = PublicIdentifiers.siteURL(text) else {
                throw DiagnosticList(.error(.invalidSiteURL, "'url' must be the absolute https:// address where the site will be published, found '\(text)'",
                                            at: mapping.location(of: node), hint: "for example url: https://example.org/report/ (leave it out while the address is not known)"))
            }
            config.url = url
        default: break
        }
    }

    /// A list of authors: each a name, or a mapping `{name, affiliation, orcid}`.
    static func authors(_ node: Node, in mapping: YAMLMapping) throws(DiagnosticList) -> [Author] {
        if let scalar = node.scalar { return scalar.string.isEmpty ? [] : [Author(name: scalar.string)] }
        guard let sequence = node.sequence else {
            throw mapping.typeError(node, key: "authors", expected: "a list of names or of {name, affiliation, orcid}", example: "[{name: \"Doe, Jane\", orcid: 0000-0002-1825-0097}]")
        }
        var authors: [Author] = []
        var problems: [Diagnostic] = []
        for item in sequence {
            do throws(DiagnosticList) {
                if let scalar = item.scalar {
                    authors.append(Author(name: scalar.string))
                    continue
                }
                let entry = try mapping.nested(item, key: "authors")
                var author = Author(name: "")
                for (key, value) in entry.entries {
                    switch key {
                    case "name": author.name = try entry.string(value, key: key)
                    case "affiliation": author.affiliation = try entry.string(value, key: key)
                    case "orcid": author.orcid = try orcid(value, in: entry)
                    default:
                        problems.append(.error(.unknownSiteKey, "unknown key '\(key)' in an author of site.yml", at: entry.location(ofKey: key),
                                               hint: Suggestion.hint(for: key, in: authorKeys)))
                    }
                }
                if author.name.trimmed.isEmpty {
                    problems.append(.error(.invalidAuthor, "an author in site.yml has no name", at: mapping.location(of: item),
                                           hint: "give each author a name: a person as 'Family, Given' (name: \"Doe, Jane\"), a group or organisation as it is written"))
                }
                authors.append(author)
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return authors
    }

    /// A checked ORCID iD, stored bare.
    static func orcid(_ node: Node, in mapping: YAMLMapping) throws(DiagnosticList) -> String {
        let text = try mapping.string(node, key: "orcid")
        guard let bare = ORCID.bare(text) else {
            throw DiagnosticList(.error(.invalidORCID, "'\(text)' is not an ORCID iD", at: mapping.location(of: node),
                                        hint: "an ORCID iD is four groups of four digits (the last may be X): orcid: 0000-0002-1825-0097"))
        }
        guard ORCID.checksumIsValid(bare) else {
            throw DiagnosticList(.error(.invalidORCID, "ORCID iD '\(text)' has a wrong check digit, so it holds a typo", at: mapping.location(of: node),
                                        hint: "copy the iD from the author's page on orcid.org"))
        }
        return bare
    }

    /// A licence from the built-in SPDX list.
    static func licence(_ node: Node, key: String, in mapping: YAMLMapping) throws(DiagnosticList) -> SPDXLicence {
        let text = try mapping.string(node, key: key)
        guard let licence = SPDXLicence.named(text) else {
            throw DiagnosticList(.error(.unknownLicence, "unknown licence '\(text)'", at: mapping.location(of: node), hint: SPDXLicence.hint(for: text)))
        }
        return licence
    }

    /// A calendar date written `yyyy-mm-dd`.
    static func date(_ node: Node, key: String, in mapping: YAMLMapping) throws(DiagnosticList) -> String {
        let text = try mapping.string(node, key: key)
        guard ISODate.daysSince1970(text) != nil else {
            let shaped = text.count == 10 && text.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [4, 2, 2]
            throw DiagnosticList(.error(.invalidDate, shaped ? "'\(text)' is not a calendar date" : "'\(key)' must be a date written yyyy-mm-dd, found '\(text)'",
                                        at: mapping.location(of: node), hint: "write it like this: \(key): 2026-11-28"))
        }
        return text
    }
}
