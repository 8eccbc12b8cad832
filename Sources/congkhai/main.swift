import ArgumentParser
import CongkhaiMarkdown
import CongkhaiSite
import Foundation

struct Congkhai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congkhai",
        abstract: "Builds a public-disclosure website from a department's documents written in Markdown.",
        version: "congkhai \(CongkhaiVersion.current) (cmark-gfm \(MarkdownRenderer.cmarkVersion))",
        subcommands: [
            Build.self,
            Check.self,
            Clean.self,
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

Congkhai.main()
