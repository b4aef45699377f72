import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` tells about a file: enough to know it has not changed without reading it.
///
/// A stamp is trusted only when the file was last changed well before it was read ("settled"):
/// file systems keep times in coarse ticks (up to seconds), so a file written twice within one
/// tick, with the same size, would otherwise keep its stamp. An unsettled file is simply read
/// again on the next build.
struct FileStamp: Hashable, Sendable {
    /// Seconds and nanoseconds of the last write.
    var modified: Time
    /// Seconds and nanoseconds of the last change of bytes or metadata (not settable by `touch`).
    var changed: Time
    var size: Int
    var inode: UInt64

    /// A point in wall-clock time, as file systems keep it.
    struct Time: Hashable, Comparable, Sendable {
        var seconds: Int
        var nanoseconds: Int

        static func < (lhs: Time, rhs: Time) -> Bool {
            (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
        }

        /// The wall clock now (the clock file times come from).
        static var now: Time {
            var spec = timespec()
            clock_gettime(CLOCK_REALTIME, &spec)
            return Time(seconds: Int(spec.tv_sec), nanoseconds: Int(spec.tv_nsec))
        }
    }

    /// How long before it was read a file must have been last changed for its stamp to be
    /// trusted: more than the coarsest time resolution of common file systems.
    static let settleTime = Duration.seconds(2)

    /// The stamp of the file at `path`; `nil` when it does not exist or is not a regular file.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        modified = Time(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
        changed = Time(seconds: Int(info.st_ctim.tv_sec), nanoseconds: Int(info.st_ctim.tv_nsec))
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
    }

    /// True when the file's last change came at least `margin` before `readAt`, so a later
    /// write is bound to change the stamp.
    func isSettled(readAt: Time, margin: Duration) -> Bool {
        let (seconds, attoseconds) = margin.components
        var limit = Time(seconds: readAt.seconds - Int(seconds), nanoseconds: readAt.nanoseconds - Int(attoseconds / 1_000_000_000))
        if limit.nanoseconds < 0 {
            limit.seconds -= 1
            limit.nanoseconds += 1_000_000_000
        }
        return modified < limit && changed < limit
    }
}

/// Digests (hashes of the bytes) of files read by earlier builds, with their stamps, so that an
/// unchanged file is not read again.
struct FileDigests: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var digest: Int
        /// When the file was read.
        var readAt: FileStamp.Time
    }

    /// How long before being read a file must have been changed for its stamp to be trusted.
    var settleTime = FileStamp.settleTime
    private(set) var entries: [String: Entry] = [:]
    /// Paths read (not taken from the cache) since the value was made, for tests and timings.
    private(set) var reads: [String] = []

    /// The hash of the file's bytes, as `IncrementalBuilder.hash(_:)` of `[UInt8]` gives it (of no
    /// bytes when the file is missing); read only when its stamp changed or was not settled.
    mutating func digest(of path: String, now: FileStamp.Time) -> Int {
        guard let stamp = FileStamp(path: path) else {
            entries[path] = nil
            return IncrementalBuilder.hash([UInt8]())
        }
        if let entry = entries[path], entry.stamp == stamp, stamp.isSettled(readAt: entry.readAt, margin: settleTime) {
            return entry.digest
        }
        let digest = IncrementalBuilder.hash(IncrementalBuilder.read(URL(fileURLWithPath: path)))
        entries[path] = Entry(stamp: stamp, digest: digest, readAt: now)
        reads.append(path)
        return digest
    }

    /// Forgets the file at `path`, so that the next `digest(of:)` reads it whatever its stamp.
    mutating func forget(_ path: String) {
        entries[path] = nil
    }

    /// Forgets the list of reads (kept between builds: only the entries matter).
    mutating func clearReads() {
        reads = []
    }
}
