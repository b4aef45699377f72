import Foundation
import Testing
@testable import ReportKit

/// Our two built-in styles against `pandoc --citeproc` with Debian's CSL files
/// (`citation-style-language-styles`), on `Fixtures/citations/`: a `.bib` with every supported
/// entry type and the citations of `citations.md` (locators, several works, narrative,
/// suppressed author, disambiguation, et al.). Text is compared after normalising
/// whitespace and Unicode. Differences we keep on purpose are listed in `knownDifferences` (and in
/// the README) with the reason; any other difference fails. Skipped when pandoc is not installed.
struct CitationPandocComparisonTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("citations")
    static let styles = "/usr/share/citation-style-language/styles"

    /// Lines where our output differs from Pandoc 2.17's on purpose: Pandoc's line → the reason.
    static let knownDifferences: [String: String] = [
        "C23: [20], tbl. 3": "Pandoc 2.17's English locale does not know 'tbl.' as a locator, so it keeps ', tbl. 3' as text after the brackets; we read it as a table locator, as the Chicago output shows it, and IEEE prints it inside: [20, Tbl. 3]",
        "[19] 吴贵鹃., “互联网消费金融,” 电子商务评论, 2024.": "Pandoc initialises the given name of a CJK name written 'Family, Given' and adds a stray period; CJK names are never initialised here",
    ]

    @Test(arguments: [CitationStyle.authorDate, .numeric])
    func matchesPandoc(_ style: CitationStyle) throws {
        let csl = "\(Self.styles)/\(style == .authorDate ? "chicago-author-date" : "ieee").csl"
        guard let pandoc = Self.pandocPath(), FileManager.default.fileExists(atPath: csl) else {
            print("skipped: pandoc or \(csl) is not installed (apt-get install pandoc citation-style-language-styles)")
            return
        }
        let bib = Self.fixtures.appendingPathComponent("references.bib")
        let markdown = Self.fixtures.appendingPathComponent("citations.md")
        let theirs = try Self.run(pandoc, [markdown.path, "--citeproc", "--bibliography", bib.path, "--csl", csl, "-t", "plain", "--wrap=none"])
        let ours = try Self.ours(style: style, bib: bib, markdown: markdown)
        let theirLines = Self.paragraphs(theirs), ourLines = Self.paragraphs(ours)
        var problems: [String] = []
        for (index, line) in theirLines.enumerated() {
            let mine = index < ourLines.count ? ourLines[index] : "(missing)"
            if mine != line && Self.knownDifferences[line] == nil { problems.append("pandoc: \(line)\nours:   \(mine)") }
        }
        if ourLines.count > theirLines.count { problems.append("extra lines: \(ourLines[theirLines.count...])") }
        #expect(problems.isEmpty, "\(style): \(problems.count) differences\n\(problems.joined(separator: "\n\n"))")
    }

    /// The fixture formatted by our processor, in Pandoc's plain-text layout.
    static func ours(style: CitationStyle, bib: URL, markdown: URL) throws -> String {
        let references = try BibTeXParser.parse(String(contentsOf: bib, encoding: .utf8), file: "references.bib").map(BibTeXMapping.reference)
        let lines = try String(contentsOf: markdown, encoding: .utf8).split(separator: "\n").map(String.init)
        let citations = lines.map { line in CitationScanner.scan(line).map(\.citation) }
        let processor = CitationProcessor(style: style, references: references, cited: citations.flatMap { $0.flatMap { $0.items.map(\.key) } })
        var out: [String] = []
        for (line, found) in zip(lines, citations) where !found.isEmpty {
            var text = line
            for match in CitationScanner.scan(line).reversed() { text.replaceSubrange(match.range, with: processor.citation(match.citation).plain) }
            out.append(text)
        }
        for (key, entry) in processor.bibliography(Set(processor.order)) {
            out.append(style == .numeric ? "[\(processor.numbers[key]!)] \(entry.plain)" : entry.plain)
        }
        return out.joined(separator: "\n\n")
    }

    /// Non-empty paragraphs, whitespace collapsed, in Unicode NFC; Pandoc's `ı́` (dotless i with a
    /// combining acute, from `{\'\i}`) read as `í` (see `knownDifferences`' reason).
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { paragraph in
            paragraph.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: "ı\u{301}", with: "í")
                .replacingOccurrences(of: "\u{A0}", with: " ").precomposedStringWithCanonicalMapping
        }.filter { !$0.isEmpty }
    }

    static func pandocPath() -> String? {
        ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
