import ArgumentParser
import Foundation

struct Congkhai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congkhai",
        abstract: "Builds a public-disclosure website from a department's documents written in Markdown.",
        subcommands: [
            Build.self,
            Publish.self,
            Rollback.self,
            Releases.self,
        ],
        defaultSubcommand: Build.self
    )
}

Congkhai.main()
