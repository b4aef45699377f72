/// What the theme's `locale` string (a BCP 47 tag such as `en` or `zh-Hans`) decides for data shown
/// on its pages: how numbers, money and dates print, and which entry of a label map is shown. The
/// language reaches tables and charts only this way, through the `InterfaceStrings` they are given.
extension InterfaceStrings {
    /// The `locale` tag as written, without surrounding spaces (`zh-Hans`).
    public var localeTag: String { self[.locale].trimmed }

    /// The number, money and date conventions of `localeTag`.
    public var numberLocale: NumberLocale { NumberLocale(tag: localeTag) }

    /// The language whose labels data shows: the tag's primary subtag, lower-cased (`zh` for
    /// `zh-Hans`, `en` for `en-GB`); empty when the theme sets no locale.
    public var labelLanguage: String {
        String(localeTag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }
}
