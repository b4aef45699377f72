import Foundation
import Testing
@testable import ReportKit

/// A chart's fallback colours (used where the page's CSS is missing) are the default theme's.
struct ChartPaintTests {
    @Test func fallbackColoursAreTheThemesLightPalette() throws {
        let css = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../themes/default/assets/style.css").standardized, encoding: .utf8)
        // The first declaration of each `--chart-N` is the light palette in `:root`.
        let themeColours = (1...ChartPaint.paletteSize).map { n -> String in
            guard let range = css.range(of: "--chart-\(n): ") else { return "" }
            return String(css[range.upperBound...].prefix(7))
        }
        #expect(ChartPaint.seriesFallbacks.map { $0.lowercased() } == themeColours.map { $0.lowercased() })
    }
}
