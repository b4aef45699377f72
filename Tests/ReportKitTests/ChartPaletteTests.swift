import Testing
@testable import ReportKit

struct ChartPaletteTests {
    @Test func customPropertiesHaveFallbacks() {
        let properties = ChartRenderer.cssCustomProperties
        #expect(properties.map(\.name) == (1...8).map { "--chart-\($0)" } + ["--chart-text", "--chart-muted", "--chart-grid", "--chart-axis", "--chart-bg", "--chart-other"])
        #expect(properties.first?.fallback == "#0072B2")
        #expect(properties.allSatisfy { $0.fallback.hasPrefix("#") })
    }
}
