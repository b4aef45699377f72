/// The languages of a site (`SiteLanguage`) seen from its `SiteConfig`: which languages it has,
/// and the configuration each language's edition is built with.
extension SiteConfig {
    /// Whether the site publishes more than one language.
    public var isMultilingual: Bool { languages.count > 1 }

    /// The default language (the first of `languages`, or `language` for a one-language site).
    public var defaultLanguage: SiteLanguage {
        languages.first ?? SiteLanguage(code: language, tag: language)
    }

    /// The languages after the default one, each published in its own folder.
    public var translationLanguages: [SiteLanguage] { Array(languages.dropFirst()) }

    /// The configuration the edition of `language` is built with: its title, subtitle,
    /// description and tag; its navigation (the default's, mirrored, when it sets none: entries
    /// naming a page the language lacks are left out, as a translation may be partial).
    func edition(_ language: SiteLanguage, pageSources: Set<String>) -> SiteConfig {
        var config = self
        config.language = language.tag
        config.languages = languages
        if let title = language.title { config.title = title }
        if let subtitle = language.subtitle { config.subtitle = subtitle }
        if let description = language.description { config.description = description }
        if let navigation = language.navigation {
            config.navigation = navigation
            config.navigationLocations = language.navigationLocations
        } else {
            let kept = zip(navigation, navigationLocations + Array(repeating: SourceLocation(file: "site.yml"), count: max(0, navigation.count - navigationLocations.count)))
                .filter { entry, _ in [entry, entry + "/index.md", entry + "/_index.md"].contains(where: pageSources.contains) }
            config.navigation = kept.map(\.0)
            config.navigationLocations = kept.map(\.1)
        }
        return config
    }

    /// The default language's configuration: its `<html lang>` is its tag.
    func defaultEdition() -> SiteConfig {
        var config = self
        if let first = languages.first { config.language = first.tag }
        return config
    }

    /// `language` and `languages` together: which one counts would be a guess.
    func languageProblem(_ mapping: YAMLMapping) -> Diagnostic? {
        guard !languages.isEmpty, mapping["language"] != nil else { return nil }
        return .error(.languageAndLanguages, "site.yml sets both 'language' and 'languages'", at: mapping.location(ofKey: "language"),
                      hint: "remove 'language'; the first entry of 'languages' is the default language (give it 'tag: \(language)' to keep that tag)")
    }
}
