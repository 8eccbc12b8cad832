@testable import CongkhaiSite
import CongkhaiMessages
import CongkhaiDomain
import Foundation
import Testing

/// The build's shape: named steps, the sink's records, the route table, the
/// records shared by every output, typed configuration.
@Suite struct PipelineTests {
    static let files = [
        "2024/ke-hoach.md": """
        ---
        type: KH
        number: "05/KH-STTTT"
        date: 2024-03-15
        title: Thực hiện công tác chuyển đổi số năm 2024
        attachements: [bang.pdf]
        ---
        Căn cứ Báo cáo số 12/BC-STTTT ngày 10/01/2024 của Sở.

        [Xem](javascript:alert(1))
        """,
        "2024/bao-cao.md": """
        ---
        type: BC
        number: "12/BC-STTTT"
        date: 2024-01-10
        title: Kết quả năm 2023
        replaces: ["3/BC-STTTT (2024)"]
        ---
        Nội dung báo cáo.
        """,
        "thu-tuc/cap-phep.md": """
        ---
        type: TTHC
        code: "2.000001"
        title: Cấp phép thử nghiệm
        field: Viễn thông
        channels:
          - {chanel: Trực tiếp, time_limit: 5 ngày}
        ---
        """,
    ]

    @Test func everyProblemNamesTheStepThatFoundIt() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        let report = try site.build()
        let link = try #require(report.warnings.first { $0.message.contains("javascript:") })
        #expect(link.step == "rendering Markdown")
        let relation = try #require(report.warnings.first { $0.message.contains("points at no document") })
        #expect(relation.step == "resolving citations")
        #expect(report.diagnostics.allSatisfy { $0.step != nil })
        #expect(report.timings.map(\.step).starts(with: BuildStep.site.map(\.name)))
    }

    @Test func unknownKeysNameTheClosestKnownOne() throws {
        let site = try SiteFixture(files: Self.files, config: SiteFixture.siteConfig + "\npage_sise: 20\n")
        defer { site.remove() }
        let messages = try site.build().warnings.map(\.message)
        #expect(messages.contains { $0.contains("'attachements'") && $0.contains("did you mean 'attachments'") })
        #expect(messages.contains { $0.contains("'chanel'") && $0.contains("did you mean 'channel'") })
        #expect(messages.contains { $0.contains("'page_sise'") && $0.contains("did you mean 'page_size'") })
    }

    @Test func theSinkRecordsEveryFileWithItsDigest() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        let report = try site.build()
        let tree = try site.allFiles()
        #expect(Set(report.files.map(\.path)) == Set(tree.keys))
        for file in report.files {
            let data = try #require(tree[file.path])
            #expect(file.size == data.count)
            #expect(file.sha256 == ContentDigest.of(data), "\(file.path)")
        }
    }

    @Test func theRouteTableListsEveryPage() throws {
        let site = try SiteFixture(files: Self.files, config: SiteFixture.siteConfig + "\npage_size: 5\n")
        for i in 1...12 {
            try site.write("2023/tb-\(i).md",
                           "---\ntype: TB\nnumber: \"\(i)/TB-STTTT\"\ndate: 2023-02-\(10 + i)\ntitle: Thông báo \(i)\n---\nNội dung.\n")
        }
        defer { site.remove() }
        let report = try site.build()
        let written = try site.allFiles().keys.filter { $0.hasSuffix("index.html") }.map { String($0.dropLast("index.html".count)) }
        #expect(report.pages == written.sorted())
        #expect(report.pages.contains("nam/2023/trang-3/"))
    }

    @Test func aMemorySinkHoldsTheSameSiteAsAFolder() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        try site.build()
        let sink = PageSink(.memory)
        _ = try SiteBuilder(.init(content: site.content, theme: SiteFixture.theme, output: site.output)).render(into: sink)
        #expect(sink.files == (try site.allFiles()))
    }

    @Test func theMarkerCarriesTheBuildFacts() throws {
        let files = Self.files.merging(["2024/trung.md": "---\nnumber: \"05/KH-STTTT\"\ndate: 2024-05-01\n---\nx\n"]) { $1 }
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        try site.build()
        let marker = try #require(SiteMarker.read(site: site.output))
        #expect(marker.documents == 1)  // the two plans collide and are left out; the report stays
        #expect(marker.procedures == 1)
        #expect(marker.leftOut == ["2024/ke-hoach.md", "2024/trung.md"])
        #expect(marker.contentDigest.count == 64 && marker.themeDigest.count == 64)
        try site.write("2024/bao-cao.md", "changed")
        try site.build()
        #expect(SiteMarker.read(site: site.output)?.contentDigest != marker.contentDigest)
    }

    @Test func unsafeSettingsNeverReachAPage() throws {
        let config = """
        name: Sở <b>Thử</b>
        base_url: "javascript:alert(1)"
        procedure_portal_url: "javascript:alert(2)"
        language: ../../../../tmp/x
        document_types:
          - {code: "!!", name: "???"}
        """
        let site = try SiteFixture(files: Self.files, config: config)
        defer { site.remove() }
        let report = try site.build()
        for key in ["base_url", "procedure_portal_url", "language", "document type"] {
            #expect(report.warnings.contains { $0.message.contains(key) }, "no warning about \(key)")
        }
        for (path, data) in try site.allFiles() where path.hasSuffix(".html") {
            let page = String(decoding: data, as: UTF8.self)
            #expect(!page.contains("javascript:"), "\(path)")
            #expect(!page.contains("<b>Thử"), "\(path)")
        }
        #expect(try site.page("index.html").contains("lang=\"vi\""))
    }

    @Test func recordsFeedThePageAndTheCatalogueAlike() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        try site.build()
        let report = try site.entry("van-ban/2024/12-bc-stttt/")
        let citedBy = try #require(report["citedBy"] as? [String])
        #expect(citedBy == ["van-ban/2024/5-kh-stttt/"])
        let page = try site.page("van-ban/2024/12-bc-stttt/index.html")
        #expect(page.contains("../../../van-ban/2024/5-kh-stttt/index.html"))
    }

    @Test func wordAndPDFFilesThatNoDocumentNamesAreReported() throws {
        let site = try SiteFixture(files: Self.files.merging([
            "2024/ghi-chu.md": "---\ntype: TB\ndate: 2024-04-01\ntitle: Ghi chú\n---\nXem [bảng số liệu](so-lieu.pdf).\n",
            "thu-tuc/mau.md": "---\ntype: TTHC\ncode: \"2.000002\"\ntitle: Thủ tục có mẫu\nforms: [mau-don.docx]\n---\n",
        ]) { $1 })
        defer { site.remove() }
        for file in ["2024/so-lieu.pdf", "2024/nhan-duoc.docx", "thu-tuc/mau-don.docx"] { try site.write(file, Data("%".utf8)) }
        let stray = try site.build().warnings.filter { $0.message.contains("belongs to no document") }
        #expect(stray.map(\.file) == ["2024/nhan-duoc.docx"])
        #expect(stray.first?.message.contains("congkhai import 2024/nhan-duoc.docx") == true)
    }

    @Test func aCheckReportsWhatABuildWouldAndWritesNothing() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        let checked = try SiteBuilder(.init(content: site.content, theme: SiteFixture.theme, output: site.output)).check()
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["Content"])
        let built = try site.build()
        #expect(checked.diagnostics.map(\.description) == built.diagnostics.map(\.description))
        #expect(checked.documentCount == built.documentCount)
    }

    /// Tools that read documents outside a build (import) know the site's own types too.
    @Test func aSitesOwnTypesAreKnownOutsideTheBuild() throws {
        let site = try SiteFixture(files: [:],
                                   config: SiteFixture.siteConfig + "\ndocument_types:\n  - {code: KHPH, name: Kế hoạch phối hợp}\n")
        defer { site.remove() }
        #expect(try DocumentTypeTable.forSite(content: site.content).lookup("KHPH")?.name == "Kế hoạch phối hợp")
        #expect(try DocumentTypeTable.bundled().lookup("KHPH") == nil)
    }

    /// A document whose number changes moves; its old address leads to the new one.
    @Test func movedDocumentsLeaveARedirectAtTheirOldAddress() throws {
        let site = try SiteFixture(files: ["2024/tb.md": "---\ntype: TB\nnumber: \"3/TB-STTTT\"\ndate: 2024-05-02\ntitle: Lịch\n---\nx\n"])
        defer { site.remove() }
        try site.build()
        try site.write("2024/tb.md", "---\ntype: TB\nnumber: \"4/TB-STTTT\"\ndate: 2024-05-02\ntitle: Lịch\n---\nx\n")
        try site.write("redirects.yml", "gioi-thieu/: van-ban/2024/4-tb-stttt/\n")
        let report = try site.build()
        let old = try site.page("van-ban/2024/3-tb-stttt/index.html")
        #expect(old.contains("url=../../../van-ban/2024/4-tb-stttt/index.html"))
        #expect(try site.page("gioi-thieu/index.html").contains("van-ban/2024/4-tb-stttt/index.html"))
        #expect(report.pages.contains("van-ban/2024/3-tb-stttt/") && report.pages.contains("gioi-thieu/"))
        #expect(!report.warnings.contains { $0.file == "redirects.yml" && $0.message.contains("not published") })
    }
}
