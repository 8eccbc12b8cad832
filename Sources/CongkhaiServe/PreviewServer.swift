import FlyingFox
import FlyingSocks
import Foundation

/// Serves a Preview over HTTP with FlyingFox.
public final class PreviewServer: Sendable {
    public let preview: Preview
    public let host: String
    private let server: HTTPServer

    /// `port` 0 picks a free port (tests); `boundPort()` tells which.
    public init(preview: Preview, host: String, port: UInt16) throws {
        self.preview = preview
        self.host = host
        let address: any SocketAddress = host.contains(":")
            ? try sockaddr_in6.inet6(ip6: host, port: port)
            : try sockaddr_in.inet(ip4: Self.numericIPv4(host), port: port)
        server = HTTPServer(config: .init(address: address, logger: .disabled), handler: Handler(preview: preview))
    }

    /// Every request, /__congkhai/ included, goes to one handler that reads the
    /// raw request target: FlyingFox's own `path` has dot segments already removed.
    private struct Handler: HTTPHandler {
        let preview: Preview
        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            PreviewServer.answer(request, from: preview)
        }
    }

    /// "localhost" is the one name accepted; anything else must be an address,
    /// so that what is checked for loopback is what is bound.
    static func numericIPv4(_ host: String) -> String {
        host == "localhost" ? "127.0.0.1" : host
    }

    /// Loopback addresses reach this machine only; any other exposes the
    /// unpublished preview (drafts included) to the network.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Serves until the task running it is cancelled or `stop()` is called.
    public func run() async throws {
        try await server.run()
    }

    public func waitUntilListening(timeout: TimeInterval = 5) async throws {
        try await server.waitUntilListening(timeout: timeout)
    }

    public func boundPort() async -> UInt16? {
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return nil
        }
    }

    public func stop() async {
        await server.stop()
    }

    static func answer(_ request: HTTPRequest, from preview: Preview) -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            let headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8", HTTPHeader("Allow"): "GET, HEAD"]
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers,
                                body: Data("The preview only serves pages (GET).\n".utf8))
        }
        let answer = preview.site.respond(to: request.target.path(percentEncoded: true))
        var headers: HTTPHeaders = [
            .contentType: answer.contentType,
            // Every answer is the site of the moment: a browser must not keep an older one.
            .cacheControl: "no-store",
        ]
        if let location = answer.location { headers[.location] = location }
        let body = request.method == .HEAD ? Data() : answer.body
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)), headers: headers, body: body)
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
