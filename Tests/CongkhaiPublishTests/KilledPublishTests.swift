@testable import CongkhaiPublish
import Foundation
import Testing

/// The real `congkhai` binary, killed with SIGKILL at random moments while it
/// publishes, must always leave a whole release served: all of the old site or
/// all of the new one, never a mix and never nothing.
@Suite struct KilledPublishTests {
    static var binary: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("congkhai") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Two sites with the same paths and different contents, big enough that copying takes a while.
    static func sites(_ fixture: PublishFixture) throws -> [URL] {
        try ["A", "B"].map { name in
            let pages = (1...300).map { index in
                PublishFixture.Page(url: "van-ban/2024/\(index)-kh-stttt/", title: "Kế hoạch số \(index) của Sở \(name)",
                                    source: "2024/ke-hoach-\(index).md",
                                    body: String(repeating: "Nội dung phiên bản \(name) của kế hoạch \(index). ", count: 200))
            }
            return try fixture.site("Site\(name)", pages: pages, stylesheet: "/* \(name) */")
        }
    }

    /// The version (A or B) every file of the served release comes from; fails on a mix or a missing file.
    static func servedVersion(_ fixture: PublishFixture, sites: [URL]) throws -> String {
        let served = fixture.target.appendingPathComponent("current").resolvingSymlinksInPath()
        var versions: Set<String> = []
        for (name, site) in zip(["A", "B"], sites) {
            let files = try FileManager.default.subpathsOfDirectory(atPath: site.path)
            let same = files.filter { !$0.hasSuffix("/") }.allSatisfy { path in
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path, isDirectory: &isFolder)
                if isFolder.boolValue { return true }
                let gz = served.appendingPathComponent(path + ".gz").path
                let hasSibling = !Precompressor.wantsSibling(path) || FileManager.default.fileExists(atPath: gz)
                return hasSibling && (try? Data(contentsOf: served.appendingPathComponent(path))) ==
                    (try? Data(contentsOf: site.appendingPathComponent(path)))
            }
            if same { versions.insert(name) }
        }
        return try #require(versions.first, "the served release \(served.lastPathComponent) is neither site A nor site B whole")
    }

    @Test(.enabled(if: binary != nil, "the congkhai binary was not found beside the tests; run `swift build` first"))
    func aPublishKilledAtAnyMomentLeavesAWholeReleaseServed() throws {
        let binary = try #require(Self.binary)
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let sites = try Self.sites(fixture)
        try fixture.publish(sites[0], second: 0)
        #expect(try Self.servedVersion(fixture, sites: sites) == "A")

        func start(_ site: URL) throws -> Process {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["publish", "--to", fixture.target.path, "--site", site.path, "--keep", "3"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        // One whole run tells how long a publish takes here, so the kills land before, during and after the copy.
        let clock = ContinuousClock()
        let whole = try clock.measure {
            let process = try start(sites[1])
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(try Self.servedVersion(fixture, sites: sites) == "B")
        let span = max(Int(whole.components.seconds) * 1000 + Int(whole.components.attoseconds / 1_000_000_000_000_000), 20)

        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for round in 0..<30 {
            let site = sites[round % 2]
            let process = try start(site)
            usleep(UInt32(Int.random(in: 0...(span * 1200 / 1000), using: &generator)) * 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let version = try Self.servedVersion(fixture, sites: sites)
            outcomes[process.terminationReason == .uncaughtSignal ? "killed" : "finished", default: 0] += 1
            #expect(["A", "B"].contains(version))
        }
        #expect(outcomes["killed", default: 0] > 0, "no publish was killed before it finished: \(outcomes)")

        let last = try start(sites[0])
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(try Self.servedVersion(fixture, sites: sites) == "A")
        let leftovers = try fixture.releases().filter { $0.hasPrefix(".") }
            + (try FileManager.default.contentsOfDirectory(atPath: fixture.target.path)).filter { $0.hasPrefix(ReleaseNaming.linkPrefix) }
        #expect(leftovers.isEmpty)
        #expect(try fixture.releases().count <= 3)
    }
}
