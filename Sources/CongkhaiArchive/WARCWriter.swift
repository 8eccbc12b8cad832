import CongkhaiMessages
import Crypto
import CongkhaiDomain
import Foundation

/// WARC/1.1 `response` records for the pages of a site, written to a file as they come, with the
/// index lines (CDXJ) collected for each. Written here rather than with a library because no
/// Swift WARC writer exists on the package list; the records are plain text headers defined by
/// ISO 28500:2017 and are checked by `wacz validate` and replayed by pywb in .ci/wacz-check.sh.
final class WARCWriter {
    private let handle: FileHandle
    private let date: SnapshotDate
    private(set) var offset: Int64 = 0
    private(set) var indexLines: [String] = []
    let fileName: String

    init(url: URL, fileName: String, date: SnapshotDate) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: url.path) else { throw ArchiveFailure(.cannotWrite, ["file": url.path]) }
        self.handle = handle
        self.fileName = fileName
        self.date = date
    }

    func writeInfo(software: String) throws {
        let fields = "software: \(software)\r\nformat: WARC File Format 1.1\r\n"
        let payload = Data(fields.utf8)
        try writeRecord(type: "warcinfo", uri: nil, headers: [("Content-Type", "application/warc-fields"),
                                                              ("WARC-Filename", fileName)], id: "warcinfo:" + fileName,
                        blockHead: Data(), payload: .bytes(payload))
    }

    enum Payload {
        case bytes(Data)
        case file(URL, size: Int64, sha256: String)
    }

    /// One HTTP response for `uri`: status 200, its media type and length.
    func writeResponse(uri: String, mediaType: String, payload: Payload, payloadDigest: String) throws {
        let length: Int64
        switch payload {
        case .bytes(let data): length = Int64(data.count)
        case .file(_, let size, _): length = size
        }
        let http = Data("HTTP/1.1 200 OK\r\nContent-Type: \(mediaType)\r\nContent-Length: \(length)\r\n\r\n".utf8)
        let start = offset
        try writeRecord(type: "response", uri: uri,
                        headers: [("Content-Type", "application/http; msgtype=response"),
                                  ("WARC-Payload-Digest", "sha256:" + payloadDigest)],
                        id: "response:" + uri, blockHead: http, payload: payload)
        let json = CDXJ.fields([("url", uri), ("mime", mediaType), ("status", "200"), ("digest", "sha256:" + payloadDigest),
                                ("length", String(offset - start)), ("offset", String(start)), ("filename", fileName)])
        indexLines.append("\(SURT.key(uri)) \(date.compact) \(json)")
    }

    private func writeRecord(type: String, uri: String?, headers: [(String, String)], id: String,
                             blockHead: Data, payload: Payload) throws {
        var block = SHA256()
        block.update(data: blockHead)
        let payloadLength: Int64
        switch payload {
        case .bytes(let data): block.update(data: data); payloadLength = Int64(data.count)
        case .file(let url, let size, _):
            try Self.eachChunk(of: url) { block.update(data: $0) }
            payloadLength = size
        }
        var head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(Self.uuid(for: id))>\r\nWARC-Date: \(date.iso)\r\n"
        if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "WARC-Block-Digest: sha256:\(block.finalize().hex)\r\n"
        head += "Content-Length: \(Int64(blockHead.count) + payloadLength)\r\n\r\n"
        try write(Data(head.utf8))
        try write(blockHead)
        switch payload {
        case .bytes(let data): try write(data)
        case .file(let url, _, _): try Self.eachChunk(of: url) { try self.write($0) }
        }
        try write(Data("\r\n\r\n".utf8))
    }

    private func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
        offset += Int64(data.count)
    }

    func close() throws { try handle.close() }

    static func eachChunk(of url: URL, _ body: (Data) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw ArchiveFailure(.cannotRead, ["file": url.path]) }
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { try body(chunk) }
    }

    /// Record ids must be unique and are usually random; here they are derived from what the
    /// record is (name-based, as a version-5-style UUID over SHA-256) so that output is reproducible.
    static func uuid(for name: String) -> String {
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.hex
        let cut = [8, 4, 4, 4, 12]
        var parts: [Substring] = []
        var index = hex.startIndex
        for length in cut {
            let end = hex.index(index, offsetBy: length)
            parts.append(hex[index..<end])
            index = end
        }
        return parts.joined(separator: "-")
    }
}

/// The Sort-friendly URI Reordering Transform that CDXJ index keys use:
/// `https://www.so.lamha.gov.vn/a/b` → `vn,gov,lamha,so)/a/b`.
enum SURT {
    static func key(_ uri: String) -> String {
        guard let schemeEnd = uri.range(of: "://") else { return uri.lowercased() }
        let rest = uri[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if let colon = host.lastIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            if port == "80" || port == "443" { host = String(host[..<colon]) }
        }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let path = rest[hostEnd...]
        return host.split(separator: ".").reversed().joined(separator: ",") + ")" + (path.isEmpty ? "/" : path.lowercased())
    }
}

enum CDXJ {
    /// A JSON object with the keys in the given order (CDXJ readers do not care, people reading it do).
    static func fields(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(JSONText.quote($0.0)): \(JSONText.quote($0.1))" }.joined(separator: ", ") + "}"
    }
}

/// JSON string quoting for index and page lines: the domain's, shared with the open data.
enum JSONText {
    static func quote(_ text: String) -> String { JSONString.quote(text) }
}
