import CongkhaiSite
import Foundation
import Testing

/// Whole pages of a small fixture site (a plan, an official letter, a
/// procedure, their lists and catalogues), compared with reviewed copies, so
/// that a change to any output shows up as a diff in review.
///
/// After a deliberate change, regenerate the copies and read the diff:
///
///     CONGKHAI_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests
@Suite struct GoldenPageTests {
    static let folder = SiteFixture.repository.appendingPathComponent("Tests/CongkhaiSiteTests/Fixtures/golden")

    @Test func pagesMatchTheirReviewedCopies() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try SiteBuilder(.init(content: Self.folder.appendingPathComponent("content"), theme: SiteFixture.theme,
                                           output: output)).build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let fixture = try SiteFixture(files: [:])
        defer { fixture.remove() }
        // The stylesheet is the theme's own file, copied as it is.
        let built = try fixture.allFiles(in: output).filter { !$0.key.hasPrefix("assets/") }
        let expectedFolder = Self.folder.appendingPathComponent("expected")
        if ProcessInfo.processInfo.environment["CONGKHAI_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in built {
                let url = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = try fixture.allFiles(in: expectedFolder)
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, data) in built.sorted(by: { $0.key < $1.key }) where expected[path] != data {
            let hint = "if the change is deliberate, run CONGKHAI_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests"
            Issue.record(Comment(rawValue: "\(path) differs from Fixtures/golden/expected/\(path); \(hint)"))
        }
    }
}
