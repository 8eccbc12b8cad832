import CongkhaiDomain
import CongkhaiMessages
import Crypto
import Foundation

/// What the build knew about the site it wrote, as recorded in the manifest.
/// Read from the site's `.congkhai-site` marker; a marker written by an older
/// build is empty, and then the facts are worked out from the site itself and
/// from the content and theme folders.
public struct BuildFacts: Codable, Equatable, Sendable {
    public var generator: String
    public var version: String
    public var documents: Int
    public var procedures: Int
    public var contentDigest: String
    public var themeDigest: String
    public var leftOut: [String]
    /// `marker` when the build wrote these facts, `computed` when they were worked out after it.
    public var source: String

    public static let markerName = ".congkhai-site"

    public init(generator: String, version: String, documents: Int, procedures: Int, contentDigest: String, themeDigest: String,
                leftOut: [String], source: String) {
        (self.generator, self.version, self.documents, self.procedures) = (generator, version, documents, procedures)
        (self.contentDigest, self.themeDigest, self.leftOut, self.source) = (contentDigest, themeDigest, leftOut, source)
    }

    private struct Marker: Decodable {
        var generator: String?
        var version: String?
        var documents: Int?
        var procedures: Int?
        var leftOut: [String]?
        var contentDigest: String?
        var themeDigest: String?
    }

    public static func read(site: URL, content: URL, theme: URL) throws -> BuildFacts {
        let markerURL = site.appendingPathComponent(markerName)
        guard let data = FileManager.default.contents(atPath: markerURL.path) else {
            throw ArchiveFailure(.notABuiltSite, ["site": site.path, "marker": markerName])
        }
        if !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }),
           let marker = try? JSONDecoder().decode(Marker.self, from: data),
           let documents = marker.documents, let procedures = marker.procedures,
           let contentDigest = marker.contentDigest, let themeDigest = marker.themeDigest {
            return BuildFacts(generator: marker.generator ?? "congkhai", version: marker.version ?? "unknown",
                              documents: documents, procedures: procedures, contentDigest: contentDigest,
                              themeDigest: themeDigest, leftOut: marker.leftOut ?? [], source: "marker")
        }
        return BuildFacts(generator: "congkhai", version: "unknown",
                          documents: try countEntries(site.appendingPathComponent("api/documents.json")),
                          procedures: try countEntries(site.appendingPathComponent("api/procedures.json")),
                          contentDigest: try FolderDigest.of(content, leavingOut: [ArchiveRegistry.fileName]),
                          themeDigest: try FolderDigest.of(theme),
                          leftOut: [], source: "computed")
    }

    static func countEntries(_ url: URL) throws -> Int { try SiteCatalogue.count(url) }
}

/// One digest for a whole folder: SHA-256 over the sorted lines `path NUL size NUL sha256` of
/// every file in it (hidden files and folders left out), so that it does not depend on the
/// order in which the file system lists the files, on their dates or on their owners.
public enum FolderDigest {
    /// `leavingOut` names files at the top of the folder that do not count: the snapshot list, which archiving
    /// itself changes, would otherwise make every snapshot's digest differ from the one before.
    public static func of(_ folder: URL, leavingOut: Set<String> = []) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ArchiveFailure(.folderMissing, ["folder": folder.path])
        }
        var hasher = SHA256()
        for file in try SiteFiles.list(folder, keepHidden: false) where !leavingOut.contains(file.path) {
            let digest = try FileDigest.sha256(of: file.url)
            hasher.update(data: Data("\(file.path)\0\(file.size)\0\(digest)\n".utf8))
        }
        return hasher.finalize().hex
    }
}

enum FileDigest {
    static func sha256(of url: URL) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw ArchiveFailure(.cannotRead, ["file": url.path]) }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().hex
    }
}

extension Sequence where Element == UInt8 {
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in self { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
