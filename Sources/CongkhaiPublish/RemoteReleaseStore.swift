import CongkhaiMessages
import Foundation

/// A target reached over ssh (`user@host:/path`), copied with rsync. The remote
/// machine needs only a POSIX shell, GNU coreutils and rsync (a Debian server has them).
///
/// `CONGKHAI_SSH` sets the ssh command and its options, as RSYNC_RSH does for
/// rsync (`CONGKHAI_SSH="ssh -p 2222 -i ~/.ssh/publish"`); hosts in
/// ~/.ssh/config work as they are.
final class RemoteReleaseStore: ReleaseStore {
    let target: PublishTarget
    let host: String
    let path: String
    let ssh: [String]
    /// The local folder rsync sends: the site's files hard-linked, plus the `.gz` siblings.
    private var outgoing: URL?
    /// Held from `open` to `close`: one publish at a time on the server.
    private var lock: RemoteLock?
    /// Told when another publish holds the server's lock.
    lazy var waiting: () -> Void = { [target] in
        FileHandle.standardError.write(Data((Messages.current.text(PublishText.waiting, ["target": "\(target)"]) + "\n").utf8))
    }

    init(host: String, path: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        target = .remote(host: host, path: path)
        self.host = host
        self.path = path
        let command = environment["CONGKHAI_SSH"].map { $0.split(separator: " ").map(String.init) } ?? []
        ssh = (command.isEmpty ? ["ssh"] : command) + ["-o", "BatchMode=yes"]
    }

    /// Runs one shell script on the server, in the target folder.
    @discardableResult
    private func remote(_ script: String, input: Data? = nil, allowStatus: Set<Int32> = [0]) throws -> ProcessRunner.Result {
        let full = "set -e; mkdir -p \(quote(path)); cd \(quote(path)); \(script)"
        let result = try ProcessRunner.run(ssh[0], Array(ssh.dropFirst()) + [host, "--", full], input: input)
        if result.status == 255 {
            let reason = result.errorText.trimmingCharacters(in: .whitespacesAndNewlines)
            throw PublishFailure(.sshCannotConnect, ["host": host, "problem": reason])
        }
        guard allowStatus.contains(result.status) else {
            throw PublishFailure(.remoteFailed, ["host": host, "folder": path, "status": String(result.status),
                                                 "problem": result.errorText.trimmingCharacters(in: .whitespacesAndNewlines)])
        }
        return result
    }

    func open(cleanUp: Bool) throws -> TargetState {
        if cleanUp, lock == nil {
            lock = try RemoteLock(ssh: ssh, host: host, folder: path, lockFile: ReleaseNaming.lockFile, waiting: waiting)
        }
        let releases = ReleaseNaming.releasesFolder, incoming = ReleaseNaming.incomingPrefix
        let script = """
        mkdir -p \(releases); if \(cleanUp); then for leftover in \(releases)/\(incoming)* \(ReleaseNaming.linkPrefix)*; do \
        if [ -e "$leftover" ] || [ -L "$leftover" ]; then rm -rf -- "$leftover" && echo "cleaned $leftover"; fi; done; fi; \
        if [ -L \(ReleaseNaming.currentLink) ]; then echo "served $(readlink \(ReleaseNaming.currentLink))"; \
        elif [ -e \(ReleaseNaming.currentLink) ]; then echo "notlink"; fi; \
        for release in \(releases)/*; do [ -d "$release" ] && echo "release ${release#\(releases)/}"; done; true
        """
        let lines = try remote(script).outputText.split(separator: "\n").map(String.init)
        if lines.contains("notlink") {
            throw PublishFailure(.remoteNotOurLink, ["link": "\(host):\(path)/current"])
        }
        func values(_ key: String) -> [String] {
            lines.filter { $0.hasPrefix(key + " ") }.map { String($0.dropFirst(key.count + 1)) }
        }
        return TargetState(releases: ReleaseNaming.releases(in: values("release")),
                           served: values("served").first.map { URL(fileURLWithPath: $0).lastPathComponent },
                           cleaned: values("cleaned"))
    }

    func servedFile(_ relativePath: String) throws -> Data? {
        let file = quote("\(ReleaseNaming.currentLink)/\(relativePath)")
        let result = try remote("if [ -f \(file) ]; then cat \(file); else exit 44; fi", allowStatus: [0, 44])
        return result.status == 44 ? nil : result.output
    }

    func upload(site: URL, as name: String, previous: String?, dryRun: Bool) throws -> TransferStats {
        let staging = site.deletingLastPathComponent()
            .appendingPathComponent(".\(site.lastPathComponent).outgoing-\(getpid())")
        removeOutgoingLeftovers(beside: site)
        outgoing = staging
        var stats = try ReleaseAssembler(site: site, destination: staging, previous: nil, linkToSite: true).assemble(dryRun: false)
        defer { try? FileManager.default.removeItem(at: staging); outgoing = nil }
        var arguments = ["-rlpD", "--checksum", "--delete", "--protect-args", "--out-format=%n", "-e", rsyncShell()]
        if dryRun { arguments.append("--dry-run") }
        if let previous { arguments.append("--link-dest=../\(previous)") }
        arguments += [staging.path + "/", "\(host):\(path)/\(ReleaseNaming.releasesFolder)/\(ReleaseNaming.incomingPrefix)\(name)/"]
        if !dryRun { try remote("mkdir -p \(ReleaseNaming.releasesFolder)") }
        let result = try ProcessRunner.run("rsync", arguments)
        guard result.status == 0 else {
            throw PublishFailure(.rsyncFailed, ["host": host, "status": String(result.status),
                                                "problem": result.errorText.trimmingCharacters(in: .whitespacesAndNewlines)])
        }
        let sent = result.outputText.split(separator: "\n").map(String.init)
            .filter { !$0.hasSuffix("/") && !$0.hasSuffix(".gz") && $0 != "." }
        let total = stats.linked
        stats.copied = sent.sorted()
        stats.linked = total - sent.count
        return stats
    }

    func activate(_ name: String, fromIncoming: Bool, log: PublishLogLine, prune: [String]) throws {
        let release = quote("\(ReleaseNaming.releasesFolder)/\(name)")
        let temporary = quote(ReleaseNaming.linkPrefix + name)
        var script = ""
        if fromIncoming {
            script += "mv -T \(quote("\(ReleaseNaming.releasesFolder)/\(ReleaseNaming.incomingPrefix)\(name)")) \(release); "
        }
        // One ssh command: the link made under a temporary name, renamed over `current` (mv -T is rename(2)), the log, pruning.
        script += "[ -d \(release) ]; ln -sfn \(release) \(temporary); mv -T \(temporary) \(ReleaseNaming.currentLink); "
        script += "printf '%s\\n' \(quote(log.text)) >> \(ReleaseNaming.logFile)"
        if !prune.isEmpty {
            script += "; rm -rf -- " + prune.map { quote("\(ReleaseNaming.releasesFolder)/\($0)") }.joined(separator: " ")
        }
        try remote(script)
    }

    func readLog() throws -> String {
        try remote("cat \(ReleaseNaming.logFile) 2>/dev/null || true").outputText
    }

    func close() {
        if let outgoing { try? FileManager.default.removeItem(at: outgoing) }
        lock?.release()
        lock = nil
    }

    /// Staging folders of publishes that were killed before they could remove them.
    private func removeOutgoingLeftovers(beside site: URL) {
        let parent = site.deletingLastPathComponent()
        let prefix = ".\(site.lastPathComponent).outgoing-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// rsync takes the remote shell as one string, split on spaces with quotes honoured.
    private func rsyncShell() -> String {
        ssh.map { $0.contains(" ") ? quote($0) : $0 }.joined(separator: " ")
    }

    private func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
