import ArgumentParser
import CongkhaiArchive
import CongkhaiMessages
import Foundation

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.archiveAbstract),
        discussion: say(HelpText.archiveDiscussion)
    )

    @Option(help: ArgumentHelp(say(HelpText.archiveSite)))
    var site = "Site"

    @Option(help: ArgumentHelp(say(HelpText.archiveOutput)))
    var output = "Archives"

    @Option(help: ArgumentHelp(say(HelpText.archiveDate)))
    var date: String?

    @Option(help: ArgumentHelp(say(HelpText.archiveYear)))
    var year: Int?

    @Option(help: ArgumentHelp(say(HelpText.archiveSign)))
    var sign: String?

    @Option(help: ArgumentHelp(say(HelpText.archiveContent)))
    var content: String?

    @Option(help: ArgumentHelp(say(HelpText.archiveTheme)))
    var theme: String?

    @Option(help: ArgumentHelp(say(HelpText.archiveBaseURL)))
    var baseURL: String?

    @Option(help: ArgumentHelp(say(HelpText.archiveDownloadURL)))
    var downloadURL: String?

    @Flag(help: ArgumentHelp(say(HelpText.archiveNoRegistry)))
    var noRegistry = false

    func run() throws {
        let result: Archiver.Result
        do {
            let options = Archiver.Options(
                site: URL(fileURLWithPath: site), output: URL(fileURLWithPath: output), date: try SnapshotDate.resolve(day: date),
                year: year, signingKey: sign.map { URL(fileURLWithPath: $0) },
                content: URL(fileURLWithPath: Locations.content(content)),
                theme: URL(fileURLWithPath: Locations.theme(theme)), baseURL: baseURL, downloadURL: downloadURL,
                updateRegistry: !noRegistry)
            result = try Archiver(options).run()
        } catch {
            printFailure(words(of: error) + "\n" + say(.nothingWritten))
            throw ExitCode(2)
        }
        let megabytes = { (bytes: Int64) in String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        print(say(.archived, ["count": "\(result.fileCount)", "site": site]))
        print("  \(result.snapshot.path)  \(megabytes(result.snapshotSize))")
        print("  \(result.wacz.path)  \(megabytes(result.waczSize))")
        let factsFrom = say(result.factsSource == "marker" ? .factsFromMarker : .factsFromFolders)
        print(say(.addressesFrom, ["address": say(result.baseURLSource), "facts": factsFrom]))
        if let registry = result.registry { print(say(.listedIn, ["file": registry.path])) }
        print(say(.manifestDigest, ["file": result.digestFile.lastPathComponent]))
        print(result.manifestDigest)
    }
}
