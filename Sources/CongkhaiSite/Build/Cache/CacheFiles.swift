import Foundation

/// The cache's large files are written a megabyte or so at a time, never made whole in memory first: at 100,000
/// documents the sources, the search index's store and the search words are 800, 125 and 180 MB.
extension Array where Element == UInt8 {
    /// Hands the bytes to `write` and empties them, once there are `limit` of them (a megabyte); with a limit of 1,
    /// whatever is left.
    mutating func flush(over limit: Int = 1 << 20, to write: ([UInt8]) throws -> Void) rethrows {
        guard count >= limit else { return }
        try write(self)
        removeAll(keepingCapacity: true)
    }
}

extension BuildCache {
    /// Writes a file of the cache's folder that a step makes on its own (the search index's store and words):
    /// beside the old one, then renamed over it; one that cannot be written is removed, never left stale.
    static func saveFile(_ name: String, in folder: URL, writing: (FileHandle) throws -> Void) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try replaceFile(name, in: folder, writing: writing)
        } catch {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
