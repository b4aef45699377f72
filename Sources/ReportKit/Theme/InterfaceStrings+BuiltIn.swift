extension InterfaceStrings {
    /// The built-in theme's strings (`themes/default/theme.yml`, English): what check mode uses when
    /// the site's theme failed to load, and what tests and fuzz targets render with.
    public static let english = InterfaceStrings(Theme.defaultStrings)
}
