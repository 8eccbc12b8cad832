import ArgumentParser
import CongkhaiMessages
import CongkhaiServe
import CongkhaiSite
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.serveAbstract),
        discussion: """
        The site is built into memory (nothing is written to disk) and served at http://HOST:PORT/. \
        When a document, site.yml or a theme file changes, the site is rebuilt; if the build fails, \
        the last good site keeps being served with the error shown at the top of every page.
        """
    )

    @Option(help: ArgumentHelp(say(.optionContent)))
    var content: String?

    @Option(help: ArgumentHelp(say(.optionTheme)))
    var theme: String?

    @Option(help: "Port to listen on.")
    var port: UInt16 = 8080

    @Option(help: "Address to listen on; keep the default (this computer only) unless others must see the preview.")
    var host = "127.0.0.1"

    func run() throws {
        let content = Locations.content(self.content)
        let theme = try Locations.requiredTheme(self.theme)
        // One line per rebuild, seen as it happens even when the output is piped to a log.
        setvbuf(stdout, nil, _IOLBF, 0)
        // The preview runs until it is stopped, so it must hear Ctrl-C and TERM even when its
        // parent started it with them blocked (Foundation's Process in a test runner does).
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
        if !PreviewServer.isLoopback(host) {
            printError("""
            warning: --host \(host) is not a loopback address: anyone who can reach this computer on port \(port) \
            can read the preview, unpublished drafts included. Use --host 127.0.0.1 unless that is what you want.
            """)
        }
        let preview = Preview(.init(content: URL(fileURLWithPath: content), theme: URL(fileURLWithPath: theme)))
        do {
            try preview.checkFolders()
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        report(preview.rebuild())
        let server: PreviewServer
        do {
            server = try PreviewServer(preview: preview, host: host, port: port)
        } catch {
            printError("error: cannot listen on \(host):\(port) (\(error)); give another --port, or an IP address as --host.")
            throw ExitCode(2)
        }
        preview.watch { outcome in report(outcome) }
        let shown = host.contains(":") ? "[\(host)]" : host
        let watched = "watching \(content) and \(theme); Ctrl-C stops it"
        // The root command is synchronous (every other subcommand is): the
        // server runs on the concurrency pool while this thread waits for it.
        let stopped = DispatchSemaphore(value: 0)
        let outcome = ServerOutcome()
        Task {
            let serving = Task { try await server.run() }
            // Announced once it listens, with the port it got (--port 0 picks a free one).
            if (try? await server.waitUntilListening(timeout: 10)) != nil, let bound = await server.boundPort() {
                print("Preview at http://\(shown):\(bound)/ (\(watched))")
            }
            do { try await serving.value } catch { outcome.error = error }
            stopped.signal()
        }
        stopped.wait()
        if let error = outcome.error {
            printError("error: the preview server stopped: \(error). If port \(port) is taken, give another with --port.")
            throw ExitCode(2)
        }
    }
}

private final class ServerOutcome: @unchecked Sendable {
    var error: Error?
}

/// One rebuild, told in the terminal: the problems first, then one line.
private func report(_ outcome: Preview.Outcome) {
    for diagnostic in outcome.diagnostics { printError(Messages.current.render(diagnostic)) }
    if let failure = outcome.failure {
        let kept = outcome.hasSite
            ? "The preview keeps showing the last good site, with this error at the top of every page."
            : "The preview shows this error until the site builds; pages reload by themselves then."
        printError("error: \(failure)\n\(kept)")
        return
    }
    let count = outcome.diagnostics.count
    let problems = count == 0 ? "" : count == 1 ? ", 1 problem listed above" : ", \(count) problems listed above"
    print(String(format: "Build %d: %d files in %.2f s%@", outcome.version, outcome.fileCount, outcome.seconds, problems))
}
