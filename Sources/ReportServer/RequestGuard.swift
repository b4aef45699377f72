import FlyingSocks
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `serve`'s front door on 127.0.0.1:PORT: every browser connection arrives here, never at FlyingFox.
///
/// FlyingFox 0.27.1 (the newest there is) reads request lines and headers with no size or time
/// limit, and in time quadratic in a line's length (a 128 KB header costs seconds, two of 1 MB stall
/// the server for minutes). So the front door reads each request head itself, in one linear pass
/// over at most `RequestLimits.head` bytes and `RequestLimits.headTimeout` of time
/// (`RequestHeadReader`), answers a refused request itself (414, 431, 408, 421 for a foreign `Host`,
/// ...), and passes an accepted one on as a minimal request of a few short lines to the FlyingFox
/// server, which listens on a private abstract Unix socket no browser can reach; then it copies the
/// response back. Each request has its own connection (`Connection: close`), so each is checked.
final class RequestGuard: Sendable {
    let limits: RequestLimits
    /// The port on 127.0.0.1 the front door listens on.
    let port: UInt16
    /// Where the FlyingFox server listens.
    let upstream: sockaddr_un
    private let listener: Socket
    private let pool: any AsyncSocketPool
    private let running = Mutex<Task<Void, Never>?>(nil)
    private let connections = Mutex(0)

    /// Listens on 127.0.0.1:`port` (0 picks a free port); fails with a clear message when the port is taken.
    init(port: UInt16, upstream: sockaddr_un, limits: RequestLimits = RequestLimits()) throws(PreviewServer.StartError) {
        self.limits = limits
        self.upstream = upstream
        listener = try Self.listen(port: port)
        if case let .ip4(_, listening)? = try? listener.sockname() { self.port = listening } else { self.port = port }
        pool = SocketPool.make()
    }

    /// A private address for the server behind the front door.
    static func privateAddress() -> sockaddr_un {
        .unix(abstractNamespace: "reportgen-serve-\(getpid())-\(UUID().uuidString)")
    }

    /// Starts accepting connections (in a task of its own).
    func start() async throws {
        try await pool.prepare()
        let task = Task { await self.run() }
        running.withLock { $0 = task }
    }

    /// Closes the port and ends every connection.
    func stop() async {
        let task = running.withLock { task in
            defer { task = nil }
            return task
        }
        guard let task else { return }
        task.cancel()
        await task.value
        try? listener.close()
    }

    private func run() async {
        guard let listening = try? AsyncSocket(socket: listener, pool: pool) else { return }
        let pool = pool
        await withDiscardingTaskGroup { group in
            group.addTask { try? await pool.run() }
            while !Task.isCancelled {
                let client: AsyncSocket
                do {
                    client = try await listening.accept()
                } catch {
                    // Out of descriptors, say: wait a moment rather than spin.
                    try? await Task.sleep(for: .milliseconds(50))
                    continue
                }
                let admitted = connections.withLock { count in
                    if count >= limits.connections { return false }
                    count += 1
                    return true
                }
                guard admitted else {
                    _ = try? client.socket.write(Data(Refusal.busy.response))
                    try? client.close()
                    continue
                }
                group.addTask {
                    await self.serve(client)
                    self.connections.withLock { $0 -= 1 }
                }
            }
            group.cancelAll()
        }
    }

    /// One connection: its request head, checked, then the response of the server behind.
    private func serve(_ client: AsyncSocket) async {
        defer { try? client.close() }
        let head: RequestHead
        do {
            head = try await within(limits.headTimeout) { [port, limits] in
                try await Self.readHead(from: client, port: port, limits: limits)
            }
        } catch let refusal as Refusal {
            await answer(client, refusal)
            return
        } catch is TimedOut {
            await answer(client, .timedOut)
            return
        } catch {
            return  // the client went away or the server is stopping
        }
        guard let server = try? await AsyncSocket.connected(to: upstream, pool: pool) else {
            await answer(client, Refusal(status: 502, reason: "Bad Gateway", message: "The preview server is not running."))
            return
        }
        defer { try? server.close() }
        do {
            try await server.write(Data(head.forwarded))
            while true {
                let chunk = try await server.read(atMost: 65536)
                try await within(limits.writeTimeout) { try await client.write(Data(chunk)) }
            }
        } catch {
            // The response ended (the server closed), the client stopped reading or went away.
        }
    }

    private static func readHead(from client: AsyncSocket, port: UInt16, limits: RequestLimits) async throws -> RequestHead {
        var reader = RequestHeadReader(port: port, limits: limits)
        while true {
            if let head = try reader.append(try await client.read(atMost: 4096)) { return head }
        }
    }

    /// Sends `refusal`, then reads (and drops) what the client is still sending, until it pauses:
    /// closing a socket with unread bytes resets the connection, which can destroy the answer in transit.
    private func answer(_ client: AsyncSocket, _ refusal: Refusal) async {
        try? await within(limits.writeTimeout) { try await client.write(Data(refusal.response)) }
        shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        var dropped = 0
        while dropped < 1 << 20, let chunk = try? await within(.milliseconds(200), { try await client.read(atMost: 4096) }) {
            dropped += chunk.count
        }
    }

    /// Opens the listening socket on 127.0.0.1.
    private static func listen(port: UInt16) throws(PreviewServer.StartError) -> Socket {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PreviewServer.StartError(diagnostic: .error(.portUnavailable, "cannot open a socket: \(String(cString: strerror(errno)))")) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if bound != 0 || Glibc.listen(fd, SOMAXCONN) != 0 {
            let code = errno
            close(fd)
            let reason = code == EADDRINUSE ? "is already in use (is another 'reportgen serve' running?)" : "cannot be used: \(String(cString: strerror(code)))"
            throw PreviewServer.StartError(diagnostic: .error(.portUnavailable, "port \(port) on 127.0.0.1 \(reason)",
                                                              hint: "pass another port, e.g. --port \(port == 65535 ? 8001 : port + 1), or stop the other server"))
        }
        return Socket(file: Socket.FileDescriptor(rawValue: fd))
    }
}

/// A time limit ran out.
struct TimedOut: Error {}

/// `body`'s result, or `TimedOut` when it takes longer than `limit` (`body` is then cancelled).
func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
