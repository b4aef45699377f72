import Foundation
import FuzzSupport
import ReportKit

/// libFuzzer target for data files: the input is a CSV file, a JSON file when its first byte is
/// `[` or `{`, and the text after a `\n===\n` line is the file's `NAME.yml` metadata. Every input
/// must give a table or diagnostics; a crash, hang or sanitizer report is a bug.
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    fuzzDataFile(bytes)
    return 0
}

/// What the input gave: "ok" or its diagnostics.
@discardableResult
func fuzzDataFile(_ bytes: [UInt8]) -> String {
    var file = bytes[...]
    var metadata: [UInt8]?
    let separator = Array("\n===\n".utf8)
    if let range = file.firstRange(of: separator) {
        metadata = Array(file[range.upperBound...])
        file = file[..<range.lowerBound]
    }
    let isJSON = file.first == UInt8(ascii: "[") || file.first == UInt8(ascii: "{")
    let result = DataCatalog.parseDataFile(Array(file), metadata: metadata, path: isJSON ? "data/fuzz.json" : "data/fuzz.csv")
    switch result {
    case let .success(table):
        return "ok: \(table.columns.count) columns, \(table.rows.count) rows"
    case let .failure(list):
        // Every failure must be reportable: printing the diagnostics must not trap either.
        precondition(!list.diagnostics.isEmpty, "a failure without diagnostics")
        return list.description
    }
}

#if FUZZING
/// The symbol libFuzzer looks for (only in the fuzzer build: the test bundle links all three targets).
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzCSV(data, size)
}
#endif

/// See `runFuzzTarget`: libFuzzer in the fuzzer build, replay of files given as arguments otherwise.
@main
enum FuzzCSVMain {
    static func main() {
        runFuzzTarget(fuzzCSV, replay: fuzzDataFile)
    }
}
