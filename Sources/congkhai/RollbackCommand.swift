import ArgumentParser
import CongkhaiMessages
import CongkhaiPublish
import Foundation

struct Rollback: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.rollbackAbstract),
        discussion: "The switch is one rename of TARGET/current, as for publish. `congkhai releases --to TARGET` lists the releases."
    )

    @Option(help: "The target published to: a folder, or user@host:/path.")
    var to: String

    @Option(help: "The release to serve, as listed by `congkhai releases`.")
    var release: String?

    func run() throws {
        let target = try parseTarget(to)
        do {
            let report = try Publisher.rollback(to: target, release: release, notice: printError)
            print(say(.rolledBack, ["target": to, "release": report.to, "previous": report.from]))
            if !report.withdrawn.isEmpty {
                print(say(.withdrawn, ["count": "\(report.withdrawn.count)", "previous": report.from, "release": report.to]))
                for entry in report.withdrawn { print("    \(entry.url) (\(entry.title))") }
            }
        } catch {
            printFailure(words(of: error))
            throw ExitCode(1)
        }
    }
}
