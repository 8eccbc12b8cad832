import ArgumentParser
import CongkhaiMessages
import CongkhaiServe
import CongkhaiSite
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.serveAbstract),
        discussion: say(HelpText.serveDiscussion)
    )

    @Option(help: ArgumentHelp(say(.optionContent)))
    var content: String?

    @Option(help: ArgumentHelp(say(.optionTheme)))
    var theme: String?

    @Option(help: ArgumentHelp(say(HelpText.servePort)))
    var port: UInt16 = 8080

    @Option(help: ArgumentHelp(say(HelpText.serveHost)))
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
            printError(say(.warning, ["text": say(.serveNotLoopback, ["host": host, "port": "\(port)"])]))
        }
        let preview = Preview(.init(content: URL(fileURLWithPath: content), theme: URL(fileURLWithPath: theme)))
        do {
            try preview.checkFolders()
        } catch {
            printFailure(BuildFailure.describe(error))
            throw ExitCode(2)
        }
        report(preview.rebuild())
        preview.saveCache()
        let server: PreviewServer
        do {
            server = try PreviewServer(preview: preview, host: host, port: port)
        } catch {
            printFailure(say(.serveCannotListen, ["host": host, "port": "\(port)", "problem": ServerProblem.describe(error)]))
            throw ExitCode(2)
        }
        preview.watch { outcome in report(outcome) }
        let shown = host.contains(":") ? "[\(host)]" : host

        // The root command is synchronous (every other subcommand is): the
        // server runs on the concurrency pool while this thread waits for it.
        let stopped = DispatchSemaphore(value: 0)
        let outcome = ServerOutcome()
        Task {
            let serving = Task { try await server.run() }
            // Announced once it listens, with the port it got (--port 0 picks a free one).
            if (try? await server.waitUntilListening(timeout: 10)) != nil, let bound = await server.boundPort() {
                print(say(.servePreviewAt, ["address": "http://\(shown):\(bound)/", "content": content, "theme": theme]))
            }
            do { try await serving.value } catch { outcome.error = error }
            stopped.signal()
        }
        stopped.wait()
        if let error = outcome.error {
            printFailure(say(.serveStopped, ["problem": ServerProblem.describe(error), "port": "\(port)"]))
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
        printFailure("\(failure)\n" + say(outcome.hasSite ? .serveKeepsLastSite : .serveShowsError))
        return
    }
    if !outcome.pagesFirst.isEmpty {
        print(say(.servePagesFirst, ["build": "\(outcome.version)", "pages": outcome.pagesFirst.joined(separator: ", "),
                                     "time": String(format: "%.2f s", outcome.seconds)]))
        return
    }
    let count = outcome.diagnostics.count
    let line = say(count == 0 ? .serveRebuilt : .serveRebuiltWithProblems,
                   ["build": "\(outcome.version)", "files": "\(outcome.fileCount)",
                    "time": String(format: "%.2f s", outcome.seconds), "problems": "\(count)"])
    print(line)
}
