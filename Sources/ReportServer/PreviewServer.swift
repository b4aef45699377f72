import FlyingFox
import FlyingSocks
import Foundation
import ReportKit
#if canImport(Glibc)
import Glibc
#endif

/// `reportgen serve`: builds the site into a preview folder, serves it over HTTP on loopback,
/// watches the content and theme, rebuilds incrementally on every change and tells the open
/// pages to reload (Server-Sent Events). A failed build is printed and shown as an overlay in
/// the browser; the server keeps running and recovers on the next good build.
///
/// The reload script is added to pages as they are served; the files on disk are never changed.
public actor PreviewServer {
    /// How the server is set up.
    public struct Configuration: Sendable {
        /// The build; its output folder is the preview folder (written in place, replaced freely).
        public var options: BuildOptions
        /// The port on 127.0.0.1; 0 picks a free one (tests).
        public var port: UInt16
        /// How often the watcher polls.
        public var pollInterval: Duration
        /// Receives the lines to print (build summaries, errors).
        public var log: @Sendable (String) -> Void
        /// Receives each build's warnings and errors; `nil` logs them as text through `log`.
        public var diagnostics: (@Sendable ([Diagnostic]) -> Void)?
        /// Told about each rebuild's steps (`--verbose` timings).
        public var observer: (any BuildObserver)?
        /// What a client may send, and how slowly (tests shorten the times).
        var limits = RequestLimits()

        /// A configuration; see the properties.
        public init(options: BuildOptions, port: UInt16 = 8000, pollInterval: Duration = .milliseconds(100),
                    log: @escaping @Sendable (String) -> Void = { print($0) }) {
            self.options = options
            self.port = port
            self.pollInterval = pollInterval
            self.log = log
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        /// The problem, with its code and hint.
        public var diagnostic: Diagnostic
        /// `error[RG0801]: message` with a `hint:` line.
        public var description: String { diagnostic.description }
    }

    let configuration: Configuration
    var builder: IncrementalBuilder
    let hub = ReloadHub()
    /// The HTTP server, reached only through `frontDoor`.
    var server: HTTPServer?
    /// Where browsers connect: checks each request before the server sees it.
    var frontDoor: RequestGuard?
    var serverTask: Task<Void, Never>?
    var watchTask: Task<Void, Never>?
    /// Rebuilds done since the first build.
    var rebuildCount = 0

    /// A server that has not started yet.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
        builder = IncrementalBuilder(options: configuration.options)
        builder.observer = configuration.observer
        builder.defersWholeSiteFiles = true
    }

    /// The folders and files the watcher polls: the content folder and the theme folder (`--theme`,
    /// else the project's `themes/`), and the theme folder site.yml names when the server starts.
    public nonisolated var watchedPaths: [URL] {
        let options = configuration.options
        var paths = [options.contentFolder, options.themeSources]
        let siteYml = options.contentFolder.appendingPathComponent("site.yml")
        if let config = try? SiteConfig.load(from: siteYml, displayPath: "site.yml"),
           let themeFolder = options.themeFiles(for: config).folder,
           !paths.contains(where: { themeFolder.path == $0.path || themeFolder.path.hasPrefix($0.path + "/") }) {
            paths.append(themeFolder)
        }
        return paths
    }

    /// Builds once, starts listening and watching. Returns the port it listens on.
    /// A first build that fails does not stop the server: the errors are shown until fixed.
    @discardableResult
    public func start() async throws -> UInt16 {
        do throws(DiagnosticList) {
            try builder.checkOutputFolder()
        } catch {
            throw StartError(diagnostic: error.sorted.first ?? .error(.unsafeOutputFolder, "the preview folder cannot be used"))
        }
        // The port is taken first (a clear error when it is busy) and held through the first build.
        let upstream = RequestGuard.privateAddress()
        let frontDoor = try RequestGuard(port: configuration.port, upstream: upstream, limits: configuration.limits)
        // Watch from before the first build, so that a save during it is not missed.
        let changes = FileWatcher(paths: watchedPaths, interval: configuration.pollInterval).changes()
        await rebuild(reason: nil)
        let handler = PreviewHandler(folder: configuration.options.outputFolder, hub: hub)
        let server = HTTPServer(address: upstream, timeout: 15, logger: .disabled, handler: handler)
        self.server = server
        let report = self.report
        serverTask = Task {
            do {
                try await server.run()
            } catch {
                report([.error(.serverStopped, "the HTTP server stopped: \(error.localizedDescription)")])
            }
        }
        do {
            try await server.waitUntilListening(timeout: 5)
            try await frontDoor.start()
        } catch {
            await frontDoor.stop()
            throw StartError(diagnostic: .error(.portUnavailable, "cannot listen on 127.0.0.1:\(configuration.port): \(error.localizedDescription)"))
        }
        self.frontDoor = frontDoor

        watchTask = Task { [weak self] in
            for await changed in changes {
                guard let self else { return }
                await self.rebuild(reason: changed)
            }
        }
        return frontDoor.port
    }

    /// Stops watching, closes the event streams and the listening socket.
    public func stop() async {
        watchTask?.cancel()
        watchTask = nil
        await hub.finishAll()
        await frontDoor?.stop()
        frontDoor = nil
        await server?.stop(timeout: 1)
        serverTask?.cancel()
        serverTask = nil
        server = nil
    }

    /// Serves until the task is cancelled.
    public func runUntilCancelled() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
        await stop()
    }

    /// Number of rebuilds done after the first build.
    public var rebuilds: Int { rebuildCount }

    /// Rebuilds now and tells the pages. `reason` is the list of changed paths the watcher reported
    /// (`nil` for the first build): the builder reads just those.
    func rebuild(reason: [String]?) async {
        let log = configuration.log
        do throws(DiagnosticList) {
            let result = try builder.build(changedPaths: reason)
            if reason == nil { report(result.warnings) }
            if let reason {
                var isFolder: ObjCBool = false
                let files = reason.filter { !(FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue) }
                let names = files.map { configuration.options.display(URL(fileURLWithPath: $0)) }
                log("\(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? " and \(names.count - 3) more" : ""): \(result.summary)")
            } else {
                log("built \(result.pages) page\(result.pages == 1 ? "" : "s") in \(result.milliseconds) ms")
            }
            await hub.built(written: result.written + result.removed)
            // Then the search index and the whole report, which read every page and take longest.
            FreedMemory.giveBack()
            let wholeSite = try await writeWholeSiteFiles()
            if !wholeSite.isEmpty { await hub.built(written: wholeSite) }
            FreedMemory.giveBack()
        } catch {
            let text = error.sorted.map(\.description).joined(separator: "\n")
            report(error.sorted)
            let count = error.errors.count
            log("build failed: \(count) error\(count == 1 ? "" : "s"); still serving the last good build, waiting for a fix")
            await hub.failed(text)
        }
        if reason != nil { rebuildCount += 1 }
    }

    /// Prints diagnostics through `configuration.diagnostics`, or as text lines through `log`.
    nonisolated var report: @Sendable ([Diagnostic]) -> Void {
        let configuration = configuration
        return { diagnostics in
            guard !diagnostics.isEmpty else { return }
            if let print = configuration.diagnostics { print(diagnostics) } else { configuration.log(diagnostics.map(\.description).joined(separator: "\n")) }
        }
    }
}

/// Answers HTTP requests: the event stream, the reload script, and the preview folder's files
/// (pages with the script added).
struct PreviewHandler: HTTPHandler {
    let folder: URL
    let hub: ReloadHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var response = try await respond(to: request)
        // The front door (`RequestGuard`) gives every request a connection of its own.
        response.headers[.connection] = "close"
        return response
    }

    func respond(to request: HTTPRequest) async throws -> HTTPResponse {
        // The raw target keeps a trailing slash (`request.path` drops it), which decides redirects.
        let path = request.target.path(percentEncoded: false)
        if path == LiveReload.eventsPath {
            let stream = await hub.subscribe()
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                                body: HTTPBodySequence(from: EventBytes(stream: stream)))
        }
        if path == LiveReload.scriptPath {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                                body: Data(LiveReload.script.utf8))
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        guard let relative = Self.relativePath(path) else {
            return page(.notFound, title: "Not found", message: "\(path) is not part of the site.")
        }
        var url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            if !path.hasSuffix("/") {
                // Built from the checked path, never from the raw one: `//host` would send the
                // browser to another site.
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: Self.folderLocation(relative)]), body: Data())
            }
            url = url.appendingPathComponent("index.html")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if let error = await hub.currentError, !FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) {
                return page(.serviceUnavailable, title: "Build failed", message: error)
            }
            return page(.notFound, title: "Not found", message: "\(path) is not part of the site.")
        }
        let type = Self.contentType(url.pathExtension)
        var body = data
        if url.pathExtension == "html" {
            body = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    func page(_ status: HTTPStatusCode, title: String, message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: Data(LiveReload.messagePage(title: title, message: message).utf8))
    }

    /// The request path as a path inside the folder; `nil` if it climbs out or names a hidden file.
    static func relativePath(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." || part.hasPrefix(".") { return nil }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// The absolute path of the folder at `relative` (a path `relativePath` returned), ending in `/`,
    /// each name percent-encoded: it always names this server (no `//` or `\` to start another host).
    static func folderLocation(_ relative: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;")
        let names = relative.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return "/" + names.map { $0 + "/" }.joined()
    }

    static func contentType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "pdf": "application/pdf"
        case "txt": "text/plain; charset=utf-8"
        case "xml": "application/xml"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
