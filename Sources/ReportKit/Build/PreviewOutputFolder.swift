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
/// folder it did not create (one without the marker file) and one among the sources (`OutputPlacement`).
struct OutputFolder {
    let root: URL
    let display: String

    init(options: BuildOptions, fresh: Bool) throws(DiagnosticList) {
        root = options.outputFolder
        display = options.display(root)
        try Self.checkPlacement(options)
        let fileManager = FileManager.default
        let marker = root.appendingPathComponent(OutputWriter.markerName)
        let entries = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
        if !entries.isEmpty && !entries.contains(OutputWriter.markerName) {
            throw DiagnosticList(.error(.foreignOutputFolder, "output folder '\(display)' was not written by reportgen; refusing to write into it",
                                        at: SourceLocation(file: display),
                                        hint: "empty or remove the folder yourself, or choose another folder"))
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

    /// Refuses an output folder among the sources (`OutputPlacement`).
    static func checkPlacement(_ options: BuildOptions) throws(DiagnosticList) {
        _ = try OutputPlacement.check(options.outputFolder, display: options.display(options.outputFolder),
                                      sources: .init(content: options.contentFolder, theme: options.themeSources, project: options.projectRoot),
                                      example: "--preview-folder .build-serve-output")
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
