import Foundation

/// Pieces both built-in styles share: names, name lists, page ranges, dates, editions.
enum StyleFormatting {
    // MARK: Names

    /// `Berg, Anna van der`: the first name of a Chicago bibliography entry.
    static func inverted(_ name: PersonName) -> String {
        if let literal = name.literal { return literal }
        if name.isCJK { return (name.family ?? "") + (name.given ?? "") }
        var text = name.family ?? ""
        let rest = [name.given, name.particle].compactMap { $0 }.joined(separator: " ")
        if !rest.isEmpty { text += ", " + rest }
        if let suffix = name.suffix { text += ", " + suffix }
        return text
    }

    /// `Anna van der Berg`.
    static func full(_ name: PersonName) -> String { givenFirst(name, given: name.given) }

    /// `A. van der Berg` (IEEE).
    static func initialed(_ name: PersonName) -> String { givenFirst(name, given: name.initials) }

    /// `given particle Family, Suffix`; literal and CJK names as written, family name first.
    private static func givenFirst(_ name: PersonName, given: String?) -> String {
        if let literal = name.literal { return literal }
        if name.isCJK { return (name.family ?? "") + (name.given ?? "") }
        var text = [given, name.particle, name.family].compactMap { $0 }.joined(separator: " ")
        if let suffix = name.suffix { text += ", " + suffix }
        return text
    }

    /// `Berg`: what an author-date citation shows (a dropping particle is left out, as Pandoc does).
    static func short(_ name: PersonName) -> String {
        if let literal = name.literal { return literal }
        return name.family ?? name.given ?? ""
    }

    /// `a and b`, `a, b, and c` (serial comma; `alwaysComma` puts it before `and` for two as well);
    /// `and` is the locale's word (`CitationTerms.and`).
    static func list(_ items: [String], alwaysComma: Bool = false, and: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return alwaysComma ? "\(items[0]), \(and) \(items[1])" : "\(items[0]) \(and) \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + ", \(and) " + items.last!
        }
    }

    // MARK: Pages

    /// `100-120` → `100–120`; with `chicago`, the second number shortened as the Chicago Manual
    /// does (`3270–80`, `101–8`, but `100–120` and `45–67` in full).
    static func pageRange(_ pages: String, chicago: Bool) -> String {
        var out = ""
        var piece = ""
        func flush() {
            out += range(piece, chicago: chicago)
            piece = ""
        }
        for c in pages {
            if c == "," || c == "+" || c == "&" { flush(); out.append(c) } else { piece.append(c) }
        }
        flush()
        return out
    }

    private static func range(_ piece: String, chicago: Bool) -> String {
        let parts = piece.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "–" }.filter { !$0.isEmpty }
        guard parts.count == 2 else { return piece }
        let first = parts[0].trimmingCharacters(in: .whitespaces), second = parts[1].trimmingCharacters(in: .whitespaces)
        guard chicago, let low = Int(first), Int(second) != nil, first.count == second.count, low >= 100, low % 100 != 0 else {
            return "\(first)–\(second)"
        }
        let a = Array(first), b = Array(second)
        var common = 0
        while common < a.count && a[common] == b[common] { common += 1 }
        let keep = max(b.count - common, low % 100 < 10 ? 1 : 2)
        // Three changed digits of a four-digit number: all of them (1496–1504).
        if keep >= 3 { return "\(first)–\(second)" }
        return "\(first)–\(String(b.suffix(keep)))"
    }

    // MARK: Dates and editions

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let monthAbbreviations = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]

    /// `2nd ed.`, `3rd ed.`; a non-numeric edition as written.
    static func edition(_ edition: String) -> String {
        guard let number = Int(edition) else { return edition }
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix) ed."
    }

    /// The DOI as an `https://doi.org/` URL (a DOI written as a URL is kept).
    static func doiURL(_ doi: String) -> String {
        let lower = doi.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return doi }
        return "https://doi.org/" + (lower.hasPrefix("doi:") ? String(doi.dropFirst(4)) : doi)
    }

    /// A DOI without its URL prefix.
    static func bareDOI(_ doi: String) -> String {
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"] where doi.lowercased().hasPrefix(prefix) {
            return String(doi.dropFirst(prefix.count))
        }
        return doi
    }
}
