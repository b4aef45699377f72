/// A theme's words in another language: `i18n/CODE.yml` beside `theme.yml`, with the same
/// `strings:` layout (the built-in theme ships `i18n/zh.yml`). Keys a language file leaves out
/// keep the theme's (`theme.yml`) words.
extension Theme {
    /// The folder of the language files, and the name of one.
    static let languageFolder = "i18n"
    static func languageFile(_ code: String) -> String { "\(languageFolder)/\(code).yml" }

    /// This theme with the interface strings of language `code`: its `theme.yml` words, then the
    /// built-in theme's `i18n/CODE.yml`, then the theme's own `i18n/CODE.yml`, then `siteStrings`
    /// (a `languages` entry's `strings` in `site.yml`). Keys no theme file knows are warnings
    /// (most are misspelt). The default language of a site keeps `theme.yml`'s words unless the
    /// theme has a file for it.
    func forLanguage(_ code: String, siteStrings: [String: String], displayPath: String) -> (Theme, [Diagnostic]) {
        var table = strings.table
        var problems: [Diagnostic] = []
        let known = Set(table.keys).union(Self.builtInLanguageKeys)
        var sources: [(ThemeFiles, String)] = [(.builtIn, "themes/default")]
        if !files.isBuiltIn { sources.append((files, displayPath)) }
        for (files, display) in sources where files.hasFile(Self.languageFile(code)) {
            let path = "\(display)/\(Self.languageFile(code))"
            do throws(DiagnosticList) {
                let (own, locations) = try Self.languageStrings(files, path: Self.languageFile(code), display: path)
                for (key, value) in own {
                    table[key] = value
                    if !known.contains(key), let location = locations[key] { problems.append(Self.unknownKey(key, at: location, known: known)) }
                }
            } catch {
                problems += error.diagnostics
            }
        }
        for (key, value) in siteStrings.sorted(by: { $0.key < $1.key }) {
            table[key] = value
            if !known.contains(key) { problems.append(Self.unknownKey(key, at: nil, known: known)) }
        }
        var theme = self
        theme.strings = InterfaceStrings(table)
        return (theme, problems)
    }

    static func unknownKey(_ key: String, at location: SourceLocation?, known: Set<String>) -> Diagnostic {
        .warning(.unknownInterfaceString, "unknown interface string '\(key)'" + (location == nil ? " in site.yml's 'languages'" : ""), at: location,
                 hint: Suggestion.hint(for: key, in: known.sorted()) ?? "the keys are those of the theme's theme.yml")
    }

    /// Every key the built-in theme's language files define (`locale`, say, which no English word needs).
    static let builtInLanguageKeys: Set<String> = {
        var keys = Set<String>()
        for name in ThemeFiles.builtIn.names(in: languageFolder) where name.hasSuffix(".yml") {
            let path = "\(languageFolder)/\(name)"
            if let (strings, _) = try? languageStrings(.builtIn, path: path, display: "themes/default/\(path)") { keys.formUnion(strings.keys) }
        }
        return keys
    }()

    /// The `strings` table of a language file, with where each key is written.
    static func languageStrings(_ files: ThemeFiles, path: String, display: String) throws(DiagnosticList) -> ([String: String], [String: SourceLocation]) {
        let mapping = try YAMLMapping.parse(try files.text(path, display: display), file: display, firstLine: 1, what: "a language file")
        guard let node = mapping["strings"] else { return ([:], [:]) }
        let table = try mapping.nested(node, key: "strings")
        var strings: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for (key, value) in table.entries {
            strings[key] = try table.string(value, key: key)
            locations[key] = table.location(ofKey: key)
        }
        return (strings, locations)
    }
}
