/// The built-in English interface strings, and the keys Swift code reads.
///
/// This table is the fallback for a theme that leaves a key out; `themes/default/theme.yml` holds
/// the same strings (`InterfaceStringsTests` fails when they differ), and that file is the one to
/// copy when translating a theme.
extension InterfaceStrings {
    static let englishTable: [String: String] = [
        // Page layout (read by the templates).
        "contents": "Contents", "on_this_page": "On this page", "next": "Next", "previous": "Previous",
        "pages": "Previous and next page", "skip": "Skip to content", "sections": "Sections",
        "in_this_section": "In this section", "menu": "Menu", "home": "Home",
        "search": "Search", "search_placeholder": "Search the report", "no_results": "No results",
        "search_results": "{n} results", "search_one_result": "1 result",
        "whole_report": "Whole report on one page", "whole_report_short": "Whole report",
        "standalone_report": "Whole report as one file (for e-mail or archive)",
        "built_with": "Built with reportgen",
        // Figures and tables (read by Swift code through the keys below).
        "figure_label": "Figure {n}", "table_label": "Table {n}",
        "figure_source": "Source: {source}", "figure_note": "Note: {note}",
        "download_data": "Download the data (CSV)", "chart_data": "Data for this chart",
        "total": "Total", "no_data": "No data", "missing_value": "no data",
    ]
}

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
    /// The summary of the `<details>` holding a chart's numbers.
    public static let chartData = Self("chart_data")
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
}
