/// The words of charts: the long description (`<desc>`) read by screen readers, and the words drawn
/// in an SVG. `chartKeys` names every key chart code reads (its words are in `themes/default/theme.yml`;
/// `InterfaceStringsTests` checks each is defined). `{name}` placeholders are filled by
/// `ChartDescription`; `_one`/`_other` pairs are the singular and plural of a counted noun.
extension InterfaceStrings {
    static let chartKeys: [String] = [
        "chart_bar", "chart_hbar", "chart_grouped_bar", "chart_stacked_bar", "chart_line", "chart_area",
        "chart_pie", "chart_donut", "chart_scatter", "chart_empty", "chart_of_parts", "chart_over_points",
        "chart_of_points", "chart_of_points_in_series", "chart_of_categories", "chart_of_categories_and_series", "chart_values", "chart_largest",
        "chart_smallest", "chart_share", "chart_every_value", "chart_highest", "chart_lowest", "chart_largest_total",
        "chart_x_range", "chart_x_axis", "chart_rose", "chart_fell", "chart_stayed", "chart_the_value",
        "chart_series_at", "chart_sentence_end", "chart_sentence_separator", "count_part_one", "count_part_other", "count_point_one",
        "count_point_other", "count_series_one", "count_series_other", "count_category_one", "count_category_other",
        "chart_log_scale", "chart_x_log_scale", "chart_rule", "chart_rule_labelled", "chart_note", "chart_note_period",
        "chart_highlighted", "chart_list_separator",
    ]

    /// "3 points" / "1 point": the `count_NOUN_one` or `count_NOUN_other` string with `{n}` filled.
    public func count(_ n: Int, _ noun: String) -> String {
        Self.fill(self[Key("count_\(noun)_\(n == 1 ? "one" : "other")")], ["n": String(n)])
    }
}
