import Foundation
import ReportKit
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders and files for changes and reports each burst of changes once, as the list of
/// changed paths.
///
/// On Linux, inotify names the entries that changed: only those are stamped (modification time,
/// size, inode) and compared with what was known, so a save costs a few `stat`s however large
/// the site. A burst is reported once no event came for `settleAfterClose` when every file in it
/// was closed after writing (or renamed into place, or removed), else after `quietPeriod`: a
/// file still open for writing may get more bytes, and half a rename may get its other half.
/// The whole tree is still compared with a snapshot every `fullScanInterval` (or 40 times as long
/// as the last comparison took, if longer: large trees are compared less often); if that finds a
/// change inotify did not report (network and some container mounts), the watcher polls every
/// `interval` from then on, as it does where inotify is not available.
public struct FileWatcher: Sendable {
    /// Folders (watched recursively) and files to watch.
    public var paths: [URL]
    /// Time between two polls when polling (no inotify, or inotify found to miss changes).
    public var interval: Duration
    /// How long files must stay unchanged before a burst of changes is reported, while a file of
    /// the burst may still be being written.
    public var quietPeriod: Duration
    /// How long after the last event a burst is reported when every file in it was closed after
    /// writing: a few milliseconds catch the rest of an editor's save (a temporary file renamed
    /// into place, a backup removed), which comes at once.
    public var settleAfterClose: Duration
    /// With inotify, how often the whole tree is compared with a snapshot all the same.
    public var fullScanInterval: Duration
    /// Use inotify where available (tests turn it off to exercise polling).
    var usesInotify = true

    /// A watcher for `paths`, polling every `interval` where it must poll.
    public init(paths: [URL], interval: Duration = .milliseconds(100), quietPeriod: Duration = .milliseconds(40),
                settleAfterClose: Duration = .milliseconds(5), fullScanInterval: Duration = .seconds(2)) {
        self.paths = paths
        self.interval = interval
        self.quietPeriod = quietPeriod
        self.settleAfterClose = settleAfterClose
        self.fullScanInterval = fullScanInterval
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
        visitStamps { path, stamp in result[path] = stamp }
        return result
    }

    /// Whether the watched files differ from `known` (an entry added, removed or stamped
    /// otherwise): true whenever `snapshot() != known`, without building a dictionary of every
    /// file, which on a 100,000-page site cost as much again as stamping the files. (It may also
    /// say true when two watched paths overlap; the caller then compares a full snapshot.)
    func differs(from known: [String: Stamp]) -> Bool {
        var count = 0
        var differs = false
        visitStamps { path, stamp in
            count += 1
            if !differs && known[path] != stamp { differs = true }
        }
        return differs || count != known.count
    }

    /// Calls `body` with every watched entry and its stamp (what `snapshot()` holds).
    private func visitStamps(_ body: (String, Stamp) -> Void) {
        for root in paths {
            if let stamp = Self.stamp(root.path), !Self.isFolder(root.path) {
                body(root.path, stamp)
                continue
            }
            FolderListing.visit(root.path) { path, _, _ in
                if let stamp = Self.stamp(path) { body(path, stamp) }
            }
        }
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

    /// Reports each settled burst of changes as the list of changed paths, until the task is
    /// cancelled. The watches and the first snapshot are made before this returns, so a change
    /// made after the call is reported even if the caller builds first.
    public func changes() -> AsyncStream<[String]> {
        var session = WatchSession(watcher: self, inotify: usesInotify ? InotifyWatch() : nil)
        session.start()
        return AsyncStream { continuation in
            let task = Task { [session] in
                var session = session
                await session.run { continuation.yield($0) }
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

/// The folders inotify watches, by watch.
struct WatchedFolders: Sendable {
    /// The folder of each watch.
    private(set) var folders: [Int32: String] = [:]
    /// For folders watched only for some of their files (watched files, not trees): those names.
    private(set) var onlyNames: [Int32: Set<String>] = [:]

    /// Watches `folder` and every folder under it (hidden ones left out, links not followed).
    mutating func watchTree(_ folder: String, with inotify: InotifyWatch) {
        var subfolders: [String] = []
        FolderListing.visit(folder) { path, _, kind in
            if kind == .folder { subfolders.append(path) }
        }
        for path in [folder] + subfolders {
            guard let watch = inotify.add(path) else { continue }
            folders[watch] = path
            onlyNames[watch] = nil
        }
    }

    /// Watches the folder of `file` for that file only.
    mutating func watchFile(_ file: String, with inotify: InotifyWatch) {
        let folder = (file as NSString).deletingLastPathComponent
        guard let watch = inotify.add(folder) else { return }
        if folders[watch] == nil || onlyNames[watch] != nil {
            folders[watch] = folder
            onlyNames[watch, default: []].insert((file as NSString).lastPathComponent)
        }
    }

    /// Stops watching `folder` and the folders under it (removed, or moved away).
    mutating func drop(_ folder: String, with inotify: InotifyWatch) {
        for (watch, path) in folders where path == folder || path.hasPrefix(folder + "/") {
            inotify.remove(watch)
            folders[watch] = nil
            onlyNames[watch] = nil
        }
    }

    /// Forgets a watch the kernel ended.
    mutating func forget(_ watch: Int32) {
        folders[watch] = nil
        onlyNames[watch] = nil
    }

    /// The path an event names; `nil` for events on a folder itself, on hidden entries, or on
    /// files beside a watched file.
    func path(of event: InotifyWatch.Event) -> String? {
        guard let folder = folders[event.watch], !event.name.isEmpty, !event.name.hasPrefix(".") else { return nil }
        if let names = onlyNames[event.watch], !names.contains(event.name) { return nil }
        return folder + "/" + event.name
    }

    /// The folder a watch watches.
    func folder(of watch: Int32) -> String? { folders[watch] }
}

/// The state of one `FileWatcher.changes()` stream: what is known of every watched file, and
/// the inotify watches.
struct WatchSession: Sendable {
    let watcher: FileWatcher
    let inotify: InotifyWatch?
    var watched = WatchedFolders()
    /// Every watched file and folder with its stamp, as last reported.
    var known: [String: FileWatcher.Stamp] = [:]
    /// False once a full scan found a change inotify had not reported: poll from then on.
    var trustsInotify = true
    /// Events read while checking on inotify, handled next.
    var backlog: [InotifyWatch.Event] = []

    init(watcher: FileWatcher, inotify: InotifyWatch?) {
        self.watcher = watcher
        self.inotify = inotify
    }

    /// Adds the watches, then takes the first snapshot (so nothing changed in between goes unseen).
    mutating func start() {
        if let inotify {
            for root in watcher.paths {
                if FileWatcher.isFolder(root.path) {
                    watched.watchTree(root.path, with: inotify)
                } else {
                    watched.watchFile(root.path, with: inotify)
                }
            }
        }
        known = watcher.snapshot()
    }

    /// Reports bursts of changes to `report` until the task is cancelled.
    mutating func run(_ report: ([String]) -> Void) async {
        var lastFullScan = ContinuousClock.now
        // Stretched on large trees so that scanning takes at most 1/`scanShare` of the time (a
        // 100,000-file tree takes a few hundred milliseconds to stamp, and a save waits while it runs).
        var scanInterval = watcher.fullScanInterval
        while !Task.isCancelled {
            guard let inotify, trustsInotify else {
                try? await Task.sleep(for: watcher.interval)
                if let changed = await scan(inotify: nil) { report(changed) }
                continue
            }
            var events = backlog
            backlog = []
            if events.isEmpty {
                events = await inotify.next(upTo: max(.zero, scanInterval - (ContinuousClock.now - lastFullScan)))
            }
            guard !events.isEmpty else {
                if ContinuousClock.now - lastFullScan >= scanInterval {
                    let began = ContinuousClock.now
                    if let changed = await scan(inotify: inotify) { report(changed) }
                    lastFullScan = .now
                    scanInterval = max(watcher.fullScanInterval, (lastFullScan - began) * Self.scanShare)
                }
                continue
            }
            // Collect the rest of the burst.
            while !Task.isCancelled {
                let more = await inotify.next(upTo: Self.mayContinue(events) ? watcher.quietPeriod : watcher.settleAfterClose)
                if more.isEmpty { break }
                events += more
            }
            let changed = events.contains(where: \.isOverflow) ? await scan(inotify: inotify) ?? [] : apply(events, inotify: inotify)
            if !changed.isEmpty { report(changed) }
        }
    }

    /// With inotify, full scans are spaced at least this many times their own duration apart.
    static let scanShare = 40

    /// True when, for some entry, the last event of the burst says it may still be written.
    static func mayContinue(_ events: [InotifyWatch.Event]) -> Bool {
        var last: [String: InotifyWatch.Event] = [:]
        for event in events { last["\(event.watch)/\(event.name)"] = event }
        return last.values.contains(where: \.mayContinue)
    }

    /// Stamps the entries the events name and returns those whose stamp changed (sorted); new
    /// folders are watched and walked, removed folders dropped with everything under them.
    mutating func apply(_ events: [InotifyWatch.Event], inotify: InotifyWatch) -> [String] {
        var touched = Set<String>()
        var touchedFolders = Set<String>()
        var newFolders = Set<String>()
        var goneFolders = Set<String>()
        for event in events {
            if event.endsWatch {
                watched.forget(event.watch)
                continue
            }
            guard let path = watched.path(of: event) else { continue }
            touched.insert(path)
            if let folder = watched.folder(of: event.watch) { touchedFolders.insert(folder) }
            guard event.isFolder else { continue }
            if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { newFolders.insert(path) }
            if event.mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { goneFolders.insert(path) }
        }
        var changed = Set<String>()
        for folder in goneFolders {
            watched.drop(folder, with: inotify)
            for path in known.keys where path.hasPrefix(folder + "/") {
                known[path] = nil
                changed.insert(path)
            }
        }
        for folder in newFolders where FileWatcher.isFolder(folder) {
            watched.watchTree(folder, with: inotify)
            var entries: [String: FileWatcher.Stamp] = [:]
            FileWatcher.walk(folder, into: &entries)
            for (path, stamp) in entries where known[path] != stamp {
                known[path] = stamp
                changed.insert(path)
            }
        }
        for path in touched {
            let stamp = FileWatcher.stamp(path)
            if known[path] != stamp {
                known[path] = stamp
                changed.insert(path)
            }
        }
        // A folder's own stamp changes as entries come and go: kept, not reported.
        for folder in touchedFolders where known[folder] != nil { known[folder] = FileWatcher.stamp(folder) }
        return changed.sorted()
    }

    /// Compares a full snapshot with what is known; when something changed, waits for the burst
    /// to settle (comparing snapshots) and returns the changed paths. With `inotify`, a change
    /// it had not reported means it misses changes here: the session polls from then on.
    mutating func scan(inotify: InotifyWatch?) async -> [String]? {
        guard watcher.differs(from: known) else { return nil }
        var current = watcher.snapshot()
        guard current != known else { return nil }
        if let inotify {
            backlog = await inotify.next(upTo: .zero)
            if backlog.isEmpty { trustsInotify = false }
        }
        while !Task.isCancelled {
            try? await Task.sleep(for: watcher.quietPeriod)
            let next = watcher.snapshot()
            if next == current { break }
            current = next
        }
        let changed = FileWatcher.changes(from: known, to: current)
        if let inotify {
            for path in changed where current[path] != nil && known[path] == nil && FileWatcher.isFolder(path) {
                watched.watchTree(path, with: inotify)
            }
        }
        known = current
        return changed
    }
}
