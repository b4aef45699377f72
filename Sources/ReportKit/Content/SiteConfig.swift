import Foundation
import Yams

/// The site settings of `content/site.yml`. Every key is optional.
public struct SiteConfig: Sendable, Hashable {
    public var title: String = "Untitled site"
    public var subtitle: String?
    /// BCP 47 language tag written on `<html lang>`.
    public var language: String = "en"
    /// The languages of a multilingual site (`languages:`, the default first: `SiteLanguage`);
    /// empty for a site in one language.
    public var languages: [SiteLanguage] = []
    public var authors: [Author] = []
    /// Publication details (`PublicationKeys`): the report's date (ISO `yyyy-mm-dd`), version,
    /// licence, DOI (bare) and the https URL where it will be published (ending in `/`).
    public var published: String?
    public var version: String?
    public var licence: SPDXLicence?
    public var doi: String?
    public var url: String?
    /// Content-relative page paths, in the order the site navigation shows them.
    public var navigation: [String] = []
    /// Where each navigation entry is written in `site.yml`, for diagnostics.
    public var navigationLocations: [SourceLocation] = []
    /// The theme folder, relative to the content folder (a name under the project's `themes/` also
    /// works); `nil` for the built-in theme. The CLI's `--theme` wins (`BuildOptions.themeFiles`).
    public var theme: String?
    /// Whether raw HTML in Markdown is passed through.
    public var allowRawHTML: Bool = false
    /// Whether raw HTML and links may also run scripts (event handlers, `javascript:` URLs):
    /// `options: raw_html_scripts: true`, only with `raw_html: true`.
    public var allowRawScripts: Bool = false
    /// Whether to publish the whole report on one page (`report.html`) and as one self-contained
    /// file: `true`, `false`, or `auto` (the default: only for sites of at most
    /// `wholeReportAutomaticLimit` pages, since a 10,000-page "report" helps no reader).
    public var wholeReport: Bool? = nil
    public static let wholeReportAutomaticLimit = 1000

    /// Whether a site of `pageCount` pages gets the whole-report files.
    public func publishesWholeReport(pageCount: Int) -> Bool {
        wholeReport ?? (pageCount <= Self.wholeReportAutomaticLimit)
    }

    /// A short description for `<meta name="description">` on pages without a summary.
    public var description: String?
    /// Data files larger than this many bytes fail the build (`options: max_data_file_bytes`).
    public var maxDataFileBytes: Int = Self.defaultMaxDataFileBytes
    /// Charts with more points (rows × series) than this fail the build (`options: max_chart_points`).
    public var maxChartPoints: Int = Self.defaultMaxChartPoints

    /// Data files larger than this are refused (50 MB): a report needs summaries, not dumps.
    public static let defaultMaxDataFileBytes = 50_000_000
    /// The default chart size limit: more points than a reader can tell apart.
    public static let defaultMaxChartPoints = 10_000
    /// Limits on Markdown shapes the parser handles slowly (`options: max_table_cells`, ...).
    public var markdownLimits = MarkdownLimits()
    /// Curly quotes, en and em dashes and ellipses from straight ASCII (cmark-gfm's smart punctuation):
    /// `options: smart_punctuation: false` turns it off.
    public var smartPunctuation: Bool = true
    /// The printed page size (`options: paper: a4 | letter`), for `@page` and the PDF edition.
    public var paper: PaperSize = .a4

    /// How citations and bibliographies are formatted: `author-date` (Chicago, the default) or
    /// `numeric` (IEEE); see `CitationStyle`.
    public var citationStyle: String = "author-date"
    public static let citationStyles = ["author-date", "numeric"]

    public init() {}

    static let keys = ["title", "subtitle", "language", "languages", "navigation", "theme", "options", "description", "citation_style"] + PublicationKeys.siteKeys
    static let optionKeys = ["raw_html", "raw_html_scripts", "whole_report", "max_data_file_bytes", "max_chart_points",
                             "smart_punctuation", "paper"] + MarkdownLimits.optionNames

    /// Reads `site.yml`; a missing file gives the defaults.
    public static func load(from url: URL, displayPath: String) throws(DiagnosticList) -> SiteConfig {
        var config = SiteConfig()
        guard FileManager.default.fileExists(atPath: url.path) else { return config }
        let text: String
        do { text = try SourceText.read(url, displayPath: displayPath) } catch { throw DiagnosticList(wrapping: error) }
        let mapping = try YAMLMapping.parse(text, file: displayPath, firstLine: 1, what: "site.yml")
        var problems: [Diagnostic] = []
        var scriptsLocation: SourceLocation?
        for (key, node) in mapping.entries {
            do {
                switch key {
                case "title": config.title = try mapping.string(node, key: key)
                case "subtitle": config.subtitle = try mapping.string(node, key: key)
                case "language": config.language = try mapping.string(node, key: key)
                case "languages": config.languages = try SiteLanguage.readList(node, in: mapping)
                case "description": config.description = try mapping.string(node, key: key)
                case "theme":
                    let theme = try mapping.string(node, key: key)
                    // A folder relative to the content folder (or, as before, a name under the project's themes/).
                    guard !theme.isEmpty, !theme.hasPrefix("/"), !theme.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                        throw DiagnosticList(.error(.invalidThemeName, "theme '\(theme)' must be a folder relative to the content folder", at: mapping.location(of: node),
                                                    hint: "e.g. 'theme: ../my-theme'; remove 'theme' to use the built-in theme, or pass --theme DIR"))
                    }
                    config.theme = theme
                case _ where PublicationKeys.siteKeys.contains(key): try PublicationKeys.read(key, node, in: mapping, into: &config)
                case "citation_style":
                    let style = try mapping.string(node, key: key)
                    guard citationStyles.contains(style) else {
                        throw DiagnosticList(.error(.unknownCitationStyle, "unknown citation_style '\(style)' in site.yml", at: mapping.location(of: node),
                                                    hint: Suggestion.hint(for: style, in: citationStyles) ?? ""))
                    }
                    config.citationStyle = style
                case "navigation":
                    config.navigation = try mapping.stringList(node, key: key)
                    config.navigationLocations = node.sequence.map { $0.map { mapping.location(of: $0) } } ?? [mapping.location(of: node)]
                case "options":
                    let options = try mapping.nested(node, key: key)
                    for (optionKey, optionNode) in options.entries {
                        switch optionKey {
                        case "raw_html": config.allowRawHTML = try options.bool(optionNode, key: optionKey)
                        case "raw_html_scripts":
                            config.allowRawScripts = try options.bool(optionNode, key: optionKey)
                            scriptsLocation = options.location(ofKey: optionKey)
                        case "whole_report":
                            if optionNode.scalar?.string == "auto" { config.wholeReport = nil } else {
                                config.wholeReport = try options.bool(optionNode, key: optionKey)
                            }
                        case "smart_punctuation": config.smartPunctuation = try options.bool(optionNode, key: optionKey)
                        case "paper": config.paper = try PaperSize.read(optionNode, in: options)
                        case _ where ["max_data_file_bytes", "max_chart_points"].contains(optionKey) || MarkdownLimits.optionNames.contains(optionKey):
                            let limit = try options.int(optionNode, key: optionKey)
                            guard limit > 0 else { throw options.typeError(optionNode, key: optionKey, expected: "a positive whole number", example: "1000") }
                            if optionKey == "max_chart_points" { config.maxChartPoints = limit }
                            else if optionKey == "max_data_file_bytes" { config.maxDataFileBytes = limit }
                            else { _ = config.markdownLimits.set(optionKey, to: limit) }
                        default:
                            problems.append(.error(.unknownSiteKey, "unknown option '\(optionKey)' in site.yml", at: options.location(ofKey: optionKey),
                                                   hint: Suggestion.hint(for: optionKey, in: optionKeys)))
                        }
                    }
                default:
                    problems.append(.error(.unknownSiteKey, "unknown key '\(key)' in site.yml", at: mapping.location(ofKey: key),
                                           hint: Suggestion.hint(for: key, in: keys)))
                }
            } catch {
                problems += DiagnosticList(wrapping: error).diagnostics
            }
        }
        if config.allowRawScripts && !config.allowRawHTML, let scriptsLocation {
            problems.append(.error(.scriptsWithoutRawHTML, "'raw_html_scripts: true' has no effect without 'raw_html: true'", at: scriptsLocation,
                                   hint: "add 'raw_html: true' under options, or remove 'raw_html_scripts'"))
        }
        if let problem = config.languageProblem(mapping) { problems.append(problem) }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return config
    }
}
