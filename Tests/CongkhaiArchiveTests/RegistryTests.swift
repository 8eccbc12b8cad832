import CongkhaiArchive
import CongkhaiDomain
@testable import CongkhaiSite
import Foundation
import Testing

@Suite struct RegistryTests {
    @Test func archivingAddsToTheRegistryAndReplacesTheSameSnapshot() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let first = try fixture.archive()
        try fixture.archive(day: "2024-07-31")
        try fixture.archive(year: 2023)
        try fixture.archive()
        let text = try String(contentsOf: fixture.content.appendingPathComponent("_luu-tru.yml"), encoding: .utf8)
        let registry = try ArchiveRegistry.parse(text)
        #expect(registry.snapshots.map(\.date) == ["2024-07-31", "2024-06-30", "2024-06-30"])
        let entry = try #require(registry.snapshots.first { $0.file == first.snapshot.lastPathComponent })
        #expect(entry.sha256 == first.manifestDigest && entry.size == first.snapshotSize && entry.scope == "all")
        #expect(registry.snapshots.contains { $0.scope == "2023" })
    }

    @Test func theArchivePageListsSnapshotsAndEscapesWhatTheRegistrySays() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        var registry = ArchiveRegistry()
        registry.record(.init(date: "2024-06-30", scope: "all", file: "ban-luu.zip", size: 2_500_000, sha256: "ab12", wacz: "ban-luu.wacz",
                              waczSize: 4_000_000, signed: true))
        registry.record(.init(date: "2024-05-31", scope: "2023", file: "<script>alert(1)</script>.zip", size: 10, sha256: "cd34",
                              download: "javascript:alert(1)"))
        try Data(try registry.yaml().utf8).write(to: fixture.content.appendingPathComponent("_luu-tru.yml"))

        let theme = try Theme.load(ArchiveFixture.theme, language: "vi")
        let frame = PageFrame(site: SiteConfig(), theme: theme)
        var archives = ArchivesPage(frame: frame, content: fixture.content)
        #expect(archives.diagnostics.isEmpty)
        // the key is linked only when the site serves it
        let withoutKey = try #require(archives.pages().first)
        #expect(!withoutKey().content.contains(".well-known/congkhai-archive.pub"))
        archives.hasPublicKey = true
        let pages = archives.pages().map { $0() }
        let page = try #require(pages.first)
        #expect(page.path == "luu-tru/index.html")
        #expect(page.content.contains("<a href=\"ban-luu.zip\">ban-luu.zip</a>"))
        #expect(page.content.contains("ab12") && page.content.contains("2024-06-30") && page.content.contains("2,4 MB"))
        #expect(!page.content.contains("<script>alert(1)"))
        #expect(!page.content.contains("javascript:"))
        #expect(page.content.contains("../.well-known/congkhai-archive.pub"))
    }

    @Test func aBrokenRegistryGivesAWarningAndNoPage() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        try Data("snapshots: [date: {".utf8).write(to: fixture.content.appendingPathComponent("_luu-tru.yml"))
        let frame = PageFrame(site: SiteConfig(), theme: try Theme.load(ArchiveFixture.theme, language: "vi"))
        let archives = ArchivesPage(frame: frame, content: fixture.content)
        #expect(archives.pages().isEmpty)
        #expect(archives.diagnostics.first?.file == "_luu-tru.yml")
    }
}
