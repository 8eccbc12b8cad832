import Foundation
import Testing

/// The same site and day archived by two separate runs of the `congkhai` program, under different
/// time zones and umasks, give byte-identical files.
@Suite struct ProcessDeterminismTests {
    static var binary: URL? {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("congkhai")
        let debug = ArchiveFixture.repository.appendingPathComponent(".build/debug/congkhai")
        return [beside, debug].first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test(.enabled(if: binary != nil, "the congkhai program is not built next to the tests; run `swift build` first"))
    func twoProcessesWithDifferentTimeZoneAndUmaskWriteTheSameBytes() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let binary = try #require(Self.binary)
        let runs = [("Asia/Ho_Chi_Minh", "022", "a"), ("America/Los_Angeles", "077", "b")]
        for (zone, umask, folder) in runs {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let command = "umask \(umask) && exec \"$0\" archive --site \"$1\" --content \"$2\" --theme \"$3\" "
                + "--output \"$4\" --no-registry"
            process.arguments = ["-c", command,
                                 binary.path, fixture.site.path, fixture.content.path, ArchiveFixture.theme.path,
                                 fixture.root.appendingPathComponent(folder).path]
            var environment = ProcessInfo.processInfo.environment
            environment["TZ"] = zone
            environment["SOURCE_DATE_EPOCH"] = "1719741600"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let a = try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("a").path).sorted()
        #expect(a.count == 3)
        #expect(a == (try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("b").path).sorted()))
        for name in a {
            let first = try Data(contentsOf: fixture.root.appendingPathComponent("a/\(name)"))
            let second = try Data(contentsOf: fixture.root.appendingPathComponent("b/\(name)"))
            #expect(first == second, "\(name) differs between the two runs")
        }
    }
}
