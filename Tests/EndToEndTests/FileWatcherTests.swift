import Foundation
@testable import ReportServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

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

    /// `differs(from:)` (the periodic full scan, which builds no snapshot) agrees with comparing snapshots.
    @Test func aScanWithoutSnapshotSeesEditsAdditionsAndRemovals() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher(paths: [folder.appendingPathComponent("data"), folder.appendingPathComponent("page.md")])
        var known = watcher.snapshot()
        #expect(!watcher.differs(from: known))
        try Data("swap".utf8).write(to: folder.appendingPathComponent("data/.t.csv.swp"))
        try Data("beside".utf8).write(to: folder.appendingPathComponent("other.md"))
        #expect(!watcher.differs(from: known))
        let edits: [() throws -> Void] = [
            { try Data("x,y\n1,2\n".utf8).write(to: folder.appendingPathComponent("data/t.csv")) },
            { try Data("b".utf8).write(to: folder.appendingPathComponent("page.md")) },
            { try Data("b".utf8).write(to: folder.appendingPathComponent("data/new.csv")) },
            { try FileManager.default.removeItem(at: folder.appendingPathComponent("data/new.csv")) },
            { try FileManager.default.createDirectory(at: folder.appendingPathComponent("data/empty"), withIntermediateDirectories: false) },
        ]
        for edit in edits {
            try edit()
            #expect(watcher.differs(from: known))
            known = watcher.snapshot()
            #expect(!watcher.differs(from: known))
        }
    }

    /// The first batch `watcher` reports while `edit` runs, as paths relative to `folder`.
    static func firstBatch(of watcher: FileWatcher, in folder: URL, after edit: @Sendable () async throws -> Void) async throws -> [String] {
        let stream = watcher.changes()
        let collector = Task {
            for await batch in stream { return batch.map { String($0.dropFirst(folder.path.count + 1)) } }
            return []
        }
        try await edit()
        return await collector.value
    }

    @Test(.timeLimit(.minutes(1)))
    func savesInQuickSuccessionAreReportedOnce() async throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher(paths: [folder], interval: .milliseconds(20), quietPeriod: .milliseconds(100),
                                  settleAfterClose: .milliseconds(50))
        let batch = try await Self.firstBatch(of: watcher, in: folder) {
            for index in 0..<4 { try Data("edit \(index)".utf8).write(to: folder.appendingPathComponent("page.md")) }
            try Data("x,y\n3,4\n".utf8).write(to: folder.appendingPathComponent("data/t.csv"))
        }
        #expect(batch == ["data/t.csv", "page.md"])
    }

    @Test(.timeLimit(.minutes(1)))
    func aFileStillOpenForWritingIsWaitedFor() async throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher(paths: [folder], interval: .milliseconds(20), quietPeriod: .milliseconds(150))
        let page = folder.appendingPathComponent("page.md")
        let batch = try await Self.firstBatch(of: watcher, in: folder) {
            let handle = try FileHandle(forWritingTo: page)
            for index in 0..<3 {
                handle.write(Data("part \(index)\n".utf8))
                try await Task.sleep(for: .milliseconds(30))
            }
            try handle.close()
        }
        #expect(batch == ["page.md"])
        #expect(try String(contentsOf: page, encoding: .utf8).hasSuffix("part 2\n"))
    }

    @Test(.timeLimit(.minutes(1)))
    func aBurstOfSavesIsReportedOnceWhenPolling() async throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var watcher = FileWatcher(paths: [folder], interval: .milliseconds(20), quietPeriod: .milliseconds(100))
        watcher.usesInotify = false
        let batch = try await Self.firstBatch(of: watcher, in: folder) {
            try await Task.sleep(for: .milliseconds(100))
            for index in 0..<4 {
                try Data("edit \(index)".utf8).write(to: folder.appendingPathComponent("page.md"))
                try await Task.sleep(for: .milliseconds(30))
            }
            try Data("x,y\n3,4\n".utf8).write(to: folder.appendingPathComponent("data/t.csv"))
        }
        #expect(batch == ["data/t.csv", "page.md"])
    }

    @Test(.timeLimit(.minutes(1)))
    func filesInANewFolderAndARemovedFolderAreReported() async throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher(paths: [folder], interval: .milliseconds(20), quietPeriod: .milliseconds(50))
        let part = folder.appendingPathComponent("part")
        let added = try await Self.firstBatch(of: watcher, in: folder) {
            try FileManager.default.createDirectory(at: part.appendingPathComponent("deep"), withIntermediateDirectories: true)
            try Data("new".utf8).write(to: part.appendingPathComponent("deep/new.md"))
        }
        #expect(added.contains("part/deep/new.md"))
        let removed = try await Self.firstBatch(of: watcher, in: folder) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent("data"))
        }
        #expect(removed.contains("data/t.csv"))
    }

    @Test func inotifyEventsAreParsedWithTheirNames() {
        var bytes: [UInt8] = []
        for (watch, mask, name) in [(Int32(1), UInt32(IN_CLOSE_WRITE), "page.md"), (Int32(2), UInt32(IN_CREATE | IN_ISDIR), "part")] {
            let padded = Array(name.utf8) + [UInt8](repeating: 0, count: 16 - name.utf8.count)
            withUnsafeBytes(of: watch) { bytes += $0 }
            withUnsafeBytes(of: mask) { bytes += $0 }
            withUnsafeBytes(of: UInt32(0)) { bytes += $0 }
            withUnsafeBytes(of: UInt32(padded.count)) { bytes += $0 }
            bytes += padded
        }
        let events = InotifyWatch.parse(bytes[...])
        #expect(events.map(\.name) == ["page.md", "part"])
        #expect(events.map(\.mayContinue) == [false, false])
        #expect(events[1].isFolder)
        #expect(InotifyWatch.Event(watch: 1, mask: UInt32(IN_MODIFY), name: "page.md").mayContinue)
    }
}
