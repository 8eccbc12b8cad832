import ArgumentParser
import CongkhaiArchive
import CongkhaiMessages
import Foundation

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.archiveAbstract),
        discussion: """
        Writes <name>.zip, <name>.wacz and <name>.sha256 into the output folder and adds the snapshot to
        _luu-tru.yml in the content folder (the site's luu-tru/ page lists it). The same site and date always
        give the same bytes (SOURCE_DATE_EPOCH is honoured). Exit status: 0 written; 2 nothing written.
        """
    )

    @Option(help: "The built site.")
    var site = "Site"

    @Option(help: "Where the snapshot files are written.")
    var output = "Archives"

    @Option(help: "The day the snapshot shows, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's day, else today, UTC).")
    var date: String?

    @Option(help: "Only this year's documents and the pages listing them.")
    var year: Int?

    @Option(help: "Sign the manifest with this private key (made by `congkhai keygen`).")
    var sign: String?

    @Option(help: "The content folder the site was built from (its _luu-tru.yml lists the snapshots).")
    var content: String?

    @Option(help: "The theme folder the site was built from.")
    var theme: String?

    @Option(help: "The site's public address for the WACZ records (default: the site's canonical links).")
    var baseURL: String?

    @Option(help: "The address where the snapshot files will be published, for the archive page's download links.")
    var downloadURL: String?

    @Flag(help: "Do not add the snapshot to _luu-tru.yml.")
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
