import ArgumentParser
import CongkhaiArchive
import CongkhaiMessages
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.verifyAbstract),
        discussion: say(HelpText.verifyDiscussion)
    )

    @Argument(help: ArgumentHelp(say(HelpText.verifyFile)))
    var file: String

    @Option(help: ArgumentHelp(say(HelpText.verifyKey)))
    var key: String?

    func run() throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            printFailure(say(.verifyMissing, ["file": file]))
            throw ExitCode(2)
        }
        let report: Verifier.Report
        do { report = try Verifier(file: url, publicKey: key.map { URL(fileURLWithPath: $0) }).run() } catch {
            printFailure(words(of: error))
            throw ExitCode(2)
        }
        for problem in report.problems {
            // a problem of the whole file is named once, one of a file inside it after the archive's name
            let place = problem.path == url.lastPathComponent ? file : "\(file): \(problem.path)"
            printError("\(place): \(problem.words)")
        }
        for note in report.notes { print("  \(note.words)") }
        let facts = ["file": file, "kind": say(report.kind), "count": "\(report.checkedFiles)"]
        if report.ok {
            print(say(key == nil ? .verifiedOK : .verifiedOKSigned, facts))
        } else {
            printError(say(.notTrusted, facts.merging(["count": "\(report.problems.count)"]) { $1 }))
            throw ExitCode(1)
        }
    }
}
