/// Where a site is published: a folder on this machine (the web server's
/// document root) or `user@host:/path` reached over ssh.
public enum PublishTarget: Equatable, Sendable, CustomStringConvertible {
    case local(path: String)
    case remote(host: String, path: String)

    /// Reads the `--to` argument the way rsync and scp do: `host:path` or
    /// `user@host:path` is remote, anything with a `/` before the first `:` is a local path.
    public init(_ text: String) throws {
        guard !text.isEmpty else { throw PublishFailure(.targetEmpty) }
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), colon != text.startIndex {
            let host = String(text[..<colon])
            let path = String(text[text.index(after: colon)...])
            guard path.hasPrefix("/") else {
                throw PublishFailure(.targetNotAbsolute, ["target": text, "host": host])
            }
            guard host.allSatisfy({ $0.isLetter || $0.isNumber || "@.-_".contains($0) }), !host.hasPrefix("-") else {
                throw PublishFailure(.targetBadHost, ["target": text, "host": host])
            }
            self = .remote(host: host, path: Self.trimmed(path))
        } else {
            self = .local(path: Self.trimmed(text))
        }
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    public var description: String {
        switch self {
        case .local(let path): return path
        case .remote(let host, let path): return "\(host):\(path)"
        }
    }
}
