import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the file watcher as soon as Linux reports activity in a watched folder (inotify), so a
/// save is noticed in milliseconds instead of at the next poll. It only says *that* something
/// happened; the watcher's snapshots still decide *what* changed, and polling goes on as a
/// fallback where inotify sees nothing (network and some container mounts).
final class InotifyWakeup: Sendable {
    private let descriptor: Int32

    /// Watches every folder under `paths` (and the folders of watched files); `nil` when inotify
    /// is not available.
    init?(paths: [URL]) {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        descriptor = fd
        watch(paths)
        #else
        return nil
        #endif
    }

    deinit {
        close(descriptor)
    }

    static let mask: UInt32 = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)

    /// Adds watches for the folders under `paths`; folders created later are added by calling this again
    /// (adding a folder twice is harmless).
    func watch(_ paths: [URL]) {
        for root in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                _ = inotify_add_watch(descriptor, root.deletingLastPathComponent().path, Self.mask)
                continue
            }
            _ = inotify_add_watch(descriptor, root.path, Self.mask)
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if (relative as NSString).lastPathComponent.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                    _ = inotify_add_watch(descriptor, root.path + "/" + relative, Self.mask)
                }
            }
        }
    }

    /// Waits (off the cooperative thread pool) until there is activity or `timeout` passes, then
    /// drains the pending events. Returns whether there was activity.
    func wait(upTo timeout: Duration) async -> Bool {
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        return await withCheckedContinuation { continuation in
            // Holding `self` keeps the descriptor open until the poll returns.
            DispatchQueue.global().async { [self] in
                let fd = descriptor
                var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&request, 1, milliseconds) > 0
                if ready {
                    var buffer = [UInt8](repeating: 0, count: 16384)
                    while read(fd, &buffer, buffer.count) > 0 {}
                }
                continuation.resume(returning: ready)
            }
        }
    }
}
