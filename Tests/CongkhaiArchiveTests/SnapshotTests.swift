import CongkhaiArchive
import Foundation
import Testing
import ZIPFoundation

@Suite struct SnapshotTests {
    @Test func roundTripArchiveExtractVerifyAndOpenAPage() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let result = try fixture.archive()
        let report = try fixture.verify(result.snapshot)
        #expect(report.ok, "\(ArchiveFixture.problems(report))")
        #expect(report.kind == .kindSnapshot)

        let unpacked = fixture.root.appendingPathComponent("unpacked")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        try FileManager.default.unzipItem(at: result.snapshot, to: unpacked)
        let folder = unpacked.appendingPathComponent(result.name)
        let page = try String(contentsOf: folder.appendingPathComponent("van-ban/2023/12-kh-stttt/index.html"), encoding: .utf8)
        #expect(page.contains("Số hóa hồ sơ lưu trữ của Sở năm 2023"))
        // browsing from disk: every relative link of the page leads to a file of the snapshot
        for link in Self.relativeLinks(page) {
            let target = folder.appendingPathComponent("van-ban/2023/12-kh-stttt").appendingPathComponent(link).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path), "\(link) does not open from disk")
        }
        let manifest = try SnapshotManifest.decode(Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        #expect(manifest.snapshot.date == ArchiveFixture.day)
        #expect(manifest.snapshot.baseURL == "https://stttt.songlam.gov.vn/cong-khai/")
        #expect(manifest.build.documents == 3)
        #expect(manifest.build.contentDigest.count == 64)
        #expect(manifest.files.contains { $0.path == "tep/" + "bieu-mau.pdf" || $0.path.hasSuffix("bieu-mau.pdf") })
        // the printed digest is the manifest's, and the .sha256 file says so for sha256sum -c
        #expect(SnapshotManifest.digest(of: try Data(contentsOf: folder.appendingPathComponent("manifest.json"))) == result.manifestDigest)
        let lines = try String(contentsOf: result.digestFile, encoding: .utf8)
        #expect(lines.hasPrefix("\(result.manifestDigest)  \(result.name)/manifest.json\n"))
    }

    static func relativeLinks(_ html: String) -> [String] {
        var links: [String] = []
        var rest = Substring(html)
        while let attr = rest.range(of: #"(href|src)=""#, options: .regularExpression) {
            rest = rest[attr.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<close]).components(separatedBy: "#")[0]
            if !value.isEmpty, !value.contains(":") { links.append(value) }
            rest = rest[close...]
        }
        return links
    }

    @Test func sameSiteAndDayGiveTheSameBytesInOneProcess() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let first = try fixture.archive(output: fixture.root.appendingPathComponent("a"))
        let second = try fixture.archive(output: fixture.root.appendingPathComponent("b"))
        #expect(try Data(contentsOf: first.snapshot) == Data(contentsOf: second.snapshot))
        #expect(try Data(contentsOf: first.wacz) == Data(contentsOf: second.wacz))
        let other = try fixture.archive(output: fixture.root.appendingPathComponent("c"), day: "2024-07-01")
        #expect(try Data(contentsOf: first.snapshot) != Data(contentsOf: other.snapshot), "the date is part of the snapshot")
    }

    @Test func zipEntriesAreSortedWithOneTimeAndFixedPermissions() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let result = try fixture.archive()
        let archive = try Archive(url: result.snapshot, accessMode: .read)
        let paths = archive.map(\.path)
        let files = paths.filter { !$0.hasSuffix("/manifest.json") }
        #expect(files == files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(paths.last == "\(result.name)/manifest.json")
        let times = Set(archive.compactMap { $0.fileAttributes[.modificationDate] as? Date })
        #expect(times == [try SnapshotDate.resolve(day: ArchiveFixture.day, environment: [:]).instant])
        #expect(Set(archive.compactMap { $0.fileAttributes[.posixPermissions] as? Int }) == [0o644])
    }

    @Test func yearSnapshotHoldsThatYearAndMarksLinksOutsideIt() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let result = try fixture.archive(year: 2023)
        #expect(result.name.hasSuffix("-nam-2023"))
        let entries = try ArchiveFixture.entries(of: result.snapshot)
        let paths = Set(entries.map { String($0.path.dropFirst(result.name.count + 1)) })
        #expect(paths.contains("van-ban/2023/12-kh-stttt/index.html"))
        #expect(paths.contains("van-ban/2023/30-bc-stttt/index.html"))
        #expect(!paths.contains("van-ban/2024/5-kh-stttt/index.html"))
        #expect(paths.contains("nam/2023/index.html"))
        #expect(!paths.contains { $0.hasPrefix("nam/2024/") })
        #expect(paths.contains("khong-co-trong-ban-luu/index.html"))
        #expect(paths.contains { $0.hasSuffix("bieu-mau.pdf") }, "the attachment of a 2023 document is kept")
        // no page of the snapshot links to a page that is not in it
        for (path, data) in entries where path.hasSuffix(".html") {
            let page = String(path.dropFirst(result.name.count + 1))
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            for link in SnapshotTests.relativeLinks(String(decoding: data, as: UTF8.self)) {
                let target = URL(fileURLWithPath: "/" + folder).appendingPathComponent(link).standardizedFileURL.path.dropFirst()
                let file = link.hasSuffix("/") ? target + "/index.html" : String(target)
                #expect(paths.contains(String(file)), "\(page) links to \(link), which is not in the snapshot")
            }
        }
        let home = try #require(entries.first { $0.path == "\(result.name)/nam/index.html" })
        #expect(String(decoding: home.data, as: UTF8.self).contains("../khong-co-trong-ban-luu/index.html"),
                "the link to 2024 leads to the not-in-this-snapshot page")
        let report = try fixture.verify(result.snapshot)
        #expect(report.ok, "\(ArchiveFixture.problems(report))")
        let manifest = try SnapshotManifest.decode(try #require(entries.first { $0.path.hasSuffix("/manifest.json") }).data)
        #expect(manifest.snapshot.scope == "2023")
    }

    @Test func aYearWithoutDocumentsIsRefusedWithTheReason() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        #expect(throws: ArchiveFailure.self) { try fixture.archive(year: 1999) }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: fixture.output.path)) ?? []
        #expect(written.isEmpty, "nothing is written: \(written)")
    }

    @Test func buildFactsComeFromTheSiteMarkerWhenTheBuildWroteThem() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        let marker = #"{"generator": "congkhai", "version": "9.9.9", "documents": 41, "procedures": 2, "leftOut": ["2023/hong.md"], "#
            + #""contentDigest": "aaaa", "themeDigest": "bbbb"}"#
        try Data(marker.utf8).write(to: fixture.site.appendingPathComponent(".congkhai-site"))
        let facts = try BuildFacts.read(site: fixture.site, content: fixture.content, theme: ArchiveFixture.theme)
        #expect(facts == BuildFacts(generator: "congkhai", version: "9.9.9", documents: 41, procedures: 2, contentDigest: "aaaa",
                                    themeDigest: "bbbb", leftOut: ["2023/hong.md"], source: "marker"))
        try Data().write(to: fixture.site.appendingPathComponent(".congkhai-site"))
        let computed = try BuildFacts.read(site: fixture.site, content: fixture.content, theme: ArchiveFixture.theme)
        let digest = try FolderDigest.of(fixture.content, leavingOut: ["_luu-tru.yml"])
        #expect(computed.source == "computed" && computed.documents == 3 && computed.contentDigest == digest)
    }

    @Test func sourceDateEpochGivesTheInstantAndBadDatesAreExplained() throws {
        let epoch = try SnapshotDate.resolve(day: nil, environment: ["SOURCE_DATE_EPOCH": "1719741600"])
        #expect(epoch.day == "2024-06-30" && epoch.iso == "2024-06-30T10:00:00Z")
        let other = try SnapshotDate.resolve(day: "2024-01-02", environment: ["SOURCE_DATE_EPOCH": "1719741600"])
        #expect(other.iso == "2024-01-02T00:00:00Z")
        #expect(throws: ArchiveFailure.self) { try SnapshotDate.resolve(day: "30/06/2024", environment: [:]) }
        #expect(throws: ArchiveFailure.self) { try SnapshotDate.resolve(day: "2024-02-30", environment: [:]) }
        #expect(throws: ArchiveFailure.self) { try SnapshotDate.resolve(day: nil, environment: ["SOURCE_DATE_EPOCH": "soon"]) }
    }
}

@Suite struct StreamingTests {
    @Test func streamingEveryFileGivesTheSameBytesAsHoldingThem() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        // a file of several chunks, varied enough that deflate has work to do
        let lines = (0..<40_000).map { ".muc-\($0) { margin: \($0 % 97)px \($0 % 13)em; }" }.joined(separator: "\n")
        try Data(lines.utf8).write(to: fixture.site.appendingPathComponent("assets/lon.css"))
        let held = try fixture.archive(output: fixture.root.appendingPathComponent("held"))
        var options = try fixture.options(output: fixture.root.appendingPathComponent("streamed"))
        options.holdLimit = 0
        options.updateRegistry = false
        let streamed = try Archiver(options).run()
        #expect(try Data(contentsOf: held.snapshot) == Data(contentsOf: streamed.snapshot))
        #expect(try Data(contentsOf: held.wacz) == Data(contentsOf: streamed.wacz))
    }

    @Test func anOutputFolderInsideTheSiteIsRefused() throws {
        let fixture = try ArchiveFixture()
        defer { fixture.remove() }
        #expect(throws: ArchiveFailure.self) { try fixture.archive(output: fixture.site.appendingPathComponent("luu-tru")) }
    }
}
