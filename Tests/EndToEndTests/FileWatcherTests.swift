import Foundation
@testable import ReportServer
import Testing

/// `FileWatcher`: what counts as a change, and bursts reported once.
struct FileWatcherTests {
    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reportgen-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: folder.appendingPathComponent("page.md"))
        try Data("x,y\n".utf8).write(to: folder.appendingPathComponent("data/t.csv"))
        return folder
    }

    @Test func snapshotsSeeEditsAdditionsAndRemovalsButNotHiddenFiles() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher(paths: [folder])
        let before = watcher.snapshot()
        try Data("x,y\n1,2\n".utf8).write(to: folder.appendingPathComponent("data/t.csv"))
        try Data("b".utf8).write(to: folder.appendingPathComponent("new.md"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("page.md"))
        try Data("swap".utf8).write(to: folder.appendingPathComponent(".page.md.swp"))
        let changed = FileWatcher.changes(from: before, to: watcher.snapshot()).map { String($0.dropFirst(folder.path.count + 1)) }
        #expect(changed == ["data/t.csv", "new.md", "page.md"])
    }

    @Test(.timeLimit(.minutes(1)))
    func aBurstOfSavesIsReportedOnce() async throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher(paths: [folder], interval: .milliseconds(20), quietPeriod: .milliseconds(100))
        let stream = watcher.changes()
        let collector = Task {
            var batches: [[String]] = []
            for await batch in stream {
                batches.append(batch.map { String($0.dropFirst(folder.path.count + 1)) })
                if batches.count == 1 { break }
            }
            return batches
        }
        try await Task.sleep(for: .milliseconds(100))
        for index in 0..<4 {
            try Data("edit \(index)".utf8).write(to: folder.appendingPathComponent("page.md"))
            try await Task.sleep(for: .milliseconds(30))
        }
        try Data("x,y\n3,4\n".utf8).write(to: folder.appendingPathComponent("data/t.csv"))
        let batches = await collector.value
        #expect(batches == [["data/t.csv", "page.md"]])
    }
}
