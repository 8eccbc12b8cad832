import ArgumentParser
import CongkhaiMessages
import Foundation

/// `congkhai theme copy DIR`: the default theme copied out, for a department to change and build with `--theme DIR`.
struct Theme: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: say(.themeAbstract), subcommands: [Copy.self])
    }

    struct Copy: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: say(.themeCopyAbstract)) }

        @Argument(help: ArgumentHelp(say(.themeCopyFolder)))
        var folder: String

        func run() throws {
            let source = URL(fileURLWithPath: try Locations.requiredTheme(nil))
            if FileManager.default.fileExists(atPath: folder) {
                printFailure(say(.themeCopyExists, ["folder": folder]))
                throw ExitCode(2)
            }
            do {
                try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: folder))
            } catch {
                printFailure(words(of: error))
                throw ExitCode(2)
            }
            print(say(.themeCopyDone, ["folder": folder]))
        }
    }
}
