import ArgumentParser
import Foundation
import ReportKit
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `--quiet` and `--verbose`, shared by the commands that build.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing on success (errors and warnings still go to standard error).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print how long each build step took.")
    var verbose = false
}

/// Shows build progress on standard error: a self-updating "rendering pages 120/500" line when
/// standard error is a terminal and the build takes a while (nothing for quick builds, nothing
/// when piped), and per-step timings with `--verbose`.
final class TerminalProgress: BuildObserver, Sendable {
    struct Counts {
        var total = 0
        var done = 0
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
        /// The process's CPU time when each running step started, by name (`--verbose`; a
        /// multilingual site's editions are written at the same time, their steps named apart).
        var stepCPU: [String: Double] = [:]
    }

    let verbose: Bool
    let showsLine: Bool
    let start = ContinuousClock.now
    let counts = Mutex(Counts())
    /// Quick builds show no progress line at all.
    static let delay = Duration.milliseconds(300)

    /// Where the `--verbose` timings go (standard output when standard error holds JSON diagnostics).
    let timings: FileHandle

    /// `progressLine: false` prints only the `--verbose` timings (for `serve`, whose log is line by line).
    init(verbose: Bool, quiet: Bool, progressLine: Bool = true, timings: FileHandle = .standardError) {
        self.verbose = verbose && !quiet
        showsLine = progressLine && !quiet && isatty(STDERR_FILENO) == 1
        self.timings = timings
    }

    func pagesToRender(_ count: Int) {
        counts.withLock { $0.total = count; $0.done = 0 }
    }

    func pageRendered() {
        guard showsLine else { return }
        let line: String? = counts.withLock { counts in
            counts.done += 1
            let now = ContinuousClock.now
            guard now - start >= Self.delay, counts.lastDraw.map({ now - $0 >= .milliseconds(80) }) ?? true || counts.done == counts.total else { return nil }
            counts.lastDraw = now
            counts.drawn = true
            return "\r\u{1B}[2Krendering pages \(counts.done)/\(counts.total)"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// What the progress line says during a step (rendering shows page counts instead).
    static let stepLabels = ["loadContent": "reading pages", "loadData": "loading data", "loadTheme": "loading the theme", "checkOutputPaths": "checking output paths",
                             "resolveReferences": "numbering figures and checking links", "prepareOutput": "writing the site",
                             "prepareLayout": "writing the site", "createFolders": "writing the site", "layoutPages": "writing pages",
                             "writeSearchIndex": "writing the search index", "writeWholeReport": "writing the whole report", "copyFiles": "copying files", "printPDF": "printing the PDF with Chromium", "commitOutput": "replacing the output folder"]

    func stepStarted(_ name: String) {
        if verbose {
            let cpu = Self.processCPUTime()
            counts.withLock { $0.stepCPU[name] = cpu }
        }
        guard showsLine, let label = Self.stepLabels[String(name.prefix { $0 != "/" })], ContinuousClock.now - start >= Self.delay else { return }
        counts.withLock { $0.drawn = true }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(label)…".utf8))
    }

    func stepFinished(_ name: String, duration: Duration) {
        clearLine()
        guard verbose else { return }
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        // CPU time too (all threads): steady when the machine is busy, and CPU over wall shows how parallel a step is
        // (steps running at the same time, the editions', each count the other's too).
        let cpu = (Self.processCPUTime() - (counts.withLock { $0.stepCPU.removeValue(forKey: name) } ?? 0)) * 1000
        let line = name.padding(toLength: max(20, name.count + 1), withPad: " ", startingAt: 0) + String(format: "%8.1f ms  cpu %8.1f ms\n", milliseconds, cpu)
        timings.write(Data(line.utf8))
    }

    /// User and system CPU time of the whole process so far, in seconds.
    static func processCPUTime() -> Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Removes the progress line, if one is shown.
    func finish() { clearLine() }

    func clearLine() {
        let drawn = counts.withLock { counts in
            defer { counts.drawn = false }
            return counts.drawn
        }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
