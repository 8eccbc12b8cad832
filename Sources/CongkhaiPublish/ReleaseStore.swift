import Foundation

/// What a target holds: its releases (oldest first) and the one `current` points at.
public struct TargetState: Equatable, Sendable {
    public var releases: [String]
    public var served: String?
    /// Folders and links that killed publishes had left and that were just removed.
    public var cleaned: [String]
}

/// The operations a publish needs from a target, local or over ssh. Each
/// target keeps the same layout:
///
///     current -> releases/20261124T204000     the served release (a symbolic link)
///     releases/20261124T204000/               one folder per release
///     releases/.incoming-…                    a release being copied
///     publish.log                             one line per publish or rollback
protocol ReleaseStore: AnyObject {
    var target: PublishTarget { get }
    /// Takes the publish lock, removes what killed publishes left (when `cleanUp`), and reads the releases.
    func open(cleanUp: Bool) throws -> TargetState
    /// A file of the release being served, or nil when it has none.
    func servedFile(_ relativePath: String) throws -> Data?
    /// Copies the site into `releases/.incoming-<name>`, sharing unchanged files with `previous`.
    func upload(site: URL, as name: String, previous: String?, dryRun: Bool) throws -> TransferStats
    /// Puts the release in place and switches `current` to it in one rename, appends the log line, prunes.
    func activate(_ name: String, fromIncoming: Bool, log: PublishLogLine, prune: [String]) throws
    func readLog() throws -> String
    func close()
}
