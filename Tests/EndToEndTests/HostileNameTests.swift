import Foundation
import Testing

/// Content whose file names cannot be committed as fixtures (line breaks, escape codes, bytes that
/// are not UTF-8, named pipes, paths longer than the system opens): made at run time in a scratch
/// project holding the good site, then built with the real CLI.
struct HostileNameTests {
    /// A scratch project with the good site in `content/`; `body` gets the project folder.
    func inProject(_ name: String, _ body: (URL) throws -> Void) throws {
        let folder = try CLI.scratchFolder(name)
        defer { Self.removeTree(folder) }
        try CLI.copyFixture("good-site/content", to: folder.appendingPathComponent("content"))
        try body(folder)
    }

    /// Deletes a folder even when its paths are longer than PATH_MAX (`rm` walks by descriptor).
    static func removeTree(_ folder: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", folder.path]
        try? process.run()
        process.waitUntilExit()
    }

    /// Runs `reportgen ARGUMENTS` in `folder`, killing it after `limit` (a hang fails the test
    /// instead of stalling the suite); `nil` when it had to be killed.
    static func run(_ arguments: [String], in folder: URL, limit: Duration = .seconds(60)) throws -> CLI.Run? {
        let errFile = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let process = try CLI.start(arguments, in: folder, stderr: errFile)
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while process.isRunning && clock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return CLI.Run(status: process.terminationStatus, stdout: "",
                       stderr: (try? String(contentsOf: errFile, encoding: .utf8)) ?? "")
    }

    static func build(in folder: URL, output: String = "output") throws -> CLI.Run? {
        try run(["build", "--content", "content", "--output", output, "--theme", CLI.theme.path, "-q"], in: folder)
    }

    static func check(in folder: URL) throws -> CLI.Run? {
        try run(["check", "--content", "content", "--theme", CLI.theme.path, "-q"], in: folder)
    }

    static let failedLine = "build failed: 1 error; the previous output was left as it was\n"

    /// Issue 20, item 1: the marker listed files one a line, so a folder named `x⏎..` holding
    /// `Makefile` put `../Makefile` in the list and the third build deleted the project's Makefile.
    @Test("a line break in a folder name is refused, and nothing outside the output is ever deleted",
          arguments: [("x\n..", "Makefile"), ("x\n../content/data", "t.csv")])
    func lineBreakInFolderName(folderName: String, victim: String) throws {
        try inProject("newline") { folder in
            let makefile = folder.appendingPathComponent("Makefile")
            try Data("precious\n".utf8).write(to: makefile)
            let data = folder.appendingPathComponent("content/data")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            try Data("a,b\n1,2\n".utf8).write(to: data.appendingPathComponent("t.csv"))
            try Data("# T\n\n```table\nid: t\ndata: data/t.csv\ncaption: T\n```\n".utf8).write(to: folder.appendingPathComponent("content/t.md"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/\(folderName)"), withIntermediateDirectories: true)
            try Data("a,b\n6,6\n".utf8).write(to: folder.appendingPathComponent("content/\(folderName)/\(victim)"))
            let expected = """
                content/x\\n..:1:1: error[RG0118]: folder name holds a control character (line feed, U+000A), which cannot be published safely
                hint: rename the folder without control characters (line breaks, tabs, terminal escape codes)

                """
            for _ in 1...3 {
                let run = try #require(try Self.build(in: folder))
                #expect(run.status == 1)
                #expect(run.stderr == expected + Self.failedLine)
                #expect(try String(contentsOf: makefile, encoding: .utf8) == "precious\n")
                #expect(try String(contentsOf: data.appendingPathComponent("t.csv"), encoding: .utf8) == "a,b\n1,2\n")
            }
            let check = try #require(try Self.check(in: folder))
            #expect(check.status == 1)
            #expect(check.stderr == expected)
        }
    }

    /// Issue 20, item 12: names and content values were printed raw, so escape codes reached the terminal.
    @Test("escape codes in file names and content values are printed escaped")
    func escapeCodesArePrintedEscaped() throws {
        try inProject("escape") { folder in
            try Data("# Page\n".utf8).write(to: folder.appendingPathComponent("content/\u{1B}[2Jbuilt.md"))
            let run = try #require(try Self.build(in: folder))
            #expect(run.status == 1)
            #expect(run.stderr == """
                content/\\u{1B}[2Jbuilt.md:1:1: error[RG0118]: file name holds a control character (escape, U+001B), which cannot be published safely
                hint: rename the file without control characters (line breaks, tabs, terminal escape codes)
                \(Self.failedLine)
                """)
        }
        try inProject("escape-value") { folder in
            // A column name in YAML's double quotes: `\e` and `\a` are the escape and bell characters.
            let page = "# T\n\n```table\nid: t\ndata: data/v.csv\ncolumns: [\"\\e]0;owned\\a\"]\ncaption: C\n```\n"
            try Data(page.utf8).write(to: folder.appendingPathComponent("content/value.md"))
            try Data("a,b\n1,2\n".utf8).write(to: folder.appendingPathComponent("content/data/v.csv"))
            let run = try #require(try Self.build(in: folder))
            #expect(run.status == 1)
            // Refused as a control character before the column is looked up; nothing raw is printed.
            #expect(run.stderr == """
                content/value.md:6:11: error[RG0120]: control character U+001B (ESC) in table spec, written as an escape
                hint: an escape such as \\0, \\x01 or \\u0000 in a quoted value writes a control character, which cannot appear in a page; remove it
                \(Self.failedLine)
                """)
            #expect(!run.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        }
    }

    /// Issue 20, item 10: a page linked to a named pipe hung `build` and `check` forever.
    @Test("a named pipe in the content, or a link to one, is an error, not a hang")
    func namedPipes() throws {
        try inProject("fifo") { folder in
            #expect(mkfifo(folder.appendingPathComponent("pipe").path, 0o644) == 0)
            #expect(mkfifo(folder.appendingPathComponent("content/direct.md").path, 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("content/linked.md").path,
                                                       withDestinationPath: "../pipe")
            let expected = """
                content/direct.md:1:1: error[RG0119]: 'content/direct.md' is a named pipe, not a regular file
                hint: only regular files are published: replace it with a regular file, or move it out of the content folder
                content/linked.md:1:1: error[RG0116]: 'content/linked.md' is a symbolic link that leads outside the content folder
                hint: copy the file into the content folder instead of linking to it

                """
            let build = try #require(try Self.build(in: folder), "build hung on a named pipe")
            #expect(build.status == 1)
            #expect(build.stderr == expected + "build failed: 2 errors; the previous output was left as it was\n")
            let check = try #require(try Self.check(in: folder), "check hung on a named pipe")
            #expect(check.status == 1)
            #expect(check.stderr == expected)
        }
        try inProject("fifo-inside") { folder in
            #expect(mkfifo(folder.appendingPathComponent("content/pipe").path, 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("content/linked.md").path,
                                                       withDestinationPath: "pipe")
            let build = try #require(try Self.build(in: folder), "build hung on a named pipe")
            #expect(build.status == 1)
            #expect(build.stderr == """
                content/linked.md:1:1: error[RG0119]: 'content/linked.md' is a symbolic link to a named pipe, not to a regular file
                hint: only regular files are published: replace it with a regular file, or move it out of the content folder
                content/pipe:1:1: error[RG0119]: 'content/pipe' is a named pipe, not a regular file
                hint: only regular files are published: replace it with a regular file, or move it out of the content folder
                build failed: 2 errors; the previous output was left as it was

                """)
        }
    }

    /// Issue 20, item 16: such folders were skipped silently, such files gave "cannot read".
    @Test("names that are not UTF-8 are errors naming the bytes")
    func namesNotUTF8() throws {
        try inProject("latin1") { folder in
            let content = Array(folder.appendingPathComponent("content").path.utf8)
            #expect(mkdir(folder.appendingPathComponent("content/caf\u{E9}-ok").path, 0o755) == 0) // UTF-8: fine
            // Latin-1 "résumé.md", and "dür/page.md".
            #expect(Self.make(content + Array("/r".utf8) + [0xE9] + Array("sum".utf8) + [0xE9] + Array(".md".utf8), folder: false))
            #expect(Self.make(content + Array("/d".utf8) + [0xFC] + Array("r".utf8), folder: true))
            #expect(Self.make(content + Array("/d".utf8) + [0xFC] + Array("r/page.md".utf8), folder: false))
            let run = try #require(try Self.build(in: folder))
            #expect(run.status == 1)
            #expect(run.stderr == """
                content/d\\xFCr:1:1: error[RG0118]: folder name is not valid UTF-8 (byte 0xFC)
                hint: rename the folder so that its name is UTF-8 ('convmv' converts names from other encodings)
                content/r\\xE9sum\\xE9.md:1:1: error[RG0118]: file name is not valid UTF-8 (byte 0xE9)
                hint: rename the file so that its name is UTF-8 ('convmv' converts names from other encodings)
                build failed: 2 errors; the previous output was left as it was

                """)
        }
    }

    /// Creates a file or folder from raw path bytes.
    static func make(_ path: [UInt8], folder: Bool) -> Bool {
        let cString = path.map { CChar(bitPattern: $0) } + [0]
        if folder { return mkdir(cString, 0o755) == 0 }
        let fd = open(cString, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return false }
        _ = "# Page\n".withCString { write(fd, $0, 7) }
        close(fd)
        return true
    }

    /// Issue 20, item 16: folders whose paths passed PATH_MAX were skipped silently.
    @Test("a path longer than the system opens is an error")
    func pathLongerThanPathMax() throws {
        try inProject("long") { folder in
            let name = String(repeating: "d", count: 200)
            var fd = open(folder.appendingPathComponent("content").path, O_RDONLY | O_DIRECTORY)
            for _ in 0..<25 {
                #expect(mkdirat(fd, name, 0o755) == 0)
                let next = openat(fd, name, O_RDONLY | O_DIRECTORY)
                close(fd)
                fd = next
            }
            let page = openat(fd, "deep.md", O_WRONLY | O_CREAT, 0o644)
            close(page)
            close(fd)
            let run = try #require(try Self.build(in: folder))
            #expect(run.status == 1)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines.first?.hasPrefix("content/\(name)/\(name)/") == true)
            #expect(lines.first?.contains(": error[RG0118]: path is ") == true)
            #expect(lines.first?.hasSuffix("bytes long; this system opens paths of at most 4095 bytes") == true)
            #expect(lines.dropFirst().first == "hint: shorten the names of its folders, or move it nearer the top of the content folder")
        }
    }

    /// Issue 20, item 18: an output path through a file gave an error without location or hint.
    @Test("an output folder inside a file names the file, with a hint")
    func outputThroughAFile() throws {
        try inProject("through-file") { folder in
            try Data("notes\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
            let run = try #require(try Self.build(in: folder, output: "notes.txt/site"))
            #expect(run.status == 1)
            #expect(run.stderr == """
                notes.txt:1:1: error[RG0603]: cannot make the output folder 'notes.txt/site': 'notes.txt' is a file, not a folder
                hint: choose an --output whose parent folders are all folders, or move 'notes.txt' away
                \(Self.failedLine)
                """)
            #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "notes\n")
        }
    }

    /// Issue 20, item 18: a failed write (a full disk, a file size limit) named neither a place nor a remedy.
    @Test("a write that fails names the file, the system's reason and a remedy")
    func writeFailure() throws {
        try inProject("write-failure") { folder in
            #expect(try CLI.build(in: folder).status == 0)
            let before = FolderSnapshot(folder.appendingPathComponent("output"))
            // A big page, and a file size limit of 8 KB for the build (SIGXFSZ ignored: the write fails with EFBIG).
            let page = "# Big\n\n" + String(repeating: "A paragraph of the big page.\n\n", count: 2000)
            try Data(page.utf8).write(to: folder.appendingPathComponent("content/big.md"))
            let command = "ulimit -f 8; trap '' XFSZ; exec \"$0\" build --content content --output output --theme \"$1\" -q"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", command, CLI.executable.path, CLI.theme.path]
            process.currentDirectoryURL = folder
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            #expect(stderr.contains(": error[RG0605]: cannot write this file of the site: File too large\n"))
            #expect(stderr.hasPrefix("output/"))
            #expect(stderr.contains("\nhint: the file is larger than this system or your shell allows (see 'ulimit -f')\n"))
            #expect(FolderSnapshot(folder.appendingPathComponent("output")) == before)
        }
    }
}
