import Foundation
import FuzzSupport
import ReportKit

/// A small catalogue the fuzzed specs read from: a typed CSV table (year, number, percent, text
/// and date columns, with a long table for `series`) and a JSON table.
let fuzzCatalog: DataCatalog = {
    let csv = #"""
        year,amount,share,product,region,day
        2019,1.5,12.5%,loans,North,2019-01-31
        2020,2.25,13,loans,South,2020-02-29
        2020,3,14.75,cards,North,2020-03-01
        2021,-4.125,,cards,"South, east",2021-12-31
        2022,1e3,100%,"quoted ""name""",West,2022-06-15
        """#
    let json = #"[{"year": 2021, "value": 1.5, "label": "a"}, {"year": 2022, "value": null, "label": "<b>"}]"#
    var tables: [String: DataTable] = [:]
    for (path, bytes) in [("data/loans.csv", Array(csv.utf8)), ("data/records.json", Array(json.utf8))] {
        if case let .success(table) = DataCatalog.parseDataFile(bytes, path: path) { tables[path] = table }
    }
    precondition(tables.count == 2, "the fuzz catalogue must load")
    return DataCatalog(tables: tables)
}()

/// libFuzzer target for `table` and `chart` blocks: the first byte picks the kind (even: chart),
/// the rest is the block's YAML, rendered against `fuzzCatalog`.
func fuzzDirective(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    fuzzBlock(bytes)
    return 0
}

/// What the input gave: "ok" or its diagnostics.
@discardableResult
func fuzzBlock(_ bytes: [UInt8]) -> String {
    guard let first = bytes.first else { return "empty" }
    let kind: DirectiveBlock.Kind = first % 2 == 0 ? .chart : .table
    let yaml = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let block = DirectiveBlock(kind: kind, yaml: yaml, location: SourceLocation(file: "content/fuzz.md", line: 3), rootPrefix: "../")
    let renderer = DirectiveRenderer(catalog: fuzzCatalog, maxChartPoints: 1_000, strings: .english)
    do throws(DiagnosticList) {
        let rendered = try renderer.render(block, numberToken: "@@N@@")
        precondition(rendered.html.contains("@@N@@"), "the number token must be placed")
        precondition(!rendered.html.contains("<script"), "unescaped markup in a directive")
        return "ok: \(rendered.anchor)"
    } catch {
        precondition(!error.diagnostics.isEmpty, "a failure without diagnostics")
        return error.description
    }
}

#if FUZZING
/// The symbol libFuzzer looks for (only in the fuzzer build: the test bundle links all three targets).
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzDirective(data, size)
}
#endif

/// See `runFuzzTarget`: libFuzzer in the fuzzer build, replay of files given as arguments otherwise.
@main
enum FuzzDirectiveMain {
    static func main() {
        runFuzzTarget(fuzzDirective, replay: fuzzBlock)
    }
}
