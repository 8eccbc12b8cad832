import ArgumentParser
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
            print("\(to) now serves \(report.to) (it served \(report.from); that release is kept).")
            if !report.withdrawn.isEmpty {
                print("  \(report.withdrawn.count) page(s) of \(report.from) are not in \(report.to) and are no longer served:")
                for entry in report.withdrawn { print("    \(entry.url) (\(entry.title))") }
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}
