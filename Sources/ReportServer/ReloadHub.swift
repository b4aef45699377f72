import FlyingFox
import FlyingSocks
import Foundation

/// The open pages listening for reload events (Server-Sent Events), and the last build's outcome,
/// which a page that connects later receives at once (so a reloaded page shows the error overlay).
actor ReloadHub {
    private var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    /// The current build error, as the text printed in the terminal; `nil` after a good build.
    private(set) var currentError: String?
    /// Counts successful builds; a page reconnecting after a restart compares it.
    private(set) var generation = 0

    var clientCount: Int { clients.count }

    /// A new listener's event stream, starting with the current state.
    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .unbounded)
        let id = nextID
        nextID += 1
        clients[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield(Self.event("hello", data: "{\"generation\":\(generation)}", retry: 500))
        if let currentError { continuation.yield(Self.event("build-error", data: Self.json(["message": currentError]))) }
        return stream
    }

    private func remove(_ id: Int) {
        clients[id] = nil
    }

    /// Tells every page a build succeeded and which output files changed.
    func built(written: [String]) {
        currentError = nil
        generation += 1
        let list = written.map(\.jsonStringLiteral).joined(separator: ",")
        broadcast(Self.event("built", data: "{\"generation\":\(generation),\"written\":[\(list)]}"))
    }

    /// Tells every page a build failed.
    func failed(_ message: String) {
        currentError = message
        broadcast(Self.event("build-error", data: Self.json(["message": message])))
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        for continuation in clients.values { continuation.finish() }
        clients = [:]
    }

    private func broadcast(_ bytes: [UInt8]) {
        for continuation in clients.values { continuation.yield(bytes) }
    }

    /// One SSE message; `data` must be a single line (JSON is).
    static func event(_ name: String, data: String, retry: Int? = nil) -> [UInt8] {
        var text = retry.map { "retry: \($0)\n" } ?? ""
        text += "event: \(name)\ndata: \(data)\n\n"
        return Array(text.utf8)
    }

    static func json(_ values: [String: String]) -> String {
        "{" + values.keys.sorted().map { "\($0.jsonStringLiteral):\(values[$0]!.jsonStringLiteral)" }.joined(separator: ",") + "}"
    }
}

/// An `AsyncStream` of byte chunks as FlyingFox's buffered byte sequence, so that each event is
/// sent (as one HTTP chunk) as soon as it is yielded.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty { pending = await base.next() ?? [] }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if !pending.isEmpty {
                defer { pending = [] }
                return pending
            }
            while let chunk = await base.next() {
                if !chunk.isEmpty { return chunk }
            }
            return nil
        }
    }
}
