@testable import CongkhaiPublish
import Foundation
import Testing

@Suite struct UnpublishGuardTests {
    typealias F = PublishFixture

    @Test func aRemovedDocumentStopsThePublishUntilRemovalIsAllowed() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.publish(try fixture.site("Site", pages: [F.plan, F.report, F.procedure]), second: 0)
        let without = try fixture.site("Site", pages: [F.plan])
        let refused = try fixture.publish(without, second: 1)
        #expect(!refused.switched)
        #expect(refused.verdict.disappearances.map(\.entry.url) == [F.report.url, F.procedure.url].sorted())
        #expect(refused.verdict.disappearances.allSatisfy { $0.reason == .removed })
        #expect(refused.verdict.disappearances[0].explanation.contains(F.procedure.source))
        // Nothing was copied: the served release and the folder are as they were.
        #expect(try fixture.served() == F.releaseName(0))
        #expect(try fixture.releases() == [F.releaseName(0)])

        let allowed = try fixture.publish(without, second: 2, allowRemoval: true)
        #expect(allowed.switched && allowed.changes.removed == [F.report.url, F.procedure.url].sorted())
        #expect(try fixture.served() == F.releaseName(2))
        #expect(try fixture.log().contains("allowed-removal=2"))
    }

    @Test func aMovedURLWithoutARedirectIsNamedWithItsNewAddress() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.publish(try fixture.site("Site", pages: [F.plan, F.report]), second: 0)
        var renumbered = F.plan
        renumbered.url = "van-ban/2024/6-kh-stttt/"
        let report = try fixture.publish(try fixture.site("Site", pages: [renumbered, F.report]), second: 1)
        #expect(!report.switched)
        #expect(report.verdict.disappearances == [UnpublishGuard.Disappearance(entry: PublishedEntry(
            url: F.plan.url, title: F.plan.title, source: F.plan.source, kind: .document), reason: .moved(to: renumbered.url))])
        #expect(report.verdict.disappearances[0].explanation.contains("redirects.yml"))
    }

    @Test func aMovedURLWithARedirectPagePublishes() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        try fixture.publish(try fixture.site("Site", pages: [F.plan, F.report]), second: 0)
        var renumbered = F.plan
        renumbered.url = "van-ban/2024/6-kh-stttt/"
        let redirect = "<!DOCTYPE html><meta http-equiv=\"refresh\" content=\"0; url=../6-kh-stttt/\">"
        let site = try fixture.site("Site", pages: [renumbered, F.report], extraFiles: [F.plan.url + "index.html": redirect])
        let report = try fixture.publish(site, second: 1)
        #expect(report.switched)
        #expect(report.verdict.disappearances.isEmpty && report.verdict.redirected.map(\.url) == [F.plan.url])
        #expect(try fixture.servedText(F.plan.url + "index.html").contains("6-kh-stttt"))
    }

    @Test func aBuildThatLeftFilesOutIsNeverPublishedWithoutPermission() throws {
        let fixture = try PublishFixture()
        defer { fixture.remove() }
        // First publish: nothing served yet, but the build left a file out.
        let broken = try fixture.site("Site", pages: [F.plan], leftOut: ["2024/bao-cao-loi.md"])
        let first = try fixture.publish(broken, second: 0)
        #expect(!first.switched && first.verdict.leftOut == ["2024/bao-cao-loi.md"] && first.verdict.disappearances.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.target.appendingPathComponent("current").path))
        try fixture.publish(try fixture.site("Site", pages: [F.plan, F.report]), second: 1)

        // The served report is now left out by an error: the reason names the file.
        let again = try fixture.site("Site", pages: [F.plan], leftOut: ["Content/" + F.report.source])
        let report = try fixture.publish(again, second: 2)
        #expect(!report.switched)
        #expect(report.verdict.disappearances.map(\.reason) == [.leftOut(source: "Content/" + F.report.source)])
        #expect(try fixture.publish(again, second: 3, allowRemoval: true).switched)
        #expect(try fixture.log().contains("left-out=1"))
    }

    @Test func theGuardAloneComparesCataloguesBySourceFile() {
        let served = SiteCatalogue(entries: [
            PublishedEntry(url: "a/", title: "A", source: "a.md", kind: .document),
            PublishedEntry(url: "b/", title: "B", source: "b.md", kind: .document),
            PublishedEntry(url: "c/", title: "C", source: nil, kind: .procedure),
        ])
        let candidate = SiteCatalogue(entries: [PublishedEntry(url: "b2/", title: "B", source: "b.md", kind: .document)])
        let verdict = UnpublishGuard.check(served: served, candidate: candidate, marker: .unknown) { $0 == "a/" }
        #expect(verdict.redirected.map(\.url) == ["a/"])
        #expect(verdict.disappearances.map(\.reason) == [.moved(to: "b2/"), .removed])
        #expect(verdict.markerUnknown && verdict.needsPermission)
    }
}
