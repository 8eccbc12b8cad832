import CMimalloc
import CongkhaiDomain
import Foundation

/// Builds a site: runs the steps (Steps.swift) with a page sink, then swaps
/// the new site in. A failed build leaves the previous site as it was.
public struct SiteBuilder {
    public struct Options {
        public var content: URL
        public var theme: URL
        public var output: URL
        /// Warnings fail the build too.
        public var strict = false
        /// Replace the site even when the new one has far fewer documents than the one it replaces.
        public var allowShrink = false
        /// A document larger than this is left out (it is named): 20 MB.
        public var maxDocumentBytes = 20 << 20
        /// An attachment larger than this is named (and still published, copied by streaming): 100 MB.
        public var largeAttachmentBytes = 100 << 20
        public var progress: BuildProgress = .silent
        /// Use the build cache beside the output folder (`--no-cache` turns it off: a full build).
        public var useCache = true
        /// A process that builds again and again (the preview) keeps the cache it saved in memory
        /// here, and the next build uses it instead of decoding the files it saved: seconds at 10,000 documents.
        public var keptCache: KeptCache?

        public init(content: URL, theme: URL, output: URL, strict: Bool = false, progress: BuildProgress = .silent) {
            self.content = content
            self.theme = theme
            self.output = output
            self.strict = strict
            self.progress = progress
        }
    }

    public let options: Options
    public var steps: [BuildStep] = BuildStep.site

    public init(_ options: Options) {
        self.options = options
    }

    /// Builds into the output folder. A full build writes a staging folder and swaps
    /// it in atomically; a rebuild with a cache it may trust writes only the files
    /// that changed (see `OutputStaging.commitChanges`). A failed build changes nothing.
    public func build() throws -> BuildReport {
        let started = ProcessInfo.processInfo.systemUptime
        let startedAt = Date().timeIntervalSince1970
        try checkFolders()
        let staging = try OutputStaging(output: options.output, waiting: options.progress.note)
        let cacheFolder = BuildCache.folder(for: options.output)
        let stamps = FileStamps(options.content)
        let key = cacheKey()
        let fingerprint = ContentDigest.of(Data("\(key)\n\(stamps.digest)".utf8))
        // A save the preview put off until its new site was served is done before anything reads the cache.
        options.keptCache?.finishSaving()
        let kept = options.keptCache?.current(in: cacheFolder)
        var previous = options.useCache ? kept ?? BuildCache.loadHead(from: cacheFolder) : nil
        if let cache = previous, cache.key != key || !siteIsDescribed(by: cache, site: staging.output) { previous = nil }
        if !options.useCache { BuildCache.remove(for: options.output) }

        // Nothing changed since the last build: its report stands, and the site too.
        if let cache = previous, cache.fingerprint == fingerprint, stamps.newest < cache.started - 1 {
            staging.abandon()
            var report = BuildReport(cached: cache.summary, files: cache.files)
            report.written = !(options.strict && !report.diagnostics.isEmpty)
            report.seconds = ProcessInfo.processInfo.systemUptime - started
            return report
        }

        // Only texts changed: their pages are made from the site online (see TextEdits).
        if let cache = previous, options.keptCache == nil, !(options.strict && !cache.summary.diagnostics.isEmpty),
           let report = try options.progress.measure("making the pages of edited texts", {
               try editTexts(previous: cache, stamps: stamps, staging: staging, fingerprint: fingerprint, started: startedAt)
           }) {
            var report = report
            report.seconds = ProcessInfo.processInfo.systemUptime - started
            report.timings = options.progress.timings
            report.timingParts = options.progress.parts
            return report
        }

        if previous != nil, kept == nil,
           !options.progress.measure("reading the build cache", { previous!.loadSources(from: cacheFolder) }) {
            previous = nil
        }
        var report: BuildReport
        // The last build's state is let go before this one fills the memory (the preview would hold both);
        // a good build keeps its own below.
        options.keptCache?.lastBuild = nil
        let sink = PageSink(.folder(staging.staging), online: previous?.files.map(\.written) ?? [])
        let state: BuildState
        do {
            (report, state) = try run(into: sink) { state in
                state.previous = previous
                if previous != nil, kept != nil { state.previousSearchTerms = options.keptCache?.searchTerms }
                state.contentStamps = stamps
                state.cacheKey = key
            }
        } catch {
            staging.abandon()
            throw error
        }
        if options.strict && !report.diagnostics.isEmpty {
            staging.abandon()
        } else if let shrink = shrinkage(of: report) {
            staging.abandon()
            throw shrink
        } else {
            try options.progress.measure("replacing the site") {
                if previous != nil {
                    try staging.commitChanges(changed: sink.changed, removed: sink.removed, cacheFolder: cacheFolder)
                } else {
                    try staging.commit()
                }
            }
            report.written = true
            // The preview makes the page of an edited text from this build (see QuickPages).
            options.keptCache?.lastBuild = LastBuild(state)
            if options.useCache {
                options.progress.measure("saving the build cache") {
                    saveCache(state: state, report: report, key: key, fingerprint: fingerprint, started: startedAt, folder: cacheFolder)
                }
            }
        }
        report.seconds = ProcessInfo.processInfo.systemUptime - started
        report.timings = options.progress.timings
        report.timingParts = options.progress.parts
        return report
    }

    /// The build of a site in which only texts changed, by the shortcut `TextEdits`; nil when it does not apply.
    func editTexts(previous: BuildCache, stamps: FileStamps, staging: OutputStaging, fingerprint: String,
                   started: Double) throws -> BuildReport? {
        let folder = BuildCache.folder(for: options.output)
        guard let kit = TextEditKit.load(from: folder), kit.key == previous.key else { return nil }
        let edits = TextEdits(options: options, previous: previous, kit: kit, stamps: stamps, cacheFolder: folder)
        guard let paths = edits.changedPaths(), let edited = edits.edit(paths), let search = edits.searchFiles(edited) else { return nil }
        do {
            return try edits.commit(edited, search: search, staging: staging, fingerprint: fingerprint, started: started)
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// The version (and the program file itself, which changes with every build of
    /// congkhai), the theme's files, site.yml and the options that shape the output.
    func cacheKey() -> String {
        let program = FileStamps.stamp(of: "/proc/self/exe").map { "\($0.size):\($0.modified)" } ?? ""
        let config = SiteConfig.fileNames.map { name -> String in
            let data = try? Data(contentsOf: options.content.appendingPathComponent(name))
            return data.map(ContentDigest.of) ?? "-"
        }
        let parts = [CongkhaiVersion.current, program, options.content.standardizedFileURL.path, FileStamps(options.theme).digest,
                     config.joined(separator: ","), "\(options.maxDocumentBytes)", "\(options.largeAttachmentBytes)"]
        return ContentDigest.of(Data(parts.joined(separator: "\n").utf8))
    }

    /// The site online is the one the cache describes: its marker has the bytes the cache recorded.
    func siteIsDescribed(by cache: BuildCache, site: URL) -> Bool {
        guard let recorded = cache.files.first(where: { $0.path == OutputStaging.marker }),
              let data = try? Data(contentsOf: site.appendingPathComponent(OutputStaging.marker)) else { return false }
        return ContentDigest.of(data) == recorded.sha256
    }

    func saveCache(state: BuildState, report: BuildReport, key: String, fingerprint: String, started: Double, folder: URL) {
        // The cache is the state's to give away unless a preview keeps the state (its page shortcut reads the entries):
        // changing a copy of it copied the table of every content file.
        var cache = state.next
        if options.keptCache == nil { state.next = BuildCache() }
        // what the steps let go, back to the system before the cache is encoded beside it (see `renderMarkdown`)
        mi_collect(true)
        cache.key = key
        cache.fingerprint = fingerprint
        cache.started = started
        for doc in state.corpus?.documents ?? [] {
            cache.sources[doc.source]?.published = true
            cache.sources[doc.source]?.url = doc.url
        }
        cache.files = report.files.map { .init(path: $0.path, size: $0.size, sha256: $0.sha256) }
        cache.summary = .init(documentCount: report.documentCount, byType: report.byType.map { [$0.0, String($0.1)] },
                              byYear: report.byYear.map { [$0.0, String($0.1)] }, diagnostics: report.diagnostics, pages: report.pages,
                              notices: report.notices)
        let previous = state.previous
        let kept = options.keptCache
        let output = options.output
        let save = {
            do {
                let saved = try cache.save(to: folder, previous: previous, keepingStored: kept != nil)
                if let corpus = state.corpus, let kit = TextEditKit(key: key, stamps: state.contentStamps, corpus: corpus,
                                                                     records: state.records, markerDigests: state.markerDigests) {
                    try kit.save(to: folder)
                } else {
                    TextEditKit.remove(from: folder)
                }
                cache.storedSources = saved.stored
                cache.sourcesFile = saved.file
                BuildCache.clearDirty(folder)
                kept?.keep(cache, savedIn: folder)
            } catch {
                kept?.forget()
                // Without a cache the next build is a full one: slower, never wrong.
                BuildCache.remove(for: output)
            }
        }
        if let kept, kept.defersSaving { kept.pendingSave = save } else { save() }
    }

    /// Reads, recognises and links everything and reports what a build would,
    /// without rendering pages or writing anything.
    public func check() throws -> BuildReport {
        try checkFolders()
        var checker = self
        checker.steps = BuildStep.checkOnly
        return try checker.render(into: PageSink(.discard))
    }

    /// Runs the steps with `sink` as the destination of every file: a
    /// staging folder, memory (a preview) or nowhere (a check).
    public func render(into sink: PageSink) throws -> BuildReport {
        try run(into: sink) { _ in }.0
    }

    func run(into sink: PageSink, prepare: (BuildState) -> Void) throws -> (BuildReport, BuildState) {
        let state = BuildState(options: options, sink: sink)
        prepare(state)
        let files: [WrittenFile]
        do {
            try state.run(steps)
            files = try sink.finish()
        } catch {
            // No write may still be running when the caller removes the staging folder.
            sink.drain()
            throw error
        }
        return (BuildReport(state: state, files: files), state)
    }

    /// Share of the published documents a build may lose without `--allow-shrink`.
    static let allowedLoss = 0.25

    /// A site with no documents, or with far fewer than the one it would
    /// replace, is most often a mistake (a folder not read, files moved away):
    /// it replaces the published site only when asked to.
    func shrinkage(of report: BuildReport) -> BuildFailure? {
        guard !options.allowShrink, let old = SiteMarker.read(site: options.output.resolvingSymlinksInPath()) else { return nil }
        let before = old.documents + old.procedures
        let now = report.documentCount
        guard before > 0, now == 0 || Double(before - now) > Double(before) * Self.allowedLoss else { return nil }
        return BuildFailure(.siteShrinks, ["now": String(now), "before": String(before), "output": options.output.path])
    }

    /// The content and theme folders must exist, and the output folder, which
    /// is replaced whole, must hold neither and be held by neither.
    func checkFolders() throws {
        var isDirectory: ObjCBool = false
        let given = options.content.path
        guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory) else {
            throw BuildFailure(.contentMissing, ["folder": given])
        }
        guard isDirectory.boolValue else {
            throw BuildFailure(.contentIsFile, ["folder": given])
        }
        let rawOutput = options.output.path
        guard !rawOutput.isEmpty, options.output.standardizedFileURL.path != "/" else {
            throw BuildFailure(.outputNotAFolder)
        }
        let output = options.output.standardizedFileURL.resolvingSymlinksInPath().path
        for url in [options.content, options.theme] {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            if path == output || path.hasPrefix(output + "/") {
                throw BuildFailure(.outputHoldsSources, ["output": output, "folder": path])
            }
            if output.hasPrefix(path + "/") {
                let beside = (path as NSString).deletingLastPathComponent + "/Site"
                throw BuildFailure(.outputInside, ["output": output, "folder": path, "beside": beside])
            }
        }
    }
}

/// What a build did, for the closing summary.
public struct BuildReport {
    public let documentCount: Int
    public let byType: [(String, Int)]
    public let byYear: [(String, Int)]
    /// Sorted by file, line and message.
    public let diagnostics: [Diagnostic]
    /// Every file of the site with its size and SHA-256, in path order.
    public let files: [WrittenFile]
    /// Every page of the site (paths ending in "/"), from the route table.
    public let pages: [String]
    /// Notes that are not problems: outputs left out for lack of a setting, say.
    public let notices: [String]
    public var written = false
    public var seconds = 0.0
    public var timings: [(step: String, seconds: Double, cpu: Double)] = []
    /// Parts of a step's time (see `BuildProgress.parts`).
    public var timingParts: [(step: String, part: String, seconds: Double)] = []

    init(state: BuildState, files: [WrittenFile]) {
        let counts = Listings.counts(state.corpus?.documents ?? [])
        documentCount = state.corpus?.documents.count ?? 0
        byType = counts.types.map { ($0.type?.name ?? "?", $0.count) }
        byYear = counts.years.map { ($0.year.map(String.init) ?? "?", $0.count) }
        diagnostics = state.diagnostics.sorted { ($0.file, $0.line ?? 0, $0.sortText) < ($1.file, $1.line ?? 0, $1.sortText) }
        self.files = files
        pages = state.pages
        notices = state.notices
    }

    /// The report of a build in which nothing changed: the previous one's.
    init(cached summary: BuildCache.Summary, files: [BuildCache.CachedFile]) {
        documentCount = summary.documentCount
        byType = summary.byType.map { ($0[0], Int($0[1]) ?? 0) }
        byYear = summary.byYear.map { ($0[0], Int($0[1]) ?? 0) }
        diagnostics = summary.diagnostics
        notices = summary.notices
        self.files = files.map(\.written)
        pages = summary.pages
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// The build cache of the last build, kept in memory between builds of one process (see `Options.keptCache`).
/// Only the builds of that process use it, one at a time (the preview's build lock).
public final class KeptCache: @unchecked Sendable {
    private(set) var cache: BuildCache?
    /// The search words that cache stored, so that a rebuild need not read them back.
    private(set) var searchTerms: [String: Substring]?
    /// The cache's head file as saved: the same size and time on disk say it is still this cache.
    private var headStamp: FileStamps.Stamp?
    /// Put the saving to disk off until `finishSaving()`: the preview serves the new site first.
    public var defersSaving = false
    /// The last build that replaced the site, for the preview's page of an edited text.
    var lastBuild: LastBuild?
    var pendingSave: (() -> Void)?

    public init() {}

    /// Saves the last build's cache to disk if that was put off; every build does it first.
    public func finishSaving() {
        let save = pendingSave
        pendingSave = nil
        save?()
    }

    /// The kept cache, when the cache on disk is still the one it was saved as.
    func current(in folder: URL) -> BuildCache? {
        guard let cache, let headStamp, FileStamps.stamp(of: folder.appendingPathComponent(BuildCache.fileName).path) == headStamp,
              !FileManager.default.fileExists(atPath: folder.appendingPathComponent(BuildCache.dirtyName).path) else { return nil }
        return cache
    }

    func keep(_ saved: BuildCache, savedIn folder: URL) {
        var saved = saved
        // nil when the search step kept the previous index whole, and with it the words stored
        if let terms = saved.searchTerms { searchTerms = terms.mapValues { Substring($0) } }
        saved.searchTerms = nil
        cache = saved
        headStamp = FileStamps.stamp(of: folder.appendingPathComponent(BuildCache.fileName).path)
    }

    func forget() {
        cache = nil
        searchTerms = nil
        headStamp = nil
    }
}
