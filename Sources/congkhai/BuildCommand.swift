import ArgumentParser
import CongkhaiSite
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
        The site is written beside the output folder and replaces it only when the build succeeds.
        Exit status: 0 the site was built (warnings are printed); 1 the site was built but some
        documents were left out because of errors; 2 the site was not built (the previous site is kept).
        """
    )

    @Option(help: "Folder of documents (Markdown) and their attachments.")
    var content = "Content"

    @Option(help: "Theme folder: templates, UI strings and assets.")
    var theme = "Themes/default"

    @Option(help: "Where the site is written.")
    var output = "Site"

    @Flag(help: "Fail (and keep the previous site) when there is any warning.")
    var strict = false

    @Flag(help: "Replace the site even when the new one has far fewer documents than the published one.")
    var allowShrink = false

    @Option(help: "Largest document, in MB; a larger file is left out and named.")
    var maxDocumentSize = 20

    @Flag(help: "Make the whole site again, without the build cache (.<output>.cache beside the output folder).")
    var noCache = false

    @Flag(help: "Print only problems and the summary line.")
    var quiet = false

    @Flag(help: "Print how long each step took.")
    var timings = false

    func run() throws {
        let terminal = isatty(STDERR_FILENO) == 1
        var options = SiteBuilder.Options(
            content: URL(fileURLWithPath: content), theme: URL(fileURLWithPath: theme), output: URL(fileURLWithPath: output),
            strict: strict, progress: BuildProgress(live: terminal, quiet: quiet))
        options.allowShrink = allowShrink
        options.useCache = !noCache
        options.maxDocumentBytes = max(1, maxDocumentSize) << 20
        let report: BuildReport
        do {
            report = try SiteBuilder(options).build()
        } catch {
            printError("error: \(BuildFailure.describe(error))\nThe site was not built; \(output)/ is unchanged.")
            throw ExitCode(2)
        }
        for diagnostic in report.diagnostics { printError(diagnostic.description) }
        Summary(report: report, outputName: output, strict: strict, quiet: quiet).print()
        if timings {
            for (step, seconds) in report.timings { print(String(format: "  %6.2f s  %@", seconds, step)) }
        }
        if !report.written { throw ExitCode(2) }
        if !report.errors.isEmpty { throw ExitCode(1) }
    }
}

