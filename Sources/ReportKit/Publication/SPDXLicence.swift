/// A licence named by its SPDX identifier (`CC-BY-4.0`), from a built-in list of the licences
/// research texts, data and code are commonly published under. The list is small on purpose: an
/// identifier outside it is far more often a typo than a rare licence, and every identifier here
/// is one that CITATION.cff's schema accepts.
public struct SPDXLicence: Sendable, Hashable {
    /// The SPDX identifier, in SPDX's own capitalisation.
    public let id: String
    /// The licence's full name, as SPDX gives it.
    public let name: String

    /// The licence's page on spdx.org.
    public var url: String { "https://spdx.org/licenses/\(id).html" }

    /// The licence with this identifier (SPDX identifiers are matched without regard to case).
    public static func named(_ id: String) -> SPDXLicence? {
        let lowered = id.lowercased()
        return known.first { $0.id.lowercased() == lowered }
    }

    /// The hint for an unknown licence `id`: the known id it is a typo of, or one it starts
    /// (`ODbL` → `ODbL-1.0`, `CC-BY` → `CC-BY-4.0`, the newest version being listed first), else examples.
    public static func hint(for id: String) -> String {
        let lowered = id.lowercased()
        let started = lowered.count >= 2 ? known.first { $0.id.lowercased().hasPrefix(lowered + "-") || $0.id.lowercased().hasPrefix(lowered + ".") } : nil
        if let match = started?.id ?? Suggestion.closest(to: id, in: known.map(\.id)) { return "did you mean '\(match)'?" }
        return "write an SPDX identifier, e.g. CC-BY-4.0, CC0-1.0, ODbL-1.0 or MIT (see https://spdx.org/licenses/)"
    }

    /// The built-in licences, text and data licences first.
    public static let known: [SPDXLicence] = [
        .init(id: "CC-BY-4.0", name: "Creative Commons Attribution 4.0 International"),
        .init(id: "CC-BY-SA-4.0", name: "Creative Commons Attribution Share Alike 4.0 International"),
        .init(id: "CC-BY-NC-4.0", name: "Creative Commons Attribution Non Commercial 4.0 International"),
        .init(id: "CC-BY-NC-SA-4.0", name: "Creative Commons Attribution Non Commercial Share Alike 4.0 International"),
        .init(id: "CC-BY-ND-4.0", name: "Creative Commons Attribution No Derivatives 4.0 International"),
        .init(id: "CC-BY-NC-ND-4.0", name: "Creative Commons Attribution Non Commercial No Derivatives 4.0 International"),
        .init(id: "CC-BY-3.0", name: "Creative Commons Attribution 3.0 Unported"),
        .init(id: "CC-BY-SA-3.0", name: "Creative Commons Attribution Share Alike 3.0 Unported"),
        .init(id: "CC-BY-2.5", name: "Creative Commons Attribution 2.5 Generic"),
        .init(id: "CC-BY-2.0", name: "Creative Commons Attribution 2.0 Generic"),
        .init(id: "CC0-1.0", name: "Creative Commons Zero v1.0 Universal"),
        .init(id: "ODbL-1.0", name: "Open Data Commons Open Database License v1.0"),
        .init(id: "ODC-By-1.0", name: "Open Data Commons Attribution License v1.0"),
        .init(id: "PDDL-1.0", name: "Open Data Commons Public Domain Dedication & License 1.0"),
        .init(id: "OGL-UK-3.0", name: "Open Government Licence v3.0"),
        .init(id: "etalab-2.0", name: "Etalab Open License 2.0"),
        .init(id: "GFDL-1.3-only", name: "GNU Free Documentation License v1.3 only"),
        .init(id: "GFDL-1.3-or-later", name: "GNU Free Documentation License v1.3 or later"),
        .init(id: "MIT", name: "MIT License"),
        .init(id: "Apache-2.0", name: "Apache License 2.0"),
        .init(id: "BSD-2-Clause", name: "BSD 2-Clause \"Simplified\" License"),
        .init(id: "BSD-3-Clause", name: "BSD 3-Clause \"New\" or \"Revised\" License"),
        .init(id: "ISC", name: "ISC License"),
        .init(id: "MPL-2.0", name: "Mozilla Public License 2.0"),
        .init(id: "EUPL-1.2", name: "European Union Public License 1.2"),
        .init(id: "GPL-2.0-only", name: "GNU General Public License v2.0 only"),
        .init(id: "GPL-2.0-or-later", name: "GNU General Public License v2.0 or later"),
        .init(id: "GPL-3.0-only", name: "GNU General Public License v3.0 only"),
        .init(id: "GPL-3.0-or-later", name: "GNU General Public License v3.0 or later"),
        .init(id: "LGPL-2.1-only", name: "GNU Lesser General Public License v2.1 only"),
        .init(id: "LGPL-2.1-or-later", name: "GNU Lesser General Public License v2.1 or later"),
        .init(id: "LGPL-3.0-only", name: "GNU Lesser General Public License v3.0 only"),
        .init(id: "LGPL-3.0-or-later", name: "GNU Lesser General Public License v3.0 or later"),
        .init(id: "AGPL-3.0-only", name: "GNU Affero General Public License v3.0 only"),
        .init(id: "AGPL-3.0-or-later", name: "GNU Affero General Public License v3.0 or later"),
        .init(id: "Artistic-2.0", name: "Artistic License 2.0"),
        .init(id: "BSL-1.0", name: "Boost Software License 1.0"),
        .init(id: "Zlib", name: "zlib License"),
        .init(id: "Unlicense", name: "The Unlicense"),
    ]
}
