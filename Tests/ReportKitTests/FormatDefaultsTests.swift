import Testing
@testable import ReportKit

/// Number formats settled per column in NAME.yml (format, currency), numbers printed without
/// float noise, and year axes without thousands separators.
struct FormatDefaultsTests {
    let location = SourceLocation(file: "content/page.md", line: 10, column: 1)

    func renderer() throws -> DirectiveRenderer {
        DirectiveRenderer(catalog: try DataFixtures.catalog("data/gdp-sample.csv", "data/temperature.csv", "data/balances.csv"),
                          strings: .english)
    }

    func render(_ kind: DirectiveBlock.Kind, _ yaml: String) throws -> String {
        try renderer().render(DirectiveBlock(kind: kind, yaml: yaml, location: location, rootPrefix: "../"), numberToken: "N").html
    }

    func error(_ kind: DirectiveBlock.Kind, _ yaml: String) throws -> String {
        let renderer = try renderer()
        do {
            _ = try renderer.render(DirectiveBlock(kind: kind, yaml: yaml, location: location, rootPrefix: "../"), numberToken: "N")
            return "no error"
        } catch {
            return error.description
        }
    }

    /// The numeric cells of a rendered table.
    func cells(_ html: String) -> [String] {
        html.components(separatedBy: "<td class=\"num\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func columnFormatAndCurrencyFromTheYml() throws {
        let html = try render(.table, """
            id: gdp
            data: data/gdp-sample.csv
            columns: ["Country Name", Value]
            filter: Year = 2023 and Country Code not in aggregates
            caption: GDP
            """)
        #expect(cells(html) == ["$27.4T", "$17.8T"])
        #expect(html.contains("<th scope=\"col\" class=\"num\">GDP</th>"))
    }

    @Test func currencyMeansTheDataCurrencyAndNoFloatNoise() throws {
        // Was "¥27,360,935,000,000.0000000000": yuan, and ten decimals the CSV does not have.
        let html = try render(.table, """
            id: gdp
            data: data/gdp-sample.csv
            columns: ["Country Name", {column: Value, format: currency}]
            filter: Year = 2023 and Country Code = USA
            caption: GDP
            """)
        #expect(cells(html) == ["$27,360,935,000,000.0"])
        let written = try render(.table, """
            id: gdp
            data: data/gdp-sample.csv
            columns: ["Country Name", {column: Value, format: as-written}]
            filter: Country Code = CHN
            caption: GDP
            """)
        #expect(cells(written) == ["17,881,782,683,707.3", "17,794,782,039,552.0"])
    }

    @Test func currencyWithoutACodeIsAnError() throws {
        #expect(try error(.chart, """
            id: b
            type: bar
            data: data/balances.csv
            x: year
            y: balance
            format: currency
            caption: B
            """) == """
            content/page.md:15:9: error[RG0216]: format 'currency' needs a currency, and data/balances.csv's yml names none
            hint: \(NumberFormat.missingCurrencyHint)
            """)
        #expect(DataFixtures.errors("data/no-currency.csv") == """
            content/data/no-currency.yml:2:3: error[RG0216]: column 'price' has format 'currency' but content/data/no-currency.yml names no currency
            hint: \(NumberFormat.missingCurrencyHint)
            """)
        #expect(DataFixtures.errors("data/bad-currency.csv") == """
            content/data/bad-currency.yml:1:11: error[RG0215]: currency must be an ISO 4217 code such as USD, EUR or CNY, found 'dollars'
            hint: write the three capital letters of the currency, e.g. currency: USD
            content/data/bad-currency.yml:3:19: error[RG0306]: unknown format '$.2q' for column 'price'
            hint: \(NumberFormat.unknownHint("$.2q"))
            """)
    }

    @Test func yearAxisOfAScatterHasNoSeparatorsAndAShortDomain() throws {
        let model = try renderer().chartModel(for: DirectiveBlock(kind: .chart, yaml: """
            id: t
            type: scatter
            data: data/temperature.csv
            x: year
            y: anomaly
            caption: Temperature
            """, location: location, rootPrefix: "../"))
        let svg = ChartRenderer.svg(for: model)
        let xLabels = svg.components(separatedBy: "<g class=\"axis axis-x\"").last!.components(separatedBy: "</g>")[0]
            .components(separatedBy: ">").compactMap { part -> Double? in
                let text = part.prefix { $0 != "<" }
                return text.isEmpty ? nil : Double(text)
            }
        #expect(!svg.contains("1,8") && !svg.contains("2,0"))
        #expect(xLabels.count >= 3)
        let step = xLabels[1] - xLabels[0]
        #expect(xLabels.first! > 1850 - step && xLabels.last! < 2024 + step, "\(xLabels)")
    }
}
