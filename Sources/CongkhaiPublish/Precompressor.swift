import Foundation

/// Writes `.gz` siblings of text files for nginx's `gzip_static`.
///
/// Debian's `gzip -n` is run as a process, many files per run, rather than
/// linking zlib or a compression package: `-n` leaves the name and time out of
/// the header, so the same file always gives the same bytes, and the build
/// gains no dependency. `-k` keeps the original; `-f` because gzip otherwise
/// skips files that have other hard links, which is every unchanged file here.
enum Precompressor {
    static let textExtensions: Set<String> = ["html", "htm", "css", "js", "mjs", "json", "xml", "atom", "rss", "svg", "txt", "csv",
                                              "webmanifest"]

    static func wantsSibling(_ relativePath: String) -> Bool {
        guard let dot = relativePath.lastIndex(of: "."), !relativePath[dot...].contains("/") else { return false }
        return textExtensions.contains(relativePath[relativePath.index(after: dot)...].lowercased())
    }

    /// Compresses the given files (absolute paths) beside themselves.
    static func compress(_ paths: [String]) throws {
        let gzip = try ProcessRunner.locate("gzip")
        var start = 0
        while start < paths.count {
            let batch = Array(paths[start..<min(start + 400, paths.count)])
            let result = try ProcessRunner.run(gzip, ["-n", "-k", "-f", "-9", "--"] + batch)
            guard result.status == 0 else {
                throw PublishFailure("gzip failed (status \(result.status)): \(result.errorText.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            start += batch.count
        }
    }
}
