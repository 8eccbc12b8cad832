import Crypto
import Foundation

/// A WACZ 1.1.1 (Webrecorder) of the snapshot's pages: one uncompressed WARC of response records,
/// its CDXJ index, `pages/pages.jsonl`, `datapackage.json` with each resource's hash and size, and
/// `datapackage-digest.json` carrying the hash of the data package and, when a key is given, an
/// anonymous `signedData` as in "WACZ Signing and Verification".
final class WACZPackage {
    static let warcPath = "archive/data.warc"
    static let indexPath = "indexes/index.cdx"
    static let pagesPath = "pages/pages.jsonl"
    static let packagePath = "datapackage.json"
    static let digestPath = "datapackage-digest.json"

    let warc: WARCWriter
    private let warcURL: URL
    private let date: SnapshotDate
    private let baseURL: String
    private var pageLines: [String] = []

    init(workFolder: URL, date: SnapshotDate, baseURL: String, software: String) throws {
        warcURL = workFolder.appendingPathComponent("data.warc")
        warc = try WARCWriter(url: warcURL, fileName: "data.warc", date: date)
        self.date = date
        self.baseURL = baseURL
        try warc.writeInfo(software: software)
    }

    func uri(of path: String) -> String { baseURL + path }

    /// A page listed in `pages.jsonl`, the list replay tools show first.
    func addPage(path: String, title: String) {
        let url = uri(of: path)
        let id = String(SHA256.hash(data: Data(url.utf8)).hex.prefix(24))
        pageLines.append("{\"id\": \(JSONText.quote(id)), \"url\": \(JSONText.quote(url)), "
            + "\"ts\": \(JSONText.quote(date.iso)), \"title\": \(JSONText.quote(title))}")
    }

    struct Resource: Codable {
        var name: String
        var path: String
        var hash: String
        var bytes: Int64
    }

    struct DataPackage: Codable {
        var profile = "data-package"
        var resources: [Resource]
        var created: String
        var wacz_version = "1.1.1"
        var software: String
        var title: String
        var mainPageURL: String
        var mainPageDate: String
    }

    struct Digest: Codable {
        var path: String
        var hash: String
        var signedData: SignedData?
    }

    /// Closes the WARC and writes the WACZ zip. The WARC stays uncompressed and stored, as the
    /// spec asks, so that replay tools can read records by offset.
    func finish(into url: URL, title: String, version: String, signingKey: P384.Signing.PrivateKey?) throws {
        try warc.close()
        let index = Data((warc.indexLines.sorted().joined(separator: "\n") + "\n").utf8)
        let header = "{\"format\": \"json-pages-1.0\", \"id\": \"pages\", \"title\": \"All Pages\"}"
        let pages = Data(([header] + pageLines.sorted()).joined(separator: "\n").utf8 + [0x0A])
        let warcSize = (try FileManager.default.attributesOfItem(atPath: warcURL.path)[.size] as? NSNumber)?.int64Value ?? 0
        var resources = [
            Resource(name: "data.warc", path: Self.warcPath, hash: "sha256:" + (try FileDigest.sha256(of: warcURL)), bytes: warcSize),
            Resource(name: "index.cdx", path: Self.indexPath, hash: "sha256:" + SHA256.hash(data: index).hex, bytes: Int64(index.count)),
            Resource(name: "pages.jsonl", path: Self.pagesPath, hash: "sha256:" + SHA256.hash(data: pages).hex,
                     bytes: Int64(pages.count)),
        ]
        resources.sort { $0.path < $1.path }
        let package = DataPackage(resources: resources, created: date.iso, software: "congkhai " + version, title: title,
                                  mainPageURL: uri(of: "index.html"), mainPageDate: date.iso)
        let packageData = try Self.json(package)
        let hash = "sha256:" + SHA256.hash(data: packageData).hex
        let signed = try signingKey.map { try SignedData.make(hash: hash, created: date.iso, version: version, key: $0) }
        let digestData = try Self.json(Digest(path: Self.packagePath, hash: hash, signedData: signed))

        let zip = try DeterministicZip(creating: url, modified: date.instant)
        try zip.add(Self.warcPath, file: warcURL, size: warcSize, compress: false)
        try zip.add(Self.digestPath, data: digestData, compress: false)
        try zip.add(Self.packagePath, data: packageData, compress: false)
        try zip.add(Self.indexPath, data: index, compress: false)
        try zip.add(Self.pagesPath, data: pages, compress: false)
        try? FileManager.default.removeItem(at: warcURL)
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
