import ArgumentParser
import CongkhaiMessages
import CongkhaiSite
import Foundation

struct Check: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: say(.checkAbstract), discussion: say(.checkDiscussion))
    }

    @Option(help: ArgumentHelp(say(.optionContent)))
    var content: String?

    @Option(help: ArgumentHelp(say(.optionTheme)))
    var theme: String?

    @Flag(help: ArgumentHelp(say(.checkStrict)))
    var strict = false

    func run() throws {
        let content = Locations.content(self.content)
        let theme = try Locations.requiredTheme(self.theme)
        let options = SiteBuilder.Options(content: URL(fileURLWithPath: content), theme: URL(fileURLWithPath: theme),
                                          output: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("congkhai-check"),
                                          progress: BuildProgress(live: isatty(STDERR_FILENO) == 1, quiet: true))
        let report: BuildReport
        do {
            report = try SiteBuilder(options).check()
        } catch {
            printFailure(BuildFailure.describe(error))
            throw ExitCode(2)
        }
        for diagnostic in report.diagnostics { printError(Messages.current.render(diagnostic)) }
        let errors = report.errors.count, warnings = report.warnings.count
        let problems = say(.summaryProblems, ["errors": "\(errors)", "warnings": "\(warnings)"])
        print(say(.checkSummary, ["documents": "\(report.documentCount)", "content": content, "problems": problems]))
        if strict && !report.diagnostics.isEmpty { throw ExitCode(2) }
        if errors > 0 { throw ExitCode(1) }
    }
}
