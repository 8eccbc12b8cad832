@testable import CongkhaiPublish
import Foundation
import Testing

@Suite struct PublishPartsTests {
    @Test func targetsAreLocalFoldersOrSSHAddresses() throws {
        #expect(try PublishTarget("/var/www/congkhai/") == .local(path: "/var/www/congkhai"))
        #expect(try PublishTarget("www") == .local(path: "www"))
        #expect(try PublishTarget("./a:b") == .local(path: "./a:b"))
        #expect(try PublishTarget("deploy@web.songlam.gov.vn:/srv/congkhai")
            == .remote(host: "deploy@web.songlam.gov.vn", path: "/srv/congkhai"))
        #expect(throws: PublishFailure.self) { try PublishTarget("deploy@web:relative") }
        #expect(throws: PublishFailure.self) { try PublishTarget("-oProxyCommand=x:/srv") }
        #expect(throws: PublishFailure.self) { try PublishTarget("") }
    }

    @Test func logLinesStayOneLineAndReadBack() throws {
        let line = PublishLogLine(time: Date(timeIntervalSince1970: 0), action: .publish, release: "19700101T000000",
                                  fields: [("user", "Nguyễn Văn\nA=1"), ("documents", "3")])
        #expect(line.text == "1970-01-01T00:00:00Z publish 19700101T000000 user=Nguyễn_Văn_A_1 documents=3")
        #expect(PublishLogLine(parsing: Substring(line.text))?.value("documents") == "3")
        #expect(PublishLogLine(parsing: "a line written by hand") == nil)
    }

    @Test func pruningNeverRemovesProtectedReleases() {
        let releases = ["20260101T000000", "20260102T000000", "20260103T000000", "20260104T000000"]
        #expect(ReleaseNaming.toPrune(releases, keep: 2, protected: []) == ["20260101T000000", "20260102T000000"])
        #expect(ReleaseNaming.toPrune(releases, keep: 2, protected: ["20260101T000000"]) == ["20260102T000000"])
        #expect(ReleaseNaming.releases(in: [".incoming-20260105T000000", "20260101T000000", "notes"]) == ["20260101T000000"])
        #expect(ReleaseNaming.newName(at: Date(timeIntervalSince1970: 0), existing: ["19700101T000000"]) == "19700101T000000-2")
    }

    @Test func anEmptyMarkerIsUnknownAndAForeignOneIsRefused() throws {
        #expect(try SiteMarker(data: Data("\n".utf8), file: "m") == .unknown)
        #expect(throws: PublishFailure.self) { try SiteMarker(data: Data("{\"generator\": \"hugo\"}".utf8), file: "m") }
        let marker = try SiteMarker(data: Data(#"{"generator":"congkhai","leftOut":["Content/a.md"],"contentDigest":"ab cd;rm"}"#.utf8),
                                    file: "m")
        #expect(marker.leftOut == ["Content/a.md"] && marker.contentDigest == "abcd")
    }
}
