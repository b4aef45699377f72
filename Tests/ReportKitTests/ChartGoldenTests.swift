import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReportKit

/// Every chart type against a golden SVG under `Fixtures/charts/`; `RECORD_GOLDENS=1 swift test`
/// rewrites the goldens in the source tree (look at them before committing).
struct ChartGoldenTests {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    /// The goldens folder in the source tree, for recording.
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/charts")

    /// The goldens folder as copied into the test bundle.
    static var bundleFolder: URL? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("charts")
    }

    @Test(arguments: ChartSamples.all.map(\.name))
    func matchesGolden(_ name: String) throws {
        let model = try #require(ChartSamples.all.first { $0.name == name }?.model)
        let svg = ChartRenderer.svg(for: model) + "\n"
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.sourceFolder, withIntermediateDirectories: true)
            try svg.write(to: Self.sourceFolder.appendingPathComponent("\(name).svg"), atomically: true, encoding: .utf8)
            return
        }
        let folder = try #require(Self.bundleFolder)
        let golden = try String(contentsOf: folder.appendingPathComponent("\(name).svg"), encoding: .utf8)
        #expect(svg == golden, "\(name).svg differs from the golden; re-record with RECORD_GOLDENS=1 and look at it")
    }

    @Test(arguments: ChartSamples.all.map(\.name))
    func isWellFormedXML(_ name: String) throws {
        let model = try #require(ChartSamples.all.first { $0.name == name }?.model)
        let parsed = SVGTexts.parse(ChartRenderer.svg(for: model))
        #expect(parsed.error == nil, "\(name): \(parsed.error ?? "")")
        #expect(parsed.rootAttributes["role"] == "img")
        #expect(parsed.rootAttributes["aria-labelledby"] == "\(model.id)-title \(model.id)-desc")
    }

    @Test func goldenFilesAreWellFormedXML() throws {
        let folder = try #require(Self.bundleFolder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(files.count >= ChartSamples.all.count)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(SVGTexts.parse(text).error == nil, "\(file) is not well-formed XML")
        }
    }

    @Test(arguments: ChartSamples.all.map(\.name))
    func textStaysInsideTheViewBoxAndApart(_ name: String) throws {
        let model = try #require(ChartSamples.all.first { $0.name == name }?.model)
        let parsed = SVGTexts.parse(ChartRenderer.svg(for: model))
        #expect(parsed.layoutProblems(width: ChartRenderer.designWidth) == [], "\(name)")
    }

    @Test(arguments: ChartSamples.all.map(\.name))
    func narrowLayoutKeepsTextInsideAndApart(_ name: String) throws {
        let model = try #require(ChartSamples.all.first { $0.name == name }?.model)
        let svg = ChartRenderer.svg(for: model, width: 360)
        // CHART_PREVIEW_DIR=/some/dir writes the narrow variants there, to look at them.
        if let folder = ProcessInfo.processInfo.environment["CHART_PREVIEW_DIR"] {
            try svg.write(toFile: folder + "/\(name)-w360.svg", atomically: true, encoding: .utf8)
        }
        let parsed = SVGTexts.parse(svg)
        #expect(parsed.error == nil)
        #expect(parsed.rootAttributes["aria-labelledby"] == "\(model.id)-w360-title \(model.id)-w360-desc")
        #expect(parsed.layoutProblems(width: 360) == [], "\(name)")
    }

    @Test func outputIsDeterministic() {
        for sample in ChartSamples.all {
            #expect(ChartRenderer.svg(for: sample.model) == ChartRenderer.svg(for: sample.model))
        }
    }

    @Test func hostileLabelsAreEscaped() {
        let model = ChartModel(kind: .bar, id: "x", title: "<script>alert(1)</script>", categories: ["a & b", "\"q\""],
                               series: [.init(name: "<s>", values: [1, 2])])
        let svg = ChartRenderer.svg(for: model)
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("a &amp; b"))
        #expect(SVGTexts.parse(svg).error == nil)
    }

    @Test func neverEmitsNonFiniteNumbers() {
        let weird: [Double?] = [.nan, .infinity, -.infinity, nil, 1e300, -1e300, 0]
        for kind in ChartModel.Kind.allCases {
            let model = ChartModel(kind: kind, id: "w", title: "Weird", categories: (0..<7).map { "c\($0)" },
                                   xValues: [1, 2, .nan, 4, 5, 6, 7], series: [.init(name: "w", values: weird), .init(name: "v", values: [1])])
            let svg = ChartRenderer.svg(for: model)
            #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"), "\(kind)")
            #expect(SVGTexts.parse(svg).error == nil, "\(kind)")
        }
    }
}

/// Reads an SVG with `XMLParser`: whether it is well-formed, its viewBox and every `<text>` with the
/// attributes it has or inherits.
struct SVGTexts {
    var error: String?
    var viewBox: [Double] = []
    var rootAttributes: [String: String] = [:]
    var texts: [SVGBuilder.PlacedText] = []

    static func parse(_ svg: String) -> SVGTexts {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        var result = SVGTexts()
        if !parser.parse() {
            result.error = parser.parserError.map { "\($0)" } ?? "parse failed"
        }
        result.rootAttributes = delegate.root
        result.viewBox = (delegate.root["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        result.texts = delegate.texts
        return result
    }

    /// What is wrong with the text layout: a viewBox other than `0 0 width H`, text whose estimated box
    /// leaves it, or two texts whose boxes overlap. Empty when all is well.
    func layoutProblems(width: Double) -> [String] {
        guard viewBox.count == 4, viewBox[0] == 0, viewBox[1] == 0, viewBox[2] == width else { return ["viewBox \(viewBox)"] }
        var problems: [String] = []
        let boxes = texts.map { SVGBuilder.box(of: $0) }
        for (text, b) in zip(texts, boxes) where b.0 < 0 || b.1 < 0 || b.2 > viewBox[2] || b.3 > viewBox[3] {
            problems.append("'\(text.text)' at \(b) leaves the viewBox")
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let a = boxes[i], b = boxes[j]
                if a.0 < b.2 - 0.5 && b.0 < a.2 - 0.5 && a.1 < b.3 - 0.5 && b.1 < a.3 - 0.5 {
                    problems.append("'\(texts[i].text)' overlaps '\(texts[j].text)'")
                }
            }
        }
        return problems
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var root: [String: String] = [:]
        var stack: [[String: String]] = []
        var texts: [SVGBuilder.PlacedText] = []
        var current: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if stack.isEmpty { root = attributes }
            var inherited = stack.last ?? [:]
            inherited.merge(attributes) { _, new in new }
            stack.append(inherited)
            if name == "text" { current = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let attributes = stack.removeLast()
            if name == "text", let text = current {
                let anchor = SVGBuilder.Anchor(rawValue: attributes["text-anchor"] ?? "start") ?? .start
                texts.append(.init(text: text, x: Double(attributes["x"] ?? "") ?? 0, y: Double(attributes["y"] ?? "") ?? 0,
                                   anchor: anchor, bold: attributes["font-weight"] == "bold"))
                current = nil
            }
        }
    }
}
