import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a staging folder beside the output folder and swaps it in only when the
/// build is complete, so a failed or interrupted build leaves the previous site as it was.
///
/// The output folder carries a marker file listing every file of the site (`OutputMarker`); a
/// folder without it is never replaced, so a typo in `--output` cannot delete someone's documents.
/// Files are removed and written only inside the staging folder: a listed path leaving it makes
/// the marker void, and a folder or file of the reused spare replaced by a link is replaced, never
/// followed.
///
/// The site replaced by a build is kept beside the output as a spare (`.output.spare`) and becomes
/// the next build's staging folder: its files are overwritten in place and the ones the new site
/// lacks are removed, which costs far less than deleting one tree and creating another.
public struct OutputWriter: Sendable {
    public static let markerName = OutputMarker.name

    public let output: URL
    public let staging: URL
    let spare: URL
    let displayOutput: String
    /// Files already in the staging folder (when it was a reused spare), from its marker.
    let previousFiles: Set<String>

    /// Checks that `output` is a safe place to write (`OutputPlacement`) and creates an empty staging folder.
    public init(output: URL, displayOutput: String, contentFolder: URL, themeFolder: URL? = nil, projectRoot: URL) throws(DiagnosticList) {
        let output = try OutputPlacement.check(output, display: displayOutput,
                                               sources: .init(content: contentFolder, theme: themeFolder, project: projectRoot),
                                               example: "--output output")
        let project = projectRoot.standardizedFileURL.resolvingSymlinksInPath()
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DiagnosticList(.error(.outputNotAFolder, "output '\(displayOutput)' exists and is not a folder", at: SourceLocation(file: displayOutput),
                                            hint: "remove it or choose another --output"))
            }
            let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.markerName) {
                throw DiagnosticList(.error(.foreignOutputFolder, "output folder '\(displayOutput)' was not written by reportgen; refusing to replace it",
                                            at: SourceLocation(file: displayOutput),
                                            hint: "empty or remove the folder yourself, or choose another --output"))
            }
        } else if let file = Self.fileInTheWay(of: output) {
            let shown = file.path.hasPrefix(project.path + "/") ? String(file.path.dropFirst(project.path.count + 1)) : file.path
            throw DiagnosticList(.error(.outputNotAFolder, "cannot make the output folder '\(displayOutput)': '\(shown)' is a file, not a folder",
                                        at: SourceLocation(file: shown),
                                        hint: "choose an --output whose parent folders are all folders, or move '\(shown)' away"))
        }
        self.output = output
        self.displayOutput = displayOutput
        let parent = output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).partial-\(getpid())")
        spare = parent.appendingPathComponent(".\(output.lastPathComponent).spare")
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            Self.removeStale(in: parent, name: output.lastPathComponent)
            try? fileManager.removeItem(at: staging)
            // The spare is used only when it is a real folder (not a link) with a valid marker.
            if rename(spare.path, staging.path) == 0, Self.isRealFolder(staging.path), let manifest = Self.manifest(in: staging) {
                previousFiles = manifest
            } else {
                if unlink(staging.path) != 0 { try? fileManager.removeItem(at: staging) }
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
                previousFiles = []
            }
        } catch {
            let code = Self.posixCode(of: error)
            throw DiagnosticList(.error(.writeFailed, "cannot prepare the output folder beside '\(displayOutput)': \(String(cString: strerror(code)))",
                                        at: SourceLocation(file: displayOutput), hint: Self.hint(forWriteError: code)))
        }
    }

    /// The files listed in a site folder's marker; `nil` when it has none, or one not to be trusted.
    static func manifest(in folder: URL) -> Set<String>? {
        guard case let .success(bytes) = RegularFile.read(folder.appendingPathComponent(markerName).path),
              let files = OutputMarker.decode(bytes) else { return nil }
        return Set(files)
    }

    /// Swaps two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`); false where the
    /// system or file system cannot, and the caller falls back to two renames.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // Looked up at run time: Glibc's Swift module does not export renameat2 (glibc 2.28+).
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Removes staging folders left by builds that were killed (their process is gone). A build
    /// killed between the two renames of `commit` leaves no output folder and the old site in
    /// `.NAME.previous-PID`: that one is put back first.
    static func removeStale(in parent: URL, name: String) {
        let output = parent.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: output.path) {
            if rename(parent.appendingPathComponent(".\(name).spare").path, output.path) != 0 {
                for entry in ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
                where entry.hasPrefix(".\(name).previous-") {
                    if let pid = Int32(entry.dropFirst(".\(name).previous-".count)), pid != getpid(), kill(pid, 0) != 0,
                       rename(parent.appendingPathComponent(entry).path, output.path) == 0 { break }
                }
            }
        }
        let prefixes = [".\(name).partial-", ".\(name).previous-"]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: { entry.hasPrefix($0) }), let pid = Int32(entry.dropFirst(prefix.count)) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 { try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry)) }
        }
    }

    /// Makes the staging folder ready for exactly these files: removes what a reused spare holds
    /// beyond them, then creates every folder they need, once, parents first.
    public func prepare(files relativePaths: [String]) throws(DiagnosticList) {
        let current = Set(relativePaths)
        for stale in previousFiles.subtracting(current).sorted(by: >) where stale != Self.markerName {
            // Only through real folders of the staging folder (the marker's paths stay inside it).
            guard foldersAreReal(above: stale) else { continue }
            unlink(staging.path + "/" + stale)
            // Folders emptied by the removal go too (rmdir fails harmlessly on non-empty ones).
            var folder = RelativePath.parent(stale)
            while !folder.isEmpty, rmdir(staging.path + "/" + folder) == 0 { folder = RelativePath.parent(folder) }
        }
        var folders = Set<String>()
        for path in relativePaths {
            var folder = RelativePath.parent(path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = RelativePath.parent(folder) }
        }
        var existing = Set<String>()
        for path in previousFiles {
            var folder = RelativePath.parent(path)
            while !folder.isEmpty, existing.insert(folder).inserted { folder = RelativePath.parent(folder) }
        }
        existing.subtract(replacedFolders(among: folders.intersection(existing)))
        // Parents before children; folders of one parent on one thread (mkdir holds the parent's
        // lock, so two threads in one folder only spin), different parents in parallel (creating
        // inodes is CPU work in the kernel: a site of 10,000 pages has 10,000 folders).
        let root = staging.path
        let missing = folders.subtracting(existing)
        let byDepth = Dictionary(grouping: missing) { RelativePath.slashCount($0) }
        for depth in byDepth.keys.sorted() {
            let byParent = Dictionary(grouping: byDepth[depth]!) { RelativePath.parent($0) }
            let groups = byParent.keys.sorted().map { byParent[$0]!.sorted() }
            let failures = groups.parallelMap { group -> (folder: String, code: Int32)? in
                for folder in group where mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
                    return (folder, errno)
                }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first {
                throw DiagnosticList(.error(.writeFailed, "cannot create this folder of the site: \(String(cString: strerror(failure.code)))",
                                            at: SourceLocation(file: displayPath(failure.folder)), hint: Self.hint(forWriteError: failure.code)))
            }
        }
    }

    /// Writes one file (its folder must exist). A file the reused spare already holds is compared
    /// first and left alone when its bytes are the same (no write, no new disk blocks); otherwise it
    /// is overwritten in place and cut to length, which on ext4 costs far less than truncating it
    /// to nothing and writing it anew.
    public func write(_ relativePath: String, bytes: UnsafeRawBufferPointer) throws(DiagnosticList) {
        let path = staging.path + "/" + relativePath
        var existed = previousFiles.contains(relativePath)
        // Never through a link: a file of the spare replaced by one is replaced in turn.
        var fd = existed ? open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC) : -1
        if fd < 0 {
            // New, or listed by the spare's marker but gone since (someone tidied the folder).
            existed = false
            fd = Self.create(path)
        }
        guard fd >= 0 else { throw writeFailure(relativePath, errno) }
        defer { close(fd) }
        if existed && Self.holds(fd, bytes) { return }
        var offset = 0
        while offset < bytes.count {
            let written = pwrite(fd, bytes.baseAddress! + offset, bytes.count - offset, off_t(offset))
            if written <= 0 { throw writeFailure(relativePath, written < 0 ? errno : EIO) }
            offset += written
        }
        if existed && ftruncate(fd, off_t(bytes.count)) != 0 { throw writeFailure(relativePath, errno) }
    }

    /// Creates (or empties) the file at `path` for writing, replacing a link in its place and
    /// making its folder again when it went.
    static func create(_ path: String) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC
        var fd = open(path, flags, 0o644)
        if fd < 0 && errno == ELOOP {
            unlink(path)
            fd = open(path, flags, 0o644)
        }
        if fd < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: RelativePath.parent(path), withIntermediateDirectories: true)
            fd = open(path, flags, 0o644)
        }
        return fd
    }

    /// Whether the open file holds exactly these bytes.
    static func holds(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var status = stat()
        guard fstat(fd, &status) == 0, Int(status.st_size) == bytes.count else { return false }
        guard bytes.count > 0 else { return true }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let read = pread(fd, buffer.baseAddress! + offset, bytes.count - offset, off_t(offset))
            if read <= 0 { return false }
            offset += read
        }
        return memcmp(buffer.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }

    /// Writes bytes.
    public func write(_ relativePath: String, _ bytes: some Collection<UInt8>) throws(DiagnosticList) {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(DiagnosticList) in try write(relativePath, bytes: UnsafeRawBufferPointer(buffer)) }
        } ?? ContiguousArray(bytes).withUnsafeBytes { buffer in
            Result { () throws(DiagnosticList) in try write(relativePath, bytes: buffer) }
        }
        try result.get()
    }

    /// Writes a string as UTF-8.
    public func write(_ relativePath: String, text: String) throws(DiagnosticList) {
        var text = text
        try text.withUTF8 { buffer in
            Result { () throws(DiagnosticList) in try write(relativePath, bytes: UnsafeRawBufferPointer(buffer)) }
        }.get()
    }

    /// Copies a regular file into the output; `display` names it in diagnostics (`content/figure.png`).
    public func copy(_ source: URL, display: String, to relativePath: String) throws(DiagnosticList) {
        switch RegularFile.read(source.path) {
        case let .success(bytes):
            try write(relativePath, bytes)
        case let .failure(failure):
            throw DiagnosticList(.error(.unreadableFile, "cannot read this file to publish it: \(failure.reason)", at: SourceLocation(file: display),
                                        hint: "check that the file exists and that you may read it"))
        }
    }

    /// Marks the staged site as ours with its file list (the `files` given to `prepare`), and puts it in place of the old output; the old output becomes the next spare.
    public func commit(files: [String]) throws(DiagnosticList) {
        try write(Self.markerName, text: OutputMarker.encode(files))
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: output.path), Self.exchange(staging.path, output.path) {
            // One atomic exchange: the output folder is the old site or the new one at every moment.
            // The old site is now in the staging folder and becomes the next build's spare (a build
            // killed before that leaves it for the next build to remove).
            if rename(staging.path, spare.path) != 0 { Self.removeTree(staging) }
        } else if fileManager.fileExists(atPath: output.path) {
            // Two renames (where an atomic exchange is not available): at every moment the output
            // folder is the old site, the new one, or briefly absent; never a mix.
            var aside = spare
            if rename(output.path, spare.path) != 0 {
                aside = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous-\(getpid())")
                guard rename(output.path, aside.path) == 0 else { throw moveFailure("cannot move the old output aside", errno) }
            }
            guard rename(staging.path, output.path) == 0 else {
                let code = errno
                _ = rename(aside.path, output.path)
                throw moveFailure("cannot move the new site into place", code)
            }
            if aside != spare { Self.removeTree(aside) }
        } else if rename(staging.path, output.path) != 0 {
            throw moveFailure("cannot move the new site into place", errno)
        }
    }

    /// Deletes a folder, its top-level entries in parallel (the old site can hold thousands of files).
    static func removeTree(_ folder: URL) {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).map { folder.appendingPathComponent($0).path }
        _ = entries.parallelMap { path in (try? FileManager.default.removeItem(atPath: path)) != nil }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Deletes the staging folder after a failed build.
    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}
