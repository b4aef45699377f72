/// Where language enters the pipeline: after `loadTheme`, each language's edition (the default
/// one and `LoadedContent.translations`) gets the theme with its own interface strings
/// (`Theme.forLanguage`) and the links between the languages' pages (`LanguageLinks`); the
/// steps after run once per edition (`SitePipeline.assembleEdition`).
extension SitePipeline {
    /// One edition's content, with the theme it is laid out with.
    struct Edition: Sendable {
        var content: LoadedContent
        var theme: Theme?
    }

    /// The editions of `content` (just itself for a site in one language), each with its theme
    /// and, on a multilingual site, every language's page outputs; with the problems of the
    /// languages' interface strings.
    func languageEditions(_ content: LoadedContent, theme: Theme?) -> (contents: [Edition], diagnostics: [Diagnostic]) {
        guard let language = content.edition.language, !content.translations.isEmpty else { return ([Edition(content: content, theme: theme)], []) }
        var diagnostics: [Diagnostic] = []
        var editions: [Edition] = []
        for edition in [content] + content.translations {
            let code = edition.edition.language?.code ?? language.code
            var languageTheme = theme
            if let theme {
                let (localized, problems) = theme.forLanguage(code, siteStrings: edition.edition.language?.strings ?? [:],
                                                              displayPath: options.display(options.themeFiles(for: content.config)))
                languageTheme = localized
                diagnostics += problems
            }
            editions.append(Edition(content: edition, theme: languageTheme))
        }
        let links = LanguageLinks(languages: editions.map { edition in
            let language = edition.content.edition.language ?? language
            var outputs: [String: String] = [:]
            for page in edition.content.pages { outputs[page.sourcePath] = page.outputPath }
            let content = edition.content
            return .init(code: language.code, tag: language.tag, name: edition.theme?.strings[.languageName] ?? language.code, outputs: outputs,
                         notTranslated: edition.theme?.strings[.notTranslated] ?? "", hasWholeReport: !content.pages.isEmpty && content.config.publishesWholeReport(pageCount: content.pages.count))
        })
        for index in editions.indices { editions[index].content.edition.links = links }
        return (editions, diagnostics)
    }

    /// `check` only: a warning for every page of the default language that a language lacks,
    /// one line each, then how many. A partial translation is normal while it is being written,
    /// so `build` does not warn (its `--strict` would refuse to publish it).
    /// The count is reported at the language's folder (`contentDisplay/zh`), after its pages.
    static func untranslatedPages(_ content: LoadedContent, contentDisplay: String) -> [Diagnostic] {
        let originals = content.pages.filter { !$0.isGenerated }
        guard !originals.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        for translation in content.translations {
            guard let code = translation.edition.language?.code else { continue }
            let translated = Set(translation.pages.filter { !$0.isGenerated }.map(\.sourcePath))
            let missing = originals.filter { !translated.contains($0.sourcePath) }
            for page in missing {
                diagnostics.append(.warning(.untranslatedPage, "'\(page.sourcePath)' has no '\(code)' translation", at: SourceLocation(file: page.displayPath, line: 1),
                                            hint: "add \(code)/\(page.sourcePath) to the content folder; until then the '\(code)' edition's language switcher says the page is not translated"))
            }
            if !missing.isEmpty {
                let folder = contentDisplay.isEmpty || contentDisplay == "." ? code : contentDisplay + "/" + code
                diagnostics.append(.warning(.untranslatedPage, "'\(code)' edition: \(missing.count) of \(originals.count) page\(originals.count == 1 ? "" : "s") untranslated",
                                            at: SourceLocation(file: folder),
                                            hint: "\(originals.count - missing.count) translated; the untranslated pages are listed one by one and published in the default language only"))
            }
        }
        return diagnostics
    }
}

extension SitePipeline {
    /// Each edition assembled (`assembleEdition`, build mode) from no findings: the default one on
    /// this thread, the others meanwhile on another (`alongside`). Results in the editions' order.
    func assembleEditionsAtOnce(_ editions: [Edition], data: DataCatalog.Loading, bibliography: Bibliography,
                                bibliographyFindings: [Diagnostic], loader: ContentLoader) -> [(site: AssembledSite?, findings: Findings)] {
        let assemble: @Sendable (Edition) -> (site: AssembledSite?, findings: Findings) = { [self] edition in
            var findings = Findings(mode: .build, strict: options.strict)
            let site = assembleEdition(edition.content, data: data, bibliography: bibliography, bibliographyFindings: bibliographyFindings,
                                       theme: edition.theme, loader: loader, findings: &findings)
            return (site, findings)
        }
        let others = Array(editions.dropFirst())
        let (first, rest) = alongside({ editions.first.map(assemble) }, { others.map(assemble) })
        return (first.map { [$0] } ?? []) + rest
    }
}
