import ArgumentParser
import CongkhaiArchive
import Foundation

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.keygenAbstract)
    )

    @Option(help: "Folder for archive.key and archive.pub.")
    var output = "."

    func run() throws {
        do {
            let (privateKey, publicKey) = try ArchiveKeys.generate(into: URL(fileURLWithPath: output))
            print("Wrote \(privateKey.path) (private, readable only by you: keep it off the web server and back it up)")
            print("Wrote \(publicKey.path) (public: publish it as .well-known/congkhai-archive.pub on the site)")
            print("Sign with: congkhai archive --sign \(privateKey.path)")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}
