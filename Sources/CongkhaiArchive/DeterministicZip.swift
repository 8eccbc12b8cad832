import CongkhaiMessages
import Foundation
import ZIPFoundation

/// A zip written through ZIPFoundation with everything that could differ between machines fixed:
/// entries are added in the caller's (sorted) order, every entry gets the same modification time
/// and permissions, and ZIPFoundation itself writes the DOS time through gmtime (so the time zone
/// does not matter), a constant "version made by" and no extra fields. Deflate is zlib's default
/// level, which gives the same bytes for the same zlib.
final class DeterministicZip {
    private let archive: Archive
    private let modified: Date
    /// One chunk size whether a file is held or streamed, so that both ways feed zlib alike.
    static let chunkSize = 1 << 16

    init(creating url: URL, modified: Date) throws {
        try? FileManager.default.removeItem(at: url)
        do { archive = try Archive(url: url, accessMode: .create) } catch {
            throw ArchiveFailure(.cannotCreate, ["file": url.path, "problem": FileProblem.describe(error)])
        }
        self.modified = modified
    }

    func add(_ path: String, data: Data, compress: Bool) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                             permissions: SnapshotLayout.filePermissions, compressionMethod: compress ? .deflate : .none,
                             bufferSize: Self.chunkSize) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Streams a file that may be large, in chunks, never whole.
    func add(_ path: String, file: URL, size: Int64, compress: Bool) throws {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { throw ArchiveFailure(.cannotRead, ["file": file.path]) }
        defer { try? handle.close() }
        try archive.addEntry(with: path, type: .file, uncompressedSize: size, modificationDate: modified,
                             permissions: SnapshotLayout.filePermissions, compressionMethod: compress ? .deflate : .none,
                             bufferSize: Self.chunkSize) { position, chunk in
            try handle.seek(toOffset: UInt64(position))
            return try handle.read(upToCount: chunk) ?? Data()
        }
    }
}
