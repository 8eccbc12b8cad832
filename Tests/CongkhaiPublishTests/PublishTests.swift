@testable import CongkhaiPublish
import Foundation
import Testing

@Suite struct PublishTests {
    typealias F = PublishFixture

    @Test func publishingTwiceSwitchesCurrentAndKeepsThePreviousRelease() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let first = try fixture.site("Site", pages: [F.plan, F.report])
        let report1 = try fixture.publish(first, second: 0)
        #expect(report1.switched && report1.previous == nil)
        #expect(try fixture.served() == F.releaseName(0))
        #expect(try fixture.servedText(F.plan.url + "index.html").contains("ban hành kế hoạch"))

        var changedPlan = F.plan
        changedPlan.body = "Kế hoạch đã được sửa đổi, bổ sung."
        let second = try fixture.site("Site", pages: [changedPlan, F.report, F.procedure])
        let report2 = try fixture.publish(second, second: 60)
        #expect(report2.switched && report2.previous == F.releaseName(0))
        #expect(try fixture.served() == F.releaseName(60))
        #expect(try fixture.servedText(F.plan.url + "index.html").contains("sửa đổi, bổ sung"))
        // The link is relative, so the target folder can be moved or served under another path.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.target.appendingPathComponent("current").path)
            == "releases/\(F.releaseName(60))")
        let old = try String(contentsOf: fixture.target.appendingPathComponent("releases/\(F.releaseName(0))/\(F.plan.url)index.html"),
                             encoding: .utf8)
        #expect(old.contains("ban hành kế hoạch"))
        #expect(report2.changes == ChangeSummary(added: [F.procedure.url], changed: [F.plan.url], removed: []))
    }

    @Test func unchangedFilesAreHardLinksToThePreviousRelease() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.publish(try fixture.site("Site", pages: [F.plan, F.report]), second: 0)
        var changedPlan = F.plan
        changedPlan.body = "Nội dung mới."
        let report = try fixture.publish(try fixture.site("Site", pages: [changedPlan, F.report]), second: 1)
        let (a, b) = (F.releaseName(0), F.releaseName(1))
        let unchanged = F.report.url + "index.html"
        #expect(try fixture.inode(a, unchanged) == fixture.inode(b, unchanged))
        #expect(try fixture.inode(a, unchanged + ".gz") == fixture.inode(b, unchanged + ".gz"))
        #expect(try fixture.inode(a, "assets/style.css") == fixture.inode(b, "assets/style.css"))
        let changed = F.plan.url + "index.html"
        #expect(try fixture.inode(a, changed) != fixture.inode(b, changed))
        #expect(report.stats.copied.contains(changed) && !report.stats.copied.contains(unchanged))
        #expect(report.stats.linked == 6)
    }

    @Test func textFilesGetDeterministicGzipSiblings() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let site = try fixture.site("Site", pages: [F.plan], extraFiles: ["tep/so-lieu.pdf": "%PDF-1.4 không nén"])
        try fixture.publish(site, second: 0)
        let page = fixture.target.appendingPathComponent("current/index.html")
        let gz = try Data(contentsOf: URL(fileURLWithPath: page.path + ".gz"))
        // Header: magic, deflate, no flags (so no file name), time zero.
        #expect(Array(gz.prefix(8)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0])
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gunzip.arguments = ["-dc", page.path + ".gz"]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        try gunzip.run()
        let unpacked = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        #expect(unpacked == (try Data(contentsOf: page)))
        #expect(FileManager.default.fileExists(atPath: fixture.target.appendingPathComponent("current/api/documents.json.gz").path))
        #expect(!FileManager.default.fileExists(atPath: fixture.target.appendingPathComponent("current/tep/so-lieu.pdf.gz").path))

        let other = try PublishFixture()
        defer { other.remove() }
        try other.publish(try other.site("Site", pages: [F.plan], extraFiles: ["tep/so-lieu.pdf": "%PDF-1.4 không nén"]), second: 99)
        #expect(try Data(contentsOf: other.target.appendingPathComponent("current/index.html.gz")) == gz)
    }

    @Test func rollbackGoesBackOneReleaseOrToTheNamedOne() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.publish(try fixture.site("Site", pages: [F.plan]), second: 0)
        try fixture.publish(try fixture.site("Site", pages: [F.plan, F.report]), second: 1)
        let back = try Publisher.rollback(to: fixture.targetName, release: nil, user: "tran thi b", now: F.time(2))
        #expect(back.from == F.releaseName(1) && back.to == F.releaseName(0))
        #expect(back.withdrawn.map(\.url) == [F.report.url])
        #expect(try fixture.served() == F.releaseName(0))
        #expect(throws: PublishFailure.self) { try Publisher.rollback(to: fixture.targetName, release: nil) }
        #expect(throws: PublishFailure.self) { try Publisher.rollback(to: fixture.targetName, release: "20990101T000000") }
        try Publisher.rollback(to: fixture.targetName, release: F.releaseName(1), user: "tran thi b", now: F.time(3))
        #expect(try fixture.served() == F.releaseName(1))
        let lines = PublishLogLine.parseAll(try fixture.log())
        #expect(lines.map(\.action) == [.publish, .publish, .rollback, .rollback])
        #expect(lines[2].value("user") == "tran_thi_b" && lines[2].value("previous") == F.releaseName(1))
    }

    @Test func pruningKeepsTheNewestReleases() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        for second in 0..<4 {
            try fixture.publish(try fixture.site("Site", pages: [F.plan], stylesheet: "p { margin: \(second)px }"), second: second, keep: 2)
        }
        #expect(try fixture.releases() == [F.releaseName(2), F.releaseName(3)])
        try Publisher.rollback(to: fixture.targetName, release: nil)
        #expect(try fixture.served() == F.releaseName(2))
        // After a rollback the served release is older than the newest: the next publish counts from the newest.
        try fixture.publish(try fixture.site("Site", pages: [F.plan], stylesheet: "p { margin: 9px }"), second: 9, keep: 2)
        #expect(try fixture.releases() == [F.releaseName(3), F.releaseName(9)])
        #expect(try fixture.served() == F.releaseName(9))
        #expect(throws: PublishFailure.self) { try fixture.publish(try fixture.site("Site", pages: [F.plan]), second: 10, keep: 0) }
    }

    @Test func whatAKilledPublishLeftIsRemovedByTheNext() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let site = try fixture.site("Site", pages: [F.plan])
        try fixture.publish(site, second: 0)
        let halfCopied = fixture.target.appendingPathComponent("releases/.incoming-\(F.releaseName(5))/van-ban")
        try FileManager.default.createDirectory(at: halfCopied, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.target.appendingPathComponent(".current.tmp-x").path,
                                                   withDestinationPath: "releases/\(F.releaseName(5))")
        #expect(try fixture.served() == F.releaseName(0))
        let report = try fixture.publish(site, second: 6)
        #expect(report.cleaned == [".current.tmp-x", "releases/.incoming-\(F.releaseName(5))"])
        #expect(try fixture.releases() == [F.releaseName(0), F.releaseName(6)])
        #expect(!FileManager.default.fileExists(atPath: fixture.target.appendingPathComponent(".current.tmp-x").path))
    }

    @Test func dryRunChangesNothing() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.publish(try fixture.site("Site", pages: [F.plan]), second: 0)
        let report = try fixture.publish(try fixture.site("Site", pages: [F.plan, F.report]), second: 1, dryRun: true)
        #expect(!report.switched && report.changes.added == [F.report.url])
        #expect(try fixture.releases() == [F.releaseName(0)])
        #expect(try fixture.served() == F.releaseName(0))
    }

    @Test func theLogHasOneLinePerReleaseWithUserAndContentDigest() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.publish(try fixture.site("Site", pages: [F.plan]), second: 0)
        try fixture.publish(try fixture.site("Site", pages: [F.plan, F.report]), second: 1)
        let lines = try fixture.log().split(separator: "\n")
        #expect(lines.count == 2)
        let last = try #require(PublishLogLine(parsing: lines[1]))
        #expect(last.release == F.releaseName(1) && last.value("user") == "nguyen_van_a")
        #expect(last.value("content") == String(repeating: "ab", count: 32))
        #expect(last.value("added") == "1" && last.value("documents") == "2" && last.value("previous") == F.releaseName(0))
        let listing = try ReleaseListing.list(target: fixture.targetName)
        #expect(listing.map(\.name) == [F.releaseName(1), F.releaseName(0)])
        #expect(listing[0].served && listing[0].text.contains("2 documents") && listing[0].text.contains("added 1"))
    }

    @Test func aFolderThatIsNotABuiltSiteIsRefused() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        let folder = fixture.root.appendingPathComponent("Empty")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let error = #expect(throws: PublishFailure.self) { try fixture.publish(folder, second: 0) }
        #expect(error?.description.contains("congkhai build") == true)
        #expect(!FileManager.default.fileExists(atPath: fixture.target.path))
    }
}
