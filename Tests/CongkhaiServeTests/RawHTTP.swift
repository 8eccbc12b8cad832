import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends a request line exactly as written, as `curl --path-as-is` does:
/// URLSession and most clients clean "/../" away before it reaches the server.
enum RawHTTP {
    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var contentType: String { headers["content-type"] ?? "" }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func get(_ target: String, port: UInt16, method: String = "GET") throws -> Answer {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(socket) }
        // Bounded waits: a server that never answers fails the test after 10 s.
        // Generous: in a full test run the server shares two cores with every other suite.
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to 127.0.0.1:\(port)") }
        let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard send(socket, request, request.count, 0) == request.count else { throw Failure(description: "send failed") }

        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let answer = try parse(received, method: method) { return answer }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 {
                if let answer = try parse(received, method: method, complete: true) { return answer }
                throw Failure(description: "the connection closed after \(received.count) bytes without a whole answer")
            }
            received.append(contentsOf: buffer[0..<count])
        }
    }

    private static func parse(_ data: Data, method: String, complete: Bool = false) throws -> Answer? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = data[end.upperBound...]
        let length = method == "HEAD" ? 0 : Int(headers["content-length"] ?? "")
        if let length {
            guard body.count >= length else { return nil }
            return Answer(status: status, headers: headers, body: Data(body.prefix(length)))
        }
        return complete ? Answer(status: status, headers: headers, body: Data(body)) : nil
    }
}
