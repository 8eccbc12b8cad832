import Foundation

/// Size and modification time of every file under a folder, read with one
/// `stat` each and no file opened: how a rebuild tells, in a few milliseconds
/// for ten thousand files, which ones it must read again (as git's index does).
struct FileStamps {
    struct Stamp: Equatable {
        let size: Int
        /// Nanoseconds since 1970.
        let modified: Int64
    }

    /// By path relative to the folder, with "/" separators.
    private(set) var stamps: [String: Stamp] = [:]

    init(_ folder: URL) {
        walk(folder.standardizedFileURL.path, prefix: "")
    }

    subscript(path: String) -> Stamp? { stamps[path] }

    /// One digest for the whole folder: any file added, removed, resized or touched changes it.
    var digest: String {
        let lines = stamps.keys.sorted().map { "\($0)\t\(stamps[$0]!.size)\t\(stamps[$0]!.modified)\n" }
        return ContentDigest.of(Data(lines.joined().utf8))
    }

    /// The newest modification time, in seconds since 1970.
    var newest: Double { Double(stamps.values.map(\.modified).max() ?? 0) / 1e9 }

    static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    private mutating func walk(_ folder: String, prefix: String) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            // A folder reached through a link is not walked (a link to a parent would never end);
            // a linked file is stamped by what it points to.
            var link = stat(), info = stat()
            guard lstat(path, &link) == 0, stat(path, &info) == 0 else { continue }
            if (link.st_mode & S_IFMT) == S_IFDIR {
                walk(path, prefix: relative)
            } else {
                stamps[relative] = Stamp(size: Int(info.st_size),
                                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
            }
        }
    }
}
