import ArgumentParser
import CongkhaiDomain
import CongkhaiImport
import CongkhaiMessages
import CongkhaiSite
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.importAbstract),
        discussion: """
        Each file becomes <into>/<year>/<number>.md with the front matter read from its printed layout, and the \
        original is kept beside it as its attachment. Nothing is overwritten without --force; --dry-run writes nothing.

        Needs pandoc (.docx), poppler-utils (.pdf) and, with --ocr, tesseract-ocr and tesseract-ocr-vie.

        Exit status: 0 every file was imported; 1 some were not (each is named in the table).
        """
    )

    @Argument(help: "Files or folders to import.")
    var files: [String]

    @Option(help: "The content folder to import into.")
    var into = "Content"

    @Flag(help: "Print what would be written, and write nothing.")
    var dryRun = false

    @Flag(help: "Replace files that already exist.")
    var force = false

    @Flag(help: "Read scanned PDF files with text recognition (Tesseract, Vietnamese).")
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
