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
    /// Series left grey when others are highlighted: `--chart-other`.
    case other

    /// Okabe–Ito in the default theme's order (`--chart-1` … `--chart-8` of `style.css`, light):
    /// blue, orange, bluish green, reddish purple, sky blue, vermillion, a darkened yellow, near-black.
    /// What a chart shows where the page's CSS is missing (a feed reader), so `colors:` names mean
    /// the same colour there (`ChartPaintTests` compares them with the CSS).
    static let seriesFallbacks = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#B8A300", "#3d4451"]

    /// How many series colours the palette has.
    static let paletteSize = 8

    /// The names `colors:` gives the palette's colours, in palette order, as the default theme
    /// draws them in light and dark mode (`--chart-1` … `--chart-8` in `style.css`).
    public static let colourNames = ["blue", "orange", "green", "pink", "sky", "red", "yellow", "black"]

    /// Every paint, in the order the theme should define their custom properties.
    static let all: [ChartPaint] = (0..<8).map { .series($0) } + [.text, .muted, .grid, .axis, .background, .other]

    /// The custom property name and its fallback colour, split out of `css`.
    var customProperty: (name: String, fallback: String) {
        let inner = css.dropFirst("var(".count).dropLast()
        let parts = inner.split(separator: ",", maxSplits: 1)
        return (String(parts[0]), String(parts[1]))
    }

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
        case .other: return "var(--chart-other,#b8bec6)"
        }
    }
}
