import ArgumentParser
import CongkhaiMessages
import CongkhaiPublish
import Foundation

struct Rollback: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.rollbackAbstract),
        discussion: say(HelpText.rollbackDiscussion)
    )

    @Option(help: ArgumentHelp(say(HelpText.targetOption)))
    var to: String

    @Option(help: ArgumentHelp(say(HelpText.rollbackRelease)))
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
