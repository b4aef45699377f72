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

    @Test func chartOverThePointLimitIsRefused() throws {
        let csv = "x,y\n" + (1...50).map { "\($0),\($0)" }.joined(separator: "\n") + "\n"
        let table = try DataCatalog.parseDataFile(Array(csv.utf8), path: "data/big.csv").get()
        let renderer = DirectiveRenderer(catalog: DataCatalog(tables: ["data/big.csv": table]), maxChartPoints: 40)
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
