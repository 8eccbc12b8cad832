import CFileSwap
import CongkhaiDomain
import CongkhaiMessages
import Foundation

/// The site is written into a hidden folder beside the output folder and
/// swapped in only when the whole build succeeded, so a failed or interrupted
/// build leaves the previous site exactly as it was.
///
/// Folder names are unique (mkdtemp), never the process id, which repeats in
/// containers and inside a long-running preview server. A lock beside the
/// output folder keeps two builds from writing the same site at once.
final class OutputStaging: @unchecked Sendable {
    let output: URL
    let staging: URL
    private let lock: BuildLock
    /// Marks a folder as a congkhai site, so the build never replaces a folder it did not make.
    static let marker = ".congkhai-site"

    /// Stages a new site; `waiting` is told when another build holds the lock.
    init(output: URL, waiting: (String) -> Void = { _ in }) throws {
        // An output folder given as a symbolic link: the folder it points to is replaced, the link stays.
        self.output = output.standardizedFileURL.resolvingSymlinksInPath()
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        let fm = FileManager.default
        do { try fm.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw BuildFailure(.outputNotMade, ["problem": FileProblem.describe(error)])
        }
        let outputPath = self.output.path
        lock = try BuildLock(parent.appendingPathComponent(".\(name).lock"), waiting: {
            waiting(Messages.current.text(MessageKey.buildWaiting.rawValue, ["output": outputPath]))
        })
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: self.output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw BuildFailure(.outputIsFile, ["output": self.output.path]) }
            let contents = (try? fm.contentsOfDirectory(atPath: self.output.path)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw BuildFailure(.outputForeign, ["output": self.output.path])
            }
        }
        // With the lock held, every staging or old folder here is a leftover:
        // of an interrupted build, or an old site not yet removed.
        let siblings = (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        let aside = siblings.filter { $0.hasPrefix(".\(name).aside-") }.map { parent.appendingPathComponent($0) }
        if !fm.fileExists(atPath: self.output.path), let newest = Self.newest(aside) {
            // Interrupted between the two renames of a file system without
            // RENAME_EXCHANGE: the old site was moved aside and never replaced.
            // (Old sites of exchanges are named ".old-" and may be half deleted: never restored.)
            try? fm.moveItem(at: newest, to: self.output)
        }
        let leftovers = siblings.filter { sibling in ["building-", "old-", "aside-"].contains { sibling.hasPrefix(".\(name).\($0)") } }
            .filter { fm.fileExists(atPath: parent.appendingPathComponent($0).path) }
        Self.removeInBackground(leftovers.map { parent.appendingPathComponent($0) })
        staging = try Self.makeUniqueFolder(in: parent, prefix: ".\(name).building-")
    }

    /// Puts the new site in place: one atomic exchange when an old site exists.
    /// The old site is then removed by a detached process: on slow disks
    /// unlinking tens of thousands of files takes longer than the build.
    /// Throws only while the old site is still in place.
    func commit() throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            do { try fm.moveItem(at: staging, to: output) } catch {
                throw BuildFailure(.siteNotPutInPlace, ["problem": FileProblem.describe(error)])
            }
            return
        }
        let parent = output.deletingLastPathComponent()
        let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(UUID().uuidString)")
        if congkhai_exchange_paths(staging.path, output.path) == 0 {
            // The new site is in place; the old one now sits in the staging folder.
            if (try? fm.moveItem(at: staging, to: old)) == nil { Self.removeInBackground([staging]); return }
        } else {
            // File systems without RENAME_EXCHANGE (NFS, SMB): two renames and a
            // moment without a site; the next build restores the old one if interrupted.
            let old = parent.appendingPathComponent(".\(output.lastPathComponent).aside-\(UUID().uuidString)")
            do { try fm.moveItem(at: output, to: old) } catch {
                throw BuildFailure(.oldSiteNotMoved, ["problem": FileProblem.describe(error), "output": output.path])
            }
            do { try fm.moveItem(at: staging, to: output) } catch {
                try? fm.moveItem(at: old, to: output)
                throw BuildFailure(.siteNotPutInPlace, ["problem": FileProblem.describe(error)])
            }
            Self.removeInBackground([old])
            return
        }
        Self.removeInBackground([old])
    }

    /// Puts a rebuild's changes in place in the site online: each changed file by
    /// one rename (a reader sees the old file or the new one, never half of one),
    /// then the files the new site no longer has are removed. Not atomic as a whole:
    /// while it runs, a flag in the cache folder says so, and a build that finds the
    /// flag (this one was interrupted) trusts neither the cache nor the site and makes
    /// the whole site again, which puts it right.
    func commitChanges(changed: [String], removed: [String], cacheFolder: URL) throws {
        BuildCache.markDirty(cacheFolder)
        let fm = FileManager.default
        for path in changed {
            let target = output.appendingPathComponent(path)
            let parent = target.deletingLastPathComponent()
            if !fm.fileExists(atPath: parent.path) { try fm.createDirectory(at: parent, withIntermediateDirectories: true) }
            guard rename(staging.appendingPathComponent(path).path, target.path) == 0 else {
                throw BuildFailure(.fileNotPutInPlace, ["file": path, "problem": FileProblem.describe(errno: errno)])
            }
        }
        for path in removed {
            unlink(output.appendingPathComponent(path).path)
            // Folders left empty go too, up to the site's root.
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(output.appendingPathComponent(folder).path) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        Self.removeInBackground([staging])
    }

    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    static func makeUniqueFolder(in parent: URL, prefix: String) throws -> URL {
        var template = Array(parent.appendingPathComponent(prefix + "XXXXXX").path.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BuildFailure(.workFolderNotMade, ["folder": parent.path, "problem": FileProblem.describe(errno: errno)])
        }
        chmod(made, 0o755)
        return URL(fileURLWithPath: String(cString: made))
    }

    private static func newest(_ folders: [URL]) -> URL? {
        folders.filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path) }
            .max { modified($0) < modified($1) }
    }

    private static func modified(_ url: URL) -> Date {
        (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
    }

    /// Removes folders without waiting; a later build removes what is left.
    static func removeInBackground(_ folders: [URL]) {
        guard !folders.isEmpty else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--"] + folders.map(\.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) == nil {
            for folder in folders { try? FileManager.default.removeItem(at: folder) }
        }
    }
}

/// An exclusive `flock` on a file beside the output folder, held for the
/// whole build and released by the kernel when the process ends, however it ends.
final class BuildLock: @unchecked Sendable {
    private let descriptor: Int32

    init(_ url: URL, waiting: () -> Void) throws {
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuildFailure(.lockNotOpened, ["file": url.path, "problem": FileProblem.describe(errno: errno)])
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
