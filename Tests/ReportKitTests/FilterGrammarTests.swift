import Testing
@testable import ReportKit

/// The `filter:` expression grammar: precedence, lists, keywords, quoting and errors at the token.
struct FilterGrammarTests {
    let location = SourceLocation(file: "content/page.md", line: 12, column: 9)

    /// A long table shaped like the World Bank GDP file.
    func gdp() -> DataTable {
        let rows: [(String, String, Double, Double)] = [
            ("United States", "USA", 2022, 25.7), ("United States", "USA", 2023, 27.4),
            ("China", "CHN", 2022, 17.9), ("China", "CHN", 2023, 17.8),
            ("Arab World", "ARB", 2023, 3.5), ("World", "WLD", 2023, 105.4),
            ("Or Land", "ORL", 2023, 0.1),
        ]
        var table = DataTable(path: "data/gdp.csv", columns: [
            DataColumn(name: "Country Name", type: .text), DataColumn(name: "Country Code", type: .text),
            DataColumn(name: "Year", type: .year), DataColumn(name: "Value", type: .number),
        ], rows: rows.map { [.text($0.0), .text($0.1), .number($0.2, decimals: 0), .number($0.3, decimals: 1)] })
        table.lists = ["aggregates": ["ARB", "WLD"], "years": ["2023", "twenty"]]
        return table
    }

    func codes(_ filter: String) throws -> [String] {
        let table = gdp()
        let query = RowQuery(filters: [try RowFilter(filter, table: table, location: location)])
        return query.apply(to: table).rows.map { "\($0[1].text) \($0[2].text)" }
    }

    func message(_ filter: String) -> String {
        do {
            _ = try RowFilter(filter, table: gdp(), location: location)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func orBetweenConditionsOnAColumnWithSpaces() throws {
        // Once read as the value "USA or Country Code = CHN".
        #expect(try codes("Country Code = USA or Country Code = CHN") == ["USA 2022", "USA 2023", "CHN 2022", "CHN 2023"])
        #expect(try codes("\"Country Code\" = 'CHN' and Year == 2023") == ["CHN 2023"])
    }

    @Test func andBindsTighterThanOrAndParenthesesRegroup() throws {
        #expect(try codes("Country Code = USA or Country Code = CHN and Year = 2023") == ["USA 2022", "USA 2023", "CHN 2023"])
        #expect(try codes("(Country Code = USA or Country Code = CHN) and Year = 2023") == ["USA 2023", "CHN 2023"])
        #expect(try codes("not Year = 2023 and Value > 20") == ["USA 2022"])
        #expect(try codes("not (Year = 2023 and Value > 20)") == ["USA 2022", "CHN 2022", "CHN 2023", "ARB 2023", "ORL 2023"])
    }

    @Test func inListsWrittenOrNamedInTheYml() throws {
        #expect(try codes("Country Code in [USA, CHN] and Year = 2023") == ["USA 2023", "CHN 2023"])
        #expect(try codes("Year = 2023 and Country Code not in aggregates") == ["USA 2023", "CHN 2023", "ORL 2023"])
        #expect(try codes("Country Name in [\"United States\", Or Land]") == ["USA 2022", "USA 2023", "ORL 2023"])
        #expect(try codes("Year in [2022.0]") == ["USA 2022", "CHN 2022"])
    }

    @Test func containsAndOtherSigns() throws {
        #expect(try codes("Country Name contains World") == ["ARB 2023", "WLD 2023"])
        #expect(try codes("Value <> 17.8 and Value <= 17.9") == ["CHN 2022", "ARB 2023", "ORL 2023"])
        #expect(try codes("Country Name = 'Or Land'") == ["ORL 2023"])
    }

    @Test func errorsPointAtTheToken() {
        #expect(message("Country Code = USA or Contry Code = CHN") == """
            content/page.md:12:31: error[RG0201]: unknown column 'Contry Code' in filter 'Country Code = USA or Contry Code = CHN'
            hint: did you mean 'Country Code'?
            """)
        #expect(message("Year >= soon") == """
            content/page.md:12:17: error[RG0316]: filter value 'soon' is not a number, but column 'Year' is year
            hint: compare the column with a number, e.g. "Year >= 100"
            """)
        #expect(message("Year 2020") == """
            content/page.md:12:14: error[RG0315]: expected a sign (= != < <= > >=), 'in', 'not in' or 'contains' after column 'Year', found '2020'
            hint: write conditions like "Year >= 2000" or "Country Code" in [USA, CHN], joined with and, or, not and parentheses (signs: = != < <= > >=; also not in, contains); quote a name or value that is a keyword
            """)
        #expect(message("(Year = 2023 or Value > 1") == """
            content/page.md:12:34: error[RG0315]: expected ')' to close the '(' at column 9, found the end of the filter
            hint: write conditions like "Year >= 2000" or "Country Code" in [USA, CHN], joined with and, or, not and parentheses (signs: = != < <= > >=; also not in, contains); quote a name or value that is a keyword
            """)
        #expect(message("Country Code in [USA CHN") == """
            content/page.md:12:33: error[RG0315]: expected ',' or ']' in the list of filter 'Country Code in [USA CHN', found the end of the filter
            hint: write a list as [USA, CHN, "United Kingdom"]
            """)
        #expect(message("Country Code not in agregates") == """
            content/page.md:12:29: error[RG0319]: unknown list 'agregates' in filter 'Country Code not in agregates'
            hint: did you mean 'aggregates'?
            """)
        #expect(message("Year in years") == """
            content/page.md:12:17: error[RG0316]: value 'twenty' of list 'years' is not a number, but column 'Year' is year
            hint: compare the column with a number, e.g. "Year >= 100"
            """)
        #expect(message("Country Name = 'Or") == """
            content/page.md:12:24: error[RG0315]: quote ' is never closed in filter 'Country Name = 'Or'
            hint: close the quoted text with '
            """)
        #expect(message("Year = 2023 Value") == """
            content/page.md:12:16: error[RG0316]: filter value '2023 Value' is not a number, but column 'Year' is year
            hint: compare the column with a number, e.g. "Year >= 100"
            """)
        #expect(message("Year = 2023 )") == """
            content/page.md:12:21: error[RG0315]: unexpected ')' after a complete condition in filter 'Year = 2023 )'
            hint: join conditions with 'and' or 'or', and quote a value that holds a keyword or sign
            """)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "Year = 2023" + String(repeating: ")", count: 10_000)
        #expect(message(deep).contains("error[RG0315]: filter '") && message(deep).contains("nests parentheses or 'not' more than 64 deep"))
        let nots = String(repeating: "not ", count: 10_000) + "Year = 2023"
        #expect(message(nots).contains("more than 64 deep"))
    }

    @Test func filterThroughADirectivePointsIntoThePage() throws {
        let error = try DirectiveFixtures.error(.table, """
            id: t
            data: data/balances.csv
            filter: "yaer = 2021 or product = Huabei"
            caption: T
            """)
        #expect(error?.hasPrefix("content/page.md:12:10: error[RG0201]: unknown column 'yaer'") == true)
    }
}
