import Yams

/// One language a site publishes in, from `site.yml`'s `languages` list (the first is the
/// default: its pages stay at the output root; the others live in `content/CODE/` and are
/// published under `CODE/`, mirroring the default tree):
///
/// ```yaml
/// languages:
///   - code: en
///   - code: zh
///     tag: zh-Hans          # <html lang> and hreflang (default: the code)
///     title: 中国互联网消费金融
///     subtitle: …
///     navigation: [...]     # default: the default language's, mirrored
///     strings: {home: 首页}  # the site's own interface words for this language
/// ```
///
/// `languages: [en, zh]` (codes only) works too. A site without `languages` has one language,
/// `language:` (default `en`).
public struct SiteLanguage: Sendable, Hashable {
    /// The folder name and the key of the theme's `i18n/CODE.yml` (`zh`).
    public var code: String
    /// The BCP 47 tag written on `<html lang>` and `hreflang` (`zh-Hans`).
    public var tag: String
    /// The edition's title, subtitle and description; `nil` keeps the site's.
    public var title: String?
    public var subtitle: String?
    public var description: String?
    /// Content-relative page paths (relative to the language's folder); `nil` mirrors the default's.
    public var navigation: [String]?
    public var navigationLocations: [SourceLocation] = []
    /// Interface strings the site sets for this language, over the theme's.
    public var strings: [String: String] = [:]
    /// Where the entry is written in `site.yml`.
    public var location: SourceLocation?

    public init(code: String, tag: String? = nil) {
        self.code = code
        self.tag = tag ?? code
    }

    static let keys = ["code", "tag", "title", "subtitle", "description", "navigation", "strings"]

    /// A language code is a folder name: lowercase letters, then optional `-` parts (`zh`, `pt-br`).
    static func isValidCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }
        }
    }

    /// A BCP 47 tag as `<html lang>` takes it: letters, then `-` parts of letters and digits (`zh-Hans`, `en-GB`).
    static func isValidTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Reads `site.yml`'s `languages` list: every problem at its line, with a hint.
    static func readList(_ node: Node, in mapping: YAMLMapping) throws(DiagnosticList) -> [SiteLanguage] {
        guard let items = node.sequence, !items.isEmpty else {
            throw DiagnosticList(.error(.invalidLanguage, "'languages' must be a list of languages, the default first", at: mapping.location(of: node),
                                        hint: "write it like this: languages: [en, zh], or one '- code: zh' entry per language"))
        }
        var languages: [SiteLanguage] = []
        var problems: [Diagnostic] = []
        for item in items {
            do throws(DiagnosticList) {
                let language = try read(item, in: mapping)
                if let first = languages.first(where: { $0.code == language.code }) {
                    problems.append(.error(.duplicateLanguage, "language '\(language.code)' is listed twice in 'languages'", at: language.location,
                                           hint: "remove one of the entries (the first is at line \(first.location?.line ?? 0))"))
                    continue
                }
                languages.append(language)
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return languages
    }

    /// One entry: a code alone, or a mapping with `code` and the optional keys.
    static func read(_ node: Node, in mapping: YAMLMapping) throws(DiagnosticList) -> SiteLanguage {
        let location = mapping.location(of: node)
        if let scalar = node.scalar {
            return try checked(SiteLanguage(code: scalar.string), at: location, tagLocation: location)
        }
        let entry = try mapping.nested(node, key: "languages")
        guard let codeNode = entry["code"] else {
            throw DiagnosticList(.error(.invalidLanguage, "a 'languages' entry has no 'code'", at: location,
                                        hint: "start the entry with '- code: zh' (the name of its content folder)"))
        }
        var language = SiteLanguage(code: try entry.string(codeNode, key: "code"))
        var tagLocation = entry.location(of: codeNode)
        for (key, value) in entry.entries {
            switch key {
            case "code": continue
            case "tag":
                language.tag = try entry.string(value, key: key)
                tagLocation = entry.location(of: value)
            case "title": language.title = try entry.string(value, key: key)
            case "subtitle": language.subtitle = try entry.string(value, key: key)
            case "description": language.description = try entry.string(value, key: key)
            case "navigation":
                language.navigation = try entry.stringList(value, key: key)
                language.navigationLocations = value.sequence.map { $0.map { entry.location(of: $0) } } ?? [entry.location(of: value)]
            case "strings":
                let table = try entry.nested(value, key: key)
                for (name, text) in table.entries { language.strings[name] = try table.string(text, key: name) }
            default:
                throw DiagnosticList(.error(.unknownSiteKey, "unknown key '\(key)' in a 'languages' entry", at: entry.location(ofKey: key),
                                            hint: Suggestion.hint(for: key, in: keys)))
            }
        }
        return try checked(language, at: entry.location(of: codeNode), tagLocation: tagLocation)
    }

    static func checked(_ language: SiteLanguage, at location: SourceLocation, tagLocation: SourceLocation) throws(DiagnosticList) -> SiteLanguage {
        var language = language
        language.location = location
        guard isValidCode(language.code) else {
            throw DiagnosticList(.error(.invalidLanguage, "language code '\(language.code)' is not a language code", at: location,
                                        hint: "use a lowercase ISO 639 code such as 'en' or 'zh'; it names the content folder (content/zh/) and the output folder"))
        }
        guard isValidTag(language.tag) else {
            throw DiagnosticList(.error(.invalidLanguage, "language tag '\(language.tag)' is not a BCP 47 language tag", at: tagLocation,
                                        hint: "write a tag such as 'zh-Hans', 'en-GB' or 'pt-BR'"))
        }
        return language
    }
}
