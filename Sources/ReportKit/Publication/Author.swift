/// One author of the report, as `site.yml` lists them: a name, and optionally an affiliation and
/// an ORCID iD (validated, stored bare: `0000-0002-1825-0097`).
///
/// A person's name is written family name first with a comma, as BibTeX does (`Doe, Jane`); a
/// name without a comma is a group or organisation (`reportgen microsite team`) and is never
/// split or inverted. Citations need the difference: Chicago inverts only the first author,
/// BibTeX braces a corporate name, CFF and schema.org call one a person and the other an entity.
public struct Author: Sendable, Hashable {
    /// The name as written in `site.yml`.
    public var name: String
    public var affiliation: String?
    /// The bare ORCID iD (16 characters with hyphens), already checked.
    public var orcid: String?

    public init(name: String, affiliation: String? = nil, orcid: String? = nil) {
        self.name = name
        self.affiliation = affiliation
        self.orcid = orcid
    }

    /// The family name of a person written `Family, Given`; `nil` for an organisation.
    public var familyName: String? {
        guard let comma = name.firstIndex(of: ",") else { return nil }
        let family = String(name[..<comma]).trimmed
        return family.isEmpty ? nil : family
    }

    /// The given names of a person written `Family, Given` (may be empty).
    public var givenNames: String? {
        guard familyName != nil, let comma = name.firstIndex(of: ",") else { return nil }
        return String(name[name.index(after: comma)...]).trimmed
    }

    public var isPerson: Bool { familyName != nil }

    /// The name in reading order: `Jane Doe`, or the organisation's name as written.
    public var displayName: String {
        guard let family = familyName else { return name.trimmed }
        let given = givenNames ?? ""
        return given.isEmpty ? family : "\(given) \(family)"
    }

    /// `Doe, Jane` for a person (as BibTeX, RIS and Highwire tags want it), the name otherwise.
    public var invertedName: String {
        guard let family = familyName else { return name.trimmed }
        let given = givenNames ?? ""
        return given.isEmpty ? family : "\(family), \(given)"
    }

    /// The ORCID iD as a URL, the form ORCID asks to be shown.
    public var orcidURL: String? { orcid.map { "https://orcid.org/" + $0 } }
}
