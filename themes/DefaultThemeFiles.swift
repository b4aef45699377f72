import Foundation

/// The default theme built into reportgen: every file of `themes/default/`, read at build time by
/// the `EmbedDefaultTheme` plugin (`defaultThemeFileList`, a generated source). ReportKit serves it
/// as the theme of a site that names none, and `reportgen theme export` writes it out.
package enum DefaultThemeFiles {
    /// The files by path relative to the theme folder (`templates/page.mustache`, `assets/style.css`, ...).
    package static let byPath: [String: Data] = Dictionary(
        defaultThemeFileList.map { ($0.path, Data(base64Encoded: $0.base64) ?? Data()) },
        uniquingKeysWith: { first, _ in first })
}
