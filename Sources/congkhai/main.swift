import ArgumentParser
import CongkhaiMarkdown
import CongkhaiMessages
import CongkhaiSite
import Foundation

struct Congkhai: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "congkhai",
            abstract: say(.abstract),
            discussion: say(.discussion),
            version: "congkhai \(CongkhaiVersion.current) (cmark-gfm \(MarkdownRenderer.cmarkVersion))",
            subcommands: [
                Build.self,
                Check.self,
                Clean.self,
                New.self,
                Theme.self,
                Import.self,
                Serve.self,
                Archive.self,
                Verify.self,
                Keygen.self,
                Publish.self,
                Rollback.self,
                Releases.self,
            ],
            defaultSubcommand: Build.self
        )
    }
}

// The language is chosen before the arguments are parsed, so that --help speaks it too.
let (language, arguments) = CommandLanguage.choose(Array(CommandLine.arguments.dropFirst()))
Messages.use(language)
Congkhai.main(arguments)
