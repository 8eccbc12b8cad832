import Foundation
import Testing

/// `congkhai serve` as a process: what it tells the person who started it.
@Suite struct ServeCommandTests {
    /// The `congkhai` binary built beside this test bundle.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("congkhai")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return PreviewFixture.repository.appendingPathComponent(".build/debug/congkhai")
    }

    /// Runs `congkhai serve` with `arguments` until it announces its address
    /// (at most 60 s), then stops it; returns what it printed on each stream.
    static func serve(_ arguments: [String]) async throws -> (out: String, err: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try PreviewFixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--lang", "en", "--content", fixture.content.path, "--theme", fixture.theme.path, "--port", "0"]
            + arguments
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        defer { stop(process) }
        let deadline = Date().addingTimeInterval(60)
        var out = ""
        while Date() < deadline, process.isRunning {
            out = try String(contentsOf: outURL, encoding: .utf8)
            if out.contains("Preview at") { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        // Read once more: with the whole suite running, this task may wake from its sleep after the
        // deadline (the two cores busy with other tests) although the process printed long before.
        out = try String(contentsOf: outURL, encoding: .utf8)
        return (out, try String(contentsOf: errURL, encoding: .utf8))
    }

    /// TERM, as Ctrl-C would; KILL if it is still there after 10 s, so a test never hangs.
    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            Issue.record("congkhai serve did not stop on SIGTERM")
            kill(process.processIdentifier, SIGKILL)
        }
    }

    @Test func aHostOtherThanLoopbackIsWarnedAbout() async throws {
        let (out, err) = try await Self.serve(["--host", "0.0.0.0"])
        #expect(out.contains("Preview at http://0.0.0.0:"), "the command did not start: \(err)")
        #expect(err.contains("warning: --host 0.0.0.0 is not a loopback address"))
    }

    @Test func theDefaultHostIsLoopbackAndNotWarnedAbout() async throws {
        let (out, err) = try await Self.serve([])
        #expect(out.contains("Preview at http://127.0.0.1:"), "the command did not start: \(err)")
        #expect(!out.contains("Preview at http://127.0.0.1:0/"), "the port it got should be shown, not 0")
        #expect(out.contains("Build 1: "))
        #expect(!err.contains("loopback"))
    }
}
