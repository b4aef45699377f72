import Foundation

/// Reports the time since the previous step to the observer.
struct StepTimer {
    let observer: (any BuildObserver)?
    var last = ContinuousClock.now

    mutating func finish(_ name: String) {
        let now = ContinuousClock.now
        observer?.stepFinished(name, duration: now - last)
        last = now
    }
}

/// The folder an incremental build writes into, in place. Like `OutputWriter`, it refuses a
/// folder it did not create (one without the marker file).
struct OutputFolder {
    let root: URL
    let display: String

    init(options: BuildOptions, fresh: Bool) throws(DiagnosticList) {
        root = options.outputFolder
        display = options.display(root)
        let fileManager = FileManager.default
        let marker = root.appendingPathComponent(OutputWriter.markerName)
        let entries = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
        if !entries.isEmpty && !entries.contains(OutputWriter.markerName) {
            throw DiagnosticList(.error(.foreignOutputFolder, "output folder '\(display)' was not written by reportgen; refusing to write into it",
                                        hint: "empty or remove the folder yourself, or choose another folder"))
        }
        let content = options.contentFolder.standardizedFileURL.path
        if content == root.path || content.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/")
            || root.path == options.projectRoot.standardizedFileURL.path || root.path.hasPrefix(content + "/") {
            throw DiagnosticList(.error(.unsafeOutputFolder, "output folder '\(display)' holds the content or the project, or is inside the content",
                                        hint: "choose a folder of its own beside the content, e.g. .build-serve-output"))
        }
        if fresh && !entries.isEmpty { try? fileManager.removeItem(at: root) }
        do {
            try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
            if !fileManager.fileExists(atPath: marker.path) {
                try Data("This folder is written by reportgen (preview); it is replaced freely.\n".utf8).write(to: marker)
            }
        } catch {
            throw DiagnosticList(.error(.writeFailed, "cannot create '\(display)': \(error.localizedDescription)", hint: "check the folder's permissions"))
        }
    }

    func write(_ relativePath: String, _ bytes: [UInt8]) throws(DiagnosticList) {
        let url = root.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw DiagnosticList(.error(.writeFailed, "cannot write '\(relativePath)' in '\(display)': \(error.localizedDescription)"))
        }
    }

    func remove(_ relativePath: String) {
        try? FileManager.default.removeItem(at: root.appendingPathComponent(relativePath))
    }
}
