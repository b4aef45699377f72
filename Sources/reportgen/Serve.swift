import ArgumentParser
import Foundation
import ReportKit
import ReportServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on http://127.0.0.1:PORT, rebuilding and reloading on every change.",
        discussion: """
            Builds the site into a preview folder, serves it on 127.0.0.1 and watches the content \
            folder and the themes. Saving a page, a data file, site.yml or a template rebuilds what \
            changed and reloads the open pages. Build errors are printed here and shown over the \
            page in the browser; the server keeps running until they are fixed. Stop with Ctrl-C.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .shortAndLong, help: "The port to listen on (127.0.0.1 only).")
    var port: UInt16 = 8000

    @Option(name: .long, help: ArgumentHelp("The preview folder (never the published output).", valueName: "dir"))
    var previewFolder: String = ".build-serve-output"

    @Flag(name: .long, help: "Include pages whose front matter says 'draft: true'.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print how long each step of every rebuild took.")
    var verbose = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() async throws {
        var options = site.buildOptions(output: previewFolder)
        options.includeDrafts = drafts
        let printer = diagnostics.printer
        var configuration = PreviewServer.Configuration(options: options, port: port, log: { line in printer.summary(line) })
        configuration.diagnostics = { printer.print($0) }
        if verbose {
            configuration.observer = TerminalProgress(verbose: true, quiet: false, progressLine: false,
                                                      timings: printer.format == .human ? .standardError : .standardOutput)
        }
        let server = PreviewServer(configuration)
        let actualPort: UInt16
        do {
            actualPort = try await server.start()
        } catch let error as PreviewServer.StartError {
            printer.print([error.diagnostic])
            throw ExitCode(1)
        }
        let watched = server.watchedPaths.map { options.display($0) }.joined(separator: ", ")
        FileHandle.standardOutput.write(Data("serving http://127.0.0.1:\(actualPort)/ (watching \(watched)); press Ctrl-C to stop\n".utf8))
        await server.runUntilCancelled()
    }
}
