import CongkhaiSite
import Foundation
import Testing

/// The build as a command: separate processes, two at once, the same bytes every time.
@Suite(.serialized) struct BuildProcessTests {
    static let sample = SiteFixture.repository.appendingPathComponent("Content")

    /// The `congkhai` binary built beside this test bundle.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("congkhai")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return SiteFixture.repository.appendingPathComponent(".build/debug/congkhai")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func build(content: URL, output: URL) throws -> Process {
        try run(["build", "--content", content.path, "--theme", SiteFixture.theme.path, "--output", output.path, "--quiet"])
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Swift seeds its hashing per process, so only two processes can catch
    /// output that depends on dictionary order.
    @Test func twoProcessesBuildTheSameBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try SiteFixture(files: [:])
        defer { fixture.remove() }
        var trees: [[String: Data]] = []
        for name in ["a", "b"] {
            let process = try Self.build(content: Self.sample, output: folder.appendingPathComponent(name))
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            trees.append(try fixture.allFiles(in: folder.appendingPathComponent(name)))
        }
        #expect(trees[0].count > 50)
        #expect(trees[0].keys.sorted() == trees[1].keys.sorted())
        for (path, data) in trees[0] where trees[1][path] != data { Issue.record("\(path) differs between two processes") }
    }

    /// The second build waits for the first; the site is whole and nothing but the lock and the cache is left beside it.
    @Test func twoBuildsAtOnceIntoOneFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site")
        let reference = folder.appendingPathComponent("reference")
        let first = try Self.build(content: Self.sample, output: output)
        let second = try Self.build(content: Self.sample, output: output)
        let third = try Self.build(content: Self.sample, output: reference)
        for process in [first, second, third] { process.waitUntilExit() }
        #expect([first, second, third].map(\.terminationStatus) == [0, 0, 0])
        let fixture = try SiteFixture(files: [:])
        defer { fixture.remove() }
        #expect(try fixture.allFiles(in: output) == fixture.allFiles(in: reference))
        // the old site is removed in the background: give it a moment
        var leftovers: [String] = []
        for _ in 0..<50 {
            leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasPrefix(".Site.") && !$0.hasSuffix(".lock") && $0 != ".Site.cache" }
            if leftovers.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(leftovers.isEmpty, "left beside the site: \(leftovers)")
    }

    /// A build that cannot start exits 2 and says why.
    @Test func aMissingContentFolderIsNotBuiltAndSaysSo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["build", "--content", folder.appendingPathComponent("nothing").path,
                             "--output", folder.appendingPathComponent("Site").path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("không có thư mục văn bản"))
    }

    static let canDropToNobody = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")

    /// Root reads every folder, so the build runs as `nobody` here to meet a folder it may not read.
    @Test(.enabled(if: canDropToNobody, "needs root and runuser (util-linux) to run the build as another user"))
    func aFolderThatCannotBeReadIsAnErrorNamingIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("Content")
        let doc = "---\ntype: TB\nnumber: \"1/TB-STTTT\"\ndate: 2024-03-01\ntitle: Một\n---\nx\n"
        try FileManager.default.createDirectory(at: content.appendingPathComponent("bi-mat"), withIntermediateDirectories: true)
        try Data(doc.utf8).write(to: content.appendingPathComponent("a.md"))
        try Data(doc.utf8).write(to: content.appendingPathComponent("bi-mat/b.md"))
        chmod(folder.path, 0o777)
        chmod(content.path, 0o755)
        chmod(content.appendingPathComponent("a.md").path, 0o644)
        chmod(content.appendingPathComponent("bi-mat").path, 0o000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = ["-u", "nobody", "--", Self.binary.path, "build", "--content", content.path,
                             "--theme", SiteFixture.theme.path, "--output", folder.appendingPathComponent("Site").path, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(text)")
        #expect(text.contains("bi-mat: lỗi: không đọc được thư mục này"))
    }
}
