import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes under the content and theme folders.
///
/// It polls: every file's modification time and size are read every ~300 ms
/// and compared with the last reading. inotify is Linux-only, FSEvents
/// macOS-only, and both miss changes on network shares and in editors that
/// replace a file by renaming another over it; a stat of every file is
/// portable, catches all of these, and costs a few milliseconds even for
/// ten thousand documents.
struct SourceWatcher {
    /// Modification time (nanoseconds) and size of every file, by path.
    typealias Reading = [String: FileStamp]

    struct FileStamp: Equatable {
        let modified: Int64
        let size: Int64
    }

    let folders: [URL]

    func read() -> Reading {
        var reading = Reading()
        for folder in folders {
            var visited = Set<FolderIdentity>()
            walk(folder.path, into: &reading, visited: &visited)
        }
        return reading
    }

    private struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// Follows links, as the build does; each folder is entered once, so a
    /// link back to a parent cannot make the walk go round forever.
    private func walk(_ path: String, into reading: inout Reading, visited: inout Set<FolderIdentity>) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            #if canImport(Darwin)
            let time = info.st_mtimespec
            #else
            let time = info.st_mtim
            #endif
            reading[path] = FileStamp(modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), size: Int64(info.st_size))
            return
        }
        guard visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted,
              let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            walk(path + "/" + name, into: &reading, visited: &visited)
        }
    }
}
