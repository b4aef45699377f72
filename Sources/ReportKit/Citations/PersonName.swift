/// A person's (or an organisation's) name, split as CSL splits it.
///
/// `van der Berg, Anna` is family `Berg`, given `Anna`, particle `van der`; an organisation
/// (`{People's Bank of China}` in BibTeX) is a `literal` that is never split or abbreviated.
/// Names written in Chinese, Japanese or Korean characters print family name first without a
/// space (`吴贵鹃`) and are never reduced to initials.
public struct PersonName: Sendable, Hashable {
    public var family: String?
    public var given: String?
    /// `van der`, `de`, `von`: printed before the family name, ignored when sorting.
    public var particle: String?
    /// `Jr.`, `III`.
    public var suffix: String?
    /// A name printed as written: organisations, or names that cannot be split.
    public var literal: String?

    public init(family: String? = nil, given: String? = nil, particle: String? = nil, suffix: String? = nil, literal: String? = nil) {
        self.family = family
        self.given = given
        self.particle = particle
        self.suffix = suffix
        self.literal = literal
    }

    /// Whether the name is written in CJK characters (family name first, no space, no initials).
    public var isCJK: Bool {
        ((family ?? "") + (given ?? "")).unicodeScalars.contains { CJK.isIdeographOrKana($0) }
    }

    /// The family name with its particle (`van der Berg`), or the literal: what an in-text
    /// citation shows, and what bibliographies sort by (without the particle).
    var familyWithParticle: String {
        if let literal { return literal }
        return [particle, family].compactMap { $0 }.joined(separator: " ")
    }

    /// The key names are sorted by: family name (particle left out), then given name.
    var sortKey: String {
        (literal ?? [family, given, particle].compactMap { $0 }.joined(separator: " ")).lowercased()
    }

    /// Given names reduced to initials: `John Ronald` → `J. R.`, `Jean-Paul` → `J.-P.`.
    var initials: String? {
        guard let given, !given.isEmpty else { return nil }
        return given.split(separator: " ").map { word -> String in
            word.split(separator: "-").map { part in
                guard let first = part.first else { return "" }
                // An initial already written (`H.`) stays as it is.
                return part.hasSuffix(".") && part.count <= 3 ? String(part) : "\(first)."
            }.joined(separator: "-")
        }.joined(separator: " ")
    }
}

/// Which characters make a name CJK.
enum CJK {
    static func isIdeographOrKana(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
