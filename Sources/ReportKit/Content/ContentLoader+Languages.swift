/// The editions of a multilingual site's other languages: each language's pages (from its folder,
/// `content/zh/`) arranged like a site of their own (reading order, list pages, navigation), then
/// moved under the language's output folder (`zh/modes/index.html`). Data, the bibliography and
/// static files are the default edition's.
extension ContentLoader {
    /// Loads every other language's pages into `content.translations` and fills in each edition's
    /// `ContentEdition`; returns the problems found (pages that failed, navigation entries naming
    /// no page, pages with no original).
    func addTranslations(_ pagesByLanguage: [String: [String]], to content: inout LoadedContent, siteConfig: SiteConfig) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let originals = Set(content.pages.filter { !$0.isGenerated }.map(\.sourcePath))
        var translations: [LoadedContent] = []
        for language in siteConfig.translationLanguages {
            let folder = language.code + "/"
            let relatives = pagesByLanguage[language.code] ?? []
            let results = relatives.parallelMap { relative -> Result<(Page, [Diagnostic]), DiagnosticList> in
                do throws(DiagnosticList) { return .success(try loadPage(relative, folder: folder)) } catch { return .failure(error) }
            }
            var gathered = gatherPages(relatives, results)
            problems += gathered.problems
            var config = siteConfig.edition(language, pageSources: Self.sourcesWithFolders(gathered.pages.map(\.sourcePath)))
            let order = ContentLoader(contentRoot: contentRoot, displayRoot: displayPath(language.code), includeDrafts: includeDrafts)
                .arrangeReporting(gathered.pages, config: &config, failed: gathered.failed, warnings: &gathered.warnings)
            problems += order.problems + gathered.warnings
            problems += Self.pagesWithoutOriginal(gathered.pages, originals: originals, language: language)
            var edition = ContentEdition()
            edition.language = language
            edition.folder = folder
            let pages = (order.pages ?? []).map { page in
                var page = page
                page.outputPath = folder + page.outputPath
                return page
            }
            let translated = Set(pages.map(\.sourcePath))
            for page in content.pages where !translated.contains(page.sourcePath) { edition.fallbackOutputs[page.sourcePath] = page.outputPath }
            var translation = LoadedContent(config: config, pages: pages, dataFiles: content.dataFiles,
                                            staticFiles: content.staticFiles + gathered.failed, warnings: gathered.warnings,
                                            refusedFiles: content.refusedFiles, bibliographyFiles: content.bibliographyFiles)
            translation.edition = edition
            translations.append(translation)
        }
        content.edition.language = siteConfig.defaultLanguage
        content.translations = translations
        return problems
    }

    /// Page paths with the index path of every folder above them (`a/b.md` → `a/index.md`), and
    /// the home page's (made when a language has any page): what a navigation entry may name once
    /// list pages are made.
    static func sourcesWithFolders(_ sources: [String]) -> Set<String> {
        var known = Set(sources)
        if !sources.isEmpty { known.insert("index.md") }
        for source in sources {
            for folder in SiteStructure.ancestorFolders(of: source) { known.insert(folder + "/index.md") }
        }
        return known
    }

    /// A warning for each page of a language with no page at the same path in the default
    /// language: the switcher cannot pair it, and it is most often a misspelt file name. It is
    /// still published (a note for that language's readers only is allowed).
    static func pagesWithoutOriginal(_ pages: [Page], originals: Set<String>, language: SiteLanguage) -> [Diagnostic] {
        let candidates = originals.sorted()
        return pages.filter { !$0.isGenerated && !originals.contains($0.sourcePath) }.map { page in
            let guess = Suggestion.closest(to: page.sourcePath, in: candidates).map { "did you mean '\(language.code)/\($0)'? " } ?? ""
            return .warning(.pageWithoutOriginal, "'\(page.sourcePath)' of language '\(language.code)' has no original at the same path in the default language",
                            at: SourceLocation(file: page.displayPath, line: 1),
                            hint: guess + "a translation has the same path in its language's folder as its original has in the content folder")
        }
    }
}
