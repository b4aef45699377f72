import Foundation
import FuzzSupport
import ReportKit

/// libFuzzer target for pages: the input (decoded as UTF-8 the way pages are, so invalid bytes
/// give their own diagnostic) is split into front matter and body, and the body is rendered.
func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    fuzzPage(bytes)
    return 0
}

/// What the input gave: "ok" or its diagnostics.
@discardableResult
func fuzzPage(_ bytes: [UInt8]) -> String {
    do throws(DiagnosticList) {
        let text = try SourceText.decode(Data(bytes), displayPath: "content/fuzz.md")
        let split = try FrontMatter.split(text, file: "content/fuzz.md")
        precondition(split.bodyFirstLine >= 1)
        // The body too: Markdown with headings, links and cross-references. With or without raw
        // HTML (scripts are a separate opt-in), no script element or script URL may come out,
        // whatever the input.
        let allowRawHTML = bytes.count % 7 == 0
        let output = MarkdownRenderer(allowRawHTML: allowRawHTML).render(split.body, file: "content/fuzz.md", firstLine: split.bodyFirstLine)
        let html = output.html.lowercased()
        precondition(!html.contains("<script"), "a script element in rendered Markdown")
        precondition(!html.contains("href=\"javascript:") && !html.contains("src=\"javascript:"), "a script URL in rendered Markdown")
        return (["ok"] + split.warnings.map(\.description)).joined(separator: "\n")
    } catch {
        precondition(!error.diagnostics.isEmpty, "a failure without diagnostics")
        return error.description
    }
}

#if FUZZING
/// The symbol libFuzzer looks for (only in the fuzzer build: the test bundle links all three targets).
@_cdecl("LLVMFuzzerTestOneInput")
public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzFrontMatter(data, size)
}
#endif

/// See `runFuzzTarget`: libFuzzer in the fuzzer build, replay of files given as arguments otherwise.
@main
enum FuzzFrontMatterMain {
    static func main() {
        runFuzzTarget(fuzzFrontMatter, replay: fuzzPage)
    }
}
