import CongkhaiMessages
import Foundation

/// What a publish copied: the files that are new or changed (relative paths,
/// `.gz` siblings not counted) and how many were shared with the previous release.
public struct TransferStats: Equatable, Sendable {
    public var copied: [String] = []
    public var linked = 0
    public var compressed = 0

    public init(copied: [String] = [], linked: Int = 0, compressed: Int = 0) {
        self.copied = copied
        self.linked = linked
        self.compressed = compressed
    }
}

/// Makes a release folder from a built site. A file identical to the one in
/// the previous release becomes a hard link to it (same inode: no copy, no
/// space), as does its `.gz` sibling; everything else is copied, and text files
/// without a sibling to share are compressed.
struct ReleaseAssembler {
    let site: URL
    let destination: URL
    /// The release being served, to share unchanged files with.
    let previous: URL?
    /// Link every file to the site itself (a local staging folder that rsync then sends).
    var linkToSite = false

    func assemble(dryRun: Bool) throws -> TransferStats {
        let fm = FileManager.default
        var stats = TransferStats()
        var toCompress: [String] = []
        if !dryRun { try fm.createDirectory(at: destination, withIntermediateDirectories: true) }
        let sitePath = site.path
        guard let walker = fm.enumerator(atPath: sitePath) else {
            throw PublishFailure(.siteUnreadable, ["site": sitePath])
        }
        var siteFiles: Set<String> = []
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            paths.append(relative)
        }
        for relative in paths.sorted() {
            var info = stat()
            guard lstat("\(sitePath)/\(relative)", &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if !dryRun { try makeFolder(relative) }
            case S_IFREG:
                siteFiles.insert(relative)
            default:
                // The build writes no links or devices; anything else found there is not published.
                continue
            }
        }
        for relative in siteFiles.sorted() {
            let source = "\(sitePath)/\(relative)"
            let target = "\(destination.path)/\(relative)"
            let reusable = linkToSite ? source : previous.map { "\($0.path)/\(relative)" }
            let shared = linkToSite || (reusable.map { Self.sameContent(source, $0) } ?? false)
            if shared, let reusable {
                if !dryRun { try Self.link(reusable, target) }
                stats.linked += 1
            } else {
                if !dryRun { try Self.copy(source, target) }
                stats.copied.append(relative)
            }
            guard Precompressor.wantsSibling(relative), !siteFiles.contains(relative + ".gz") else { continue }
            let previousSibling = linkToSite ? nil : reusable.map { $0 + ".gz" }
            if shared, let previousSibling, fm.fileExists(atPath: previousSibling) {
                if !dryRun { try Self.link(previousSibling, target + ".gz") }
            } else {
                toCompress.append(target)
            }
        }
        if !dryRun { try Precompressor.compress(toCompress) }
        stats.compressed = toCompress.count
        return stats
    }

    private func makeFolder(_ relative: String) throws {
        let path = "\(destination.path)/\(relative)"
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw PublishFailure(.cannotMakeFolder, ["folder": path, "problem": FileProblem.describe(errno: errno)])
        }
    }

    static func sameContent(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0, sa.st_size == sb.st_size else { return false }
        if sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino { return true }
        guard let da = try? Data(contentsOf: URL(fileURLWithPath: a), options: .alwaysMapped),
              let db = try? Data(contentsOf: URL(fileURLWithPath: b), options: .alwaysMapped) else { return false }
        return da == db
    }

    /// A hard link; a copy where the file system cannot link (another disk, too many links).
    static func link(_ existing: String, _ new: String) throws {
        if Glibc.link(existing, new) == 0 { return }
        try copy(existing, new)
    }

    static func copy(_ source: String, _ target: String) throws {
        do {
            try FileManager.default.copyItem(atPath: source, toPath: target)
        } catch {
            throw PublishFailure(.cannotCopy, ["file": source, "destination": target, "problem": FileProblem.describe(error)])
        }
    }
}
