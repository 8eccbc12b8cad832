import CongkhaiMessages
import Foundation

/// A Debian program that import runs as a separate process: converting Word
/// and PDF files is their job, done far better than by hand in Swift.
public struct ExternalTool: Sendable, Equatable {
    public let command: String
    /// The Debian package to install when the command is missing.
    public let debianPackage: String

    public static let pandoc = ExternalTool(command: "pandoc", debianPackage: "pandoc")
    public static let pdftotext = ExternalTool(command: "pdftotext", debianPackage: "poppler-utils")
    public static let pdfinfo = ExternalTool(command: "pdfinfo", debianPackage: "poppler-utils")
    public static let pdftoppm = ExternalTool(command: "pdftoppm", debianPackage: "poppler-utils")
    public static let tesseract = ExternalTool(command: "tesseract", debianPackage: "tesseract-ocr")

    /// The program's full path on PATH, or nil when it is not installed.
    public var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(command)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    public var isInstalled: Bool { executable != nil }

    /// Runs the program and returns what it wrote to standard output. A program
    /// that outlives `timeLimit` is stopped: a damaged file must not hang the import.
    public func run(_ arguments: [String], in folder: URL? = nil, timeLimit: TimeInterval = 120) throws -> Data {
        guard let executable else { throw ImportFailure.missingTool(self) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Read both pipes while the program runs, or a chatty one blocks on a full pipe.
        let collected = PipeCollector(output: output, errors: errors)
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            process.terminate()
            // a program that ignores the polite signal (or inherited it ignored) is killed
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + 5)
            }
            throw ImportFailure.timedOut(self, seconds: Int(timeLimit))
        }
        let (stdout, stderr) = collected.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ImportFailure.toolFailed(self, status: process.terminationStatus, message: String(message.prefix(400)))
        }
        return stdout
    }
}

/// Drains a process's standard output and error on background threads.
private final class PipeCollector: @unchecked Sendable {
    private var stdout = Data(), stderr = Data()
    private let group = DispatchGroup()

    init(output: Pipe, errors: Pipe) {
        let lock = NSLock()
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                lock.lock()
                if isOutput { self.stdout = data } else { self.stderr = data }
                lock.unlock()
                self.group.leave()
            }
        }
    }

    func wait() -> (Data, Data) {
        group.wait()
        return (stdout, stderr)
    }
}

/// Why one file could not be imported, as a catalogue key and its values; the words say what to do
/// (`description` in English, `words` in the command line's language).
public enum ImportFailure: CataloguedFailure, Equatable, Sendable {
    case missingTool(ExternalTool)
    case timedOut(ExternalTool, seconds: Int)
    case toolFailed(ExternalTool, status: Int32, message: String)
    case unsupported(String)
    case scanWithoutOCR
    /// The system's reason (permission denied, ...).
    case unreadable(String)
    case doesNotExist
    case notUTF8
    case noVietnameseModel
    case pandocOutput
    case exists(String)
    case sameDestination(String)
    /// Any other failure, already in words (a file that could not be written).
    case failed(String)

    public var key: ImportText {
        switch self {
        case .missingTool: return .missingTool
        case .timedOut: return .timedOut
        case .toolFailed: return .toolFailed
        case .unsupported: return .unsupported
        case .scanWithoutOCR: return .scanWithoutOCR
        case .unreadable: return .unreadable
        case .doesNotExist: return .doesNotExist
        case .notUTF8: return .notUTF8
        case .noVietnameseModel: return .noVietnameseModel
        case .pandocOutput: return .pandocOutput
        case .exists: return .exists
        case .sameDestination: return .sameDestination
        case .failed: return .failed
        }
    }

    public var messageKey: String { key.rawValue }

    public var arguments: [String: String] {
        switch self {
        case .missingTool(let tool):
            return ["program": tool.command, "packages": tool.debianPackage + (tool == .tesseract ? " tesseract-ocr-vie" : "")]
        case .timedOut(let tool, let seconds):
            return ["program": tool.command, "seconds": String(seconds)]
        case .toolFailed(let tool, let status, let message):
            return ["program": tool.command, "status": String(status), "detail": message.isEmpty ? "" : ": " + message]
        case .unsupported(let ext): return ["extension": ext]
        case .unreadable(let problem), .failed(let problem): return ["problem": problem]
        case .exists(let path), .sameDestination(let path): return ["path": path]
        case .scanWithoutOCR, .doesNotExist, .notUTF8, .noVietnameseModel, .pandocOutput: return [:]
        }
    }
}
