import CongkhaiDomain
import CongkhaiSite
import Foundation

/// Builds the site into memory, keeps the last good build, and rebuilds it
/// when a content or theme file changes. The HTTP side is PreviewServer.
public final class Preview: @unchecked Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var theme: URL
        /// How often the folders are read for changes.
        public var pollInterval: TimeInterval = 0.3

        public init(content: URL, theme: URL) {
            self.content = content
            self.theme = theme
        }
    }

    /// What one build did, for the terminal.
    public struct Outcome: Sendable {
        public let version: Int
        public let seconds: Double
        /// Nil when the build succeeded and its site is now served.
        public let failure: String?
        public let diagnostics: [Diagnostic]
        public let fileCount: Int
        /// False while no build has succeeded yet: the preview shows only the error.
        public let hasSite: Bool
        /// The pages of edited texts served before the rebuild (see `servePagesFirst`); empty for a build.
        public var pagesFirst: [String] = []
    }

    public let options: Options
    private let lock = NSLock()
    private var current = PreviewSite()
    private let buildLock = NSLock()
    /// The build cache of the last build, kept in memory: a rebuild does not decode it from disk,
    /// and saves it to disk only once the new site is served.
    private let keptCache: KeptCache = {
        let kept = KeptCache()
        kept.defersSaving = true
        return kept
    }()
    private var watching: Thread?
    /// Bumped by stopWatching: a watcher thread of an older generation ends.
    private var generation = 0

    /// The folders as they were when the latest build began: a change made
    /// during a build, or before the watcher started, is still seen.
    private var builtFrom: SourceWatcher.Reading = [:]
    private let watcher: SourceWatcher

    public init(_ options: Options) {
        self.options = options
        watcher = SourceWatcher(folders: [options.content, options.theme])
    }

    /// The site requests are answered from.
    var site: PreviewSite {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    public var version: Int { site.version }

    /// Builds the site into a working folder of the preview's own with the build
    /// cache, so that after the first build an edit rebuilds only what it changed;
    /// the files that changed are then read into memory, where requests are
    /// answered from. The new site replaces the served one only when the build
    /// succeeded; on a failure the last good site stays and carries the error as a banner.
    @discardableResult
    public func rebuild() -> Outcome {
        buildLock.lock(); defer { buildLock.unlock() }
        let started = ProcessInfo.processInfo.systemUptime
        let reading = watcher.read()
        var files: [String: Data]?
        var failure: String?
        var diagnostics: [Diagnostic] = []
        do {
            try checkFolders()
            var buildOptions = SiteBuilder.Options(content: options.content, theme: options.theme, output: workFolder)
            // A preview shows what is there, even a site that lost most of its documents.
            buildOptions.allowShrink = true
            buildOptions.keptCache = keptCache
            let report = try SiteBuilder(buildOptions).build()
            files = try changedFiles(report.files)
            diagnostics = report.diagnostics
        } catch {
            failure = BuildFailure.describe(error)
        }
        let seconds = ProcessInfo.processInfo.systemUptime - started
        lock.lock()
        if let files { current.files = files }
        current.failure = failure
        current.version += 1
        builtFrom = reading
        let outcome = Outcome(version: current.version, seconds: seconds, failure: failure, diagnostics: diagnostics,
                              fileCount: current.files.count, hasSite: !current.files.isEmpty)
        lock.unlock()
        return outcome
    }

    /// When only the text of documents changed, their new pages are made from the last build and served at
    /// once (see `KeptCache.quickPages`): staff see an edit in a fraction of a second, where rebuilding ten
    /// thousand documents takes seconds. The rebuild that follows brings the rest of the site; nil when
    /// the shortcut does not apply (another kind of change, a file added or removed, the last build failed).
    func servePagesFirst(changedFrom before: SourceWatcher.Reading, to now: SourceWatcher.Reading) -> Outcome? {
        buildLock.lock(); defer { buildLock.unlock() }
        let started = ProcessInfo.processInfo.systemUptime
        let folder = options.content.path + "/"
        let changed = now.filter { before[$0.key] != $0.value }.map(\.key)
        guard site.failure == nil, !site.files.isEmpty, before.count == now.count, now.keys.allSatisfy({ before[$0] != nil }),
              !changed.isEmpty, changed.allSatisfy({ $0.hasPrefix(folder) && $0.hasSuffix(".md") }),
              let pages = keptCache.quickPages(changed: changed.map { String($0.dropFirst(folder.count)) }.sorted()) else { return nil }
        lock.lock(); defer { lock.unlock() }
        for page in pages {
            current.files[page.path] = Data(page.html.utf8)
            // The rebuild reads this file again whatever its digest: what is served is no longer what it wrote.
            servedDigests[page.path] = nil
        }
        current.version += 1
        var outcome = Outcome(version: current.version, seconds: ProcessInfo.processInfo.systemUptime - started, failure: nil,
                              diagnostics: [], fileCount: current.files.count, hasSite: true)
        outcome.pagesFirst = pages.map(\.path)
        return outcome
    }

    /// The served files, with those whose digest changed read again from the working folder.
    private func changedFiles(_ written: [WrittenFile]) throws -> [String: Data] {
        let served = site.files
        var files: [String: Data] = [:]
        var digests: [String: String] = [:]
        for file in written {
            if let data = served[file.path], servedDigests[file.path] == file.sha256 {
                files[file.path] = data
            } else {
                files[file.path] = try Data(contentsOf: workFolder.appendingPathComponent(file.path))
            }
            digests[file.path] = file.sha256
        }
        servedDigests = digests
        return files
    }

    private var servedDigests: [String: String] = [:]

    /// The preview's own output folder and its build cache: one per content and theme
    /// folder, kept in the temporary folder from one preview to the next, so that
    /// even the first build of the next preview reads only what changed meanwhile.
    private lazy var workFolder: URL = {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a: a short stable name, not a security measure
        for byte in (options.content.standardizedFileURL.path + "\n" + options.theme.standardizedFileURL.path).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-preview-\(String(hash, radix: 16))")
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return parent.appendingPathComponent("Site")
    }()

    /// The content and theme folders exist; checked before serving, and again at each build.
    public func checkFolders() throws {
        for (name, url) in [("content", options.content), ("theme", options.theme)] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw BuildFailure(.previewFolderMissing, ["option": name, "folder": url.path])
            }
        }
    }

    /// Saves the last build's cache to disk, once its site is served and said: the next
    /// rebuild would do it first anyway, and the next preview starts from it.
    public func saveCache() {
        buildLock.lock(); defer { buildLock.unlock() }
        keptCache.finishSaving()
    }

    /// Starts watching the content folder (site.yml is in it) and the theme
    /// folder on a thread of its own; `rebuilt` is called after every rebuild.
    public func watch(_ rebuilt: @escaping @Sendable (Outcome) -> Void) {
        lock.lock(); defer { lock.unlock() }
        guard watching == nil else { return }
        let mine = generation
        let interval = options.pollInterval
        let thread = Thread { [self] in
            while !isStopping(mine) {
                Thread.sleep(forTimeInterval: interval)
                var now = watcher.read()
                guard now != lastBuiltFrom else { continue }
                // Debounce: an editor or a copy writes several files, or one in
                // several steps; build once the folders have been still for one interval.
                while !isStopping(mine) {
                    Thread.sleep(forTimeInterval: interval)
                    let settled = watcher.read()
                    if settled == now { break }
                    now = settled
                }
                if isStopping(mine) { break }
                if let first = servePagesFirst(changedFrom: lastBuiltFrom, to: now) { rebuilt(first) }
                rebuilt(rebuild())
                saveCache()
            }
        }
        thread.name = "congkhai preview watcher"
        watching = thread
        thread.start()
    }

    /// Stops the watcher after its current sleep or build.
    public func stopWatching() {
        lock.lock(); defer { lock.unlock() }
        generation += 1
        watching = nil
    }

    private var lastBuiltFrom: SourceWatcher.Reading {
        lock.lock(); defer { lock.unlock() }
        return builtFrom
    }

    private func isStopping(_ watcher: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return generation != watcher
    }
}
