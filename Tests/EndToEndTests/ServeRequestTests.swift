import Foundation
@testable import ReportServer
import Testing

/// `serve` facing hostile or careless clients: oversized and slow request heads, foreign `Host`
/// names (DNS rebinding), redirects that could leave the site. Loopback only; every wait is bounded.
@Suite(.serialized)
struct ServeRequestTests {
    /// A started server on a fresh site (head timeout shortened to one second); `body` gets the port.
    func withServer(_ body: (UInt16) async throws -> Void) async throws {
        let root = try ServeTests.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = ServeTests.server(root: root, limits: RequestLimits(headTimeout: .seconds(1)))
        let port = try await server.start()
        do {
            try await body(port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func request(_ port: UInt16, _ target: String = "/", host: String? = nil, extra: String = "") -> [UInt8] {
        Array("GET \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\n\(extra)\r\n".utf8)
    }

    /// FlyingFox reads header lines in quadratic time (128 KB: about 10 s); the front door answers
    /// 431 or 414 at once, and the server answers others meanwhile. "At once" is measured against a
    /// head just over the limit, so a machine loaded by other tests does not fail it: a 128 KB head
    /// read in quadratic time would take about 60 times as long as a 17 KB one, refused ones take alike.
    @Test(.timeLimit(.minutes(1)))
    func oversizedHeadsAreRefusedAtOnce() async throws {
        try await withServer { port in
            let justOver = ContinuousClock.now
            let small = await LoopbackClient.exchange(port: port, Self.request(port, extra: "X-Big: \(String(repeating: "a", count: 17 * 1024))\r\n"))
            #expect(small?.status == 431)
            let justOverElapsed = ContinuousClock.now - justOver
            let started = ContinuousClock.now
            let header = String(repeating: "a", count: 128 * 1024)
            let big = await LoopbackClient.exchange(port: port, Self.request(port, extra: "X-Big: \(header)\r\n"))
            #expect(big?.status == 431)
            let bigElapsed = ContinuousClock.now - started
            #expect(bigElapsed < max(.seconds(5), justOverElapsed * 10), "17 KB took \(justOverElapsed), 128 KB \(bigElapsed)")
            #expect(big?.body == "The request head is longer than 16384 bytes.\n")
            let manyLines = String(repeating: "X-Line: 0123456789\r\n", count: 2000)
            #expect(await LoopbackClient.exchange(port: port, Self.request(port, extra: manyLines))?.status == 431)
            let long = await LoopbackClient.exchange(port: port, Self.request(port, "/" + String(repeating: "p", count: 10_000)))
            #expect(long?.status == 414)
            #expect(ContinuousClock.now - started < max(.seconds(5), justOverElapsed * 30), "all three refusals, against 17 KB's \(justOverElapsed)")
            #expect(await LoopbackClient.get(port: port, "/loans/")?.status == 200)
        }
    }

    /// A client that sends half a head and waits is answered 408 when its time is up; others are
    /// served meanwhile.
    @Test(.timeLimit(.minutes(1)))
    func aSlowClientTimesOut() async throws {
        try await withServer { port in
            let slow = try #require(LoopbackClient.connect(port: port, request: Array("GET / HTTP/1.1\r\nHost: 127.0.0.1".utf8), timeout: 8))
            #expect(await LoopbackClient.get(port: port, "/")?.status == 200)
            let answer = await LoopbackClient.response(slow)
            #expect(answer?.status == 408)
            #expect(answer?.body == "The request took too long to arrive.\n")
        }
    }

    /// Only 127.0.0.1, localhost and [::1] with the server's port are served: a page on another
    /// site resolving its name to 127.0.0.1 (DNS rebinding) gets 421, not the preview.
    @Test(.timeLimit(.minutes(1)))
    func foreignHostNamesAreRefused() async throws {
        try await withServer { port in
            for host in ["localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)", "127.0.0.1:\(port)"] {
                #expect(await LoopbackClient.exchange(port: port, Self.request(port, host: host))?.status == 200, "\(host)")
            }
            for host in ["evil.example:\(port)", "evil.example", "127.0.0.1", "localhost:\(port + 1)", "127.0.0.1:\(port).evil.example", ""] {
                let answer = await LoopbackClient.exchange(port: port, Self.request(port, host: host))
                #expect(answer?.status == 421, "\(host)")
                #expect(answer?.body == "This preview answers only to 127.0.0.1:\(port), localhost:\(port) and [::1]:\(port); open http://127.0.0.1:\(port)/.\n")
            }
            let noHost = await LoopbackClient.exchange(port: port, Array("GET / HTTP/1.1\r\n\r\n".utf8))
            #expect(noHost?.status == 400)
            #expect(noHost?.body == "The request has no Host header.\n")
            let twoHosts = Self.request(port, extra: "Host: evil.example\r\n")
            #expect(await LoopbackClient.exchange(port: port, twoHosts)?.status == 400)
        }
    }

    /// A folder asked without its slash is redirected to a path on this server, never to
    /// `//name/` (which a browser reads as another host).
    @Test(.timeLimit(.minutes(1)))
    func redirectsStayOnTheServer() async throws {
        try await withServer { port in
            for target in ["//loans", "/loans", "/./loans", "///loans"] {
                let answer = await LoopbackClient.exchange(port: port, Self.request(port, target))
                #expect(answer?.status == 301, "\(target)")
                #expect(answer?.headers.contains("\r\nLocation: /loans/") == true, "\(target)")
            }
        }
    }

    /// The head is read in pieces however they arrive, bare LF line ends allowed; methods other than
    /// GET and HEAD, bodies and odd request lines are answered by the front door.
    @Test func requestHeadsAreCheckedAsTheyArrive() throws {
        var reader = RequestHeadReader(port: 8000, limits: RequestLimits())
        #expect(try reader.append(Array("\r\nGET /a?b=1 HTT".utf8)) == nil)
        #expect(try reader.append(Array("P/1.1\nHost: localhost:8000 \r\nAccept: */*\r\n".utf8)) == nil)
        let head = try reader.append(Array("\r\nignored body".utf8))
        #expect(head == RequestHead(method: "GET", target: "/a?b=1", host: "localhost:8000"))
        #expect(head.map { String(decoding: $0.forwarded, as: UTF8.self) } == "GET /a?b=1 HTTP/1.1\r\nHost: localhost:8000\r\nConnection: close\r\n\r\n")

        func refusal(_ text: String) -> Int? {
            var reader = RequestHeadReader(port: 8000, limits: RequestLimits())
            do {
                _ = try reader.append(Array(text.utf8))
                return nil
            } catch {
                return error.status
            }
        }
        #expect(refusal("POST / HTTP/1.1\r\nHost: localhost:8000\r\n\r\n") == 405)
        #expect(refusal("GET http://evil.example/ HTTP/1.1\r\nHost: localhost:8000\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/2\r\nHost: localhost:8000\r\n\r\n") == 505)
        #expect(refusal("GET  / HTTP/1.1\r\nHost: localhost:8000\r\n\r\n") == 400)
        #expect(refusal("GET /\u{7F} HTTP/1.1\r\nHost: localhost:8000\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nHost: localhost:8000\r\n folded\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nHost: localhost:8000\r\nNo colon\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nHost: localhost:8000\r\n\r\n") == nil)
        #expect(PreviewHandler.folderLocation("a b/\\evil.example") == "/a%20b/%5Cevil.example/")
    }
}
