import ArgumentParser
import Foundation
import ReportKit

/// `reportgen pdf`: the site as `build` writes it, plus the whole report printed to `report.pdf`
/// by headless Chromium and a link to it on every page.
struct PDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Build the site and print the whole report to OUTPUT/report.pdf with headless Chromium.",
        discussion: """
            Does what 'build' does, then prints report.html to report.pdf (page size from site.yml's \
            'paper' option, page numbers, bookmarks from the headings, tagged, fonts embedded) and \
            links it from every page. Needs Chromium on PATH (Debian package 'chromium'); 'build' never does.
            """
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var writing: WritingOptions

    @OptionGroup var output_: OutputOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        var options = writing.buildOptions(site)
        options.pdfEdition = true
        try Build.execute(options, output: output_, diagnostics: diagnostics)
    }
}
