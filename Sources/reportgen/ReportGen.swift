import ArgumentParser
import Foundation
import ReportKit

@main
struct ReportGen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportgen",
        abstract: "Builds a static, offline-readable report site from Markdown, data files and a theme.",
        version: ReportgenVersion.current,
        subcommands: [Build.self, Check.self, Serve.self, New.self, ThemeCommand.self, PDF.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: Markdown pages, site.yml and data files.", valueName: "dir"))
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("The theme folder (default: site.yml's 'theme', a folder relative to the content folder, else the built-in theme).", valueName: "dir"))
    var theme: String?

    func buildOptions(output: String) -> BuildOptions {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return BuildOptions(contentFolder: URL(fileURLWithPath: content, relativeTo: cwd),
                            outputFolder: URL(fileURLWithPath: output, relativeTo: cwd),
                            themeFolder: theme.map { URL(fileURLWithPath: $0, relativeTo: cwd) },
                            projectRoot: cwd)
    }
}

/// Options of the commands that write a site (`build`, `pdf`).
struct WritingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder the site is written to; replaced whole on success.", valueName: "dir"))
    var output: String = "output"

    @Flag(name: .long, help: "Include pages whose front matter says 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors: fail and leave the output as it was if there is any.")
    var strict = false

    func buildOptions(_ site: SiteOptions) -> BuildOptions {
        var options = site.buildOptions(output: output)
        options.includeDrafts = drafts
        options.strict = strict
        return options
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
            Reads the content folder, renders every page and writes the site into a staging folder, \
            which replaces the output folder only when the build succeeded. On error, prints \
            'file:line:column: error[RGxxxx]: message' lines with hints and exits with status 1.
            """
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var writing: WritingOptions

    @OptionGroup var output_: OutputOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    /// For reportgen's own GFM spec test only (`Tests/gfm-spec/`), hence absent from `--help`: an
    /// explicit flag on each command, not an environment variable that a shell or CI setting could
    /// carry into real builds unseen. Every build with it says so on standard error.
    @Flag(name: .customLong("test-only-unchecked-links"), help: ArgumentHelp(visibility: .private))
    var testOnlyUncheckedLinks = false

    func run() throws {
        var options = writing.buildOptions(site)
        options.testOnlyUncheckedLinks = testOnlyUncheckedLinks
        if testOnlyUncheckedLinks {
            diagnostics.printer.print([.warning(.testOnlyFlag, "links are neither checked nor rewritten (--test-only-unchecked-links is for reportgen's own tests)")])
        }
        try Self.execute(options, output: output_, diagnostics: diagnostics)
    }

    /// Builds with `options`, showing progress, warnings and the summary line as `output` and
    /// `diagnostics` say (shared by `build` and `pdf`).
    static func execute(_ options: BuildOptions, output: OutputOptions, diagnostics: DiagnosticOptions) throws {
        var options = options
        options.leavesMemoryToProcessExit = true  // the process ends right after
        var builder = SiteBuilder(options: options)
        let progress = TerminalProgress(verbose: output.verbose, quiet: output.quiet, progressLine: diagnostics.format == .human,
                                        timings: diagnostics.format == .human ? .standardError : .standardOutput)
        builder.observer = progress
        do {
            let report = try builder.build()
            progress.finish()
            diagnostics.printer.print(report.warnings)
            if !output.quiet { Swift.print(report.summary) }
        } catch {
            progress.finish()
            throw diagnostics.printer.fail(error)
        }
    }
}
