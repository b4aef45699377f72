/// The content files of a multilingual site split by language: the pages under a language's
/// folder (`zh/modes.md`) belong to that language, as paths relative to it (`modes.md`), and
/// everything else to the default language. Data, the bibliography and static files (images,
/// also those in a language's folder) are shared. Finds folders that look like an undeclared
/// language too.
struct LanguageFolders: Sendable {
    /// Content files of the default language and the shared files.
    var defaultFiles: [String] = []
    /// Page files of each other language, relative to its folder, by language code.
    var pages: [String: [String]] = [:]
    var problems: [Diagnostic] = []

    init(files: [String], config: SiteConfig, displayPath: (String) -> String) {
        let codes = Set(config.translationLanguages.map(\.code))
        var undeclared: [String: [String]] = [:]
        for file in files {
            let isPage = ContentFiles.kind(of: file) == .page
            if isPage, let slash = file.firstIndex(of: "/") {
                let folder = String(file[..<slash])
                let rest = String(file[file.index(after: slash)...])
                if codes.contains(folder) {
                    pages[folder, default: []].append(rest)
                    continue
                }
                if SiteLanguage.isValidCode(folder) && folder != config.defaultLanguage.code { undeclared[folder, default: []].append(rest) }
            }
            defaultFiles.append(file)
        }
        // A folder named like a language whose pages mirror the site's pages is a translation
        // site.yml does not declare: an error on a multilingual site, a warning on one that is not
        // yet (its pages are published as a section, as before).
        let roots = Set(defaultFiles.filter { ContentFiles.kind(of: $0) == .page })
        for (folder, relatives) in undeclared.sorted(by: { $0.key < $1.key }) {
            let mirrored = relatives.filter { $0 != "index.md" && roots.contains($0) }
            guard let example = mirrored.first else { continue }
            let message = "folder '\(folder)' mirrors the site's pages ('\(folder)/\(example)' and '\(example)') but site.yml's 'languages' does not list '\(folder)'"
            let hint = "add '- code: \(folder)' to 'languages' in site.yml (the default language first), or rename the folder if it is a section"
            let location = SourceLocation(file: displayPath(folder + "/" + example))
            problems.append(config.isMultilingual ? .error(.undeclaredLanguageFolder, message, at: location, hint: hint)
                                                 : .warning(.undeclaredLanguageFolder, message, at: location, hint: hint))
        }
    }
}
