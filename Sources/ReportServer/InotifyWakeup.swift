import Foundation
import ReportKit
#if canImport(Glibc)
import Glibc
#endif

/// Linux's inotify for the file watcher: which entries of the watched folders changed, as soon
/// as they change, so a save is noticed in milliseconds and only the named files are stamped.
/// Polling stays as the fallback where inotify sees nothing (network and some container mounts).
final class InotifyWatch: Sendable {
    private let descriptor: Int32

    /// One inotify event: an entry of a watched folder (`name`), or the folder itself (`name` empty).
    struct Event: Sendable, Equatable {
        /// The watch (folder) it happened in; -1 for a queue overflow.
        var watch: Int32
        var mask: UInt32
        var name: String

        /// The kernel's queue overflowed: events were lost.
        var isOverflow: Bool { mask & UInt32(IN_Q_OVERFLOW) != 0 }
        /// The entry is a folder.
        var isFolder: Bool { mask & UInt32(IN_ISDIR) != 0 }
        /// The watch is gone (its folder was removed or unwatched).
        var endsWatch: Bool { mask & UInt32(IN_IGNORED) != 0 }
        /// Something may still be writing the entry (opened for writing, written, or half of a rename);
        /// a closed file, a completed rename, a removal or an attribute change is finished.
        var mayContinue: Bool {
            if isFolder { return mask & UInt32(IN_MOVED_FROM) != 0 }
            return mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_ATTRIB) == 0
        }
    }

    /// A new inotify instance without watches; `nil` when inotify is not available.
    init?() {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        descriptor = fd
        #else
        return nil
        #endif
    }

    deinit {
        close(descriptor)
    }

    static let mask: UInt32 = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)

    /// Watches `folder` (not its subfolders); returns the watch, or `nil` when it cannot be watched.
    /// Watching a folder twice returns the same watch.
    func add(_ folder: String) -> Int32? {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        return watch >= 0 ? watch : nil
    }

    /// Stops a watch.
    func remove(_ watch: Int32) {
        _ = inotify_rm_watch(descriptor, watch)
    }

    /// Waits (off the cooperative thread pool) until there are events or `timeout` passes, and
    /// returns the pending events (none after a timeout).
    func next(upTo timeout: Duration) async -> [Event] {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        return await withCheckedContinuation { continuation in
            // Holding `self` keeps the descriptor open until the poll returns.
            DispatchQueue.global().async { [self] in
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&request, 1, milliseconds) > 0
                continuation.resume(returning: ready ? readEvents() : [])
            }
        }
    }

    /// Reads every pending event without waiting.
    private func readEvents() -> [Event] {
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            events += Self.parse(buffer[0..<count])
        }
        return events
    }

    /// The events in `bytes`, as the kernel lays out `struct inotify_event` records.
    static func parse(_ bytes: ArraySlice<UInt8>) -> [Event] {
        var events: [Event] = []
        let header = MemoryLayout<inotify_event>.size
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + header <= raw.count {
                let watch = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(raw.count, offset + header + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                events.append(Event(watch: watch, mask: mask, name: name))
                offset += header + length
            }
        }
        return events
    }
}
