import Foundation
import Yams

/// The list of snapshots that exist, kept as `_luu-tru.yml` in the content folder (the `_` keeps the
/// build from publishing it as an attachment or warning about it):
/// `congkhai archive` appends to it, the site's `luu-tru/` page lists it.
/// Plain YAML so that staff can read it, correct a download address or remove
/// a line for a snapshot that was never published.
///
///     snapshots:
///       - date: 2024-06-30
///         scope: all            # or a year: 2023
///         file: cong-khai-2024-06-30.zip
///         size: 1234567
///         sha256: 9f2c…         # the manifest's digest, as printed by the archive command
///         wacz: cong-khai-2024-06-30.wacz
///         wacz_size: 2345678
///         signed: true
///         download: https://…/  # where the files are published (optional)
public struct ArchiveRegistry: Codable, Equatable, Sendable {
    public static let fileName = "_luu-tru.yml"

    public struct Entry: Codable, Equatable, Sendable {
        public var date: String
        public var scope: String
        public var file: String
        public var size: Int64
        public var sha256: String
        public var wacz: String?
        public var waczSize: Int64?
        public var signed: Bool?
        public var download: String?

        enum CodingKeys: String, CodingKey {
            case date, scope, file, size, sha256, wacz, waczSize = "wacz_size", signed, download
        }

        public init(date: String, scope: String, file: String, size: Int64, sha256: String,
                    wacz: String? = nil, waczSize: Int64? = nil, signed: Bool? = nil, download: String? = nil) {
            (self.date, self.scope, self.file, self.size, self.sha256) = (date, scope, file, size, sha256)
            (self.wacz, self.waczSize, self.signed, self.download) = (wacz, waczSize, signed, download)
        }

        /// The address of a file of this snapshot: beside the archive page unless `download` says where.
        public func downloadAddress(of name: String) -> String {
            guard var base = download, !base.isEmpty else { return name }
            if !base.hasSuffix("/") { base += "/" }
            return base + name
        }
    }

    public var snapshots: [Entry]

    public init(snapshots: [Entry] = []) { self.snapshots = snapshots }

    /// Reads the registry text; an empty file is an empty registry.
    public static func parse(_ text: String) throws -> ArchiveRegistry {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return ArchiveRegistry() }
        return try YAMLDecoder().decode(ArchiveRegistry.self, from: text)
    }

    /// A new snapshot replaces an earlier line for the same file (the same date and scope archived again).
    public mutating func record(_ entry: Entry) {
        snapshots.removeAll { $0.file == entry.file }
        snapshots.append(entry)
        snapshots.sort { ($0.date, $0.file) > ($1.date, $1.file) }
    }

    public func yaml() throws -> String {
        "# Bản lưu trữ (snapshot) của trang, do lệnh `congkhai archive` ghi; trang luu-tru/ liệt kê các dòng này.\n"
            + (try YAMLEncoder().encode(self))
    }
}
