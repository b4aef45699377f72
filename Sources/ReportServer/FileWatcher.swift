import Foundation
import ReportKit
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders and files for changes by comparing snapshots of their metadata (modification
/// time, size, inode); a burst of saves is reported once, after `quietPeriod` without further
/// changes. Snapshots are taken as soon as inotify reports activity (Linux), and every `interval`
/// in any case: polling works on every file system (including mounted and container folders,
/// where inotify misses events) and costs one `stat` per file.
public struct FileWatcher: Sendable {
    /// Folders (watched recursively) and files to watch.
    public var paths: [URL]
    /// Time between two polls.
    public var interval: Duration
    /// How long files must stay unchanged before a burst of changes is reported.
    public var quietPeriod: Duration

    /// A watcher for `paths`, polling every `interval`.
    public init(paths: [URL], interval: Duration = .milliseconds(100), quietPeriod: Duration = .milliseconds(40)) {
        self.paths = paths
        self.interval = interval
        self.quietPeriod = quietPeriod
    }

    /// What is known about one file between two polls.
    struct Stamp: Hashable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt
    }

    /// Every watched file with its stamp. Hidden files and folders are left out (editor swap
    /// files, `.git`).
    func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in paths {
            if let stamp = Self.stamp(root.path), !Self.isFolder(root.path) {
                result[root.path] = stamp
                continue
            }
            Self.walk(root.path, into: &result)
        }
        return result
    }

    /// Stamps every entry under `folder` (files, folders, links) with `readdir`, descending into
    /// folders but not into links: a `FileManager` enumerator costs several times more per file,
    /// which on a 10,000-page site delayed every reload.
    static func walk(_ folder: String, into result: inout [String: Stamp]) {
        FolderListing.visit(folder) { path, _, _ in
            if let stamp = stamp(path) { result[path] = stamp }
        }
    }

    /// Paths that differ between two snapshots (added, removed or changed), sorted.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    /// Reports each settled burst of changes as the list of changed paths, until the task is cancelled.
    public func changes() -> AsyncStream<[String]> {
        let watcher = self
        return AsyncStream { continuation in
            let task = Task {
                let wakeup = InotifyWakeup(paths: watcher.paths)
                var last = watcher.snapshot()
                while !Task.isCancelled {
                    if let wakeup {
                        _ = await wakeup.wait(upTo: watcher.interval)
                    } else {
                        try? await Task.sleep(for: watcher.interval)
                    }
                    var current = watcher.snapshot()
                    guard current != last else { continue }
                    // New folders need watches of their own.
                    if Set(current.keys) != Set(last.keys) { wakeup?.watch(watcher.paths) }
                    // Wait for the burst to settle (an editor writing a temp file, then renaming it).
                    while !Task.isCancelled {
                        try? await Task.sleep(for: watcher.quietPeriod)
                        let next = watcher.snapshot()
                        if next == current { break }
                        current = next
                    }
                    continuation.yield(Self.changes(from: last, to: current))
                    last = current
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size),
                     inode: UInt(info.st_ino))
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
