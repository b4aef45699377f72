/// The built-in English words of charts: the long description (`<desc>`) read by screen readers,
/// and the words drawn in an SVG. `{name}` placeholders are filled by `ChartDescription`;
/// `_one`/`_other` pairs are the singular and plural of a counted noun.
extension InterfaceStrings {
    static let chartEnglishTable: [String: String] = [
        "chart_bar": "Bar chart", "chart_hbar": "Horizontal bar chart", "chart_grouped_bar": "Grouped bar chart",
        "chart_stacked_bar": "Stacked bar chart", "chart_line": "Line chart", "chart_area": "Area chart",
        "chart_pie": "Pie chart", "chart_donut": "Donut chart", "chart_scatter": "Scatter plot",
        "chart_empty": "{chart} with no data",
        "chart_of_parts": "{chart} of {parts} of a total of {total}",
        "chart_over_points": "{chart} of {series} over {points}, {first} to {last}",
        "chart_of_points": "{chart} of {points}", "chart_of_points_in_series": "{chart} of {points} in {series}",
        "chart_of_categories": "{chart} of {categories}", "chart_of_categories_and_series": "{chart} of {categories} and {series}",
        "chart_values": "Values: {title}",
        "chart_largest": "Largest: {label}, {value}", "chart_smallest": "Smallest: {label}, {value}",
        "chart_share": "{value} ({share})",
        "chart_every_value": "Every value is {value}",
        "chart_highest": "Highest: {label}, {value}", "chart_lowest": "Lowest: {label}, {value}",
        "chart_largest_total": "Largest total: {label}, {value}",
        "chart_x_range": "{axis} ranges from {from} to {to}", "chart_x_axis": "x",
        "chart_rose": "{series} rose from {from} ({first}) to {to} ({last})",
        "chart_fell": "{series} fell from {from} ({first}) to {to} ({last})",
        "chart_stayed": "{series} stayed at {value}", "chart_the_value": "The value",
        "chart_series_at": "{series}, {label}",
        "chart_sentence_end": ".", "chart_sentence_separator": ". ",
        "count_part_one": "1 part", "count_part_other": "{n} parts",
        "count_point_one": "1 point", "count_point_other": "{n} points",
        "count_series_one": "1 series", "count_series_other": "{n} series",
        "count_category_one": "1 category", "count_category_other": "{n} categories",
    ]

    /// "3 points" / "1 point": the `count_NOUN_one` or `count_NOUN_other` string with `{n}` filled.
    public func count(_ n: Int, _ noun: String) -> String {
        Self.fill(self[Key("count_\(noun)_\(n == 1 ? "one" : "other")")], ["n": String(n)])
    }
}
