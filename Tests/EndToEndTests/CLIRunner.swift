import Foundation
import Testing

/// Runs the built `reportgen` executable in a scratch folder, the way a user would.
enum CLI {
    /// The package checkout (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `reportgen`, built next to the test bundle (the `reportgen` dependency of this target builds it).
    static var executable: URL { Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("reportgen") }

    /// The theme every test site uses.
    static var theme: URL { packageRoot.appendingPathComponent("themes/default") }

    /// The copied `Fixtures` folder.
    static var fixtures: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures") }

    /// What one run of the CLI did.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `reportgen ARGUMENTS` with `folder` as the working directory.
    @discardableResult
    static func run(_ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws -> Run {
        let outFile = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let errFile = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        let process = try start(arguments, in: folder, stdout: outFile, stderr: errFile, environment: environment)
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOf: outFile, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOf: errFile, encoding: .utf8)) ?? "")
    }

    /// Starts `reportgen ARGUMENTS` in `folder` without waiting for it.
    static func start(_ arguments: [String], in folder: URL, stdout: URL? = nil, stderr: URL? = nil,
                      environment: [String: String]? = nil) throws -> Process {
        let process = Process()
        if let environment { process.environment = environment }
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = try stdout.map { try FileHandle(forWritingTo: $0) } ?? FileHandle.nullDevice
        process.standardError = try stderr.map { try FileHandle(forWritingTo: $0) } ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits for `process` to end without blocking a thread of the shared cooperative pool
    /// (long blocking waits there starve the async server tests running beside).
    static func waitForExit(_ process: Process) async throws {
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        process.waitUntilExit()
    }

    /// `build` for async tests: the same run, waited for without blocking.
    static func buildAsync(content: String = "content", output: String = "output", in folder: URL) async throws -> Int32 {
        let process = try start(["build", "--content", content, "--output", output, "--theme", theme.path, "-q"], in: folder)
        try await waitForExit(process)
        return process.terminationStatus
    }

    /// `reportgen build --content CONTENT --output OUTPUT --theme <default theme>` in `folder`.
    @discardableResult
    static func build(content: String = "content", output: String = "output", in folder: URL, quiet: Bool = true) throws -> Run {
        try run(["build", "--content", content, "--output", output, "--theme", theme.path] + (quiet ? ["-q"] : []), in: folder)
    }

    /// A fresh scratch folder, removed by the caller with `FileManager.removeItem`.
    static func scratchFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-e2e-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// Copies a fixture folder (relative to `Fixtures`) to `destination`.
    static func copyFixture(_ path: String, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(path), to: destination)
    }
}

/// Every file of a folder with its bytes, by relative path: what "byte-identical" compares.
struct FolderSnapshot: Equatable {
    var files: [String: Data]

    init(_ folder: URL) {
        files = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return }
        while let relative = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                files[relative] = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
            }
        }
    }
}
