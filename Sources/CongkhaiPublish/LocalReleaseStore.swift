import CongkhaiMessages
import Foundation

/// A target folder on this machine (the web server's document root or a folder it serves).
final class LocalReleaseStore: ReleaseStore {
    let target: PublishTarget
    let root: URL
    private var lockDescriptor: Int32 = -1
    /// Said to the user while waiting for another publish to finish.
    let notice: (String) -> Void

    init(path: String, notice: @escaping (String) -> Void = { _ in }) {
        target = .local(path: path)
        root = URL(fileURLWithPath: path).standardizedFileURL
        self.notice = notice
    }

    var releasesFolder: URL { root.appendingPathComponent(ReleaseNaming.releasesFolder) }

    func open(cleanUp: Bool) throws -> TargetState {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: releasesFolder, withIntermediateDirectories: true)
        } catch {
            throw PublishFailure(.cannotMakeTargetFolder, ["folder": releasesFolder.path, "problem": FileProblem.describe(error)])
        }
        try lock()
        var cleaned: [String] = []
        let leftovers = ((try? fm.contentsOfDirectory(atPath: releasesFolder.path)) ?? [])
            .filter { $0.hasPrefix(ReleaseNaming.incomingPrefix) }.map { "\(ReleaseNaming.releasesFolder)/\($0)" }
            + ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(ReleaseNaming.linkPrefix) }
        for leftover in leftovers.sorted() where cleanUp {
            // A failure here (a gzip of the killed publish still writing) is retried by the next publish.
            if (try? fm.removeItem(at: root.appendingPathComponent(leftover))) != nil { cleaned.append(leftover) }
        }
        let names = (try? fm.contentsOfDirectory(atPath: releasesFolder.path)) ?? []
        return TargetState(releases: ReleaseNaming.releases(in: names), served: try served(), cleaned: cleaned)
    }

    /// One publish at a time per target. The kernel drops the lock when the process dies, even by kill -9.
    private func lock() throws {
        let path = root.appendingPathComponent(ReleaseNaming.lockFile).path
        lockDescriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else {
            throw PublishFailure(.cannotOpenLock, ["file": path, "problem": FileProblem.describe(errno: errno)])
        }
        if flock(lockDescriptor, LOCK_EX | LOCK_NB) != 0 {
            notice(Messages.current.text(PublishText.waiting, ["target": root.path]))
            guard flock(lockDescriptor, LOCK_EX) == 0 else { throw PublishFailure(.cannotLock, ["file": path]) }
        }
    }

    func close() {
        if lockDescriptor >= 0 { Glibc.close(lockDescriptor) }
        lockDescriptor = -1
    }

    deinit { close() }

    private func served() throws -> String? {
        let link = root.appendingPathComponent(ReleaseNaming.currentLink).path
        var info = stat()
        guard lstat(link, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFLNK, let value = try? FileManager.default.destinationOfSymbolicLink(atPath: link) else {
            throw PublishFailure(.notOurLink, ["link": link, "folder": releasesFolder.path])
        }
        return URL(fileURLWithPath: value).lastPathComponent
    }

    func servedFile(_ relativePath: String) throws -> Data? {
        let url = root.appendingPathComponent(ReleaseNaming.currentLink).appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? try Data(contentsOf: url) : nil
    }

    func release(_ name: String) -> URL {
        releasesFolder.appendingPathComponent(name)
    }

    func upload(site: URL, as name: String, previous: String?, dryRun: Bool) throws -> TransferStats {
        let incoming = releasesFolder.appendingPathComponent(ReleaseNaming.incomingPrefix + name)
        return try ReleaseAssembler(site: site, destination: incoming, previous: previous.map(release)).assemble(dryRun: dryRun)
    }

    func activate(_ name: String, fromIncoming: Bool, log: PublishLogLine, prune: [String]) throws {
        if fromIncoming {
            let incoming = releasesFolder.appendingPathComponent(ReleaseNaming.incomingPrefix + name).path
            guard rename(incoming, release(name).path) == 0 else {
                throw PublishFailure(.cannotRename, ["file": incoming, "problem": FileProblem.describe(errno: errno)])
            }
        }
        // The new link is made under a temporary name, then renamed over `current`: rename(2) replaces it
        // in one step, so the web server finds either the old release or the new one, never neither.
        let temporary = root.appendingPathComponent(ReleaseNaming.linkPrefix + name).path
        let current = root.appendingPathComponent(ReleaseNaming.currentLink).path
        unlink(temporary)
        guard symlink("\(ReleaseNaming.releasesFolder)/\(name)", temporary) == 0 else {
            throw PublishFailure(.cannotMakeLink, ["link": temporary, "problem": FileProblem.describe(errno: errno)])
        }
        guard rename(temporary, current) == 0 else {
            let reason = FileProblem.describe(errno: errno)
            unlink(temporary)
            throw PublishFailure(.cannotSwitch, ["link": current, "release": name, "problem": reason])
        }
        try appendLog(log.text)
        for old in prune {
            try? FileManager.default.removeItem(at: release(old))
        }
    }

    private func appendLog(_ line: String) throws {
        let path = root.appendingPathComponent(ReleaseNaming.logFile).path
        let descriptor = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PublishFailure(.logNotWritten, ["file": path]) }
        defer { Glibc.close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    func readLog() throws -> String {
        let url = root.appendingPathComponent(ReleaseNaming.logFile)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }
}
