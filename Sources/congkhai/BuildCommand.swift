import ArgumentParser
import CongkhaiMessages
import CongkhaiSite
import Foundation

struct Build: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: say(.buildAbstract), discussion: say(.buildDiscussion))
    }

    @Option(help: ArgumentHelp(say(.optionContent)))
    var content: String?

    @Option(help: ArgumentHelp(say(.optionTheme)))
    var theme: String?

    @Option(help: ArgumentHelp(say(.optionOutput)))
    var output: String?

    @Flag(help: ArgumentHelp(say(.optionStrict)))
    var strict = false

    @Flag(help: ArgumentHelp(say(.optionAllowShrink)))
    var allowShrink = false

    @Option(help: ArgumentHelp(say(.optionMaxDocumentSize)))
    var maxDocumentSize = 20

    @Flag(help: ArgumentHelp(say(.optionNoCache)))
    var noCache = false

    @Flag(help: ArgumentHelp(say(.optionQuiet)))
    var quiet = false

    @Flag(help: ArgumentHelp(say(.optionTimings)))
    var timings = false

    func run() throws {
        let content = Locations.content(self.content)
        let output = Locations.output(self.output, content: content)
        let theme = try Locations.requiredTheme(self.theme)
        let terminal = isatty(STDERR_FILENO) == 1
        var options = SiteBuilder.Options(
            content: URL(fileURLWithPath: content), theme: URL(fileURLWithPath: theme), output: URL(fileURLWithPath: output),
            strict: strict, progress: BuildProgress(live: terminal, quiet: quiet, label: Messages.current.stepName))
        options.allowShrink = allowShrink
        options.useCache = !noCache
        options.maxDocumentBytes = max(1, maxDocumentSize) << 20
        let report: BuildReport
        do {
            report = try SiteBuilder(options).build()
        } catch {
            printFailure(BuildFailure.describe(error) + "\n" + say(.buildNotBuilt, ["output": output]))
            throw ExitCode(2)
        }
        for diagnostic in report.diagnostics { printError(Messages.current.render(diagnostic)) }
        Summary(report: report, outputName: output, strict: strict, quiet: quiet).print()
        if timings {
            for (step, seconds, cpu) in report.timings {
                print(String(format: "  %6.2f s  %6.2f s CPU  %@", seconds, cpu, step))
                for part in report.timingParts where part.step == step {
                    print(String(format: "                           %6.2f s of it: %@", part.seconds, part.part))
                }
            }
        }
        if !report.written { throw ExitCode(2) }
        if !report.errors.isEmpty { throw ExitCode(1) }
    }
}
