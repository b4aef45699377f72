import Testing
@testable import ReportKit

struct NumberFormatTests {
    @Test func parsesNames() {
        #expect(NumberFormat(name: "number.1") == NumberFormat(.number, decimals: 1))
        #expect(NumberFormat(name: "integer") == NumberFormat(.number, decimals: 0))
        #expect(NumberFormat(name: "percent") == NumberFormat(.percent))
        #expect(NumberFormat(name: "currency:$.2") == NumberFormat(.currency("$"), decimals: 2))
        #expect(NumberFormat(name: "currency") == NumberFormat(.currency(nil)))
        #expect(NumberFormat(name: "$.3s") == NumberFormat(.pattern(D3Format("$.3s")!)))
        #expect(NumberFormat(name: "bogus") == nil)
    }

    @Test func thousandsSeparatorsAndTrueMinus() {
        #expect(NumberFormat().format(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(NumberFormat().format(-1200) == "−1,200")
        #expect(NumberFormat().format(-0.0001, decimals: 2) == "0.00")
        #expect(NumberFormat(.currency("¥")).format(-1200) == "−¥1,200")
        #expect(NumberFormat().format(.nan) == "–")
    }

    @Test func percentTickDecimalsComeFromTheStep() {
        let percent = NumberFormat(.percent, decimals: 1)
        #expect(percent.tickLabels(for: [0, 10, 20, 30]) == ["0%", "10%", "20%", "30%"])
        #expect(percent.tickLabels(for: [1, 1.5, 2]) == ["1.0%", "1.5%", "2.0%"])
        #expect(percent.tickLabels(for: [-20, 0, 20]) == ["−20%", "0%", "20%"])
    }

    @Test func compactTicksShareOneSuffix() {
        let compact = NumberFormat(.compact)
        #expect(compact.tickLabels(for: [0, 500_000, 1_000_000, 1_500_000]) == ["0", "0.5M", "1.0M", "1.5M"])
        #expect(compact.tickLabels(for: [0, 1e9, 2e9]) == ["0", "1B", "2B"])
        #expect(compact.tickLabels(for: [0, 2_000, 4_000]) == ["0", "2k", "4k"])
        #expect(compact.format(3_400_000) == "3.4M")
        #expect(compact.format(5.6e9) == "5.6B")
    }

    /// The unit is chosen after rounding: a value that rounds up to a thousand of one unit is one of the next.
    @Test func compactNumbersRoundIntoTheNextUnit() {
        let compact = NumberFormat(.compact)
        #expect(compact.format(999_950) == "1.0M")
        #expect(compact.format(-999_950) == "−1.0M")
        #expect(compact.format(999_940) == "999.9k")
        #expect(compact.format(999.7) == "1.0k")
        #expect(compact.format(999.4) == "999")
        #expect(compact.format(999_999_999_999_999) == "1,000.0T")
        #expect(NumberFormat(.compact, decimals: 2).format(999_995) == "1.00M")
        #expect(compact.labels(for: [999_950, 2_500]) == ["1.0M", "2.5k"])
        #expect(compact.labels(for: [999_940]) == ["999.9k"])
    }

    @Test func valueLabelsShareDecimals() {
        #expect(NumberFormat().labels(for: [1, 2.5, 3]) == ["1.0", "2.5", "3.0"])
        #expect(NumberFormat(.number, decimals: 2).labels(for: [1, 2.5]) == ["1.00", "2.50"])
        #expect(NumberFormat(.compact).labels(for: [1_234_567, 3_000_000, 950]) == ["1.2M", "3M", "950"])
        #expect(NumberFormat.naturalDecimals(of: [0.1, 0.25]) == 2)
        #expect(NumberFormat.naturalDecimals(of: [0.1 + 0.2]) == 1)
    }
}
