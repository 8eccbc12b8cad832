import Foundation

/// Documents that a release adds, changes or removes compared with the one served before it.
public struct ChangeSummary: Equatable, Sendable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []

    public init(added: [String] = [], changed: [String] = [], removed: [String] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    /// A page changed when its file was copied rather than shared with the previous release.
    static func between(_ served: SiteCatalogue, _ candidate: SiteCatalogue, copied: [String]) -> ChangeSummary {
        let old = Set(served.entries.map(\.url)), new = Set(candidate.entries.map(\.url))
        let copiedPages = Set(copied)
        return ChangeSummary(added: new.subtracting(old).sorted(),
                             changed: old.intersection(new).filter { copiedPages.contains($0 + "index.html") }.sorted(),
                             removed: old.subtracting(new).sorted())
    }
}

public struct PublishOptions: Sendable {
    public var site: URL
    public var keep: Int
    public var dryRun: Bool
    public var allowRemoval: Bool
    public var user: String
    public var now: Date

    public init(site: URL, keep: Int = 5, dryRun: Bool = false, allowRemoval: Bool = false, user: String = Publisher.userName(),
                now: Date = Date()) {
        self.site = site
        self.keep = keep
        self.dryRun = dryRun
        self.allowRemoval = allowRemoval
        self.user = user
        self.now = now
    }
}

public struct PublishReport: Sendable {
    public var release: String
    public var previous: String?
    public var verdict: UnpublishGuard.Verdict
    public var stats: TransferStats
    public var changes: ChangeSummary
    public var pruned: [String]
    public var cleaned: [String]
    /// False when the guard stopped the publish or for a dry run: the served release is unchanged.
    public var switched: Bool
    public var documents: Int
    public var procedures: Int
}

/// Publishing, rollback and the list of releases, on any target.
public enum Publisher {
    static func store(for target: PublishTarget, notice: @escaping (String) -> Void) -> ReleaseStore {
        switch target {
        case .local(let path): return LocalReleaseStore(path: path, notice: notice)
        case .remote(let host, let path): return RemoteReleaseStore(host: host, path: path)
        }
    }

    public static func publish(_ options: PublishOptions, to target: PublishTarget,
                               notice: @escaping (String) -> Void = { _ in }) throws -> PublishReport {
        guard options.keep >= 1 else { throw PublishFailure(.keepTooSmall) }
        let site = options.site.standardizedFileURL
        let markerData: Data
        do {
            markerData = try Data(contentsOf: site.appendingPathComponent(SiteMarker.fileName))
        } catch {
            throw PublishFailure(.notABuiltSite, ["site": site.path, "marker": SiteMarker.fileName])
        }
        let marker = try SiteMarker(data: markerData, file: site.appendingPathComponent(SiteMarker.fileName).path)
        let candidate = try SiteCatalogue { path in
            let url = site.appendingPathComponent(path)
            return FileManager.default.fileExists(atPath: url.path) ? try Data(contentsOf: url) : nil
        }

        let store = store(for: target, notice: notice)
        defer { store.close() }
        let state = try store.open(cleanUp: true)
        let served = state.served == nil ? SiteCatalogue(entries: []) : try SiteCatalogue(reading: store.servedFile)
        let verdict = UnpublishGuard.check(served: served, candidate: candidate, marker: marker) { url in
            FileManager.default.fileExists(atPath: site.appendingPathComponent(url).appendingPathComponent("index.html").path)
        }
        let name = ReleaseNaming.newName(at: options.now, existing: Set(state.releases))
        var report = PublishReport(release: name, previous: state.served, verdict: verdict, stats: TransferStats(),
                                   changes: ChangeSummary(), pruned: [], cleaned: state.cleaned, switched: false,
                                   documents: candidate.documentCount, procedures: candidate.procedureCount)
        if verdict.needsPermission && !options.allowRemoval && !options.dryRun { return report }

        report.stats = try store.upload(site: site, as: name, previous: state.served, dryRun: options.dryRun)
        report.changes = ChangeSummary.between(served, candidate, copied: report.stats.copied)
        // Pruning runs after the switch, so the release served until then is an old one like the others.
        report.pruned = ReleaseNaming.toPrune(state.releases + [name], keep: options.keep, protected: [name])
        if options.dryRun { return report }

        var fields: [(String, String)] = [
            ("user", options.user),
            ("content", marker.contentDigest ?? "unknown"),
            ("documents", String(candidate.documentCount)),
            ("procedures", String(candidate.procedureCount)),
            ("added", String(report.changes.added.count)),
            ("changed", String(report.changes.changed.count)),
            ("removed", String(report.changes.removed.count)),
            ("copied", String(report.stats.copied.count)),
            ("linked", String(report.stats.linked)),
        ]
        if let previous = state.served { fields.append(("previous", previous)) }
        if verdict.needsPermission { fields.append(("allowed-removal", String(verdict.disappearances.count))) }
        if !marker.leftOut.isEmpty { fields.append(("left-out", String(marker.leftOut.count))) }
        try store.activate(name, fromIncoming: true,
                           log: PublishLogLine(time: options.now, action: .publish, release: name, fields: fields),
                           prune: report.pruned)
        report.switched = true
        return report
    }

    public struct RollbackReport: Sendable {
        public var from: String
        public var to: String
        /// Documents served now that the older release does not have.
        public var withdrawn: [PublishedEntry]
    }

    /// Switches `current` back to an earlier release (the one before the served one by default).
    @discardableResult
    public static func rollback(to target: PublishTarget, release wanted: String?, user: String = userName(), now: Date = Date(),
                                notice: @escaping (String) -> Void = { _ in }) throws -> RollbackReport {
        let store = store(for: target, notice: notice)
        defer { store.close() }
        let state = try store.open(cleanUp: true)
        guard let served = state.served else { throw PublishFailure(.nothingServed, ["target": "\(target)"]) }
        let destination: String
        if let wanted {
            guard state.releases.contains(wanted) else {
                throw PublishFailure(.noSuchRelease, ["target": "\(target)", "release": wanted,
                                                      "releases": state.releases.joined(separator: ", ")])
            }
            destination = wanted
        } else {
            guard let older = state.releases.last(where: { $0 < served }) else {
                throw PublishFailure(.oldestRelease, ["release": served, "target": "\(target)"])
            }
            destination = older
        }
        guard destination != served else { throw PublishFailure(.alreadyServed, ["release": destination]) }
        let before = try SiteCatalogue(reading: store.servedFile)
        try store.activate(destination, fromIncoming: false,
                           log: PublishLogLine(time: now, action: .rollback, release: destination,
                                               fields: [("user", user), ("previous", served)]), prune: [])
        let after = try SiteCatalogue(reading: store.servedFile)
        let remaining = Set(after.entries.map(\.url))
        return RollbackReport(from: served, to: destination, withdrawn: before.entries.filter { !remaining.contains($0.url) })
    }

    public static func userName() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
