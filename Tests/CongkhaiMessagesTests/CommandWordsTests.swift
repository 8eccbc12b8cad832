@testable import CongkhaiMessages
import Foundation
import Testing

/// The commands beside the build (import, archive, verify, keygen, publish, rollback, releases, serve) print only
/// words from the catalogues: every key they use has its text in both languages, no English sentence is left in
/// the sources (theirs or any other module's), and the program run with no language set speaks Vietnamese on
/// their failure paths.
struct CommandWordsTests {
    static let toolKeys: [String] = ImportText.allCases.map(\.rawValue) + ArchiveText.allCases.map(\.rawValue)
        + PublishText.allCases.map(\.rawValue) + FileProblemText.allCases.map(\.rawValue) + HelpText.allCases.map(\.rawValue)

    @Test func everyToolKeyHasItsTextInBothLanguages() {
        for key in Self.toolKeys {
            #expect(MessageCatalogueTests.vi[key] != nil, "vi.yml lacks \(key)")
            #expect(MessageCatalogueTests.en[key] != nil, "en.yml lacks \(key)")
        }
    }

    /// All of the program: any module may print, or throw what the terminal prints.
    static let checkedFolders = ["Sources"]

    /// A call that prints, tells the user or throws, with a string literal that has words in it once its
    /// interpolations are taken out (`print("Published \(site)")` is caught, `print("  \(path)  \(size)")` is not),
    /// and help written as a literal.
    @Test func noEnglishSentenceIsPrintedOrThrown() throws {
        let found = try Self.literalSentences()
        #expect(found.isEmpty, "words written in the code instead of the catalogues:\n\(found.joined(separator: "\n"))")
    }

    /// The scan itself finds what it looks for (a scan that finds nothing in anything would pass forever).
    @Test func theScanFindsALiteralSentence() {
        #expect(Self.sentences(in: #"throw PublishFailure("--to is empty; give a folder")"#).count == 1)
        #expect(Self.sentences(in: #"    printError("error: \(error)")"#).count == 1)
        #expect(Self.sentences(in: #"notice("Another publish to \(root.path) is running")"#).count == 1)
        #expect(Self.sentences(in: #"print("  \(result.wacz.path)  \(megabytes(result.waczSize))")"#).isEmpty)
        #expect(Self.sentences(in: #"throw PublishFailure(.targetEmpty)"#).isEmpty)
        #expect(Self.sentences(in: #"    @Option(help: "Port to listen on.")"#).count == 1)
        #expect(Self.sentences(in: #"        discussion: """"#).count == 1)
        #expect(Self.sentences(in: #"    @Option(help: ArgumentHelp(say(HelpText.servePort)))"#).isEmpty)
    }

    static let callPattern = try! NSRegularExpression(
        pattern: #"\b(print|printError|notice|waiting|[A-Za-z]*Failure(?:\.[a-z][A-Za-z]*)?)\(\s*"((?:[^"\\]|\\.)*)""#)

    /// Help written in the code: every help text and discussion comes from the catalogues (`say(HelpText...)`).
    static let helpPattern = try! NSRegularExpression(pattern: #"\b(help|discussion|abstract):\s*""#)

    static func sentences(in line: String) -> [String] {
        let range = NSRange(line.startIndex..., in: line)
        if helpPattern.firstMatch(in: line, range: range) != nil { return [line.trimmingCharacters(in: .whitespaces)] }
        return callPattern.matches(in: line, range: range).compactMap { match in
            guard let literal = Range(match.range(at: 2), in: line).map({ String(line[$0]) }) else { return nil }
            let words = withoutInterpolations(literal)
            return words.range(of: "[A-Za-z]{3,}", options: .regularExpression) == nil ? nil : literal
        }
    }

    /// `a \(b(c)) d` → `a  d`.
    static func withoutInterpolations(_ literal: String) -> String {
        var out = "", depth = 0
        var characters = Array(literal)[...]
        while let c = characters.popFirst() {
            if depth == 0, c == "\\", characters.first == "(" { characters.removeFirst(); depth = 1; continue }
            if depth > 0 {
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                continue
            }
            out.append(c)
        }
        return out
    }

    static func literalSentences() throws -> [String] {
        var found: [String] = []
        for folder in checkedFolders {
            let root = MessageCatalogueTests.repository.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
                for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    for literal in sentences(in: line) {
                        found.append("\(folder)/\(url.lastPathComponent):\(index + 1): \(literal.prefix(90))")
                    }
                }
            }
        }
        return found
    }
}

/// The program itself, run with no language set (so Vietnamese) and with `--lang en`, on the failure paths of the
/// commands beside the build: what it prints is the catalogue's text with the values filled in, nothing else.
@Suite struct CommandFailureWordsTests {
    static var binary: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
            MessageCatalogueTests.repository.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("congkhai") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Outcome { var status: Int32; var output: String; var errors: String }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = try #require(binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["LANG", "LC_ALL", "LC_MESSAGES"] { environment[name] = nil }
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                       errors: String(decoding: errorData, as: UTF8.self))
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let languages: [(Language, [String])] = [(.vi, []), (.en, ["--lang", "en"])]

    @Test(.enabled(if: binary != nil, "the congkhai binary was not found beside the tests; run `swift build` first"))
    func verifyPublishAndReleasesSayTheirFailuresInTheChosenLanguage() throws {
        let empty = try Self.folder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let missing = empty.appendingPathComponent("khong-co.zip").path
        for (language, flag) in Self.languages {
            let words = MessageCatalogue.bundled(language)
            func failure(_ text: String) -> String { words.text(CommandText.error, ["text": text]) + "\n" }

            let verify = try Self.run(["verify", missing] + flag)
            #expect(verify.status == 2)
            #expect(verify.errors == failure(words.text(ArchiveText.verifyMissing, ["file": missing])))

            let publish = try Self.run(["publish", "--to", "", "--site", empty.path] + flag)
            #expect(publish.status == 1)
            #expect(publish.errors == failure(words.text(PublishText.targetEmpty)))

            let releases = try Self.run(["releases", "--to", empty.path] + flag)
            #expect(releases.status == 0)
            #expect(releases.output == words.text(PublishText.noReleases, ["target": empty.path]) + "\n")
        }
    }

    /// A port another program listens on: the preview says why it cannot listen in the reader's words,
    /// not in the networking library's English.
    @Test(.enabled(if: binary != nil, "the congkhai binary was not found beside the tests; run `swift build` first"))
    func serveSaysAPortInUseInTheChosenLanguage() throws {
        let content = try Self.folder()
        defer { try? FileManager.default.removeItem(at: content) }
        let (listener, port) = try Self.listeningSocket()
        defer { close(listener) }
        for (language, flag) in Self.languages {
            let words = MessageCatalogue.bundled(language)
            let serve = try Self.run(["serve", "--content", content.path, "--port", String(port)] + flag)
            #expect(serve.status == 2)
            #expect(serve.errors.contains(words.text(FileProblemText.addressInUse)), "\(serve.errors)")
            #expect(!serve.errors.contains("SocketError"), "\(serve.errors)")
        }
    }

    /// A socket listening on a free port of 127.0.0.1, and that port.
    static func listeningSocket() throws -> (Int32, Int) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, size) == 0 && getsockname(listener, $0, &size) == 0
            }
        }
        try #require(bound && listen(listener, 1) == 0)
        return (listener, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test(.enabled(if: binary != nil, "the congkhai binary was not found beside the tests; run `swift build` first"))
    func archiveAndImportSayTheirFailuresInTheChosenLanguage() throws {
        let empty = try Self.folder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let spreadsheet = empty.appendingPathComponent("bang-tinh.xlsx")
        try Data("x".utf8).write(to: spreadsheet)
        let site = empty.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for (language, flag) in Self.languages {
            let words = MessageCatalogue.bundled(language)
            let archive = try Self.run(["archive", "--site", site.path, "--output", empty.appendingPathComponent("ban-luu").path] + flag)
            #expect(archive.status == 2)
            let notBuilt = words.text(ArchiveText.notABuiltSite, ["site": site.path, "marker": ".congkhai-site"])
            #expect(archive.errors
                    == words.text(CommandText.error, ["text": notBuilt]) + "\n" + words.text(ArchiveText.nothingWritten) + "\n")

            let imported = try Self.run(["import", spreadsheet.path, "--into", empty.appendingPathComponent("vb").path] + flag)
            #expect(imported.status == 1)
            let unsupported = words.text(ImportText.unsupported, ["extension": "xlsx"])
            #expect(imported.errors == "\(spreadsheet.path): \(words.text("severity.error")): \(unsupported)\n")
            #expect(imported.output.hasPrefix(words.text(ImportText.columnFile)))
            #expect(imported.output.contains(words.text(ImportText.notImported)))
        }
    }
}
