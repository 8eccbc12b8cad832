import ArgumentParser
import CongkhaiArchive
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.verifyAbstract),
        discussion: "Exit status: 0 everything checks; 1 problems were found (each is named); 2 the check could not run."
    )

    @Argument(help: "The snapshot .zip or .wacz file.")
    var file: String

    @Option(help: "The department's public key (archive.pub): the signature must be made with it.")
    var key: String?

    func run() throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            printError("error: \(file) does not exist; check the path")
            throw ExitCode(2)
        }
        let report: Verifier.Report
        do { report = try Verifier(file: url, publicKey: key.map { URL(fileURLWithPath: $0) }).run() } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        for problem in report.problems { printError("\(file): \(problem)") }
        for note in report.notes { print("  \(note)") }
        if report.ok {
            let signed = key == nil ? "" : ", signed with the given key"
            print("\(file): OK, \(report.kind) with \(report.checkedFiles) files, every hash right\(signed).")
        } else {
            let count = "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")"
            printError("\(file): \(count); this \(report.kind) cannot be trusted as it is.")
            throw ExitCode(1)
        }
    }
}
