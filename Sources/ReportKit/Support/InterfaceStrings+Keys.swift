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
