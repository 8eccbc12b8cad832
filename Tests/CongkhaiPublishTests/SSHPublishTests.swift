@testable import CongkhaiPublish
import Foundation
import Testing

/// Publishing to `user@host:/path` for real: Debian's sshd started on
/// 127.0.0.1 with throwaway keys and its own configuration, the real
/// `congkhai` binary publishing to it with rsync, then rolling back.
@Suite struct SSHPublishTests {
    static let tools = ["/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/bin/rsync"]
    static var missing: [String] { tools.filter { !FileManager.default.isExecutableFile(atPath: $0) } }

    /// An sshd of our own; stopped when the test ends.
    final class Server {
        let folder: URL
        let port: Int
        var pid: pid_t = 0
        var sshCommand: String {
            "ssh -p \(port) -i \(folder.path)/user_key -o UserKnownHostsFile=\(folder.path)/known_hosts -o StrictHostKeyChecking=accept-new"
        }

        init(folder: URL) throws {
            self.folder = folder
            port = try Self.freePort()
            for key in ["host_key", "user_key"] {
                let result = try ProcessRunner.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", "\(folder.path)/\(key)"])
                guard result.status == 0 else { throw SetupFailure("ssh-keygen: \(result.errorText)") }
            }
            try FileManager.default.copyItem(atPath: "\(folder.path)/user_key.pub", toPath: "\(folder.path)/authorized_keys")
            try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(folder.path)/host_key
            PidFile \(folder.path)/sshd.pid
            AuthorizedKeysFile \(folder.path)/authorized_keys
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            AllowUsers \(Publisher.userName())

            """.write(toFile: "\(folder.path)/sshd_config", atomically: true, encoding: .utf8)
            // Debian's sshd wants its privilege-separation folder, which the service would make at boot.
            if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
            pid = try Spawn.start(["/usr/sbin/sshd", "-D", "-e", "-f", "\(folder.path)/sshd_config"], output: "\(folder.path)/sshd.log")
        }

        /// True once a login works; false if sshd died or never answered.
        func waitUntilReady() throws -> Bool {
            for _ in 0..<100 {
                guard kill(pid, 0) == 0, waitpid(pid, nil, WNOHANG) == 0 else { return false }
                let probe = try Spawn.run(["/bin/sh", "-c", "\(sshCommand) -o BatchMode=yes -o ConnectTimeout=2 " +
                                                            "\(Publisher.userName())@127.0.0.1 true"], output: "\(folder.path)/probe.log")
                if probe == 0 { return true }
                usleep(100_000)
            }
            return false
        }

        var log: String { (try? String(contentsOfFile: "\(folder.path)/sshd.log", encoding: .utf8)) ?? "" }

        func stop() {
            if pid > 0 {
                kill(pid, SIGTERM)
                waitpid(pid, nil, 0)
                pid = 0
            }
        }

        static func freePort() throws -> Int {
            let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c",
                "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
            guard let port = Int(result.outputText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw SetupFailure("no free port: \(result.errorText)")
            }
            return port
        }
    }

    struct Run {
        var status: Int32
        var output: String
    }

    static func congkhai(_ arguments: [String], ssh: String) throws -> Run {
        let binary = try #require(KilledPublishTests.binary)
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-ssh-run-\(UUID().uuidString).log").path
        defer { unlink(log) }
        let status = try Spawn.run([binary.path, "--lang", "en"] + arguments, output: log, environment: ["CONGKHAI_SSH": ssh])
        return Run(status: status, output: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    @Test(.enabled(if: missing.isEmpty, "needs \(missing.joined(separator: ", ")): apt-get install -y openssh-server openssh-client rsync"),
          .enabled(if: KilledPublishTests.binary != nil, "the congkhai binary was not found beside the tests"))
    func publishOverSSHThenRollBack() throws {
        typealias F = PublishFixture
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let keys = fixture.root.appendingPathComponent("ssh")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let server = try Server(folder: keys)
        defer { server.stop() }
        guard try server.waitUntilReady() else {
            try Test.cancel("sshd could not start on 127.0.0.1:\(server.port), so the ssh target is not tested: \(server.log)")
        }
        let remote = fixture.root.appendingPathComponent("remote")
        let target = "\(Publisher.userName())@127.0.0.1:\(remote.path)"
        func served() throws -> String {
            URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: remote.appendingPathComponent("current").path))
                .lastPathComponent
        }

        let first = try fixture.site("SiteA", pages: [F.plan, F.report])
        let run1 = try Self.congkhai(["publish", "--to", target, "--site", first.path], ssh: server.sshCommand)
        #expect(run1.status == 0, "\(run1.output)")
        let release1 = try served()
        #expect(try String(contentsOf: remote.appendingPathComponent("current/\(F.plan.url)index.html"), encoding: .utf8)
            .contains("ban hành kế hoạch"))
        #expect(FileManager.default.fileExists(atPath: remote.appendingPathComponent("current/index.html.gz").path))
        sleep(1)  // release names are the publish time to the second

        var changed = F.plan
        changed.body = "Kế hoạch đã được điều chỉnh."
        let second = try fixture.site("SiteB", pages: [changed, F.report])
        let run2 = try Self.congkhai(["publish", "--to", target, "--site", second.path], ssh: server.sshCommand)
        #expect(run2.status == 0, "\(run2.output)")
        #expect(run2.output.contains("0 added, 1 changed, 0 removed"), "\(run2.output)")
        let release2 = try served()
        #expect(release2 != release1)
        func inode(_ release: String, _ path: String) throws -> UInt64? {
            try FileManager.default.attributesOfItem(atPath: remote.appendingPathComponent("releases/\(release)/\(path)").path)[
                .systemFileNumber] as? UInt64
        }
        // rsync --link-dest: the unchanged page is the same file in both releases, the changed one is not.
        #expect(try inode(release1, F.report.url + "index.html") == inode(release2, F.report.url + "index.html"))
        #expect(try inode(release1, F.plan.url + "index.html") != inode(release2, F.plan.url + "index.html"))

        let dry = try Self.congkhai(["publish", "--dry-run", "--to", target, "--site", first.path], ssh: server.sshCommand)
        #expect(dry.status == 0 && dry.output.contains("Would publish") && dry.output.contains("1 changed"), "\(dry.output)")
        #expect(try served() == release2 && fixture.releasesIn(remote).count == 2)

        // The guard works the same over ssh: nothing is sent, nothing switched.
        let third = try fixture.site("SiteC", pages: [changed])
        let run3 = try Self.congkhai(["publish", "--to", target, "--site", third.path], ssh: server.sshCommand)
        #expect(run3.status == 3 && run3.output.contains(F.report.url), "\(run3.output)")
        #expect(try served() == release2)

        let back = try Self.congkhai(["rollback", "--to", target], ssh: server.sshCommand)
        #expect(back.status == 0, "\(back.output)")
        #expect(try served() == release1)
        let list = try Self.congkhai(["releases", "--to", target], ssh: server.sshCommand)
        let lines = list.output.split(separator: "\n")
        #expect(lines.count == 2 && lines[1].hasPrefix("* \(release1)") && lines[0].contains("changed 1"), "\(list.output)")
        let log = try String(contentsOf: remote.appendingPathComponent("publish.log"), encoding: .utf8)
        #expect(log.split(separator: "\n").map { $0.split(separator: " ")[1] } == ["publish", "publish", "rollback"])

        // What a killed publish left on the server is removed by the next one.
        try FileManager.default.createDirectory(at: remote.appendingPathComponent("releases/.incoming-20000101T000000/van-ban"),
                                                withIntermediateDirectories: true)
        let run4 = try Self.congkhai(["publish", "--to", target, "--site", second.path], ssh: server.sshCommand)
        #expect(run4.status == 0 && run4.output.contains("releases/.incoming-20000101T000000"), "\(run4.output)")
        #expect(try fixture.releasesIn(remote).allSatisfy { !$0.hasPrefix(".") })

        // One publish at a time on the server: while another holds the lock, a publish waits for it.
        let lockFile = remote.appendingPathComponent(ReleaseNaming.lockFile).path
        let released = remote.appendingPathComponent("released-by-the-other").path
        let holder = try Spawn.start(["/bin/sh", "-c", "exec flock \(lockFile) sh -c 'sleep 2; touch \(released)'"],
                                     output: keys.appendingPathComponent("holder.log").path)
        while try Spawn.run(["/usr/bin/flock", "-n", lockFile, "true"], output: "/dev/null") == 0 { usleep(20_000) }
        let run5 = try Self.congkhai(["publish", "--to", target, "--site", first.path], ssh: server.sshCommand)
        #expect(run5.status == 0 && run5.output.contains("waiting"), "\(run5.output)")
        #expect(FileManager.default.fileExists(atPath: released), "the publish ran while another held the lock")
        waitpid(holder, nil, 0)
    }
}

extension PublishFixture {
    func releasesIn(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("releases").path)
    }
}

/// posix_spawn and waitpid, output to a file: the test keeps sshd running as a child for minutes.
enum Spawn {
    static func start(_ argv: [String], output: String, environment: [String: String] = [:]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
        guard result == 0 else { throw SetupFailure("cannot start \(argv[0]): \(String(cString: strerror(result)))") }
        return pid
    }

    static func run(_ argv: [String], output: String, environment: [String: String] = [:]) throws -> Int32 {
        let pid = try start(argv, output: output, environment: environment)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// The test's own set-up (a key, a port, a process) failed: not a failure of the program under test.
struct SetupFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
