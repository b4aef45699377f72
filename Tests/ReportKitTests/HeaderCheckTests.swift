import Testing
@testable import ReportKit

/// Data files as real exports write them: a header ending in a comma, one mistake on every row.
struct HeaderCheckTests {
    @Test func aHeaderEndingInACommaReadsAsItsNamedColumns() throws {
        // Was one RG0205 and 30 identical RG0207 errors, each with the hint to quote commas.
        let table = try DataFixtures.table("data/trailing-comma-header.csv")
        #expect(table.columns.map(\.name) == ["Year", "Anomaly"])
        #expect(table.rows.count == 30)
    }

    @Test func rowsEndingInACommaReadAsTheHeader() throws {
        let parsed = DataCatalog.parseDataFile(Array("year,value\n2020,1,\n2021,2,\n".utf8), path: "data/x.csv")
        #expect(try parsed.get().rows.map { $0.map(\.text) } == [["2020", "1"], ["2021", "2"]])
    }

    @Test func aRepeatedMistakeIsOneErrorWithItsCount() {
        #expect(DataFixtures.errors("data/empty-name-short-rows.csv") == """
            content/data/empty-name-short-rows.csv:1:6: error[RG0205]: column 2 has an empty name in the header row
            hint: the header row has 3 names, one of them empty, and the rows have 2 fields: remove the extra comma from the header row (line 1)
            """)
        // Other rows of one wrong width: one error with the count and the first lines.
        var lines = ["a,b,c"] + (0..<40).map { "\($0),x,y,z" }
        lines.insert("1,2,3", at: 5)
        let parsed = DataCatalog.parseDataFile(Array(lines.joined(separator: "\n").utf8), path: "data/x.csv")
        #expect(parsed.failureText == """
            content/data/x.csv:2:7: error[RG0207]: expected 3 fields from the header, got 4 on 40 rows (lines 2, 3, 4, …)
            hint: quote fields that contain commas: "1,234"
            """)
    }

    @Test func anUnnamedColumnWithValuesIsAnErrorAtTheHeader() {
        let parsed = DataCatalog.parseDataFile(Array("year,,value\n2020,a,1\n".utf8), path: "data/x.csv")
        #expect(parsed.failureText == """
            content/data/x.csv:1:6: error[RG0205]: column 2 has an empty name in the header row
            hint: give it a name in the header row (line 1): it holds values, e.g. 'a' on line 2
            """)
    }
}

extension Result where Failure == DiagnosticList {
    /// The diagnostics' text, or "" on success.
    var failureText: String {
        if case let .failure(list) = self { return list.description }
        return ""
    }
}
