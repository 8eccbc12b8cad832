import ArgumentParser
import CongkhaiSite
import Foundation

struct Clean: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: say(.cleanAbstract)) }

    @Option(help: ArgumentHelp(say(.cleanOptionOutput)))
    var output = "Site"

    func run() throws {
        let folder = SiteBuilder.cacheFolder(for: URL(fileURLWithPath: output))
        guard FileManager.default.fileExists(atPath: folder.path) else {
            print(say(.cleanNothing, ["output": output, "folder": folder.path]))
            return
        }
        do { try FileManager.default.removeItem(at: folder) } catch {
            printError(say(.error, ["text": say(.cleanFailed, ["folder": folder.path, "problem": error.localizedDescription])]))
            throw ExitCode(2)
        }
        print(say(.cleanRemoved, ["folder": folder.path]))
    }
}
