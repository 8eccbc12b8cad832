import Crypto
import Foundation

/// `manifest.json` of a snapshot: every file with its size and SHA-256, and what the build knew.
/// Encoded with sorted keys and no escaping of `/`, so the same snapshot gives the same bytes.
public struct SnapshotManifest: Codable, Equatable, Sendable {
    public struct Snapshot: Codable, Equatable, Sendable {
        public var name: String
        public var date: String
        /// The instant written into every zip entry and WARC record.
        public var time: String
        /// `all`, or the year the snapshot is limited to.
        public var scope: String
        public var baseURL: String
    }
    public struct File: Codable, Equatable, Sendable {
        public var path: String
        public var size: Int64
        public var sha256: String
    }

    public var format = "congkhai-snapshot/1"
    public var snapshot: Snapshot
    public var build: BuildFacts
    public var files: [File]

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> SnapshotManifest {
        try JSONDecoder().decode(SnapshotManifest.self, from: data)
    }

    public static func digest(of data: Data) -> String { SHA256.hash(data: data).hex }
}

/// The names of the files inside and beside a snapshot.
public enum SnapshotLayout {
    public static let manifest = "manifest.json"
    public static let signature = "manifest.sig"
    /// Every entry of a snapshot zip: the files under one folder named after the snapshot,
    /// so that unpacking it makes one folder to open.
    public static func entryPath(root: String, _ path: String) -> String { root + "/" + path }
    /// Fixed permissions, whatever the umask of whoever archives.
    public static let filePermissions: UInt16 = 0o644
}
