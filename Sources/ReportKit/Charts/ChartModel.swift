/// Everything the chart engine needs to draw one chart: already-resolved categories and series.
///
/// The directive stage turns a `chart` spec plus a `DataTable` into a `ChartModel`;
/// `ChartRenderer` turns a `ChartModel` into inline SVG. Neither side sees the other's input.
public struct ChartModel: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case bar
        case horizontalBar = "hbar"
        case groupedBar = "grouped-bar"
        case stackedBar = "stacked-bar"
        case line
        case area
        case pie
        case donut
        case scatter
    }

    /// Kinds whose one series can be coloured bar by bar or point by point (`highlight` or `colors:`
    /// naming categories: the bars, or a scatter plot's labelled points).
    public static let categoryPaintKinds: Set<Kind> = [.bar, .horizontalBar, .scatter]

    /// How the x values are to be read.
    public enum XKind: String, Sendable, Hashable {
        /// Discrete labels in `categories`, in the given order.
        case category
        /// Numbers in `xValues` on a linear scale (scatter).
        case linear
        /// Years in `xValues` (line/area over time; ticks never show decimals or separators).
        case year
        /// Dates as days since 1970-01-01 in `xValues`.
        case date
    }

    /// One named series of values, aligned with `categories` (or `xValues`). `nil` is a gap, and
    /// so is a value that is not finite or beyond ±`valueLimit`.
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Double?]
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// The largest magnitude a chart draws: 10^15, a thousand trillion. Beyond it axis labels run
    /// past twenty digits and sums of values lose whole-number precision; the chart's arithmetic
    /// (stacked totals, scales, coordinates) stays far from overflowing. `ChartRenderer` draws larger
    /// or non-finite values as gaps; the directive stage reports them before they get here.
    public static let valueLimit = 1e15

    public var kind: Kind
    /// Unique on the page; the SVG's element ids (title, desc) derive from it.
    public var id: String
    /// Short accessible name of the chart (the caption without its number).
    public var title: String
    public var xKind: XKind
    /// Category labels (bar charts, pie slices, line charts over named periods).
    public var categories: [String]
    /// Numeric x positions for `linear`, `year` and `date` axes; same count as each series' values.
    public var xValues: [Double]
    public var series: [Series]
    public var xTitle: String?
    public var yTitle: String?
    /// How values (y axis, value labels, tooltips, the data table) print.
    public var valueFormat: NumberFormat
    /// How numeric x values print (scatter); years print as plain integers regardless.
    public var xFormat: NumberFormat
    /// A range the value axis spans at least (`y-domain: [0, 30]`); values outside it still show.
    public var yDomain: ClosedRange<Double>?
    /// Names of series drawn in colour (in this order) over the others in grey; empty colours every series.
    public var highlight: [String] = []
    /// `x-domain`, `scale: log` and `x-scale: log` (`ChartAxes.swift`).
    public var axes = ChartAxes()
    /// Palette colour (0-based index) per series, or per category of a one-series bar chart (`colors:`).
    public var colors: [String: Int] = [:]
    /// Reference lines (`rule:`) and notes (`note:`), drawn over the marks (`ChartAnnotation.swift`).
    public var annotations: [ChartAnnotation] = []
    /// The words the chart shows or says (its description, "Total", "No data"): the theme's.
    public var strings: InterfaceStrings = .english

    public init(kind: Kind, id: String, title: String, xKind: XKind = .category, categories: [String] = [],
                xValues: [Double] = [], series: [Series], xTitle: String? = nil, yTitle: String? = nil,
                valueFormat: NumberFormat = NumberFormat(), xFormat: NumberFormat = NumberFormat()) {
        self.kind = kind
        self.id = id
        self.title = title
        self.xKind = xKind
        self.categories = categories
        self.xValues = xValues
        self.series = series
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.valueFormat = valueFormat
        self.xFormat = xFormat
    }
}
