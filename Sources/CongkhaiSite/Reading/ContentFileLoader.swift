import CongkhaiDomain
import Foundation

/// Reads a document's file for the reader, at most `limit` bytes of it: a
/// file over the limit (a 3 GB export, a disk image renamed .md) is named and
/// left out instead of being read whole into memory. Reading stops at the
/// limit even when the file grows while it is read.
enum ContentFileLoader {
    static func load(_ url: URL, path: String, limit: Int = SourceText.defaultSizeLimit) -> Result<Data, Diagnostic> {
        let cannotRead = Diagnostic(.error, file: path, "the file could not be read", hint: "check that it exists and that you may read it")
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .failure(cannotRead) }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            if let problem = SourceText.sizeProblem(byteCount: Int(clamping: size), limit: limit, file: path) { return .failure(problem) }
            try handle.seek(toOffset: 0)
            let data = try handle.readToEnd(upToCount: limit + 1) ?? Data()
            if let problem = SourceText.sizeProblem(byteCount: data.count, limit: limit, file: path) { return .failure(problem) }
            return .success(data)
        } catch {
            return .failure(cannotRead)
        }
    }
}

private extension FileHandle {
    func readToEnd(upToCount limit: Int) throws -> Data? {
        var data = Data()
        while data.count < limit, let chunk = try read(upToCount: min(1 << 20, limit - data.count)), !chunk.isEmpty {
            data.append(chunk)
        }
        return data
    }
}
