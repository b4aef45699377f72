import ArgumentParser
import Foundation
import ReportKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the site without writing anything.",
        discussion: """
            Validates site.yml and front matter, every data file, every table and chart block, \
            internal links and anchors, cross-references, images without alt text and unused data \
            files, and prints every problem found as 'file:line:column: error|warning[RGxxxx]: message' \
            lines. Exits with status 1 if there is any error (warnings alone exit 0, unless --strict).
            """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Include pages whose front matter says 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors (exit with status 1 if there is any).")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only the problems, not the summary line.")
    var quiet = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        var options = site.buildOptions(output: "output")
        options.includeDrafts = drafts
        options.strict = strict
        let report = SiteChecker(options: options).check()
        diagnostics.printer.print(report.diagnostics)
        if !quiet || report.errors > 0 { Swift.print(report.summary) }
        if report.errors > 0 { throw ExitCode(1) }
    }
}
