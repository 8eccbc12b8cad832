import ArgumentParser
import CongkhaiPublish
import Foundation

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.publishAbstract),
        discussion: """
        Each publish is a new folder under TARGET/releases/; TARGET/current, the folder the web server serves, is a link
        switched to it in one rename, so visitors see the old site or the new one, never a mix. Unchanged files are hard links
        to the previous release. If documents served now would disappear, or the build left files out because of errors,
        nothing is switched unless --allow-removal is given.
        TARGET is a folder or user@host:/path (ssh and rsync; CONGKHAI_SSH="ssh -p PORT -i KEY" sets ssh options).
        Exit status: 0 published (or dry run done); 1 not published because of an error; 3 not published because documents
        would disappear (see the list).
        """
    )

    @Option(help: "Where to publish: a folder, or user@host:/path over ssh.")
    var to: String

    @Option(help: "The built site.")
    var site = "Site"

    @Option(help: "How many releases to keep, the new one included.")
    var keep = 5

    @Flag(help: "Show what would be published and removed, change nothing.")
    var dryRun = false

    @Flag(help: "Publish even though documents served now would disappear, or files were left out by errors.")
    var allowRemoval = false

    func run() throws {
        let target = try parseTarget(to)
        let report: PublishReport
        do {
            report = try Publisher.publish(PublishOptions(site: URL(fileURLWithPath: site), keep: keep, dryRun: dryRun,
                                                          allowRemoval: allowRemoval), to: target, notice: printError)
        } catch {
            printError("error: \(error)\nNothing was switched: \(to) serves what it served before.")
            throw ExitCode(1)
        }
        for leftover in report.cleaned { print("Removed \(leftover), left by an interrupted publish.") }
        printVerdict(report.verdict)
        if !report.switched && !dryRun {
            printError("Not published: \(to) still serves \(report.previous ?? "nothing").\n" +
                       "    → fix the documents above and build again, or publish again with --allow-removal to remove them on purpose")
            throw ExitCode(3)
        }
        let changes = report.changes
        let verb = dryRun ? "Would publish" : "Published"
        print("\(verb) \(site)/ to \(to) as release \(report.release)" + (report.previous.map { " (previous: \($0))" } ?? "") + ".")
        print("  \(report.documents) documents, \(report.procedures) procedures: \(changes.added.count) added, " +
              "\(changes.changed.count) changed, \(changes.removed.count) removed.")
        print("  files: \(report.stats.copied.count) copied, \(report.stats.linked) shared with the previous release, " +
              "\(report.stats.compressed) compressed (.gz).")
        if !report.pruned.isEmpty {
            print("  \(dryRun ? "would remove" : "removed") old releases (keeping \(keep)): \(report.pruned.joined(separator: ", ")).")
        }
        if dryRun && report.verdict.needsPermission && !allowRemoval { throw ExitCode(3) }
    }
}

/// The guard's findings, one line per document, so that staff can act on each.
func printVerdict(_ verdict: UnpublishGuard.Verdict) {
    if verdict.markerUnknown {
        printError("warning: the site's .congkhai-site marker is empty (an older build): files left out by errors cannot be checked")
    }
    if !verdict.leftOut.isEmpty {
        printError("The build left \(verdict.leftOut.count) file\(verdict.leftOut.count == 1 ? "" : "s") out because of errors:")
        for file in verdict.leftOut { printError("  \(file)") }
    }
    if !verdict.disappearances.isEmpty {
        let count = verdict.disappearances.count
        printError("\(count) page\(count == 1 ? "" : "s") served now would disappear:")
        for item in verdict.disappearances { printError("  \(item.explanation)") }
    }
    for entry in verdict.redirected { print("  \(entry.url) now redirects to its new address.") }
}

func parseTarget(_ text: String) throws -> PublishTarget {
    do {
        return try PublishTarget(text)
    } catch {
        printError("error: \(error)")
        throw ExitCode(1)
    }
}
