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

/// Why one file could not be imported; the message says what to do.
public enum ImportFailure: Error, CustomStringConvertible, Equatable {
    case missingTool(ExternalTool)
    case timedOut(ExternalTool, seconds: Int)
    case toolFailed(ExternalTool, status: Int32, message: String)
    case unsupported(String)
    case scanWithoutOCR
    case unreadable(String)
    case exists(String)
    case sameDestination(String)

    public var description: String {
        switch self {
        case .missingTool(let tool):
            return "\(tool.command) is not installed; install it with: apt-get install -y \(tool.debianPackage)"
                + (tool == .tesseract ? " tesseract-ocr-vie" : "")
        case .timedOut(let tool, let seconds):
            return "\(tool.command) did not finish within \(seconds) s; the file may be damaged: open it and save it again, then retry"
        case .toolFailed(let tool, let status, let message):
            return "\(tool.command) could not convert it (exit \(status))\(message.isEmpty ? "" : ": \(message)"); "
                + "open the file, save it again in the same format, then retry"
        case .unsupported(let ext):
            return "files ending in .\(ext) cannot be imported; import .docx, .pdf, .txt or .md (save a .doc as .docx in Word first)"
        case .scanWithoutOCR:
            return "this PDF is a scan (its pages are pictures, with no text to copy); "
                + "import it with text recognition: congkhai import --ocr FILE, then check the text against the original"
        case .unreadable(let why):
            return "the file could not be read: \(why)"
        case .sameDestination(let path):
            return "another file of this import also goes to \(path); import it alone, or write its number in front matter and import that"
        case .exists(let path):
            return "\(path) already exists and was left as it is; give --force to replace it"
        }
    }
}
