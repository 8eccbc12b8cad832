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

    /// Builds into the output folder through a staging folder and an atomic swap.
    public func build() throws -> BuildReport {
        let started = ProcessInfo.processInfo.systemUptime
        try checkFolders()
        let staging = try OutputStaging(output: options.output, waiting: options.progress.note)
        var report: BuildReport
        do {
            report = try render(into: PageSink(.folder(staging.staging)))
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
            try options.progress.measure("replacing the site") { try staging.commit() }
            report.written = true
        }
        report.seconds = ProcessInfo.processInfo.systemUptime - started
        report.timings = options.progress.timings
        return report
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
        let state = BuildState(options: options, sink: sink)
        let files: [WrittenFile]
        do {
            try state.run(steps)
            files = try sink.finish()
        } catch {
            // No write may still be running when the caller removes the staging folder.
            sink.drain()
            throw error
        }
        return BuildReport(state: state, files: files)
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
        for (name, url) in [("content", options.content), ("theme", options.theme)] {
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
    public var written = false
    public var seconds = 0.0
    public var timings: [(step: String, seconds: Double)] = []

    init(state: BuildState, files: [WrittenFile]) {
        let listings = Listings(state.corpus?.documents ?? [])
        documentCount = state.corpus?.documents.count ?? 0
        byType = listings.types.map { ($0.type?.name ?? "?", $0.documents.count) }
        byYear = listings.years.map { ($0.year.map(String.init) ?? "?", $0.documents.count) }
        diagnostics = state.diagnostics.sorted { ($0.file, $0.line ?? 0, $0.sortText) < ($1.file, $1.line ?? 0, $1.sortText) }
        self.files = files
        pages = state.pages
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
