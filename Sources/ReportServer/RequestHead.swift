/// The start of an HTTP request as `serve`'s front door (`RequestGuard`) reads it: the request line
/// and the header lines up to the empty line, checked in one linear pass over bounded bytes before
/// anything else sees them.
///
/// Only what the preview needs passes: `GET` or `HEAD`, an origin-form target (`/path?query`), and a
/// `Host` naming this server on loopback (a page on another site that resolves its own name to
/// 127.0.0.1, "DNS rebinding", sends its own name and is refused). Everything else is answered here
/// with a short error response.
struct RequestHead: Sendable, Equatable {
    var method: String
    /// The target as sent: `/path` with an optional `?query`, printable ASCII only.
    var target: String
    /// The `Host` header as sent (already checked against the allowed names).
    var host: String

    /// The request handed to the HTTP server behind the front door: only the request line and the
    /// host, and `Connection: close`, so that every request gets its own connection and is checked.
    var forwarded: [UInt8] {
        Array("\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
    }
}

/// Limits on what a client may send, and how slowly, before its request is answered.
struct RequestLimits: Sendable {
    /// The longest request line (method, target, version), in bytes.
    var requestLine = 8 * 1024
    /// The longest request head (request line and headers), in bytes.
    var head = 16 * 1024
    /// How long a client may take to send the whole head.
    var headTimeout: Duration = .seconds(10)
    /// How long one write of the response may wait for a client that does not read.
    var writeTimeout: Duration = .seconds(30)
    /// Connections handled at once; more are answered 503 and closed.
    var connections = 128
}

/// An answer the front door gives itself instead of passing the request on.
struct Refusal: Sendable, Equatable, Error {
    var status: Int
    var reason: String
    /// A sentence for the response body.
    var message: String
    /// Extra header lines (`Name: value`).
    var headers: [String] = []

    /// The whole response, closing the connection.
    var response: [UInt8] {
        let body = message + "\n"
        var head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: text/plain; charset=utf-8\r\n"
        head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\nCache-Control: no-store\r\n"
        for line in headers { head += line + "\r\n" }
        return Array((head + "\r\n" + body).utf8)
    }

    static let timedOut = Refusal(status: 408, reason: "Request Timeout", message: "The request took too long to arrive.")
    static let busy = Refusal(status: 503, reason: "Service Unavailable", message: "Too many connections; try again.")
}

/// Collects a request head from the bytes a client sends and checks it.
struct RequestHeadReader {
    let limits: RequestLimits
    /// The port the server listens on.
    let port: UInt16
    /// The `Host` values this server answers to, lowercased.
    let allowedHosts: Set<String>
    private var bytes: [UInt8] = []
    /// Where the line being read starts, and how far the bytes were scanned.
    private var lineStart = 0
    private var scanned = 0
    private var lines: [ArraySlice<UInt8>] = []

    /// A reader for a server listening on `port` of 127.0.0.1.
    init(port: UInt16, limits: RequestLimits) {
        self.limits = limits
        self.port = port
        var hosts: Set<String> = []
        for name in ["127.0.0.1", "localhost", "[::1]"] {
            hosts.insert("\(name):\(port)")
            if port == 80 { hosts.insert(name) }
        }
        allowedHosts = hosts
    }

    /// Takes the next bytes received; returns the head once it is complete, `nil` while more are
    /// needed, and throws the answer to give when the request is refused. Bytes after the head
    /// (a body, a pipelined request) are ignored: the connection closes after one response.
    mutating func append(_ received: some Collection<UInt8>) throws(Refusal) -> RequestHead? {
        bytes.append(contentsOf: received)
        while scanned < bytes.count {
            let byte = bytes[scanned]
            scanned += 1
            guard byte == UInt8(ascii: "\n") else { continue }
            var line = bytes[lineStart..<(scanned - 1)]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            lineStart = scanned
            if line.isEmpty {
                if lines.isEmpty { continue }  // empty lines before the request line are allowed
                if scanned > limits.head { throw headTooLarge }
                return try check()
            }
            lines.append(line)
        }
        if lines.isEmpty && bytes.count - lineStart > limits.requestLine {
            throw Refusal(status: 414, reason: "URI Too Long",
                          message: "The request line is longer than \(limits.requestLine) bytes.")
        }
        if bytes.count > limits.head { throw headTooLarge }
        return nil
    }

    private var headTooLarge: Refusal {
        Refusal(status: 431, reason: "Request Header Fields Too Large", message: "The request head is longer than \(limits.head) bytes.")
    }

    /// Checks the complete head.
    private func check() throws(Refusal) -> RequestHead {
        let requestLine = lines[0]
        if requestLine.count > limits.requestLine {
            throw Refusal(status: 414, reason: "URI Too Long",
                          message: "The request line is longer than \(limits.requestLine) bytes.")
        }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte),
              parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw Self.badRequest("The request line is not 'METHOD /path HTTP/1.1'.")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw Refusal(status: 505, reason: "HTTP Version Not Supported", message: "Only HTTP/1.1 and HTTP/1.0 are served.")
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        guard method == "GET" || method == "HEAD" else {
            throw Refusal(status: 405, reason: "Method Not Allowed", message: "The preview serves files: only GET and HEAD.",
                          headers: ["Allow: GET, HEAD"])
        }
        var host: String?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[..<colon].allSatisfy(Self.isTokenByte) else {
                throw Self.badRequest("A header line is not 'Name: value'.")
            }
            guard String(decoding: line[..<colon], as: UTF8.self).lowercased() == "host" else { continue }
            guard host == nil else { throw Self.badRequest("The request has more than one Host header.") }
            var value = line[line.index(after: colon)...]
            while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
            while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
            host = String(decoding: value, as: UTF8.self)
        }
        guard let host else { throw Self.badRequest("The request has no Host header.") }
        guard allowedHosts.contains(host.lowercased()) else {
            throw Refusal(status: 421, reason: "Misdirected Request",
                          message: "This preview answers only to 127.0.0.1:\(port), localhost:\(port) and [::1]:\(port); open http://127.0.0.1:\(port)/.")
        }
        return RequestHead(method: method, target: String(decoding: parts[1], as: UTF8.self), host: host)
    }

    private static func badRequest(_ message: String) -> Refusal {
        Refusal(status: 400, reason: "Bad Request", message: message)
    }

    /// A byte allowed in a method or header name (RFC 9110 `tchar`).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
