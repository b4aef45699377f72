import Foundation
import Testing

/// `reportgen pdf` with stand-ins for Chromium (the real one is tested by `Tests/browser/test_pdf.py`):
/// what the command asks of it, what it does with the PDF, and its errors.
struct PDFCommandTests {
    /// A folder holding an executable `chromium` shell script with `body`.
    func fakeChromium(_ body: String, in folder: URL) throws -> URL {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = bin.appendingPathComponent("chromium")
        try "#!/bin/sh\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return bin
    }

    func pdf(in folder: URL, path: String) throws -> CLI.Run {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path
        return try CLI.run(["pdf", "--content", "site", "--output", "output", "--theme", CLI.theme.path, "-q"], in: folder, environment: environment)
    }

    /// Writes what Chromium would: a PDF at the path of `--print-to-pdf=`, with a creation date.
    static let printingScript = """
        for argument in "$@"; do case "$argument" in --print-to-pdf=*) out="${argument#--print-to-pdf=}";; --user-data-dir=*) echo "$@" > "${argument#--user-data-dir=}/../args.txt";; esac; done
        test -f "$HOME/../.report-print.html" || exit 3
        printf '%%PDF-1.4\\n<< /CreationDate (D:20261128070807+00'"'"'00'"'"') >>\\n%%%%EOF\\n' > "$out"
        """

    @Test func writesTheReportPDFAndLinksItFromEveryPage() throws {
        let folder = try CLI.scratchFolder("pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.copyFixture("site", to: folder.appendingPathComponent("site"))
        let bin = try fakeChromium(Self.printingScript, in: folder)
        let run = try pdf(in: folder, path: bin.path + ":/usr/bin:/bin")
        #expect(run.status == 0, "\(run.stderr)")
        let output = folder.appendingPathComponent("output")
        let pdf = try String(contentsOf: output.appendingPathComponent("report.pdf"), encoding: .utf8)
        #expect(pdf.contains("/CreationDate (D:20000101000000+00'00')"), "the PDF's date is not fixed: \(pdf)")
        let arguments = try String(contentsOf: output.appendingPathComponent("args.txt"), encoding: .utf8)
        for flag in ["--headless", "--no-pdf-header-footer", "--generate-pdf-document-outline", "/.report-print.html"] {
            #expect(arguments.contains(flag), "Chromium was not given \(flag): \(arguments)")
        }
        let marker = try String(contentsOf: output.appendingPathComponent(".reportgen-output"), encoding: .utf8)
        #expect(marker.contains("\"report.pdf\""))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".report-print.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".chromium").path))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<a href=\"report.pdf\">Whole report as PDF</a>"))
        // A plain build neither needs Chromium nor links a PDF, and removes the old one.
        let build = try CLI.build(content: "site", in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("report.pdf").path))
        #expect(try !String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("report.pdf"))
    }

    @Test func withoutChromiumTheErrorNamesThePackageAndKeepsTheOutput() throws {
        let folder = try CLI.scratchFolder("pdf-missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.copyFixture("site", to: folder.appendingPathComponent("site"))
        #expect(try CLI.build(content: "site", in: folder).status == 0)
        let before = FolderSnapshot(folder.appendingPathComponent("output"))
        let run = try pdf(in: folder, path: folder.appendingPathComponent("nothing").path)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("""
            error[RG0920]: cannot make the PDF edition: Chromium is not installed (no 'chromium' on PATH)
            hint: install it (Debian: sudo apt-get install chromium), or run 'reportgen build' for the site without the PDF
            """), "\(run.stderr)")
        #expect(FolderSnapshot(folder.appendingPathComponent("output")) == before)
    }

    @Test func aFailingChromiumOrAFileLinkInThePDFIsAnError() throws {
        let folder = try CLI.scratchFolder("pdf-fails")
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.copyFixture("site", to: folder.appendingPathComponent("site"))
        let failing = try fakeChromium("echo 'cannot open display' >&2; exit 5", in: folder)
        let run = try pdf(in: folder, path: failing.path + ":/usr/bin:/bin")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("output/report.pdf:1:1: error[RG0610]: Chromium ("), "\(run.stderr)")
        #expect(run.stderr.contains("did not print the report (exit status 5): cannot open display"), "\(run.stderr)")
        let leaking = try fakeChromium("""
            for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 /URI (file:///home/x/report.html)' > "${a#--print-to-pdf=}";; esac; done
            """, in: folder)
        let leak = try pdf(in: folder, path: leaking.path + ":/usr/bin:/bin")
        #expect(leak.status == 1)
        #expect(leak.stderr.contains("error[RG0610]: the PDF holds a file:// link"), "\(leak.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path))
    }
}
