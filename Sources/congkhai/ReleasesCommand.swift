import ArgumentParser
import CongkhaiMessages
import CongkhaiPublish
import Foundation

struct Releases: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.releasesAbstract),
        discussion: say(HelpText.releasesDiscussion)
    )

    @Option(help: ArgumentHelp(say(HelpText.targetOption)))
    var to: String

    func run() throws {
        let target = try parseTarget(to)
        do {
            let releases = try ReleaseListing.list(target: target)
            if releases.isEmpty { print(say(.noReleases, ["target": to])) }
            for release in releases { print(release.text(in: Messages.current)) }
        } catch {
            printFailure(words(of: error))
            throw ExitCode(1)
        }
    }
}
