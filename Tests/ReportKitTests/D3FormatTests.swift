import Testing
@testable import ReportKit

/// d3-format parity: the examples of d3-format's documentation, and the issue's own cases.
struct D3FormatTests {
    func d3(_ specifier: String, _ value: Double, currency: D3Format.Currency = .dollar) -> String {
        guard let format = D3Format(specifier) else { return "not a specifier" }
        return format.format(value, currency: currency)
    }

    @Test func documentedExamples() {
        // From d3-format's README (en-US locale; its "(£3.50)" example is en-GB).
        let cases: [(String, Double, String)] = [
            (".0%", 0.123, "12%"),
            ("($.2f", -3.5, "($3.50)"),
            ("+20", 42, "                 +42"),
            (".^20", 42, ".........42........."),
            (".2s", 42e6, "42M"),
            ("#x", 48879, "0xbeef"),
            (",.2r", 4223, "4,200"),
            ("s", 1500, "1.50000k"),
            ("~s", 1500, "1.5k"),
            (".2", 42, "42"),
            (".2", 4.2, "4.2"),
            (".1", 42, "4e+1"),
            (".1", 4.2, "4"),
            (".1f", 0.1 * 3, "0.3"),
            ("04d", 2, "0002"),
            ("04d", 123, "0123"),
            (".2f", 1000, "1000.00"),
            (".2f", 5.248, "5.25"),
            (".1f", 42, "42.0"),
            (".3r", 0.99, "0.990"),
            (".2r", 1.0, "1.0"),
            (".2e", 0.01, "1.00e-2"),
            (".2e", 1.01, "1.01e+0"),
            ("$,.1f", 1234.56, "$1,234.6"),
            (",.0f", 1234567.8, "1,234,568"),
            (".1%", 0.1234, "12.3%"),
            (",", 1234567, "1,234,567"),
            ("", 0.1 + 0.2, "0.3"),
            ("d", -0.4, "0"),
            ("+.1f", 0, "+0.0"),
            (" .1f", 2, " 2.0"),
            ("010,.0f", -1234, "−00,001,234"),   // d3 groups the 10 characters after the sign
            ("<8d", 42, "42      "),
            ("=+8d", 42, "+     42"),
            ("#b", 5, "0b101"),
            ("X", 255, "FF"),
            (".3p", 0.12345, "12.3%"),
            ("~e", 1500, "1.5e+3"),
            ("n", 1234567.89, "1.23457e+6"),
        ]
        for (specifier, value, expected) in cases {
            #expect(d3(specifier, value) == expected, "d3.format(\"\(specifier)\")(\(value))")
        }
    }

    @Test func currencyInTrillionsAndTheBillionPrefix() {
        #expect(d3("$.3s", 27_360_935_000_000) == "$27.4T")
        #expect(d3("$.3~s", 17_794_782_039_552) == "$17.8T")
        #expect(d3(".2s", 5.6e9) == "5.6B")
        #expect(d3("$.3s", 27_360_935_000_000, currency: CurrencyCode.currency(for: "EUR")) == "€27.4T")
        #expect(d3("$,.0f", -1200, currency: CurrencyCode.currency(for: "CHF")) == "−CHF 1,200")
    }

    @Test func roundsFromTheDecimalText() {
        // JavaScript's toFixed gives "1.00" from the binary value 1.00499999…
        #expect(d3(".2f", 1.005) == "1.01")
        #expect(d3(",.0f", 27_360_935_000_000.0) == "27,360,935,000,000")
        #expect(DecimalText(27_360_935_000_000.0).fixed(10) == "27360935000000.0000000000")
        #expect(DecimalText(0.1 + 0.2).fixed(20) == "0.30000000000000004000")
        #expect(DecimalText(9.995).fixed(2) == "10.00")
        #expect(DecimalText(0.0004).fixed(3) == "0.000")
        #expect(DecimalText(0.0005).fixed(3) == "0.001")
        #expect(DecimalText(1e21).fixed(0) == "1000000000000000000000")
    }

    @Test func tickLabelsShareOnePrefixAndTheStepsDecimals() {
        func ticks(_ specifier: String, _ values: [Double]) -> [String] {
            D3Format(specifier)!.tickLabels(values, currency: .dollar, percentPoints: false)
        }
        // Formatted one by one, "$.3s" gives $0.00, $5.00T, $10.0T.
        #expect(ticks("$.3s", [0, 5e12, 10e12, 15e12]) == ["$0", "$5T", "$10T", "$15T"])
        #expect(ticks("$.3s", [0, 2.5e12, 5e12]) == ["$0", "$2.5T", "$5.0T"])
        #expect(ticks("($.2s", [-5e9, 0, 5e9]) == ["($5B)", "$0", "$5B"])
        #expect(ticks(".1%", [0, 0.05, 0.1]) == ["0%", "5%", "10%"])
        #expect(ticks(",.2f", [0, 500, 1000]) == ["0", "500", "1,000"])
        #expect(ticks(".2e", [0, 1000]) == ["0.00e+0", "1.00e+3"])
    }

    @Test func refusesWhatIsNotASpecifier() {
        for bad in ["number.x", "$$", ".f", "q", ",.2fz", "currency:"] {
            #expect(D3Format(bad) == nil, "\(bad)")
        }
    }
}
