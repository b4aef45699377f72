import Foundation
import Testing
@testable import ReportKit

/// Log ticks, and the rule every value axis keeps: the domain is nice (it ends on ticks) but never
/// reaches more than one tick step beyond the data, whatever the chart's size.
struct AxisDomainTests {
    @Test func logTicksUseOneTwoFiveWithinFewDecades() throws {
        let result = try #require(LogTicks.ticks(3, 870, count: 10))
        #expect(result.ticks == [2, 5, 10, 20, 50, 100, 200, 500, 1000])
        #expect(result.domain == (2, 1000))
    }

    @Test func logTicksUsePowersOfTenOverManyDecades() throws {
        let result = try #require(LogTicks.ticks(1.2e9, 2.7e13, count: 6))
        #expect(result.ticks == [1e9, 1e10, 1e11, 1e12, 1e13, 1e14])
        let sparse = try #require(LogTicks.ticks(1, 1e12, count: 5))
        #expect(sparse.ticks == [1, 1e3, 1e6, 1e9, 1e12])
    }

    @Test func logTicksBelowOneAreExactDecimals() throws {
        let result = try #require(LogTicks.ticks(0.02, 0.45, count: 8))
        #expect(result.ticks == [0.02, 0.05, 0.1, 0.2, 0.5])
        #expect(NumberFormat(.number).tickLabels(for: [result.ticks[0]]) == ["0.02"])
    }

    @Test func logTicksAroundOneValueAndRefuseNonPositive() throws {
        let one = try #require(LogTicks.ticks(100, 100, count: 5))
        #expect(one.domain.0 < 100 && one.domain.1 > 100)
        #expect(LogTicks.ticks(0, 10, count: 5) == nil)
        #expect(LogTicks.ticks(-5, 10, count: 5) == nil)
        #expect(LogTicks.ticks(1, .infinity, count: 5) == nil)
    }

    @Test func logDomainIsAtMostOneStepBeyondTheData() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let a = pow(10, Double.random(in: -6...14, using: &generator))
            let b = a * pow(10, Double.random(in: 0...12, using: &generator))
            let count = Int.random(in: 2...12, using: &generator)
            let result = try #require(LogTicks.ticks(a, b, count: count))
            let ticks = result.ticks
            #expect(ticks.first! <= a && ticks.last! >= b, "\(a) \(b) \(count)")
            if ticks.count > 1 {
                #expect(ticks[1] > a && ticks[ticks.count - 2] < b, "\(a) \(b) \(count): \(ticks)")
            }
            // At most `count` ticks, or three when the range spans decades no two ticks can cover.
            #expect(ticks.count <= max(3, count), "\(a) \(b) \(count): \(ticks)")
        }
    }

    @Test func logScaleMapsRatiosToEqualDistances() {
        let scale = LinearScale(domain: (1, 1000), range: (300, 0), log: true)
        #expect(abs(scale(10) - 200) < 1e-9 && abs(scale(100) - 100) < 1e-9)
        #expect(scale(0).isFinite && scale(-1).isFinite)
    }

    /// What the bar, line and scatter code asks for, over many data ranges and plot sizes (the
    /// phone drawing asks for fewer ticks than the wide one).
    @Test(arguments: [ChartModel.Kind.bar, .horizontalBar, .line, .scatter])
    func valueAxisEndsWithinOneStepOfTheData(kind: ChartModel.Kind) {
        let zero = kind == .bar || kind == .horizontalBar
        for high in stride(from: 1.0, through: 400, by: 3) {
            for low in [0.0, high / 3, -high / 2] {
                let model = ChartModel(kind: kind, id: "d", title: "Domain", categories: ["a", "b"],
                                       series: [.init(name: "s", values: [low, high])])
                let canvas = ChartCanvas(data: ChartData(model))
                for pixels in stride(from: 60.0, through: 600, by: 45) {
                    let axis = canvas.valueTicks(domain: canvas.valueDomain([low, high], zero: zero, count: 5),
                                                 pixels: pixels, spacing: 50, horizontal: kind == .horizontalBar)
                    guard axis.ticks.count > 1 else { continue }
                    let step = axis.ticks[1] - axis.ticks[0]
                    let shownLow = zero ? min(low, 0) : low, shownHigh = zero ? max(high, 0) : high
                    #expect(axis.domain.1 >= shownHigh && axis.domain.1 - shownHigh < step + 1e-9,
                            "\(kind) [\(low), \(high)] at \(pixels) px: domain \(axis.domain), step \(step)")
                    #expect(axis.domain.0 <= shownLow && shownLow - axis.domain.0 < step + 1e-9,
                            "\(kind) [\(low), \(high)] at \(pixels) px: domain \(axis.domain), step \(step)")
                }
            }
        }
    }

    @Test func xDomainAndRulesWidenTheAxes() {
        var model = ChartModel(kind: .line, id: "x", title: "X domain", xKind: .year, xValues: [2000, 2010],
                               series: [.init(name: "s", values: [5, 8])])
        model.axes.xDomain = 1990...2030
        model.annotations = [.rule(axis: .y, value: 20, label: nil), .rule(axis: .x, value: 2040, label: nil)]
        let canvas = ChartCanvas(data: ChartData(model))
        #expect(canvas.xAxisExtras == [1990, 2030, 2040])
        #expect(canvas.valueDomain([5, 8], zero: false, count: 5) == (5, 20))
    }
}
