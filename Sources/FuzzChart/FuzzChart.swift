import Foundation
import FuzzSupport
import ReportKit

/// libFuzzer target for charts with extreme numbers. The input is a `chart` spec (YAML), then a
/// `\n===\n` line and the CSV data it reads as `data/fuzz.csv` (without one, `defaultData`).
///
/// Each input goes two ways:
/// - the whole pipeline: the CSV is typed and the spec rendered by `DirectiveRenderer`, which must
///   give a figure or diagnostics with a location;
/// - the chart engine alone: a `ChartModel` is built straight from the CSV cells read with Swift's
///   `Double(_:)`, which also accepts `nan`, `inf`, `0x1p1023` and friends the data parser refuses,
///   and drawn by `ChartRenderer` at both widths, with its data table.
/// Either way the SVG's coordinates must be plain numbers and the markup complete.
func fuzzChart(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    fuzzChartInput(bytes)
    return 0
}

/// Used when the input has no data part: numbers at and past every edge the data parser accepts.
let defaultData = """
    label,a,b,c
    one,1e308,-1e308,1.7976931348623157e308
    two,4.9e-324,-4.9e-324,0
    three,1e15,-1e15,999999999999999.9
    four,1e-300,1.0000000000000002,1
    """

/// What the input gave, for replays: the directive's result and the engine's.
@discardableResult
func fuzzChartInput(_ bytes: [UInt8]) -> String {
    var specBytes = bytes[...]
    var csv = Array(defaultData.utf8)
    if let range = bytes.firstRange(of: Array("\n===\n".utf8)) {
        specBytes = bytes[..<range.lowerBound]
        csv = Array(bytes[range.upperBound...])
    }
    let spec = String(decoding: specBytes, as: UTF8.self)
    let text = String(decoding: csv, as: UTF8.self)
    return renderDirective(spec: spec, csv: csv) + "\n" + renderModel(spec: spec, csv: text, selector: bytes.first ?? 0)
}

/// The chart block rendered through the whole pipeline.
func renderDirective(spec: String, csv: [UInt8]) -> String {
    let table: DataTable
    switch DataCatalog.parseDataFile(csv, path: "data/fuzz.csv") {
    case let .success(loaded): table = loaded
    case let .failure(list):
        precondition(!list.diagnostics.isEmpty, "a data failure without diagnostics")
        return list.description
    }
    let block = DirectiveBlock(kind: .chart, yaml: spec, location: SourceLocation(file: "content/fuzz.md", line: 3), rootPrefix: "")
    let renderer = DirectiveRenderer(catalog: DataCatalog(tables: ["data/fuzz.csv": table]), maxChartPoints: 2_000, strings: .english)
    do throws(DiagnosticList) {
        let rendered = try renderer.render(block, numberToken: "@@N@@")
        precondition(rendered.html.contains("@@N@@"), "the number token must be placed")
        // Data and specs with control characters are refused, so none may reach the figure.
        precondition(!rendered.html.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }),
                     "a control character in the figure")
        checkMarkup(rendered.html)
        return "ok: \(rendered.anchor)"
    } catch {
        precondition(!error.diagnostics.isEmpty, "a failure without diagnostics")
        precondition(error.diagnostics.allSatisfy { $0.location != nil }, "a diagnostic without a location")
        return error.description
    }
}

/// A model made straight from the CSV cells, drawn by the chart engine: the first column gives the
/// categories (and x values where it reads as numbers), each other column a series. The spec's
/// `type:` and `format:` lines pick the kind and format; the input's first byte picks the x kind.
func renderModel(spec: String, csv: String, selector: UInt8) -> String {
    var rows = csv.split(whereSeparator: \.isNewline).prefix(400).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    guard !rows.isEmpty else { return "engine: no rows" }
    let header = rows.removeFirst()
    let kinds = ChartModel.Kind.allCases
    let kind = value(of: "type", in: spec).flatMap(ChartModel.Kind.init(rawValue:)) ?? kinds[Int(selector) % kinds.count]
    let format = value(of: "format", in: spec).flatMap(NumberFormat.init(name:)) ?? NumberFormat()
    let xKinds: [ChartModel.XKind] = [.category, .linear, .year, .date]
    let columns = header.count
    let series = (1..<max(1, columns)).prefix(20).map { column in
        ChartModel.Series(name: header[column], values: rows.map { column < $0.count ? Double($0[column].trimmingCharacters(in: .whitespaces)) : nil })
    }
    let model = ChartModel(kind: kind, id: "fuzz", title: "Fuzz", xKind: xKinds[Int(selector / 16) % xKinds.count],
                           categories: rows.map { $0.first ?? "" },
                           xValues: rows.map { $0.first.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? .nan },
                           series: series, xTitle: header.first, yTitle: header.last, valueFormat: format, xFormat: format)
    let narrow = ChartRenderer.svg(for: model, width: 360)
    let wide = ChartRenderer.svg(for: model)
    let table = ChartRenderer.dataTable(for: model)
    checkMarkup(wide + narrow + table)
    return "engine: \(kind.rawValue), \(wide.utf8.count) bytes"
}

/// The text after `key:` on a line of the spec that starts with it.
func value(of key: String, in spec: String) -> String? {
    spec.split(whereSeparator: \.isNewline).first { $0.hasPrefix(key + ":") }
        .map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
}

/// Complete markup: every `<svg>` closed, no `<script`, and every coordinate attribute (`x`, `y`,
/// `width`, `height`, `r`, `cx`, `cy`, `d`, `viewBox`, line ends) a plain number. (The engine prints
/// the text it is given: control characters are kept out by the data and spec checks before it.)
func checkMarkup(_ html: String) {
    precondition(!html.contains("<script"), "unescaped markup")
    precondition(html.components(separatedBy: "<svg ").count == html.components(separatedBy: "</svg>").count, "an unclosed <svg>")
    // One pass over the bytes: at each `="`, the attribute name before it and the value after it.
    let coordinates: Set<[UInt8]> = Set(["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "d", "viewBox"].map { Array($0.utf8) })
    let allowed = Set("0123456789.-, MLAZ".utf8)
    let bytes = Array(html.utf8)
    var index = 1
    while index + 1 < bytes.count {
        defer { index += 1 }
        guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else { continue }
        var start = index
        while start > 0, bytes[start - 1] != UInt8(ascii: " ") { start -= 1 }
        guard coordinates.contains(Array(bytes[start..<index])) else { continue }
        let value = bytes[(index + 2)...].prefix { $0 != UInt8(ascii: "\"") }
        precondition(value.allSatisfy(allowed.contains), "\(String(decoding: bytes[start..<index], as: UTF8.self)) is not a number: "
                     + String(decoding: value.prefix(40), as: UTF8.self))
    }
}

#if FUZZING
/// The symbol libFuzzer looks for (only in the fuzzer build: the test bundle links every target).
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzChart(data, size)
}
#endif

/// See `runFuzzTarget`: libFuzzer in the fuzzer build, replay of files given as arguments otherwise.
@main
enum FuzzChartMain {
    static func main() {
        runFuzzTarget(fuzzChart, replay: fuzzChartInput)
    }
}
