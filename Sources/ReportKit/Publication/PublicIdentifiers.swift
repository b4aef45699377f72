/// The identifiers `site.yml` may give the published report: its DOI and the address where it
/// will be published. Both are normalised here, so every output writes them one way.
public enum PublicIdentifiers {
    /// The bare DOI (`10.5281/zenodo.123`) from a bare DOI, a `doi:` name or a `https://doi.org/`
    /// URL; `nil` when it is not a DOI (a `10.` prefix with a registrant code, `/`, a suffix, no spaces).
    public static func doi(_ text: String) -> String? {
        var doi = Substring(text)
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi.org/", "doi:"] where doi.lowercased().hasPrefix(prefix) {
            doi = doi.dropFirst(prefix.count)
        }
        guard doi.hasPrefix("10."), let slash = doi.firstIndex(of: "/") else { return nil }
        let registrant = doi[doi.index(doi.startIndex, offsetBy: 3)..<slash]
        let suffix = doi[doi.index(after: slash)...]
        guard !registrant.isEmpty, registrant.allSatisfy({ $0.isASCIIDigit || $0 == "." }), !suffix.isEmpty,
              !doi.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return String(doi)
    }

    /// The DOI as a link.
    public static func doiURL(_ doi: String) -> String { "https://doi.org/" + doi }

    /// `text` as the site's base URL, ending in `/`: an absolute `https:` URL with a host and
    /// nothing a link cannot hold (spaces, quotes, `<`, `>`, a query or fragment); `nil` otherwise.
    public static func siteURL(_ text: String) -> String? {
        guard text.lowercased().hasPrefix("https://") else { return nil }
        let rest = text.dropFirst("https://".count)
        let host = rest.prefix { $0 != "/" }
        guard !host.isEmpty, !host.hasPrefix("."), host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) }),
              !text.contains(where: { $0.isWhitespace || "\"'<>\\?#`".contains($0) || !$0.isASCII }) else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
