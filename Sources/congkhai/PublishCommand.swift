import ArgumentParser
import CongkhaiMessages
import CongkhaiPublish
import Foundation

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.publishAbstract),
        discussion: say(HelpText.publishDiscussion)
    )

    @Option(help: ArgumentHelp(say(HelpText.publishTo)))
    var to: String

    @Option(help: ArgumentHelp(say(HelpText.publishSite)))
    var site = "Site"

    @Option(help: ArgumentHelp(say(HelpText.publishKeep)))
    var keep = 5

    @Flag(help: ArgumentHelp(say(HelpText.publishDryRun)))
    var dryRun = false

    @Flag(help: ArgumentHelp(say(HelpText.publishAllowRemoval)))
    var allowRemoval = false

    func run() throws {
        let target = try parseTarget(to)
        let report: PublishReport
        do {
            report = try Publisher.publish(PublishOptions(site: URL(fileURLWithPath: site), keep: keep, dryRun: dryRun,
                                                          allowRemoval: allowRemoval), to: target, notice: printError)
        } catch {
            printFailure(words(of: error) + "\n" + say(.nothingSwitched, ["target": to]))
            throw ExitCode(1)
        }
        for leftover in report.cleaned { print(say(.cleaned, ["folder": leftover])) }
        printVerdict(report.verdict)
        if !report.switched && !dryRun {
            printError(say(.notPublished, ["target": to, "release": report.previous ?? say(.noRelease)]))
            throw ExitCode(3)
        }
        let changes = report.changes
        var release = ["site": site, "target": to, "release": report.release]
        release["previous"] = report.previous
        let done: PublishText = report.previous == nil ? (dryRun ? .wouldPublish : .published)
            : (dryRun ? .wouldPublishAfter : .publishedAfter)
        print(say(done, release))
        print(say(.counts, ["documents": "\(report.documents)", "procedures": "\(report.procedures)", "added": "\(changes.added.count)",
                            "changed": "\(changes.changed.count)", "removed": "\(changes.removed.count)"]))
        print(say(.files, ["copied": "\(report.stats.copied.count)", "linked": "\(report.stats.linked)",
                           "compressed": "\(report.stats.compressed)"]))
        if !report.pruned.isEmpty {
            print(say(dryRun ? .wouldPrune : .pruned, ["keep": "\(keep)", "releases": report.pruned.joined(separator: ", ")]))
        }
        if dryRun && report.verdict.needsPermission && !allowRemoval { throw ExitCode(3) }
    }
}

/// The guard's findings, one line per document, so that staff can act on each.
func printVerdict(_ verdict: UnpublishGuard.Verdict) {
    if verdict.markerUnknown {
        printError(say(.warning, ["text": say(.markerUnknown)]))
    }
    if !verdict.leftOut.isEmpty {
        printError(say(.leftOut, ["count": "\(verdict.leftOut.count)"]))
        for file in verdict.leftOut { printError("  \(file)") }
    }
    if !verdict.disappearances.isEmpty {
        printError(say(.wouldDisappear, ["count": "\(verdict.disappearances.count)"]))
        for item in verdict.disappearances { printError("  \(item.words)") }
    }
    for entry in verdict.redirected { print(say(.redirected, ["page": entry.url])) }
}

func parseTarget(_ text: String) throws -> PublishTarget {
    do {
        return try PublishTarget(text)
    } catch {
        printFailure(words(of: error))
        throw ExitCode(1)
    }
}
