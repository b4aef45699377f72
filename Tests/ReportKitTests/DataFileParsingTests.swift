import Testing
@testable import ReportKit

/// `DataCatalog.parseDataFile`, the in-memory entry point the fuzz targets use, and the chart size limit.
struct DataFileParsingTests {
    @Test func parsesCSVWithMetadataFromMemory() throws {
        let result = DataCatalog.parseDataFile(Array("year,share\n2021,12.5%\n".utf8),
                                               metadata: Array("columns:\n  share: {type: percent, label: Share}\n".utf8),
                                               path: "data/x.csv")
        let table = try result.get()
        #expect(table.columns.map(\.name) == ["year", "share"])
        #expect(table.columns[1].type == .percent)
    }

    @Test func reportsBadBytesWithTheirLocation() {
        guard case let .failure(list) = DataCatalog.parseDataFile([0x61, 0x0A, 0xFF], path: "data/x.csv") else {
            Issue.record("invalid UTF-8 must fail")
            return
        }
        #expect(list.description == """
            content/data/x.csv:2:1: error[RG0103]: data file is not valid UTF-8 (byte 0xFF)
            hint: save the file as UTF-8 (for example, in a spreadsheet choose 'CSV UTF-8')
            """)
    }

    @Test func exponentsBeyondIntDoNotTrap() {
        // `abs(Int.min)` trapped on the exponent of `1e-9223372036854775808`.
        #expect(CellParser.number("1e-9223372036854775808") == nil)
        #expect(CellParser.number("1e9223372036854775807") == nil)
        #expect(CellParser.number("1e-399")?.value == 0)
        #expect(CellParser.number("1e400") == nil)
    }

    @Test func jsonRecordsWithDifferentKeysCannotAskForBillionsOfCells() {
        // 4,000 records with a key each would make a 4,000 × 4,000 table from 60 kB.
        let json = "[" + (0..<4_000).map { "{\"k\($0)\": 1}" }.joined(separator: ",\n") + "]"
        guard case let .failure(list) = DataCatalog.parseDataFile(Array(json.utf8), path: "data/sparse.json") else {
            Issue.record("a sparse JSON file must fail")
            return
        }
        #expect(list.description == """
            content/data/sparse.json:3163:1: error[RG0213]: the records of this file have 3,163 different keys: a table of 3,163 rows would have more than 10,000,000 cells
            hint: every key becomes a column for every record: give the records the same keys, or split the file
            """)
    }

    @Test func controlCharactersInDataAreReportedWhereTheyStand() {
        func message(_ text: String, path: String = "data/x.csv", metadata: String? = nil) -> String {
            if case let .failure(list) = DataCatalog.parseDataFile(Array(text.utf8), metadata: metadata.map { Array($0.utf8) }, path: path) {
                return list.description
            }
            return "ok"
        }
        let hint = "hint: control characters cannot appear in a page; remove it (it often comes from a damaged export, or a binary file saved as CSV)"
        #expect(message("a,b\n1,x\u{1B}y\n") == "content/data/x.csv:2:4: error[RG0120]: control character U+001B (ESC) in the data file\n" + hint)
        #expect(message("a,b\n1,2\u{7F}\n") == "content/data/x.csv:2:4: error[RG0120]: control character U+007F (DEL) in the data file\n" + hint)
        #expect(message("a,b\n1,é\u{85}\n") == "content/data/x.csv:2:4: error[RG0120]: control character U+0085 in the data file\n" + hint)
        #expect(message("a,b\n1,\"tab\tand\r\nbreak\"\n") == "ok")
        #expect(message("[{\"a\": \"\\u0007\"}]", path: "data/x.json") == """
            content/data/x.json:1:8: error[RG0120]: control character U+0007 (BEL) in JSON data file, written as an escape
            hint: an escape such as \\0, \\x01 or \\u0000 in a quoted value writes a control character, which cannot appear in a page; remove it
            """)
        #expect(message("a,b\n1,2\n", metadata: "title: \"x\\ty\"\nsource: \"\\x01\"\n") == """
            content/data/x.yml:2:9: error[RG0120]: control character U+0001 (SOH) in data metadata, written as an escape
            hint: an escape such as \\0, \\x01 or \\u0000 in a quoted value writes a control character, which cannot appear in a page; remove it
            """)
    }

    @Test func chartOverThePointLimitIsRefused() throws {
        let csv = "x,y\n" + (1...50).map { "\($0),\($0)" }.joined(separator: "\n") + "\n"
        let table = try DataCatalog.parseDataFile(Array(csv.utf8), path: "data/big.csv").get()
        let renderer = DirectiveRenderer(catalog: DataCatalog(tables: ["data/big.csv": table]), maxChartPoints: 40, strings: .english)
        let block = DirectiveBlock(kind: .chart, yaml: "id: big\ntype: line\ndata: data/big.csv\nx: x\ny: y\ncaption: Big\n",
                                   location: SourceLocation(file: "content/page.md", line: 10), rootPrefix: "")
        #expect(throws: DiagnosticList.self) { try renderer.render(block, numberToken: "N") }
        do {
            _ = try renderer.render(block, numberToken: "N")
        } catch {
            #expect(error.description == """
                content/page.md:12:7: error[RG0702]: chart 'big' would draw 50 points; the limit is 40
                hint: narrow the data with 'filter' or 'limit', or raise 'max_chart_points' under options in site.yml
                """)
        }
        var limited = block
        limited.yaml += "limit: 40\n"
        #expect(try renderer.render(limited, numberToken: "N").anchor == "fig-big")
    }
}
