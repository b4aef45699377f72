/// The interface strings Swift code reads, by the key `theme.yml` gives them; each must be defined in
/// `themes/default/theme.yml` (`InterfaceStringsTests` reads this file and checks).
extension InterfaceStrings.Key {
    /// "Figure {n}": a chart's number, in captions and cross-references.
    public static let figureLabel = Self("figure_label")
    /// "Table {n}": a table's number, in captions and cross-references.
    public static let tableLabel = Self("table_label")
    /// "Source: {source}", under a figure.
    public static let figureSource = Self("figure_source")
    /// "Note: {note}", under a figure.
    public static let figureNote = Self("figure_note")
    /// The link to a figure's data as CSV.
    public static let downloadData = Self("download_data")
    /// The link to the whole data file a figure is made from, beside the figure's own CSV.
    public static let downloadSource = Self("download_source")
    /// The link to a chart as a stand-alone SVG image.
    public static let downloadSVG = Self("download_svg")
    /// The header of a `group` table's `count` column, `{label}` its column's label.
    public static let groupCount = Self("group_count")
    /// The summary of the `<details>` holding a chart's numbers.
    public static let chartData = Self("chart_data")
    /// The accessible name of one small chart of a faceted figure: "{caption}: {facet}".
    public static let chartFacetTitle = Self("chart_facet_title")
    /// The label of a totals row or a donut's centre.
    public static let total = Self("total")
    /// What a screen reader says for a table cell without a value (shown as a dash).
    public static let missingValue = Self("missing_value")
    /// What an empty chart says.
    public static let noData = Self("no_data")
    /// The home page's entry in the navigation.
    public static let home = Self("home")
    /// The whole-report page's title.
    public static let wholeReport = Self("whole_report")
    /// The message of `CITATION.cff` ("If you use this report, please cite it as below.").
    public static let citeCFFMessage = Self("cite_cff_message")
    /// "Page {page} of {pages}", at the foot of printed pages.
    public static let pageNumber = Self("page_number")
    /// The heading of a page's bibliography and of the site-wide list; the words before the links
    /// back to citing pages; the link from a page's list to the site-wide one (`SiteCitations`).
    public static let references = Self("references")
    public static let citedOn = Self("cited_on")
    public static let allReferences = Self("all_references")
    /// Words of the formatted "Cite this" text (`CitationWords`).
    public static let citeAnd = Self("cite_and")
    public static let citeVersion = Self("cite_version")
    public static let citeLastModified = Self("cite_last_modified")
    public static let citeNoDate = Self("cite_no_date")
    public static let citeMonths = Self("cite_months")
    /// The BCP 47 tag whose number, percent and date conventions, and whose data labels, pages use
    /// (`en`, `zh-Hans`): read through `InterfaceStrings.numberLocale` and `labelLanguage`.
    public static let locale = Self("locale")
}
