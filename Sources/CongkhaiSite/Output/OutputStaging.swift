import CFileSwap
import Foundation

/// The site is written into a hidden folder beside the output folder and
/// swapped in only when the whole build succeeded, so a failed or interrupted
/// build leaves the previous site exactly as it was.
final class OutputStaging: @unchecked Sendable {
    let output: URL
    let staging: URL
    /// Marks a folder as a congkhai site, so the build never replaces a folder it did not make.
    static let marker = ".congkhai-site"

    init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: self.output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw BuildFailure("\(self.output.path) is a file, not a folder; choose another --output") }
            let contents = (try? fm.contentsOfDirectory(atPath: self.output.path)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw BuildFailure("\(self.output.path) holds files that congkhai did not write, so it is not replaced; choose an empty or new folder with --output")
            }
        }
        // Leftovers of interrupted builds and old sites not yet removed
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { $0.hasPrefix(".\(name).building-") || $0.hasPrefix(".\(name).old-") }
            .map { parent.appendingPathComponent($0) }
        Self.removeInBackground(leftovers)
        staging = parent.appendingPathComponent(".\(name).building-\(getpid())")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data().write(to: staging.appendingPathComponent(Self.marker))
    }

    func write(_ relativePath: String, _ content: String) throws {
        try write(relativePath, Data(content.utf8))
    }

    func write(_ relativePath: String, _ data: Data) throws {
        let url = staging.appendingPathComponent(relativePath)
        try ensureDirectory(url.deletingLastPathComponent())
        try data.write(to: url)
    }

    private let madeLock = NSLock()
    private var made: Set<String> = []

    /// Tens of thousands of pages each need a folder: remember which exist
    /// and make a new one with a single mkdir when its parent is there.
    private func ensureDirectory(_ folder: URL) throws {
        let path = folder.path
        madeLock.lock()
        let known = made.contains(path)
        madeLock.unlock()
        if known { return }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        madeLock.lock()
        made.insert(path)
        madeLock.unlock()
    }

    func copy(_ source: URL, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try ensureDirectory(url.deletingLastPathComponent())
        try FileManager.default.copyItem(at: source, to: url)
    }

    /// Puts the new site in place: one atomic exchange when an old site exists.
    /// The old site is then removed by a detached process: on slow disks
    /// unlinking tens of thousands of files takes longer than the build.
    func commit() throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        if congkhai_exchange_paths(staging.path, output.path) == 0 {
            try fm.moveItem(at: staging, to: old)
        } else {
            // Filesystems without RENAME_EXCHANGE: two renames, a moment without a site.
            try fm.moveItem(at: output, to: old)
            try fm.moveItem(at: staging, to: output)
        }
        Self.removeInBackground([old])
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

    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}
