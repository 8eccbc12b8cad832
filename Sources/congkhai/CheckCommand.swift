import ArgumentParser
import CongkhaiSite
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read, recognise and link every document and report what a build would, without writing anything.",
        discussion: "Exit status as for build: 0 no error, 1 some files would be left out, 2 the content could not be checked."
    )

    @Option(help: "Folder of documents (Markdown) and their attachments.")
    var content = "Content"

    @Option(help: "Theme folder: templates, UI strings and assets.")
    var theme = "Themes/default"

    @Flag(help: "Exit with status 2 when there is any warning.")
    var strict = false

    func run() throws {
        let options = SiteBuilder.Options(content: URL(fileURLWithPath: content), theme: URL(fileURLWithPath: theme),
                                          output: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("congkhai-check"),
                                          progress: BuildProgress(live: isatty(STDERR_FILENO) == 1, quiet: true))
        let report: BuildReport
        do {
            report = try SiteBuilder(options).check()
        } catch {
            printError("error: \(BuildFailure.describe(error))")
            throw ExitCode(2)
        }
        for diagnostic in report.diagnostics { printError(diagnostic.description) }
        let errors = report.errors.count, warnings = report.warnings.count
        print("Checked \(report.documentCount) documents in \(content)/: \(errors) error\(errors == 1 ? "" : "s"), "
              + "\(warnings) warning\(warnings == 1 ? "" : "s"). Nothing was written.")
        if strict && !report.diagnostics.isEmpty { throw ExitCode(2) }
        if errors > 0 { throw ExitCode(1) }
    }
}
