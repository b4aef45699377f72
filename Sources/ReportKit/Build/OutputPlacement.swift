import Foundation

/// Where a site may be written, checked by every command before it writes (`build`'s `OutputWriter`,
/// `serve`'s preview folder): never the project folder or one holding it, never the content or
/// theme folders, one holding them or one inside them (the next build would read the site back as
/// a source, or the watcher of `serve` would rebuild forever).
///
/// The folders are compared as real paths (`RealPath`): an output reached through a symbolic link
/// into the content is inside the content.
enum OutputPlacement {
    /// The folders the output must stay clear of.
    struct Sources {
        var content: URL
        /// The theme folder, or the folder of themes.
        var theme: URL?
        var project: URL
    }

    /// Checks `output` and returns its real path. `display` is the output as the user gave it;
    /// `example` completes the hint ("e.g. --output output").
    static func check(_ output: URL, display: String, sources: Sources, example: String) throws(DiagnosticList) -> URL {
        let real = RealPath.of(output)
        let content = RealPath.of(sources.content)
        let project = RealPath.of(sources.project)
        let theme = sources.theme.map(RealPath.of)
        // When a link moved the output, say where it really is.
        var name = "output folder '\(display)'"
        if real.path != output.standardizedFileURL.path {
            let projectPrefix = project.path.hasSuffix("/") ? project.path : project.path + "/"
            let shown = real.path.hasPrefix(projectPrefix) ? String(real.path.dropFirst(projectPrefix.count)) : real.path
            name += " (through a symbolic link: '\(shown)')"
        }
        func refuse(_ problem: String, hint: String = "choose an output folder outside the content, e.g. \(example)") -> DiagnosticList {
            DiagnosticList(.error(.unsafeOutputFolder, "\(name) \(problem)", at: SourceLocation(file: display), hint: hint))
        }
        let ownFolder = "choose a folder of its own, e.g. \(example)"
        if real.path == project.path { throw refuse("is the project folder; building would replace it", hint: ownFolder) }
        if RealPath.isInside(content, real) { throw refuse("holds the content folder; building would replace your sources") }
        if RealPath.isInside(real, content) {
            throw refuse("is inside the content folder; the next build would read the site back as content")
        }
        if RealPath.isInside(project, real) { throw refuse("is the project folder or contains it", hint: ownFolder) }
        if let theme {
            let themeHint = "choose an output folder outside the content and the theme, e.g. \(example)"
            if RealPath.isInside(theme, real) { throw refuse("holds the theme folder; building would replace it", hint: themeHint) }
            if RealPath.isInside(real, theme) {
                throw refuse("is inside the theme folder; the site would be copied into itself as theme files", hint: themeHint)
            }
        }
        if real.path == "/" || real.path == RealPath.of(FileManager.default.homeDirectoryForCurrentUser).path {
            throw DiagnosticList(.error(.unsafeOutputFolder, "refusing to write the site into '\(real.path)'", at: SourceLocation(file: display), hint: ownFolder))
        }
        return real
    }
}
