/// The colours a chart paints with, each a CSS custom property with a fallback, so the theme can
/// restyle charts for dark mode and print.
///
/// Series colours are Okabe–Ito (colour-blind safe), ordered so that neighbours contrast and the
/// light yellow comes late: `--chart-1` … `--chart-8`.
enum ChartPaint: Sendable, Hashable {
    /// Series colour `index` (0-based), cycling through eight.
    case series(Int)
    /// Labels, values and titles: `--chart-text`.
    case text
    /// Tick labels and secondary text: `--chart-muted`.
    case muted
    /// Gridlines: `--chart-grid`.
    case grid
    /// Axis lines, ticks and leader lines: `--chart-axis`.
    case axis
    /// The page background, used to separate touching marks: `--chart-bg`.
    case background

    /// Okabe–Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black.
    static let seriesFallbacks = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]

    /// The CSS custom property names, in the order the theme should define them.
    static let customProperties = (1...8).map { "--chart-\($0)" } + ["--chart-text", "--chart-muted", "--chart-grid", "--chart-axis", "--chart-bg"]

    /// The paint as a CSS value, e.g. `var(--chart-1,#0072B2)`.
    var css: String {
        switch self {
        case let .series(index):
            let i = ((index % 8) + 8) % 8
            return "var(--chart-\(i + 1),\(Self.seriesFallbacks[i]))"
        case .text: return "var(--chart-text,#222)"
        case .muted: return "var(--chart-muted,#666)"
        case .grid: return "var(--chart-grid,#ddd)"
        case .axis: return "var(--chart-axis,#888)"
        case .background: return "var(--chart-bg,#fff)"
        }
    }
}
