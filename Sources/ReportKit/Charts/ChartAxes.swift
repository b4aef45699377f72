/// How a chart's axes map values, beyond what the data says: a range the x axis spans at least
/// (`x-domain`) and logarithmic scales (`scale: log` for the value axis, `x-scale: log` for a
/// scatter plot's x axis). A log axis takes positive values only; the directive stage refuses the rest.
public struct ChartAxes: Sendable, Hashable {
    /// A range the x axis spans at least (numeric x: years, dates, numbers); values outside it still show.
    public var xDomain: ClosedRange<Double>?
    /// The value (y) axis is logarithmic.
    public var yLog = false
    /// The x axis is logarithmic (scatter plots).
    public var xLog = false

    public init(xDomain: ClosedRange<Double>? = nil, yLog: Bool = false, xLog: Bool = false) {
        self.xDomain = xDomain
        self.yLog = yLog
        self.xLog = xLog
    }

    /// Chart kinds that can draw a logarithmic value axis: lines and points. Bars and areas show
    /// amounts by their length from zero, which a log axis has not got; pies have no axis.
    public static let logKinds: Set<ChartModel.Kind> = [.line, .scatter]
}
