import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback TCP socket, for testing `serve` as a browser would
/// use it: one-shot GETs, and a long-lived request whose bytes (the event stream) are collected
/// on a background thread. Every wait is bounded.
final class LoopbackClient: Sendable {
    let port: UInt16
    private let received = Mutex<[UInt8]>([])
    private let descriptor = Mutex<Int32>(-1)

    init(port: UInt16) {
        self.port = port
    }

    /// Connects and sends a GET; `nil` when the connection is refused.
    static func connect(port: UInt16, path: String, close: Bool) -> Int32? {
        connect(port: port, request: Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: \(close ? "close" : "keep-alive")\r\n\r\n".utf8))
    }

    /// Connects and sends `request` as it is; `nil` when the connection is refused. Reads on the
    /// socket give up after `timeout` seconds.
    static func connect(port: UInt16, request: [UInt8], timeout: Int = 30) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            return nil
        }
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break }
            sent += count
        }
        return fd
    }

    /// A response: the status code, the head (status line and headers) and the body.
    typealias Response = (status: Int, headers: String, body: String)

    /// GETs `path` and returns the response (read until the server closes).
    static func get(port: UInt16, _ path: String) async -> Response? {
        await offThePool {
            guard let fd = connect(port: port, path: path, close: true) else { return nil }
            return readResponse(fd)
        }
    }

    /// Sends `request` (the raw bytes of a request) and returns the response, read until the server
    /// closes; `nil` when the connection is refused or nothing came within `timeout` seconds.
    static func exchange(port: UInt16, _ request: [UInt8], timeout: Int = 30) async -> Response? {
        await offThePool {
            guard let fd = connect(port: port, request: request, timeout: timeout) else { return nil }
            return readResponse(fd)
        }
    }

    /// Reads a response until the server closes `fd`, then closes it.
    static func response(_ fd: Int32) async -> Response? {
        await offThePool { readResponse(fd) }
    }

    /// Runs blocking socket calls on a thread of their own: blocking one of the few threads that
    /// run tasks would stall the server under test, which runs on them too.
    static func offThePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    private static func readResponse(_ fd: Int32) -> Response? {
        defer { Glibc.close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let head = String(text[..<split.lowerBound])
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, head, String(text[split.upperBound...]))
    }

    /// Opens the event stream and collects what arrives on a background thread.
    func openStream(_ path: String) -> Bool {
        guard let fd = Self.connect(port: port, path: path, close: false) else { return false }
        descriptor.withLock { $0 = fd }
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count == 0 { break }
                if count < 0 {
                    if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                    break
                }
                let chunk = Array(buffer[0..<count])
                received.withLock { $0 += chunk }
            }
        }
        thread.start()
        return true
    }

    /// Everything received so far on the stream.
    var text: String { received.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Waits until `needle` has arrived `occurrences` times, at most `timeout`; returns whether it did.
    func waitFor(_ needle: String, occurrences: Int = 1, timeout: Duration = .seconds(20)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if text.components(separatedBy: needle).count - 1 >= occurrences { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    func close() {
        descriptor.withLock { fd in
            if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)); Glibc.close(fd) }
            fd = -1
        }
    }
}
