import Foundation

/// Hashes of files and values that tell an incremental build what changed.
extension IncrementalBuilder {
    // MARK: Fingerprints

    /// A data file's bytes and those of its metadata files (read only when their stamps changed).
    mutating func dataFingerprint(_ path: String, now: FileStamp.Time) -> Int {
        var hasher = Hasher()
        hasher.combine(digests.digest(of: contentFile(path).path, now: now))
        hasher.combine(digests.digest(of: contentFile(DataFileLoader.metadataPath(for: path)).path, now: now))
        // Its folder's data package descriptor (an edit of it makes the watcher's hint fall back to a full scan).
        let folder = RelativePath.parent(path)
        hasher.combine(digests.digest(of: contentFile(folder.isEmpty ? DataPackageReader.fileName : folder + "/" + DataPackageReader.fileName).path, now: now))
        return hasher.finalize()
    }

    /// Every file of a folder, by path and bytes (read only when their stamps changed).
    static func folderFingerprint(_ folder: URL, digests: inout FileDigests, now: FileStamp.Time) -> Int {
        var hasher = Hasher()
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        for file in files {
            hasher.combine(file)
            hasher.combine(digests.digest(of: folder.appendingPathComponent(file).path, now: now))
        }
        return hasher.finalize()
    }

    /// The bytes of the bibliography files (those `changes` names read again; all of them are
    /// stamped without `changes`).
    mutating func bibliographyFingerprint(_ paths: [String], changes: ChangedFiles?, now: FileStamp.Time) -> Int {
        var hasher = Hasher()
        for path in paths {
            let file = contentFile(path).path
            if changes?.content.contains(path) == true { digests.forget(file) }
            hasher.combine(path)
            hasher.combine(digests.digest(of: file, now: now))
        }
        return hasher.finalize()
    }

    /// Figure and table numbers, captions and pages, and the formatted citations: what
    /// `SiteReferences.finalize` reads.
    static func referencesKey(_ references: SiteReferences) -> Int {
        var hasher = Hasher()
        hasher.combine(references.citationsFingerprint)
        for anchor in references.targets.keys.sorted() {
            let target = references.targets[anchor]!
            hasher.combine(anchor)
            hasher.combine(target.label)
            hasher.combine(target.caption)
            hasher.combine(target.pageOutput)
        }
        return hasher.finalize()
    }

    static func read(_ url: URL) -> [UInt8] {
        FileManager.default.contents(atPath: url.path).map(Array.init) ?? []
    }

    static func hash<T: Hashable>(_ value: T) -> Int {
        var hasher = Hasher()
        hasher.combine(value)
        return hasher.finalize()
    }
}
