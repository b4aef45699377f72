import Foundation
import Testing
@testable import ReportKit

/// Loads data files from `Fixtures/` (the test content folder; data files live in `Fixtures/data/`).
enum DataFixtures {
    static var contentRoot: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    static func catalog(_ paths: String...) throws(DiagnosticList) -> DataCatalog {
        try DataCatalog.load(contentRoot: contentRoot, displayRoot: "content", paths: paths)
    }

    /// The full text of the diagnostics thrown when loading `paths`, or nil when loading succeeds.
    static func errors(_ paths: String...) -> String? {
        do {
            _ = try DataCatalog.load(contentRoot: contentRoot, displayRoot: "content", paths: paths)
            return nil
        } catch {
            return error.description
        }
    }

    static func table(_ path: String) throws -> DataTable {
        try #require(try catalog(path).tables[path])
    }
}

struct DataLoadingTests {
    @Test func typedCSVWithMetadata() throws {
        let table = try DataFixtures.table("data/balances.csv")
        #expect(table.title == "Balances of two products")
        #expect(table.source == "Paper 003, section 2.1")
        #expect(table.notes == "Year-end balances.")
        #expect(table.units == "trillion yuan")
        #expect(table.columns == [
            DataColumn(name: "year", label: "Year", type: .year),
            DataColumn(name: "product", label: "Product", type: .text),
            DataColumn(name: "balance", label: "Balance", type: .number, unit: "trillion yuan"),
        ])
        #expect(table.rows.count == 6)
        #expect(table.rows[3] == [.number(2021, decimals: 0), .text("Jiebei"), .number(0.95, decimals: 2)])
        #expect(table.rowLines == [2, 3, 4, 5, 6, 7])
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let table = try DataFixtures.table("data/quoted.csv")
        #expect(table.columns.map(\.type) == [.text, .text, .number])
        #expect(table.rows[0] == [.text("Ant, Group"), .text("He said \"hi\""), .number(12, decimals: 0)])
        #expect(table.rows[1] == [.text("Multi\nline"), .text("x"), .number(13.5, decimals: 2)])
        #expect(table.rows[2] == [.text("plain"), .text("a,b,c"), .missing])
        #expect(table.rowLines == [2, 3, 5])
        #expect(table.rows[1][2].text == "13.50")
    }

    @Test func crlfAndByteOrderMark() throws {
        let table = try DataFixtures.table("data/crlf-bom.csv")
        #expect(table.columns.map(\.name) == ["region", "share"])
        #expect(table.columns[1].type == .percent)
        #expect(table.rows[0] == [.text("North\r\nEast"), .number(35.2, decimals: 1)])
        #expect(table.rows[1] == [.text("South"), .number(64.8, decimals: 1)])
        #expect(table.rowLines == [2, 4])
    }

    @Test func inferredTypesAndThousandsSeparators() throws {
        let table = try DataFixtures.table("data/companies.csv")
        #expect(table.columns.map(\.type) == [.text, .number, .integer, .percent])
        #expect(table.rows[0][1] == .number(4000, decimals: 1))
        #expect(table.rows[1][2] == .missing)
        #expect(table.rows[1][3] == .number(3, decimals: 0))
    }

    @Test func jsonRecords() throws {
        let table = try DataFixtures.table("data/records.json")
        #expect(table.columns.map(\.name) == ["company", "capital", "listed", "founded", "extra"])
        #expect(table.columns.map(\.type) == [.text, .number, .text, .date, .text])
        #expect(table.rows[0] == [.text("Mashang"), .number(40, decimals: 1), .text("false"), .text("2014-06-01"), .missing])
        #expect(table.rows[1][1] == .number(10.05, decimals: 2))
        #expect(table.rows[1][2] == .missing)
        #expect(table.rows[2][0] == .text("Bank \"A\", Ltd"))
        #expect(table.rowLines == [2, 3, 4])
    }

    @Test func raggedRow() {
        #expect(DataFixtures.errors("data/ragged.csv") == """
            content/data/ragged.csv:4:7: error[RG0207]: expected 3 fields from the header, got 4
            hint: quote fields that contain commas: "1,234"
            """)
    }

    @Test func cellOfWrongType() {
        #expect(DataFixtures.errors("data/badtype.csv") == """
            content/data/badtype.csv:3:3: error[RG0208]: cell 'abc' in column 'amount' is not a number
            hint: column 'amount' is declared as number in content/data/badtype.yml; 1 more cell in this column does not parse either
            """)
    }

    @Test func nonUTF8() {
        #expect(DataFixtures.errors("data/latin1.csv") == """
            content/data/latin1.csv:2:2: error[RG0103]: data file is not valid UTF-8 (byte 0xFC)
            hint: save the file as UTF-8 (for example, in a spreadsheet choose 'CSV UTF-8')
            """)
    }

    @Test func emptyAndHeaderOnly() {
        #expect(DataFixtures.errors("data/empty.csv") == """
            content/data/empty.csv:1:1: error[RG0203]: data file is empty; expected a header row and at least one data row
            hint: write the column names on the first line and a row of values on each line below, e.g. year,amount
            """)
        #expect(DataFixtures.errors("data/header-only.csv") == """
            content/data/header-only.csv:1:1: error[RG0204]: data file has a header row but no data rows
            hint: add the values below the header, one row per line, e.g. 2023,1.5
            """)
    }

    @Test func duplicateAndEmptyHeaderNames() {
        #expect(DataFixtures.errors("data/dup-header.csv") == """
            content/data/dup-header.csv:1:5: error[RG0206]: duplicate column name 'a' (also column 1)
            hint: column names must be unique: rename one of the two in the header row (line 1)
            content/data/dup-header.csv:1:7: error[RG0205]: column 4 has an empty name in the header row
            hint: give it a name in the header row (line 1): it holds values, e.g. '4' on line 2
            """)
    }

    @Test func unknownMetadataKeys() {
        #expect(DataFixtures.errors("data/meta-unknown.csv") == """
            content/data/meta-unknown.yml:2:1: error[RG0210]: unknown key 'sorce' in data metadata
            hint: did you mean 'source'?
            content/data/meta-unknown.yml:5:13: error[RG0209]: unknown column type 'txt' for column 'x'
            hint: did you mean 'text'?
            content/data/meta-unknown.yml:5:18: error[RG0210]: unknown key 'lable' for column 'x'
            hint: did you mean 'label'?
            """)
    }

    @Test func metadataNamesMissingColumn() {
        #expect(DataFixtures.errors("data/meta-column.csv") == """
            content/data/meta-column.yml:2:3: error[RG0201]: column 'amout' is not in data/meta-column.csv
            hint: did you mean 'amount'?
            """)
    }

    @Test func sizeLimit() {
        do {
            _ = try DataCatalog.load(contentRoot: DataFixtures.contentRoot, displayRoot: "content",
                                     paths: ["data/balances.csv"], maxDataFileBytes: 100)
            Issue.record("expected the size limit to stop loading")
        } catch {
            #expect(error.description == """
                content/data/balances.csv:1:1: error[RG0701]: data file is 118 bytes; the limit is 100 bytes
                hint: split the file, keep only the rows the report shows, or raise 'max_data_file_bytes' under options in site.yml
                """)
        }
    }

    @Test func errorsOfSeveralFilesAreReportedTogether() {
        let text = DataFixtures.errors("data/ragged.csv", "data/empty.csv", "data/balances.csv") ?? ""
        #expect(text.contains("content/data/empty.csv:1:1: error"))
        #expect(text.contains("content/data/ragged.csv:4:7: error"))
    }

    @Test func csvOutput() throws {
        let catalog = try DataFixtures.catalog("data/balances.csv", "data/records.json", "data/crlf-bom.csv")
        let output = catalog.csvOutput()
        #expect(output.map(\.path) == ["data/balances.csv", "data/crlf-bom.csv", "data/records.csv"])
        let original = try Data(contentsOf: DataFixtures.contentRoot.appendingPathComponent("data/crlf-bom.csv"))
        #expect(output[1].bytes == [UInt8](original))
        #expect(String(decoding: output[2].bytes, as: UTF8.self) == """
            company,capital,listed,founded,extra
            Mashang,40.0,false,2014-06-01,
            Zhaolian,10.05,,2015-03-18,
            "Bank ""A"", Ltd",1,,,x

            """)
        #expect(catalog.csvOutputPath(for: "data/records.json") == "data/records.csv")
        #expect(catalog.csvOutputPath(for: "data/balances.csv") == "data/balances.csv")
    }

    @Test func jsonErrors() {
        #expect(DataFixtures.errors("data/nested.json") == """
            content/data/nested.json:2:17: error[RG0213]: value of 'b' is a mapping; records must be flat (numbers, strings, true/false or null)
            hint: give each nested value a key of its own in the record, e.g. "b_total": 3, or write it as text in quotes
            """)
        #expect(DataFixtures.errors("data/object.json") == """
            content/data/object.json:1:1: error[RG0213]: expected an array of records, found a mapping
            hint: a JSON data file is an array of records: [{"year": 2023, "amount": 1.5}, ...]
            """)
        #expect(DataFixtures.errors("data/broken.json")?.hasPrefix("content/data/broken.json:") == true)
    }

    @Test func numberCells() {
        func number(_ text: String) -> [Double]? { CellParser.number(text).map { [$0.value, Double($0.decimals)] } }
        #expect(number("1,234.5") == [1234.5, 1])
        #expect(number("12,345,678") == [12_345_678, 0])
        #expect(number("\u{2212}3") == [-3, 0])
        #expect(number("-0.25") == [-0.25, 2])
        #expect(number("+2.50") == [2.5, 2])
        #expect(number(".5") == [0.5, 1])
        #expect(number("1.5e3") == [1500, 0])
        for bad in ["1,23", "1234,567", ",123", "abc", "-", "", "1.", "inf", "nan", "0x10", "1 000", "12a"] {
            #expect(number(bad) == nil, "\(bad)")
        }
        #expect(CellParser.parse(" 35.2% ", as: .percent) == .number(35.2, decimals: 1))
        #expect(CellParser.parse("n/a", as: .number) == .missing)
        #expect(CellParser.parse("2.0", as: .integer) == nil)
        #expect(CellParser.parse("2023-02-29", as: .date) == nil)
        #expect(CellParser.parse("2024-02-29", as: .date) == .text("2024-02-29"))
        #expect(CellParser.parse("23", as: .year) == nil)
    }
}
