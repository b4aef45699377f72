import Testing
@testable import ReportKit

struct TransformTests {
    let location = SourceLocation(file: "content/page.md", line: 3, column: 9)

    func balances() throws -> DataTable { try DataFixtures.table("data/balances.csv") }

    func years(_ table: DataTable) -> [String] { table.rows.map { "\($0[0].text) \($0[1].text)" } }

    @Test func filterComparesNumbersNumerically() throws {
        let table = try balances()
        let query = RowQuery(filters: [try RowFilter("balance >= 1", table: table, location: location)])
        #expect(years(query.apply(to: table)) == ["2020 Huabei", "2021 Huabei", "2022 Huabei", "2022 Jiebei"])
        let text = RowQuery(filters: [try RowFilter("product != 'Huabei'", table: table, location: location)])
        #expect(years(text.apply(to: table)) == ["2020 Jiebei", "2021 Jiebei", "2022 Jiebei"])
        let year = RowQuery(filters: [try RowFilter("year==2021", table: table, location: location),
                                      try RowFilter("product < I", table: table, location: location)])
        #expect(years(year.apply(to: table)) == ["2021 Huabei"])
    }

    @Test func filteredRowsKeepTheirLines() throws {
        let table = try balances()
        let query = RowQuery(filters: [try RowFilter("product = Jiebei", table: table, location: location)])
        #expect(query.apply(to: table).rowLines == [3, 5, 7])
    }

    @Test func sortIsStableAndDescendingWithMinus() throws {
        let table = try balances()
        #expect(years(RowQuery(sort: [.init(column: "product")]).apply(to: table)) ==
            ["2020 Huabei", "2021 Huabei", "2022 Huabei", "2020 Jiebei", "2021 Jiebei", "2022 Jiebei"])
        #expect(years(RowQuery(sort: [.init(column: "product", descending: true), .init(column: "year", descending: true)]).apply(to: table)) ==
            ["2022 Jiebei", "2021 Jiebei", "2020 Jiebei", "2022 Huabei", "2021 Huabei", "2020 Huabei"])
    }

    @Test func missingCellsSortLastAndNeverMatch() throws {
        let table = try DataFixtures.table("data/companies.csv")
        let sorted = RowQuery(sort: [.init(column: "shareholders", descending: true)]).apply(to: table)
        #expect(sorted.rows.map { $0[2] } == [.number(5, decimals: 0), .number(2, decimals: 0), .missing])
        let filtered = RowQuery(filters: [try RowFilter("shareholders != 5", table: table, location: location)]).apply(to: table)
        #expect(filtered.rows.map { $0[2] } == [.number(2, decimals: 0)])
    }

    @Test func limitAfterSort() throws {
        let table = try balances()
        let query = RowQuery(sort: [.init(column: "balance", descending: true)], limit: 2)
        #expect(years(query.apply(to: table)) == ["2022 Huabei", "2021 Huabei"])
    }

    @Test func filterErrors() throws {
        let table = try balances()
        func message(_ text: String) -> String {
            do {
                _ = try RowFilter(text, table: table, location: location)
                return ""
            } catch {
                return error.description
            }
        }
        #expect(message("balance >= lots") == """
            content/page.md:3:20: error[RG0316]: filter value 'lots' is not a number, but column 'balance' is number
            hint: compare the column with a number, e.g. "balance >= 100"
            """)
        #expect(message("yeer > 2020") == """
            content/page.md:3:9: error[RG0201]: unknown column 'yeer' in filter 'yeer > 2020'
            hint: did you mean 'year'?
            """)
        #expect(message("year 2020") == """
            content/page.md:3:14: error[RG0315]: expected a sign (= != < <= > >=), 'in', 'not in' or 'contains' after column 'year', found '2020'
            hint: \(FilterParser.syntaxHint)
            """)
    }

    @Test func transformsThroughADirective() throws {
        let rendered = try DirectiveFixtures.render(.table, """
            id: top
            data: data/balances.csv
            filter: year >= 2021
            sort: [-balance]
            limit: 3
            caption: Top three
            """)
        let rows = rendered.html.components(separatedBy: "\n").filter { $0.hasPrefix("<tr><th scope=\"row\">") }
        #expect(rows == [
            "<tr><th scope=\"row\">2022</th><td>Huabei</td><td class=\"num\">1.90</td></tr>",
            "<tr><th scope=\"row\">2021</th><td>Huabei</td><td class=\"num\">1.70</td></tr>",
            "<tr><th scope=\"row\">2022</th><td>Jiebei</td><td class=\"num\">1.10</td></tr>",
        ])
    }
}

/// `latest`: the rows of the largest value left after filtering, before sort and limit.
struct LatestTransformTests {
    @Test func latestKeepsTheRowsOfTheLargestValueAfterFiltering() throws {
        let table = try DataFixtures.table("data/balances.csv")
        let location = SourceLocation(file: "content/page.md", line: 1, column: 1)
        var query = RowQuery(filters: [try RowFilter("year < 2022", table: table, location: location)])
        query.latest = "year"
        #expect(query.apply(to: table).rows.map { "\($0[0].text) \($0[1].text)" } == ["2021 Huabei", "2021 Jiebei"])
        query.sort = [.init(column: "balance")]
        query.limit = 1
        #expect(query.apply(to: table).rows.map { "\($0[0].text) \($0[1].text)" } == ["2021 Jiebei"])
    }
}

/// `top`: the n largest rows, overall or per group, before sort and limit.
struct TopTransformTests {
    @Test func topPerGroupKeepsFileOrder() throws {
        let table = try DataFixtures.table("data/balances.csv")
        var query = RowQuery()
        query.top = .init(n: 1, by: "balance", per: "year")
        #expect(query.apply(to: table).rows.map { "\($0[0].text) \($0[1].text)" } == ["2020 Huabei", "2021 Huabei", "2022 Huabei"])
        query.top = .init(n: 2, by: "balance")
        #expect(query.apply(to: table).rows.map { "\($0[0].text) \($0[1].text)" } == ["2021 Huabei", "2022 Huabei"])
    }

    @Test func topThroughASpecAndItsErrors() throws {
        let rendered = try DirectiveFixtures.render(.table, """
            id: t
            data: data/balances.csv
            top: {n: 1, by: balance, per: product}
            sort: year
            caption: T
            """)
        #expect(rendered.html.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 2)
        #expect(try DirectiveFixtures.error(.table, """
            id: t
            data: data/balances.csv
            top: {n: 0, by: balance}
            caption: T
            """) == """
            content/page.md:12:10: error[RG0307]: 'n' of 'top' must be a positive whole number, found '0'
            hint: write top: {n: 15, by: Value} or top: {n: 3, by: Value, per: Year}
            """)
        #expect(try DirectiveFixtures.error(.table, """
            id: t
            data: data/balances.csv
            top: {n: 2, by: product}
            caption: T
            """)?.contains("error[RG0309]: column 'product' is text; 'top' ranks rows by numbers or dates") == true)
    }
}
