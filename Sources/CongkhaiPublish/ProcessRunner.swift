import Foundation

/// Runs a Debian tool (gzip, ssh, rsync) and collects what it printed.
struct ProcessRunner {
    struct Result {
        var status: Int32
        var output: Data
        var errorText: String
        var outputText: String { String(decoding: output, as: UTF8.self) }
    }

    static func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try locate(executable))
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        try process.run()
        if let input, let inputPipe {
            inputPipe.fileHandleForWriting.write(input)
            try? inputPipe.fileHandleForWriting.close()
        }
        // Both pipes are drained at once: a tool that fills one while we wait on the other would hang.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: output, errorText: String(decoding: errorData, as: UTF8.self))
    }

    /// Finds a tool on PATH, with a message naming the Debian package when it is missing.
    static func locate(_ name: String) throws -> String {
        if name.contains("/") { return name }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let package = ["ssh": "openssh-client", "rsync": "rsync", "gzip": "gzip"][name] ?? name
        throw PublishFailure(.programMissing, ["program": name, "package": package])
    }
}
