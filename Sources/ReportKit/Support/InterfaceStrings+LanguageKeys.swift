/// The interface strings of a multilingual site's language switcher (`themes/default/theme.yml`,
/// translated in `themes/default/i18n/CODE.yml`).
extension InterfaceStrings.Key {
    /// A language's name for itself, as its switcher link shows it ("English", "中文").
    public static let languageName = Self("language_name")
    /// What the switcher is, for screen readers ("Languages").
    public static let languages = Self("languages")
    /// In a language, said where a page has no translation into it; {language} is the name of
    /// the language the page is in ("This page is not available in English; it is only in {language}.").
    public static let notTranslated = Self("not_translated")

    /// Every key of this file (what `InterfaceStringsTests` checks every language defines).
    static let languageKeys: [Self] = [.languageName, .languages, .notTranslated]
}
