import Foundation

/// The PDF edition (`reportgen pdf`): the whole report (`report.html`) printed to `report.pdf` by
/// headless Chromium, inside the staging folder, before the site replaces the output.
///
/// Chromium's command line does all that is needed (`--print-to-pdf`): the page size and the
/// margin boxes (title, "page N of M") come from the theme's `@page` rules, `--no-pdf-header-footer`
/// drops the browser's own header and footer (which print the `file://` path and a date),
/// `--generate-pdf-document-outline` makes the bookmarks from the headings, the PDF is tagged and
/// its fonts are embedded as subsets. A DevTools session would add nothing the CSS cannot say.
///
/// Chromium runs offline, with its profile, cache and home inside the staging folder (removed
/// afterwards), so it writes nothing outside the output. It prints a copy of the report whose
/// links to other files are made plain text (in a PDF they would be `file://` links); the PDF's
/// creation dates are replaced by a fixed one and its structure elements' ids renumbered
/// (`PDFBytes`), so unchanged input gives the same bytes.
struct PDFEdition: Sendable {
    static let fileName = "report.pdf"
    /// The copy of the report Chromium prints, and its private folder (both removed after printing).
    static let printCopyName = ".report-print.html"
    static let browserFolderName = ".chromium"
    /// Names of the Chromium executable looked up on PATH, in order.
    static let executableNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// How long printing may take before Chromium is stopped.
    static let timeoutSeconds = 180.0

    let staging: URL
    let displayOutput: String
    /// The report's title, for the PDF's document properties.
    let title: String
    /// The language edition's folder (`zh/`: `zh/report.html` is printed to `zh/report.pdf`); empty for the default.
    var folder = ""

    /// Prints `report.html` of the staging folder to `report.pdf` beside it.
    func write() throws(DiagnosticList) {
        guard let chromium = Self.findChromium(path: ProcessInfo.processInfo.environment["PATH"] ?? "") else {
            throw DiagnosticList(.error(.chromiumNotFound, "cannot make the PDF edition: Chromium is not installed (no 'chromium' on PATH)",
                                        at: nil, hint: "install it (Debian: sudo apt-get install chromium), or run 'reportgen build' for the site without the PDF"))
        }
        let fileManager = FileManager.default
        let report = staging.appendingPathComponent(folder + WholeReport.fileName)
        let copy = staging.appendingPathComponent(folder + Self.printCopyName)
        let browser = staging.appendingPathComponent(Self.browserFolderName)
        let pdf = staging.appendingPathComponent(folder + Self.fileName)
        defer {
            try? fileManager.removeItem(at: copy)
            try? fileManager.removeItem(at: browser)
        }
        guard let html = try? String(contentsOf: report, encoding: .utf8) else {
            throw failure("the whole report was not written, so there is nothing to print", hint: "set 'whole_report: true' under options in site.yml")
        }
        do {
            try Data(Self.printCopy(of: html, title: title).utf8).write(to: copy)
            try fileManager.createDirectory(at: browser, withIntermediateDirectories: true)
            try? fileManager.removeItem(at: pdf)
        } catch {
            throw failure("cannot prepare the report for printing: \(error.localizedDescription)", hint: "check that the output folder's parent is writable")
        }
        let log = browser.appendingPathComponent("chromium.log")
        let status = run(chromium, arguments: Self.arguments(copy: copy, pdf: pdf, profile: browser), home: browser, log: log)
        guard status == 0, var bytes = try? [UInt8](Data(contentsOf: pdf)), bytes.starts(with: Array("%PDF-".utf8)) else {
            let said = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
            throw failure("Chromium (\(chromium)) did not print the report" + (status == 0 ? "" : " (exit status \(status))") + (said.isEmpty ? "" : ": \(said)"),
                          hint: "run 'chromium --headless --print-to-pdf=out.pdf \(displayOutput)/\(WholeReport.fileName)' to see what goes wrong")
        }
        if bytes.firstRange(of: Array("file://".utf8), from: 0) != nil {
            throw failure("the PDF holds a file:// link", hint: "a link of the report to another file survived into the PDF; please report it")
        }
        PDFBytes.fixDates(&bytes)
        PDFBytes.renumberNodeIDs(&bytes)
        do { try Data(bytes).write(to: pdf) } catch {
            throw failure("cannot write '\(Self.fileName)': \(error.localizedDescription)", hint: "check the free space and permissions of the output folder")
        }
    }

    func failure(_ message: String, hint: String) -> DiagnosticList {
        DiagnosticList(.error(.pdfFailed, message, at: SourceLocation(file: displayOutput + "/" + Self.fileName), hint: hint))
    }

    /// Chromium's command line: headless, offline, no browser header or footer, an outline, its
    /// own profile; `--no-sandbox` only where Chromium refuses to start without it (as root).
    static func arguments(copy: URL, pdf: URL, profile: URL) -> [String] {
        var arguments = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-breakpad",
                         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                         "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--generate-pdf-document-outline",
                         "--print-to-pdf=\(pdf.path)"]
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 0) }
        return arguments + [copy.absoluteURL.absoluteString]
    }

    /// Runs Chromium with HOME and the XDG folders inside `home`; its output goes to `log`.
    func run(_ executable: String, arguments: [String], home: URL, log: URL) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for key in ["HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"] { environment[key] = home.path }
        process.environment = environment
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle ?? FileHandle.nullDevice
        process.standardError = handle ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        let deadline = Date().addingTimeInterval(Self.timeoutSeconds)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit(); return -2 }
        process.waitUntilExit()
        try? handle?.close()
        return process.terminationStatus
    }

    /// The first executable Chromium in the folders of `path` (a PATH value).
    static func findChromium(path: String) -> String? {
        for name in executableNames {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = String(folder) + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The report with every `<a href>` to another file turned into plain text (`data-href`), so
    /// that the PDF holds no `file://` link; anchors inside the report and web links stay links.
    /// Its `<title>` (the PDF's title) is the report's; it has no scripts.
    static func printCopy(of html: String, title: String) -> String {
        var text = html
        if let open = text.range(of: "<title>"), let close = text[open.upperBound...].range(of: "</title>") {
            text.replaceSubrange(open.upperBound..<close.lowerBound, with: title.htmlEscaped)
        }
        // No script: the page prints the same whatever the scripts had time to do (the theme's
        // scripts only add what print hides: search, heading links, current-section marks).
        while let open = text.range(of: "<script"), let close = text[open.lowerBound...].range(of: "</script>") {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        let bytes = Array(text.utf8)
        let anchorOpen = Array("<a ".utf8), href = Array(" href=\"".utf8), plainHref = Array(" data-href=\"".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1024)
        var position = 0
        while let open = bytes.firstRange(of: anchorOpen, from: position) {
            let tagEnd = bytes[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            out += bytes[position..<open.lowerBound]
            position = open.lowerBound
            // `href` is looked for in this tag only (a copy of a few bytes), not in the rest of the page.
            if let found = Array(bytes[open.lowerBound..<tagEnd]).firstRange(of: href, from: 0) {
                let attribute = (found.lowerBound + open.lowerBound)..<(found.upperBound + open.lowerBound)
                let valueEnd = bytes[attribute.upperBound..<tagEnd].firstIndex(of: UInt8(ascii: "\"")) ?? tagEnd
                let value = String(decoding: bytes[attribute.upperBound..<valueEnd], as: UTF8.self)
                if !keepsLink(HTMLEntities.decoding(value)) {
                    out += bytes[open.lowerBound..<attribute.lowerBound] + plainHref
                    position = attribute.upperBound
                }
            }
            out += bytes[position..<tagEnd]
            position = tagEnd
        }
        out += bytes[position...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Links a PDF may hold: to an anchor of the report, or a web or mail address.
    static func keepsLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return url.hasPrefix("#") || lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
    }
}

/// Small edits of a PDF's bytes that keep its length (so its cross-reference table stays right),
/// making Chromium's output the same for the same input: fixed dates, structure-element ids renumbered.
enum PDFBytes {
    /// The date written in place of Chromium's creation and modification times.
    static let fixedDate = Array("20000101000000".utf8)

    /// Replaces the 14 digits after `/CreationDate (D:` and `/ModDate (D:` with `fixedDate`.
    static func fixDates(_ bytes: inout [UInt8]) {
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var searchStart = 0
            while let found = bytes.firstRange(of: pattern, from: searchStart) {
                let digits = found.upperBound
                guard digits + fixedDate.count <= bytes.count,
                      bytes[digits..<(digits + fixedDate.count)].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                    searchStart = found.upperBound
                    continue
                }
                bytes.replaceSubrange(digits..<(digits + fixedDate.count), with: fixedDate)
                searchStart = digits + fixedDate.count
            }
        }
    }

    /// Renumbers the ids of the tagged PDF's structure elements, `(node00000560)`: Chromium takes
    /// them from a counter of the page's DOM nodes, which one print can start one higher than
    /// another (seen in CI). Each id becomes its rank among the ids (same order, so the sorted id
    /// tree stays sorted; same eight digits, so the length does not change).
    static func renumberNodeIDs(_ bytes: inout [UInt8]) {
        let prefix = Array("(node".utf8), width = 8
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var places: [(at: Int, id: Int)] = []
        var searchStart = 0
        while let found = bytes.firstRange(of: prefix, from: searchStart) {
            let digits = found.upperBound
            searchStart = found.upperBound
            guard digits + width < bytes.count, bytes[digits + width] == UInt8(ascii: ")"),
                  bytes[digits..<(digits + width)].allSatisfy(isDigit) else { continue }
            places.append((digits, bytes[digits..<(digits + width)].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }))
        }
        let rank = Dictionary(uniqueKeysWithValues: Set(places.map(\.id)).sorted().enumerated().map { ($0.element, $0.offset) })
        for place in places {
            let digits = Array(String(rank[place.id]!).utf8)
            bytes.replaceSubrange(place.at..<(place.at + width), with: [UInt8](repeating: UInt8(ascii: "0"), count: width - digits.count) + digits)
        }
    }
}
