import ArgumentParser
import CongkhaiSite
import Foundation

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove the build cache, so that the next build makes the whole site again (the site itself is kept)."
    )

    @Option(help: "The output folder whose cache is removed.")
    var output = "Site"

    func run() throws {
        let folder = SiteBuilder.cacheFolder(for: URL(fileURLWithPath: output))
        guard FileManager.default.fileExists(atPath: folder.path) else {
            print("There is no build cache for \(output) (\(folder.path)).")
            return
        }
        do { try FileManager.default.removeItem(at: folder) } catch {
            printError("error: the build cache \(folder.path) could not be removed (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        print("Removed the build cache \(folder.path); the next build makes the whole site again.")
    }
}
