import ArgumentParser
import Foundation
import ReportKit

/// How problems are printed (`--diagnostics-format`).
enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// `file:line:column: error[RG0201]: message`, then `hint: ...`: for people.
    case human
    /// One JSON object per line (JSON Lines, `Diagnostic.jsonLine`): for editors and CI.
    case json
}

/// The `--diagnostics-format` option of `build`, `check` and `serve`.
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .customLong("diagnostics-format"),
            help: ArgumentHelp("How problems are printed on standard error: 'human', or 'json' (one JSON object per line; "
                               + "the summary line then goes to standard output, so standard error holds only JSON).",
                               valueName: "human|json"))
    var format: DiagnosticsFormat = .human

    var printer: DiagnosticPrinter { DiagnosticPrinter(format: format) }
}

/// Prints diagnostics on standard error, compiler-style or as JSON Lines. With JSON, nothing
/// else is written to standard error: summary lines go to standard output.
struct DiagnosticPrinter: Sendable {
    var format: DiagnosticsFormat = .human

    /// The diagnostics, one per line (a human one may take two: its `hint:` line).
    func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let lines = diagnostics.map { format == .json ? $0.jsonLine : $0.description }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// A line about the run (`build failed: ...`): standard error beside human diagnostics,
    /// standard output beside JSON ones.
    func summary(_ line: String) {
        (format == .json ? FileHandle.standardOutput : FileHandle.standardError).write(Data((line + "\n").utf8))
    }

    /// Prints a failed build's diagnostics and summary; the exit code to throw.
    func fail(_ list: DiagnosticList) -> ExitCode {
        print(list.sorted)
        let errors = list.errors.count
        summary("build failed: \(errors) error\(errors == 1 ? "" : "s"); the previous output was left as it was")
        return ExitCode(1)
    }
}
