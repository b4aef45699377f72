import Testing
@testable import ReportKit

/// `derive` (arithmetic from the cells as written) and `group` (sum, mean, min, max, count).
struct DeriveTests {
    let location = SourceLocation(file: "content/page.md", line: 12, column: 11)

    /// One row: a = 1.1, b = 0, c missing, "GDP per head" = 2.5, name text, Year 2023.
    func table() -> DataTable {
        DataTable(path: "data/t.csv", columns: [
            DataColumn(name: "a", type: .number), DataColumn(name: "b", type: .integer), DataColumn(name: "c", type: .number),
            DataColumn(name: "GDP per head", type: .number), DataColumn(name: "name", type: .text), DataColumn(name: "Year", type: .year),
        ], rows: [[.number(1.1, decimals: 1), .number(0, decimals: 0), .missing, .number(2.5, decimals: 1), .text("x"), .number(2023, decimals: 0)]])
    }

    /// The derived cell of `expression` for the one row, as the table prints it.
    func value(_ expression: String) throws -> String {
        let table = table()
        let column = DerivedColumn(name: "r", text: expression, expression: try DeriveParser.parse(expression, table: table, location: location))
        return column.adding(to: table).rows[0].last!.text
    }

    func message(_ expression: String) -> String {
        do {
            _ = try DeriveParser.parse(expression, table: table(), location: location)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func precedenceAssociativityAndSigns() throws {
        #expect(try value("1 + 2 * 3") == "7")
        #expect(try value("(1 + 2) * 3") == "9")
        #expect(try value("10 - 4 - 3") == "3")
        #expect(try value("2 * 3 / 4") == "1.5")
        #expect(try value("-2 * 3 + 10 / 4") == "-3.5")
        #expect(try value("- -a") == "1.1")
        #expect(try value("2*-a") == "-2.2")
        #expect(try value("GDP per head * 2 - Year/1000") == "2.977")
        #expect(try value("'GDP per head'*1e3") == "2500")
        #expect(try value("a / 1e-1") == "11")
    }

    @Test func decimalArithmeticLeavesNoFloatNoise() throws {
        // In binary floating point 1.1 * 3 is 3.3000000000000003 and 0.1 + 0.2 is 0.30000000000000004.
        #expect(try value("a * 3") == "3.3")
        #expect(try value("0.1 + 0.2") == "0.3")
        #expect(try value("a - 1") == "0.1")
        let gdp = try DataFixtures.table("data/gdp-sample.csv")
        let trillions = DerivedColumn(name: "T", text: "Value / 1e12",
                                      expression: try DeriveParser.parse("Value / 1e12", table: gdp, location: location))
        #expect(trillions.adding(to: gdp).rows.map { $0.last!.text } == ["25.744108", "27.360935", "17.8817826837073", "17.794782039552", "105.435047096154"])
    }

    @Test func divisionByZeroAndMissingCellsGiveMissingCells() throws {
        #expect(try value("a / b") == "")
        #expect(try value("c + 1") == "")
        #expect(try value("1 / (a - 1.1)") == "")
        #expect(try value("0 / a") == "0")
    }

    @Test func errorsPointAtTheToken() {
        #expect(message("a / / 2") == """
            content/page.md:12:15: error[RG0330]: expected a number, a column name or '(' in 'a / / 2', found '/'
            hint: write arithmetic like "Value / 1e12" or "(Exports - Imports) / GDP * 100": numbers, column names (quoted when they hold a sign or start with a digit), + - * / and parentheses
            """)
        #expect(message("(a + 1") == """
            content/page.md:12:17: error[RG0330]: expected ')' to close the '(' at column 11, found the end of the expression
            hint: write arithmetic like "Value / 1e12" or "(Exports - Imports) / GDP * 100": numbers, column names (quoted when they hold a sign or start with a digit), + - * / and parentheses
            """)
        #expect(message("a 2") == """
            content/page.md:12:13: error[RG0330]: unexpected '2' in 'a 2'
            hint: join values with + - * /, and quote a column name that holds a sign or a bracket
            """)
        #expect(message("GDP per haed / 2") == """
            content/page.md:12:11: error[RG0201]: unknown column 'GDP per haed' in 'GDP per haed / 2'
            hint: did you mean 'GDP per head'?
            """)
        #expect(message("1 + name") == """
            content/page.md:12:15: error[RG0309]: column 'name' is text; 'derive' computes with numbers
            hint: use numeric columns, or declare the column's type in the data file's yml
            """)
        #expect(message("1.2.3 * a").hasPrefix("content/page.md:12:11: error[RG0330]: '1.2.3' is not a number"))
        #expect(message("'a * 2").hasPrefix("content/page.md:12:11: error[RG0330]: quote ' is never closed"))
        #expect(message(String(repeating: "-", count: 100) + "a").contains("nests parentheses or signs more than 64 deep"))
    }
}

struct GroupTests {
    /// Regions and years with a missing value (Asia 2021) and a region with none at all in 2022.
    func table() -> DataTable {
        let rows: [(String, Double, Double?)] = [
            ("Asia", 2020, 1.1), ("Asia", 2020, 2.2), ("Europe", 2020, 0.5),
            ("Asia", 2021, nil), ("Asia", 2021, 4), ("Europe", 2022, nil),
        ]
        return DataTable(path: "data/r.csv", columns: [
            DataColumn(name: "Region", type: .text), DataColumn(name: "Year", type: .year),
            DataColumn(name: "Value", label: "GDP", type: .number, unit: "US$"),
        ], rows: rows.map { [.text($0.0), .number($0.1, decimals: 0), $0.2.map { .number($0, decimals: 1) } ?? .missing] })
    }

    func grouped(_ aggregate: RowGroup.Aggregate) -> [String] {
        RowGroup(by: ["Region", "Year"], measures: [.init(column: "Value", aggregate: aggregate)]).apply(to: table())
            .rows.map { $0.map(\.text).joined(separator: " ") }
    }

    @Test func aggregatesSkipMissingCellsAndGroupsKeepFirstSeenOrder() {
        #expect(grouped(.sum) == ["Asia 2020 3.3", "Europe 2020 0.5", "Asia 2021 4", "Europe 2022 "])
        #expect(grouped(.mean) == ["Asia 2020 1.65", "Europe 2020 0.5", "Asia 2021 4", "Europe 2022 "])
        #expect(grouped(.min) == ["Asia 2020 1.1", "Europe 2020 0.5", "Asia 2021 4.0", "Europe 2022 "])
        #expect(grouped(.max) == ["Asia 2020 2.2", "Europe 2020 0.5", "Asia 2021 4.0", "Europe 2022 "])
        #expect(grouped(.count) == ["Asia 2020 2", "Europe 2020 1", "Asia 2021 1", "Europe 2022 0"])
    }

    @Test func resultColumnsKeepLabelsExceptCount() {
        let group = RowGroup(by: ["Year"], measures: [.init(column: "Value", aggregate: .sum), .init(column: "Region", aggregate: .count)],
                             countLabel: "{label} (count)")
        let result = group.apply(to: table())
        #expect(result.columns.map(\.label) == ["Year", "GDP", "Region (count)"])
        #expect(result.columns.map(\.unit) == [nil, "US$", nil])
        #expect(result.rows.map { $0.map(\.text).joined(separator: " ") } == ["2020 3.8 3", "2021 4 2", "2022  1"])
        #expect(result.rowLines == [2, 5, 7])
    }
}

/// `derive` and `group` in a spec: their order with the other transforms, and errors in the page.
struct DeriveGroupDirectiveTests {
    let head = "id: t\ndata: data/balances.csv\ncaption: T\n"

    func rows(_ yaml: String) throws -> [String] {
        let html = try DirectiveFixtures.render(.table, head + yaml).html
        return html.components(separatedBy: "\n").filter { $0.hasPrefix("<tr><th scope=\"row\">") }
            .map { $0.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression).split(separator: " ").joined(separator: " ") }
    }

    @Test func deriveFilterGroupSortInTheirFixedOrder() throws {
        // Written in another order: derive first (the filter uses its column), then filter, group, sort.
        let grouped = try rows("""
            sort: -balance
            group: {by: product, sum: balance, count: Cents}
            filter: Cents >= 100
            derive: {Cents: balance * 100}
            columns: [product, balance, {column: Cents, label: Years}]
            """)
        #expect(grouped == ["Huabei 5.1 3", "Jiebei 1.1 1"])
        let csv = try DirectiveFixtures.render(.table, head + "derive: {Cents: balance * 100}\ncolumns: [year, Cents]\nlimit: 2").downloads
        #expect(csv == [FigureDownload(fileName: "tbl-t.csv", text: "year,Cents\n2020,150\n2020,80\n")])
    }

    @Test func errorsPointIntoThePage() throws {
        #expect(try DirectiveFixtures.error(.table, head + "derive: {Double: \"balance * * 2\"}") == """
            content/page.md:13:29: error[RG0330]: expected a number, a column name or '(' in 'balance * * 2', found '*'
            hint: \(DeriveParser.syntaxHint)
            """)
        #expect(try DirectiveFixtures.error(.table, head + "derive: {balance: balance * 2}") == """
            content/page.md:13:10: error[RG0331]: 'derive' names a column 'balance' that data/balances.csv already has
            hint: give the computed column a new name, e.g. 'balance (derived)'
            """)
        let twice = try DirectiveFixtures.error(.table, head + "group: {by: year, sum: [balance, year]}")
        #expect(twice == """
            content/page.md:13:34: error[RG0332]: column 'year' is named by both 'by' and 'sum' in 'group'
            hint: a column is either grouped by or aggregated, once; derive a copy to aggregate it twice
            """)
        #expect(try DirectiveFixtures.error(.table, head + "group: {by: year, mean: product}") == """
            content/page.md:13:25: error[RG0309]: column 'product' is text; 'mean' adds numbers
            hint: use 'count' for how many values a group has, or 'min'/'max'
            """)
        #expect(try DirectiveFixtures.error(.table, head + "group: {by: year}") == """
            content/page.md:13:8: error[RG0303]: 'group' needs an aggregate: sum, mean, min, max or count of a column
            hint: write group: {by: [Region, Year], sum: Value} (aggregates: sum, mean, min, max, count)
            """)
        #expect(try DirectiveFixtures.error(.table, head + "group: {by: year, sum: balance}\ncolumns: [year, product]") == """
            content/page.md:14:17: error[RG0201]: unknown column 'product' in table 't' after 'group'
            hint: 'group' leaves only its 'by' columns and aggregates: year, balance; group by 'product' or aggregate it to keep it
            """)
        #expect(try DirectiveFixtures.error(.table, head + "group: {by: year, total: balance}")?.hasPrefix(
            "content/page.md:13:19: error[RG0302]: unknown key 'total' in 'group'") == true)
    }
}
