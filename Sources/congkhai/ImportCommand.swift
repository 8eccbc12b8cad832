import ArgumentParser
import CongkhaiDomain
import CongkhaiImport
import CongkhaiMessages
import CongkhaiSite
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.importAbstract),
        discussion: say(HelpText.importDiscussion)
    )

    @Argument(help: ArgumentHelp(say(HelpText.importFiles)))
    var files: [String]

    @Option(help: ArgumentHelp(say(HelpText.importInto)))
    var into = "Content"

    @Flag(help: ArgumentHelp(say(HelpText.importDryRun)))
    var dryRun = false

    @Flag(help: ArgumentHelp(say(HelpText.importForce)))
    var force = false

    @Flag(help: ArgumentHelp(say(HelpText.importOCR)))
    var ocr = false

    func run() throws {
        let types: DocumentTypeTable
        // the types the site's own site.yml adds are recognised too
        do { types = try DocumentTypeTable.forSite(content: URL(fileURLWithPath: into)) } catch {
            printFailure(words(of: error))
            throw ExitCode(2)
        }
        let importer = Importer(.init(into: URL(fileURLWithPath: into), dryRun: dryRun, force: force, ocr: ocr), types: types)
        let results = importer.run(Importer.expand(files))
        if results.isEmpty {
            printFailure(say(.noFiles, ["files": files.joined(separator: ", ")]))
            throw ExitCode(1)
        }
        for result in results {
            if let problem = result.problem {
                let severity = Messages.current.text("severity." + (result.status == .skipped ? "warning" : "error"))
                printError("\(result.source): \(severity): \(problem.words)")
            }
            if let preview = result.preview, let destination = result.destination {
                print(say(.preview, ["path": "\(into)/\(destination)"]))
                print(preview)
            }
        }
        print(ImportSummary.table(results), terminator: "")
        if results.contains(where: { $0.status == .failed || $0.status == .skipped }) { throw ExitCode(1) }
    }
}
