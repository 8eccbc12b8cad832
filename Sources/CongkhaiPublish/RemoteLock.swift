import CongkhaiMessages
import Foundation

/// One publish at a time on a server, as `LocalReleaseStore` has with flock: an
/// ssh session holds `flock` on the target's lock file for the whole publish and
/// waits on its standard input. When the publish ends, or its process dies (even
/// by kill -9: the connection drops and sshd ends the session), the remote shell
/// ends and the server's kernel releases the lock. No lock file is ever left
/// behind that someone would have to remove by hand. Needs `flock` on the server
/// (util-linux, in every Debian).
///
/// The session is started with posix_spawn rather than Foundation's Process, which
/// lost track of the other ssh commands' ends while this one was running; its pipes
/// are close-on-exec, so that no other child of the publish holds them open.
final class RemoteLock {
    private var pid: pid_t = 0
    private var input: Int32 = -1

    /// Returns once the lock is held; `waiting` is told when another publish holds it.
    init(ssh: [String], host: String, folder: String, lockFile: String, waiting: () -> Void) throws {
        let script = "set -e; mkdir -p \(Self.quote(folder)); cd \(Self.quote(folder)); exec 9>>\(Self.quote(lockFile)); "
            + "command -v flock >/dev/null || { echo noflock; exit 3; }; "
            + "if flock -n 9; then echo locked; else echo busy; flock 9; echo locked; fi; cat >/dev/null"
        let arguments = Array(ssh.dropFirst()) + [host, "--", script]
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
            throw PublishFailure(.sshCannotStart, ["problem": FileProblem.describe(errno: errno)])
        }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let executable = try ProcessRunner.locate(ssh[0])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        input = toChild[1]
        guard status == 0 else {
            close(fromChild[0])
            throw PublishFailure(.sshCannotStart, ["problem": FileProblem.describe(errno: status)])
        }
        defer { close(fromChild[0]) }
        var line = ""
        var byte: UInt8 = 0
        while read(fromChild[0], &byte, 1) == 1 {
            guard byte == 0x0A else { line.append(Character(UnicodeScalar(byte))); continue }
            if line == "locked" { return }
            if line == "busy" { waiting() }
            if line == "noflock" { break }
            line = ""
        }
        release()
        throw line == "noflock" ? PublishFailure(.serverHasNoFlock, ["host": host])
            : PublishFailure(.remoteLockFailed, ["host": host, "folder": folder])
    }

    /// Ends the session: the server releases the lock.
    func release() {
        if input >= 0 { close(input); input = -1 }
        if pid > 0 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            pid = 0
        }
    }

    deinit { release() }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
