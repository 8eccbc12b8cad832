import Foundation

/// One publish at a time on a server, as `LocalReleaseStore` has with flock: an
/// ssh session holds `flock` on the target's lock file for the whole publish and
/// waits on its standard input. When the publish ends, or its process dies (even
/// by kill -9: the connection drops and sshd ends the session), the remote shell
/// ends and the server's kernel releases the lock. No lock file is ever left
/// behind that someone would have to remove by hand. Needs `flock` on the server
/// (util-linux, in every Debian).
final class RemoteLock {
    private let process = Process()
    private let input = Pipe()
    // Kept for the session's whole life: a Pipe released early closes its descriptors
    // again when it is freed, and a descriptor number reused meanwhile would be closed under another pipe.
    private let output = Pipe()

    /// Returns once the lock is held; `waiting` is told when another publish holds it.
    init(ssh: [String], host: String, folder: String, lockFile: String, waiting: () -> Void) throws {
        let script = "set -e; mkdir -p \(Self.quote(folder)); cd \(Self.quote(folder)); exec 9>>\(Self.quote(lockFile)); "
            + "command -v flock >/dev/null || { echo noflock; exit 3; }; "
            + "if flock -n 9; then echo locked; else echo busy; flock 9; echo locked; fi; cat >/dev/null"
        process.executableURL = URL(fileURLWithPath: try ProcessRunner.locate(ssh[0]))
        process.arguments = Array(ssh.dropFirst()) + [host, "--", script]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The child's ends, in this process: closed, so that only the session holds them.
        try? input.fileHandleForReading.close()
        try? output.fileHandleForWriting.close()
        let reader = output.fileHandleForReading
        var line = ""
        while true {
            let byte = reader.readData(ofLength: 1)
            guard let character = byte.first else { break }
            if character == 0x0A {
                if line == "locked" { return }
                if line == "busy" { waiting() }
                if line == "noflock" { break }
                line = ""
            } else {
                line.append(Character(UnicodeScalar(character)))
            }
        }
        process.waitUntilExit()
        throw PublishFailure(line == "noflock"
            ? "the server \(host) has no 'flock' (apt-get install -y util-linux there), so two publishes could overlap"
            : "cannot take the publish lock on \(host) in \(folder) (status \(process.terminationStatus)); "
                + "check the ssh connection (ssh \(host) true)")
    }

    /// Ends the session: the server releases the lock.
    func release() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
