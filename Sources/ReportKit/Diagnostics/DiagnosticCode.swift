/// The stable code of a kind of problem, printed after the severity: `error[RG0201]: unknown column ...`.
///
/// A code names a KIND of problem, not one message: every "unknown column" is RG0201, whether a
/// chart, a filter or a data file's metadata names the column. Editors, CI annotations and the
/// README's table rely on codes, so a number is never reused or renumbered: a kind that is no
/// longer reported keeps its constant and its row (its summary then says "no longer reported"),
/// and a new kind takes the next free number in its stage's range.
///
/// Ranges, by the stage that finds the problem:
/// - RG01xx reading files (any input file), the content folder, `site.yml`, front matter, file names
/// - RG02xx data files (CSV, JSON) and their metadata
/// - RG03xx `table` and `chart` specs and their transforms
/// - RG04xx Markdown: links, images, anchors, cross-references
/// - RG05xx the theme
/// - RG06xx the output folder and writing files
/// - RG07xx limits (sizes a site may not exceed)
/// - RG08xx the preview server (`reportgen serve`)
/// - RG09xx reportgen itself
/// - RG10xx citations and bibliographies (`references.bib`, `references.json`, `[@key]`)
public struct DiagnosticCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number, e.g. 201 for RG0201.
    public let number: Int
    /// A short kebab-case name, e.g. `unknown-column`.
    public let name: String
    /// What the problem is, in one line (the README's table shows it).
    public let summary: String

    init(_ number: Int, _ name: String, _ summary: String) {
        self.number = number
        self.name = name
        self.summary = summary
    }

    /// `RG0201`.
    public var description: String {
        let digits = String(number)
        return "RG" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.number < b.number }
}

extension DiagnosticCode {
    // MARK: RG01xx reading files, content folder, site.yml, front matter, file names

    public static let contentFolderMissing = DiagnosticCode(101, "content-folder-missing", "The content folder does not exist.")
    public static let unreadableFile = DiagnosticCode(102, "unreadable-file", "A file cannot be read (missing, a folder, or not readable).")
    public static let notUTF8 = DiagnosticCode(103, "not-utf8", "A page, data file or YAML file is not valid UTF-8.")
    public static let noncharacter = DiagnosticCode(104, "noncharacter", "The text holds a Unicode noncharacter, or a character reference to one, which cannot be published.")
    public static let invalidYAML = DiagnosticCode(105, "invalid-yaml", "YAML that cannot be parsed (site.yml, front matter, theme.yml, data metadata, a table or chart spec).")
    public static let duplicateKey = DiagnosticCode(106, "duplicate-key", "A key written twice in one YAML mapping.")
    public static let notAMapping = DiagnosticCode(107, "not-a-mapping", "Front matter, a spec or data metadata that is not a mapping of `key: value` lines.")
    public static let wrongValueType = DiagnosticCode(108, "wrong-value-type", "A YAML value of the wrong kind, e.g. a list where one value is expected or text where a whole number is.")
    public static let unknownSiteKey = DiagnosticCode(109, "unknown-site-key", "A key or option that site.yml does not know.")
    public static let invalidThemeName = DiagnosticCode(110, "invalid-theme-name", "site.yml's `theme` is not a folder path relative to the content folder (empty, absolute, or with control characters).")
    public static let scriptsWithoutRawHTML = DiagnosticCode(111, "scripts-without-raw-html", "`raw_html_scripts: true` without `raw_html: true`, where it has no effect.")
    public static let navigationEntryMissing = DiagnosticCode(112, "navigation-entry-missing", "A `navigation` entry in site.yml names no page.")
    public static let frontMatterNotClosed = DiagnosticCode(113, "front-matter-not-closed", "Front matter opened with `---` and never closed.")
    public static let unknownFrontMatterKey = DiagnosticCode(114, "unknown-front-matter-key", "A front matter key that looks like a misspelt known key; it is ignored (warning).")
    public static let invalidSlug = DiagnosticCode(115, "invalid-slug", "A `slug` with characters other than ASCII letters, digits, `-` and `_`.")
    public static let symlinkOutsideContent = DiagnosticCode(116, "symlink-outside-content", "A symbolic link in the content folder that leads outside it or to a missing file.")
    public static let pathOutsideContent = DiagnosticCode(117, "path-outside-content", "A path (link, data file, new page) that leads outside the content folder.")
    public static let unpublishableName = DiagnosticCode(118, "unpublishable-name", "A file or folder name that cannot be published safely: control characters, invisible bidirectional controls, noncharacters, not UTF-8, or a path longer than the system opens.")
    public static let notARegularFile = DiagnosticCode(119, "not-a-regular-file", "A content entry that is not a regular file (a named pipe, a device, a socket), directly or through a link.")
    public static let controlCharacter = DiagnosticCode(120, "control-character", "Text (a page, a data file, YAML, a spec) holds a control character such as NUL, raw or written as an escape; it would cut or corrupt the page.")
    public static let unknownLicence = DiagnosticCode(130, "unknown-licence", "A `licence` in site.yml that is not an SPDX identifier reportgen knows (e.g. `CC-BY-4.0`).")
    public static let invalidORCID = DiagnosticCode(131, "invalid-orcid", "An author's `orcid` that is not an ORCID iD, or whose check digit is wrong (a typo).")
    public static let invalidDate = DiagnosticCode(132, "invalid-date", "A `published` or `updated` date that is not a calendar date written yyyy-mm-dd.")
    public static let invalidDOI = DiagnosticCode(133, "invalid-doi", "A `doi` in site.yml that is not a DOI (`10.NNNN/suffix`).")
    public static let invalidSiteURL = DiagnosticCode(134, "invalid-site-url", "A `url` in site.yml that is not an absolute https:// address.")
    public static let invalidAuthor = DiagnosticCode(135, "invalid-author", "An entry of `authors` in site.yml without a name.")
    public static let updatedBeforePublished = DiagnosticCode(136, "updated-before-published", "A page's `updated` date that lies before its `published` date.")
    public static let unknownPaperSize = DiagnosticCode(140, "unknown-paper-size", "site.yml's `paper` option is neither `a4` nor `letter`.")
    public static let invalidLanguage = DiagnosticCode(150, "invalid-language", "A `languages` entry in site.yml without a valid `code` (a folder name such as `zh`) or `tag` (BCP 47, such as `zh-Hans`).")
    public static let duplicateLanguage = DiagnosticCode(151, "duplicate-language", "The same language code listed twice in site.yml's `languages`.")
    public static let undeclaredLanguageFolder = DiagnosticCode(152, "undeclared-language-folder", "A top-level content folder named like a language (`zh/`) that mirrors the site's pages, but site.yml's `languages` does not list it.")
    public static let untranslatedPage = DiagnosticCode(153, "untranslated-page", "A page of the default language with no translation in another language's folder (`check` only, warning).")
    public static let pageWithoutOriginal = DiagnosticCode(154, "page-without-original", "A page in a language's folder (`content/zh/`) with no page at the same path in the default language (warning).")
    public static let languageAndLanguages = DiagnosticCode(155, "language-and-languages", "site.yml sets both `language` and `languages`.")

    // MARK: RG02xx data files and their metadata

    public static let unknownColumn = DiagnosticCode(201, "unknown-column", "A column named in a spec, a filter or data metadata that the data file does not have.")
    public static let dataFileNotFound = DiagnosticCode(202, "data-file-not-found", "A table or chart names a data file that does not exist.")
    public static let emptyDataFile = DiagnosticCode(203, "empty-data-file", "A data file without a header row.")
    public static let noDataRows = DiagnosticCode(204, "no-data-rows", "A data file with a header row but no data rows.")
    public static let emptyColumnName = DiagnosticCode(205, "empty-column-name", "A column without a name in a data file's header row.")
    public static let duplicateColumnName = DiagnosticCode(206, "duplicate-column-name", "Two columns of a data file with the same name.")
    public static let wrongFieldCount = DiagnosticCode(207, "wrong-field-count", "A CSV row with more or fewer fields than the header (often a missing closing quote).")
    public static let invalidCell = DiagnosticCode(208, "invalid-cell", "A cell that does not read as its column's type (number, percent, date).")
    public static let unknownColumnType = DiagnosticCode(209, "unknown-column-type", "Data metadata gives a column a type that does not exist.")
    public static let unknownMetadataKey = DiagnosticCode(210, "unknown-metadata-key", "A key that data metadata (`NAME.yml`) or one of its columns does not know.")
    public static let invalidCSV = DiagnosticCode(211, "invalid-csv", "A CSV file that cannot be read as CSV.")
    public static let invalidJSON = DiagnosticCode(212, "invalid-json", "A JSON data file that cannot be parsed.")
    public static let invalidJSONRecords = DiagnosticCode(213, "invalid-json-records", "A JSON data file that is not an array of flat records.")
    public static let unusedDataFile = DiagnosticCode(214, "unused-data-file", "A data file no table, chart or link uses (warning, `check` only).")
    public static let invalidCurrency = DiagnosticCode(215, "invalid-currency", "A `currency` in data metadata that is not an ISO 4217 code such as USD.")
    public static let missingCurrency = DiagnosticCode(216, "missing-currency", "The `currency` format used for data whose `NAME.yml` gives no `currency` code.")
    public static let invalidDataPackage = DiagnosticCode(230, "invalid-data-package", "A `datapackage.json` in the content that is not a Frictionless data package descriptor reportgen can read.")
    public static let dataPackageResourceNotFound = DiagnosticCode(231, "data-package-resource-not-found", "A resource of a `datapackage.json` whose `path` names no data file beside it.")
    public static let metadataGivenTwice = DiagnosticCode(232, "metadata-given-twice", "A data file described both by its `NAME.yml` and by a `datapackage.json` resource.")
    public static let invalidLabelMap = DiagnosticCode(240, "invalid-label-map", "A label in data metadata written as a map whose keys are not language tags (`{en: …, zh: …}`) or whose values are not text.")
    public static let unknownLabelledValue = DiagnosticCode(241, "unknown-labelled-value", "A column's `values:` in data metadata labels a value no cell of the column holds, or labels a column that is not text.")

    // MARK: RG03xx table and chart specs, transforms

    public static let emptySpec = DiagnosticCode(301, "empty-spec", "A `table` or `chart` block with nothing in it.")
    public static let unknownSpecKey = DiagnosticCode(302, "unknown-spec-key", "A key that a table or chart spec, or a table column entry, does not know.")
    public static let missingSpecKey = DiagnosticCode(303, "missing-spec-key", "A table or chart spec, or a table column entry, without a key it needs.")
    public static let invalidID = DiagnosticCode(304, "invalid-id", "A table or chart `id` that is not lowercase letters, digits and hyphens.")
    public static let duplicateID = DiagnosticCode(305, "duplicate-id", "Two tables or charts with the same id in the site.")
    public static let unknownFormat = DiagnosticCode(306, "unknown-format", "A number `format` that does not exist.")
    public static let invalidLimit = DiagnosticCode(307, "invalid-limit", "A `limit` that is not a positive whole number.")
    public static let unknownChartType = DiagnosticCode(308, "unknown-chart-type", "A chart `type` that does not exist.")
    public static let columnNotNumeric = DiagnosticCode(309, "column-not-numeric", "A column used where numbers are needed (y values, scatter x, total, format) that holds text or dates.")
    public static let seriesNeedsOneY = DiagnosticCode(310, "series-needs-one-y", "A chart with `series` and more than one y column.")
    public static let singleSeriesChart = DiagnosticCode(311, "single-series-chart", "A pie or donut chart given several y columns or a `series`.")
    public static let duplicateSeriesValue = DiagnosticCode(312, "duplicate-series-value", "Two rows give one series a value at the same x.")
    public static let nothingToDraw = DiagnosticCode(313, "nothing-to-draw", "No row has a value in the chart's x column.")
    public static let noRowsAfterFilter = DiagnosticCode(314, "no-rows-after-filter", "A `filter` that leaves no rows.")
    public static let invalidFilter = DiagnosticCode(315, "invalid-filter", "A `filter` that cannot be read as an expression like `year >= 2020 and country in [USA, CHN]`.")
    public static let filterValueType = DiagnosticCode(316, "filter-value-type", "A filter value that does not match its column's type (a number or a date).")
    public static let valueOutOfRange = DiagnosticCode(317, "value-out-of-range", "A number too large (or not finite) to draw in a chart or to print as a total.")
    public static let negativeShare = DiagnosticCode(318, "negative-share", "A pie or donut chart given a negative value, which no slice can show.")
    public static let unknownValueList = DiagnosticCode(319, "unknown-value-list", "A filter names a value list (`in NAME`) that the data file's `lists:` does not have.")
    public static let unknownSeries = DiagnosticCode(320, "unknown-series", "A chart's `highlight` or `colors` names a series (or bar) the chart does not draw.")
    public static let invalidDomain = DiagnosticCode(321, "invalid-domain", "A `y-domain` or `x-domain` that is not two numbers (years, dates), the smaller first, or an `x-domain` on categories.")
    public static let invalidDerive = DiagnosticCode(330, "invalid-derive", "A `derive` expression that cannot be read as arithmetic like `Value / 1e12`.")
    public static let columnExists = DiagnosticCode(331, "column-exists", "A `derive` names a new column the data already has.")
    public static let invalidGroup = DiagnosticCode(332, "invalid-group", "A `group` that names one column twice (grouped by and aggregated, or aggregated twice).")
    public static let logScaleNotPositive = DiagnosticCode(340, "log-scale-not-positive", "A chart with `scale: log` (or `x-scale: log`) given a zero or negative value, which a log axis cannot place.")
    public static let invalidScale = DiagnosticCode(341, "invalid-scale", "A `scale` or `x-scale` other than `linear` or `log`, or a log scale on a chart that cannot take one (bars, areas, pies).")
    public static let unknownColour = DiagnosticCode(342, "unknown-colour", "A `colors:` entry naming a colour the palette does not have.")
    public static let invalidAnnotation = DiagnosticCode(343, "invalid-annotation", "A `rule` or `note` that is not written as `{y: 0, label: …}` or `{x: 2008, text: …}`, or that the chart cannot place.")
    public static let invalidFacet = DiagnosticCode(345, "invalid-facet", "A `facet` on a pie or donut chart, or one that would draw more small charts than the limit (36).")
    public static let labelsDropped = DiagnosticCode(344, "labels-dropped", "A chart whose layout had no room for some point labels or annotation texts and left them out (warning).")

    // MARK: RG04xx Markdown, links, anchors, cross-references

    public static let absoluteLink = DiagnosticCode(401, "absolute-link", "A link starting with `/`, which breaks when the site is opened from disk.")
    public static let missingLinkTarget = DiagnosticCode(402, "missing-link-target", "A link or image to a page or file that does not exist.")
    public static let missingAnchor = DiagnosticCode(403, "missing-anchor", "A link to an anchor (`#id`) that the page does not have.")
    public static let unknownCrossReference = DiagnosticCode(404, "unknown-cross-reference", "A `@fig-…` or `@tbl-…` reference to no figure or table.")
    public static let imageWithoutAlt = DiagnosticCode(405, "image-without-alt", "An image without alt text (warning).")
    public static let networkImage = DiagnosticCode(406, "network-image", "An image loaded from the network, so the site no longer reads offline (warning).")
    public static let duplicateHeadingID = DiagnosticCode(407, "duplicate-heading-id", "Two headings of one page given the same id with `{#id}`.")
    public static let invalidHeadingID = DiagnosticCode(408, "invalid-heading-id", "A heading's `{#id}` that is empty or holds spaces, quotes or other characters an id cannot have.")

    // MARK: RG05xx theme

    public static let themeNotFound = DiagnosticCode(501, "theme-not-found", "The theme folder has no `templates/` folder.")
    public static let missingTemplate = DiagnosticCode(502, "missing-template", "A template the theme needs is missing.")
    public static let templateError = DiagnosticCode(503, "template-error", "A Mustache template that cannot be parsed.")
    public static let themeExportFolderNotEmpty = DiagnosticCode(510, "theme-export-folder-not-empty", "`reportgen theme export` would write into a folder that is not empty (`--force` to overwrite the theme's files).")
    public static let themeExportThroughLink = DiagnosticCode(511, "theme-export-through-link", "`reportgen theme export --force` met a symbolic link where it writes a file or folder, which could lead outside the folder.")
    public static let unknownInterfaceString = DiagnosticCode(520, "unknown-interface-string", "A language's interface strings (theme `i18n/CODE.yml`, or `strings` of a `languages` entry) name a key the theme does not have (warning).")

    // MARK: RG06xx output folder and writing

    public static let outputPathCollision = DiagnosticCode(601, "output-path-collision", "Two files would be written to one output path, or one needs as a folder a path another is written to.")
    public static let unsafeOutputFolder = DiagnosticCode(602, "unsafe-output-folder", "An output folder that is or holds the project or the content, lies inside the content, or is / or home.")
    public static let outputNotAFolder = DiagnosticCode(603, "output-not-a-folder", "The output path exists and is not a folder.")
    public static let foreignOutputFolder = DiagnosticCode(604, "foreign-output-folder", "A non-empty output folder that reportgen did not write; it is never replaced.")
    public static let writeFailed = DiagnosticCode(605, "write-failed", "A file or folder cannot be created or written.")
    public static let outputSwapFailed = DiagnosticCode(606, "output-swap-failed", "The finished site cannot be moved in place of the output folder.")
    public static let alreadyExists = DiagnosticCode(607, "already-exists", "`reportgen new` would overwrite a page or fill a folder that is not empty.")

    // MARK: RG07xx limits

    public static let dataFileTooLarge = DiagnosticCode(701, "data-file-too-large", "A data file larger than `max_data_file_bytes`.")
    public static let tooManyChartPoints = DiagnosticCode(702, "too-many-chart-points", "A chart with more points than `max_chart_points`.")
    public static let markdownTooComplex = DiagnosticCode(703, "markdown-too-complex", "A page holds a Markdown shape the parser handles too slowly (a huge table, deep nesting, long bracket or `@` runs); the limits are options in site.yml.")
    public static let yamlAliasLimit = DiagnosticCode(704, "yaml-alias-limit", "YAML whose aliases stand for too many values (an alias bomb).")
    public static let tooManySeries = DiagnosticCode(720, "too-many-series", "A chart with more series than the palette's eight colours, so colours repeat (warning).")
    public static let tooManyBars = DiagnosticCode(721, "too-many-bars", "A bar chart with more than 40 bars, too many to read or label (warning).")
    public static let chartTooTall = DiagnosticCode(722, "chart-too-tall", "A chart taller than about two phone screens (warning).")

    // MARK: RG06xx the PDF edition (`reportgen pdf`)

    public static let pdfFailed = DiagnosticCode(610, "pdf-failed", "Chromium could not print the whole report to `report.pdf`, or its PDF holds a `file://` path.")

    // MARK: RG08xx preview server

    public static let portUnavailable = DiagnosticCode(801, "port-unavailable", "`serve` cannot listen on its port (another program holds it).")
    public static let serverStopped = DiagnosticCode(802, "server-stopped", "`serve`'s HTTP server stopped.")

    // MARK: RG09xx reportgen itself

    public static let internalError = DiagnosticCode(901, "internal-error", "An unexpected failure inside reportgen; please report it.")
    public static let chromiumNotFound = DiagnosticCode(920, "chromium-not-found", "`reportgen pdf` needs Chromium (Debian package `chromium`) and finds none on PATH.")
    public static let testOnlyFlag = DiagnosticCode(902, "test-only-flag", "A build run with a flag meant only for reportgen's own tests (warning).")

    // MARK: RG10xx citations and bibliographies

    public static let bibliographySyntax = DiagnosticCode(1001, "bibliography-syntax", "`references.bib` that cannot be read as BibTeX: unbalanced braces or quotes, a missing comma or `=`, an unknown `@string` macro.")
    public static let invalidCSLJSON = DiagnosticCode(1002, "invalid-csl-json", "`references.json` that is not an array of CSL-JSON items with an `id` each.")
    public static let duplicateCitationKey = DiagnosticCode(1003, "duplicate-citation-key", "Two bibliography entries with the same key.")
    public static let unknownCitationKey = DiagnosticCode(1004, "unknown-citation-key", "A citation (`[@key]`, `@key`) naming no entry of `references.bib` or `references.json`.")
    public static let uncitedReference = DiagnosticCode(1005, "uncited-reference", "A bibliography entry that no page cites (warning).")
    public static let unknownCitationStyle = DiagnosticCode(1006, "unknown-citation-style", "site.yml's `citation_style` is neither `author-date` nor `numeric`.")

    /// Every code, in number order: the README's table lists exactly these.
    public static let all: [DiagnosticCode] = [
        contentFolderMissing, unreadableFile, notUTF8, noncharacter, invalidYAML, duplicateKey, notAMapping,
        wrongValueType, unknownSiteKey, invalidThemeName, scriptsWithoutRawHTML, navigationEntryMissing,
        frontMatterNotClosed, unknownFrontMatterKey, invalidSlug, symlinkOutsideContent, pathOutsideContent,
        unpublishableName, notARegularFile, controlCharacter,
        unknownLicence, invalidORCID, invalidDate, invalidDOI, invalidSiteURL, invalidAuthor, updatedBeforePublished, unknownPaperSize,
        invalidLanguage, duplicateLanguage, undeclaredLanguageFolder, untranslatedPage, pageWithoutOriginal, languageAndLanguages,
        unknownColumn, dataFileNotFound, emptyDataFile, noDataRows, emptyColumnName, duplicateColumnName,
        wrongFieldCount, invalidCell, unknownColumnType, unknownMetadataKey, invalidCSV, invalidJSON,
        invalidJSONRecords, unusedDataFile, invalidCurrency, missingCurrency,
        invalidDataPackage, dataPackageResourceNotFound, metadataGivenTwice, invalidLabelMap, unknownLabelledValue,
        emptySpec, unknownSpecKey, missingSpecKey, invalidID, duplicateID, unknownFormat, invalidLimit,
        unknownChartType, columnNotNumeric, seriesNeedsOneY, singleSeriesChart, duplicateSeriesValue,
        nothingToDraw, noRowsAfterFilter, invalidFilter, filterValueType, valueOutOfRange, negativeShare,
        unknownValueList, unknownSeries, invalidDomain, invalidDerive, columnExists, invalidGroup,
        logScaleNotPositive, invalidScale, unknownColour, invalidAnnotation, labelsDropped, invalidFacet,
        absoluteLink, missingLinkTarget, missingAnchor, unknownCrossReference, imageWithoutAlt, networkImage,
        duplicateHeadingID, invalidHeadingID,
        themeNotFound, missingTemplate, templateError, themeExportFolderNotEmpty, themeExportThroughLink,
        unknownInterfaceString,
        outputPathCollision, unsafeOutputFolder, outputNotAFolder, foreignOutputFolder, writeFailed,
        outputSwapFailed, alreadyExists, pdfFailed,
        dataFileTooLarge, tooManyChartPoints, markdownTooComplex, yamlAliasLimit, tooManySeries, tooManyBars, chartTooTall,
        portUnavailable, serverStopped,
        internalError, testOnlyFlag, chromiumNotFound,
        bibliographySyntax, invalidCSLJSON, duplicateCitationKey, unknownCitationKey, uncitedReference, unknownCitationStyle,
    ]
}
