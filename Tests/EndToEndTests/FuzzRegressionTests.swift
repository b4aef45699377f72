import Foundation
import Testing

/// Replays the fuzz seed corpus and every input that once crashed a fuzz target
/// (`Tests/Fuzz/regressions/NAME/`) through the plain build of that target: each must give a
/// table, a page or diagnostics, never a trap.
struct FuzzRegressionTests {
    static let targets = ["FuzzCSV", "FuzzFrontMatter", "FuzzDirective", "FuzzPaths", "FuzzChart"]

    @Test("fuzz regressions and seeds run without crashing", arguments: targets)
    func replay(_ target: String) throws {
        let fuzz = CLI.packageRoot.appendingPathComponent("Tests/Fuzz")
        var inputs: [String] = []
        for folder in ["corpus", "regressions"] {
            let url = fuzz.appendingPathComponent("\(folder)/\(target)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            inputs += names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0).path }
        }
        #expect(!inputs.isEmpty)
        let executable = CLI.executable.deletingLastPathComponent().appendingPathComponent(target)
        let process = Process()
        process.executableURL = executable
        process.arguments = inputs
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(target) crashed on one of \(inputs)")
    }
}
