import ArgumentParser
import CongkhaiArchive
import CongkhaiMessages
import Foundation

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.keygenAbstract)
    )

    @Option(help: ArgumentHelp(say(HelpText.keygenOutput)))
    var output = "."

    func run() throws {
        do {
            let (privateKey, publicKey) = try ArchiveKeys.generate(into: URL(fileURLWithPath: output))
            print(say(.keysWrittenPrivate, ["file": privateKey.path]))
            print(say(.keysWrittenPublic, ["file": publicKey.path]))
            print(say(.signWith, ["file": privateKey.path]))
        } catch {
            printFailure(words(of: error))
            throw ExitCode(2)
        }
    }
}
