import Foundation
import Testing
@testable import ReportKit

/// `build`, `check` and `serve` (the incremental builder) must give the same verdict on the same
/// input: every case of the bad-input corpus goes through all three. Their errors (location,
/// severity, message, hint) must be the same; build and serve must give the same warnings, and
/// check the same or more (it goes on past the step where a build stops, so it may reach the
/// site-wide warnings a failed build never gets to), exactly the same when the build succeeds.
struct DriverParityTests {
    /// What one driver said about a content folder: its diagnostics as printed, sorted.
    struct Verdict: Equatable, CustomStringConvertible {
        var errors: [String]
        var warnings: [String]
        var description: String { (errors + warnings).joined(separator: "\n") }

        init(_ diagnostics: [Diagnostic]) {
            let sorted = DiagnosticList(diagnostics).sorted
            errors = Array(Set(sorted.filter { $0.severity == .error }.map(\.description))).sorted()
            warnings = Array(Set(sorted.filter { $0.severity == .warning }.map(\.description))).sorted()
        }
    }

    /// A scratch copy of the case's content (with its run-time symbolic links) and build options for it.
    static func prepare(_ name: String) throws -> (URL, BuildOptions) {
        let folder = try CLI.scratchFolder("parity-\(name)")
        try CLI.copyFixture("bad-inputs/\(name)/content", to: folder.appendingPathComponent("content"))
        try BadInputTests.setups[name]?(folder)
        let options = BuildOptions(contentFolder: folder.appendingPathComponent("content"),
                                   outputFolder: folder.appendingPathComponent("output"),
                                   themeFolder: CLI.theme, projectRoot: folder)
        return (folder, options)
    }

    static func buildVerdict(_ options: BuildOptions) -> Verdict {
        do throws(DiagnosticList) {
            return Verdict(try SiteBuilder(options: options).build().warnings)
        } catch {
            return Verdict(error.diagnostics)
        }
    }

    static func checkVerdict(_ options: BuildOptions) -> Verdict {
        Verdict(SiteChecker(options: options).check().diagnostics)
    }

    static func incrementalVerdict(_ options: BuildOptions) -> Verdict {
        var builder = IncrementalBuilder(options: options)
        do throws(DiagnosticList) {
            return Verdict(try builder.build().warnings)
        } catch {
            return Verdict(error.diagnostics)
        }
    }

    @Test("build, check and the incremental builder agree on every bad input", arguments: BadInputTests.caseNames)
    func sameVerdict(_ name: String) throws {
        let (folder, options) = try Self.prepare(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        let build = Self.buildVerdict(options)
        let check = Self.checkVerdict(options)
        let incremental = Self.incrementalVerdict(options)
        #expect(check.errors == build.errors, "\(name): check said\n\(check)\nbuild said\n\(build)")
        #expect(Set(check.warnings).isSuperset(of: build.warnings), "\(name): check said\n\(check)\nbuild said\n\(build)")
        if build.errors.isEmpty { #expect(check.warnings == build.warnings, "\(name): check said\n\(check)\nbuild said\n\(build)") }
        #expect(incremental == build, "\(name): the incremental builder said\n\(incremental)\nbuild said\n\(build)")
    }
}
