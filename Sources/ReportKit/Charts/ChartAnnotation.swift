/// Something drawn over a chart's marks to point the reader at a value or a time.
public enum ChartAnnotation: Sendable, Hashable {
    /// Which axis a rule's value is on.
    public enum Axis: String, Sendable, Hashable {
        case x, y
    }

    /// A reference line across the plot at `value` on `axis` (`rule: {y: 0, label: Break-even}`),
    /// with an optional label at its end.
    case rule(axis: Axis, value: Double, label: String?)
    /// A note at one x position (`note: {x: 2008, text: Financial crisis}`), or over a period when
    /// `to` is given (`note: {x: [2008, 2009], text: …}`): a thin line or a shaded band and the text
    /// at the top of the plot. On a category axis `x` names categories by their position.
    case note(from: Double, to: Double?, text: String)

    /// The rule's or note's words, for layout and for the description.
    public var text: String? {
        switch self {
        case let .rule(_, _, label): return label
        case let .note(_, _, text): return text
        }
    }
}
