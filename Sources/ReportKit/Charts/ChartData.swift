import Foundation

/// A cleaned-up view of a `ChartModel`: one x position per index, every series as long as the
/// x positions, numbers that are not finite or beyond ±`ChartModel.valueLimit` turned into gaps.
/// Drawing code reads only this.
struct ChartData: Sendable {
    var model: ChartModel
    /// How many x positions (categories or x values) there are.
    var count: Int
    /// A label per x position: the category, or the x value formatted for its kind.
    var labels: [String]
    /// Numeric x per position (`linear`, `year`, `date`); `nil` for categories or a non-finite x.
    var xs: [Double?]
    var names: [String]
    /// `values[series][index]`, `nil` for a gap.
    var values: [[Double?]]
    /// Every value formatted with the model's format and the same decimals for all, `nil` for a gap.
    var valueTexts: [[String?]]

    init(_ model: ChartModel) {
        self.model = model
        let longest = model.series.map(\.values.count).max() ?? 0
        let numericX = model.xKind != .category && !model.xValues.isEmpty
        if numericX {
            count = model.xValues.count
            xs = model.xValues.map { Self.isDrawable($0) ? $0 : nil }
        } else {
            count = model.categories.isEmpty ? longest : model.categories.count
            xs = Array(repeating: nil, count: count)
        }
        let count = self.count
        var labels: [String] = []
        for i in 0..<count {
            if i < model.categories.count {
                labels.append(model.categories[i])
            } else if numericX, let x = xs[i] {
                labels.append(Self.formatX(x, kind: model.xKind, format: model.xFormat))
            } else {
                labels.append("")
            }
        }
        self.labels = labels
        names = model.series.map(\.name)
        values = model.series.map { series in
            (0..<count).map { i in
                guard i < series.values.count, let v = series.values[i], Self.isDrawable(v) else { return nil }
                return v
            }
        }
        var texts = model.valueFormat.labels(for: values.flatMap { $0.compactMap { $0 } }).makeIterator()
        valueTexts = values.map { series in series.map { $0 == nil ? nil : texts.next() } }
    }

    /// The paint of series `s`: the colour `colors:` names for it; else, with `highlight`, grey for a
    /// series not highlighted; else the next palette colour no named series took (highlighted
    /// series in their `highlight` order).
    func paint(_ s: Int) -> ChartPaint {
        guard s < names.count else { return .series(s) }
        return Self.paint(of: names[s], position: s, names: names, model: model)
    }

    /// Whether a one-series bar chart (or scatter plot) colours its bars (points) one by one:
    /// `highlight` or `colors:` name categories (`highlight: [China]` on a bar per country).
    var paintsCategories: Bool {
        guard values.count == 1, ChartModel.categoryPaintKinds.contains(model.kind) else { return false }
        let categories = Set(labels)
        return model.highlight.contains(where: categories.contains) || model.colors.keys.contains(where: categories.contains)
    }

    /// The paint of bar (point) `i` of series `s`: the category's own when `paintsCategories`, else the series'.
    func barPaint(series s: Int, index i: Int) -> ChartPaint {
        guard paintsCategories, i < labels.count else { return paint(s) }
        return Self.paint(of: labels[i], position: i, names: labels, model: model)
    }

    /// The paint of the item called `name` at `position` among `names` (series, or categories).
    static func paint(of name: String, position: Int, names: [String], model: ChartModel) -> ChartPaint {
        if let index = model.colors[name] { return .series(index) }
        if !model.highlight.isEmpty && !model.highlight.contains(name) { return .other }
        guard !model.colors.isEmpty || !model.highlight.isEmpty else { return .series(position) }
        // The free colours, handed out in highlight order, then in drawing order.
        let taken = Set(model.colors.values)
        let free = (0..<ChartPaint.paletteSize).filter { !taken.contains($0) }
        let coloured = model.highlight.isEmpty ? names : model.highlight
        let uncoloured = coloured.filter { model.colors[$0] == nil }
        guard let rank = uncoloured.firstIndex(of: name), !free.isEmpty else { return .series(position) }
        return .series(free[rank % free.count])
    }

    /// Series indices in drawing order: grey ones first, so highlighted ones lie on top.
    var drawOrder: [Int] {
        let all = Array(values.indices)
        guard !model.highlight.isEmpty else { return all }
        return all.filter { paint($0) == .other } + all.filter { paint($0) != .other }
    }

    /// Whether a chart can draw `value`: finite and within ±`ChartModel.valueLimit`.
    static func isDrawable(_ value: Double) -> Bool {
        abs(value) <= ChartModel.valueLimit
    }

    /// Every value present, in series order.
    var allValues: [Double] { values.flatMap { $0.compactMap { $0 } } }

    /// Whether there is nothing to draw.
    var isEmpty: Bool { count == 0 || allValues.isEmpty }

    /// An x value as a label: years as plain integers, dates as ISO `yyyy-mm-dd`.
    static func formatX(_ x: Double, kind: ChartModel.XKind, format: NumberFormat) -> String {
        switch kind {
        case .year:
            return format.locale.yearText(x.wholeNumberText)
        case .date:
            return format.locale.dateText(isoDate(daysSince1970: x))
        case .linear, .category:
            return format.labels(for: [x])[0]
        }
    }

    /// Days from 1970-01-01 as a whole number within ±100 million days (about ±270,000 years, far
    /// beyond the four-digit years of `date` columns), so calendar arithmetic cannot overflow.
    static func wholeDays(_ days: Double) -> Int {
        days.rounded(.down).clampedInt(-100_000_000...100_000_000)
    }

    /// `yyyy-mm-dd` for a count of days since 1970-01-01 (proleptic Gregorian, UTC).
    static func isoDate(daysSince1970 days: Double) -> String {
        let (y, m, d) = civil(fromDays: wholeDays(days))
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// Howard Hinnant's `civil_from_days`.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
