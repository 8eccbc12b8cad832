import CSystemZlib
import CongkhaiMessages
import Foundation

/// Writes `.gz` siblings of text files for nginx's `gzip_static`.
///
/// The system zlib is called in-process rather than running `gzip -n`: a
/// gzip child of a publish killed with kill -9 would go on writing into the
/// half-made release while the next publish removes it, and one process per
/// batch costs more than the compression. zlib's own gzip header (deflateInit2
/// with window bits 15 + 16 and no deflateSetHeader) carries no name and a zero
/// time, so the same file always gives the same bytes.
enum Precompressor {
    static let textExtensions: Set<String> = ["html", "htm", "css", "js", "mjs", "json", "xml", "atom", "rss", "svg", "txt", "csv",
                                              "webmanifest"]

    static func wantsSibling(_ relativePath: String) -> Bool {
        guard let dot = relativePath.lastIndex(of: "."), !relativePath[dot...].contains("/") else { return false }
        return textExtensions.contains(relativePath[relativePath.index(after: dot)...].lowercased())
    }

    /// Compresses the given files (absolute paths) beside themselves, on all cores.
    static func compress(_ paths: [String]) throws {
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                try gzip(data).write(to: URL(fileURLWithPath: path + ".gz"))
            } catch {
                failures.add("\(path).gz: \(FileProblem.describe(error))")
            }
        }
        if let first = failures.first {
            throw PublishFailure(.cannotCompress, ["file": first])
        }
    }

    /// Gzip format at the best compression, with zlib's default header (no name, time zero).
    static func gzip(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw PublishFailure(.compressionFailed, ["status": "init"])
        }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, UInt(data.count))) + 32)
        let status = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int32 in
            output.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw PublishFailure(.compressionFailed, ["status": String(status)]) }
        output.count = Int(stream.total_out)
        return output
    }
}

private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return items.min()
    }
}
