import ArgumentParser
import ReportKit

@main
struct ReportGen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reportgen", abstract: "Builds a static report site.")
    func run() throws {}
}
