import CongkhaiMessages
import CongkhaiSite
import Foundation
import Testing

@Suite struct ProcedureTests {
    let complete = """
    ---
    type: TTHC
    code: "1.000011"
    title: Cấp giấy phép xuất bản bản tin
    field: Báo chí
    level: Cấp tỉnh
    agency: Sở Thông tin và Truyền thông
    applicants: Cơ quan, tổ chức
    result: Giấy phép
    time_limit: 15 ngày
    online_level: toàn trình
    status: mới
    announced_by: {number: "45/QĐ-UBND", date: 2024-03-18}
    steps: ["Bước 1: nộp hồ sơ.", "Bước 2: nhận kết quả."]
    channels:
      - {channel: Trực tuyến, time_limit: 15 ngày, fee: Không}
    dossier:
      - {document: Tờ khai đề nghị cấp giấy phép, template: to-khai.docx, quantity: 01 bản}
    legal_basis:
      - {number: "45/QĐ-UBND", summary: Công bố thủ tục, date: 18/3/2024, issuer: UBND tỉnh}
    ---
    """

    let sectionsOnly = """
    # Đăng ký hoạt động đài truyền thanh (mã 1.000012)

    Lĩnh vực: Đo lường. Cơ quan thực hiện: Sở Thông tin và Truyền thông.

    ## Trình tự thực hiện

    Nộp hồ sơ, nhận kết quả.

    ## Cách thức thực hiện

    Trực tiếp.

    ## Thành phần, số lượng hồ sơ

    - Văn bản đăng ký: 01 bản.

    ## Thời hạn giải quyết

    05 ngày làm việc.

    ## Đối tượng thực hiện

    Ủy ban nhân dân cấp xã.

    ## Kết quả thực hiện

    Giấy xác nhận.
    """

    func site(_ extra: [String: String] = [:]) throws -> SiteFixture {
        var files = [
            "thu-tuc/ban-tin.md": complete,
            "thu-tuc/dai-truyen-thanh.md": sectionsOnly,
            "thu-tuc/in-an.md": "---\ntype: TTHC\ncode: \"1.000013\"\ntitle: Cấp giấy phép in\nfield: Ăn uống\nstatus: bãi bỏ\n"
                + "steps: [Nộp hồ sơ]\nmethod: Trực tiếp\ndossier: [Đơn]\ntime_limit: 7 ngày\napplicants: Cơ sở in\nagency: Sở\n"
                + "result: Giấy phép\n---\n",
            "thu-tuc/an-ninh.md": complete.replacingOccurrences(of: "1.000011", with: "1.000014")
                .replacingOccurrences(of: "field: Báo chí", with: "field: An ninh mạng")
                .replacingOccurrences(of: "Cấp giấy phép xuất bản bản tin", with: "Thủ tục an ninh"),
            "thu-tuc/am-thanh.md": complete.replacingOccurrences(of: "1.000011", with: "1.000015")
                .replacingOccurrences(of: "field: Báo chí", with: "field: Âm thanh")
                .replacingOccurrences(of: "Cấp giấy phép xuất bản bản tin", with: "Thủ tục âm thanh"),
            "2024/qd.md": "---\ntype: QĐ\nnumber: \"45/QĐ-UBND\"\ndate: 2024-03-18\ntitle: Công bố thủ tục hành chính\n---\nNội dung.\n",
        ]
        files.merge(extra) { _, new in new }
        let fixture = try SiteFixture(files: files)
        try fixture.write("thu-tuc/to-khai.docx", Data(repeating: 0x50, count: 24 * 1024))
        return fixture
    }

    @Test func bothWaysOfWritingGiveAProcedurePage() throws {
        let site = try site()
        defer { site.remove() }
        let report = try site.build()
        #expect(report.errors.isEmpty)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let page = try site.page("thu-tuc/1-000011/index.html")
        for (n, title) in ["Trình tự thực hiện", "Thời gian tiếp nhận và trả kết quả", "Cách thức thực hiện", "Thành phần, số lượng hồ sơ",
                           "Thời hạn giải quyết", "Đối tượng thực hiện", "Cơ quan thực hiện", "Kết quả thực hiện", "Phí, lệ phí",
                           "Tên mẫu đơn, mẫu tờ khai", "Yêu cầu, điều kiện thực hiện", "Căn cứ pháp lý"].enumerated() {
            #expect(page.contains("<h2 id=\"muc-\(n + 1)\">\(n + 1). \(title)</h2>"), "\(title)")
        }
        #expect(page.contains(">Tải mẫu tờ khai đề nghị cấp giấy phép (DOCX, 24 KB)</a>"))
        #expect(site.exists("tep/thu-tuc/to-khai.docx"))
        #expect(page.contains("<td data-label=\"Hình thức nộp\">Trực tuyến</td>"))
        #expect(page.contains("href=\"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.000011\""))
        // the announcing decision is in the corpus, so it is linked
        #expect(page.contains("<a href=\"../../van-ban/2024/45-qd-ubnd/index.html\">Quyết định số 45/QĐ-UBND ngày 18/03/2024</a>"))
        let sections = try site.page("thu-tuc/1-000012/index.html")
        #expect(sections.contains("<p>Ủy ban nhân dân cấp xã.</p>"))
        #expect(sections.contains("<dd>Đo lường</dd>"))
    }

    @Test func theListGroupsByFieldInVietnameseOrderAndKeepsAbolishedApart() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let list = try site.page("thu-tuc/index.html")
        let order = ["<h2 id=\"linh-vuc-an-ninh-mang\">", "<h2 id=\"linh-vuc-am-thanh\">", "<h2 id=\"linh-vuc-bao-chi\">",
                     "<h2 id=\"linh-vuc-do-luong\">", "<h2 id=\"da-bai-bo\">"]
        let positions = order.compactMap { list.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        #expect(list.contains("4 thủ tục đang thực hiện"))
        #expect(list.contains("<td data-label=\"Thời hạn\">15 ngày</td><td data-label=\"Cấp\">Cấp tỉnh</td>"))
        #expect(try site.page("thu-tuc/linh-vuc/bao-chi/index.html").contains("Cấp giấy phép xuất bản bản tin"))
        #expect(!site.exists("thu-tuc/linh-vuc/an-uong/index.html"))
        let abolished = try site.page("thu-tuc/1-000013/index.html")
        #expect(abolished.contains("class=\"banner\""))
        #expect(try site.page("index.html").contains("href=\"thu-tuc/index.html\""))
        // procedures are not listed among documents
        #expect(!(try site.page("nam/2024/index.html")).contains("Thủ tục an ninh"))
        #expect(!site.exists("loai/thu-tuc-hanh-chinh/index.html"))
        let docs = try site.catalogue().compactMap { $0["url"] as? String }
        #expect(docs == ["van-ban/2024/45-qd-ubnd/"])
    }

    @Test func proceduresCatalogue() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("api/procedures.json")))
            as? [String: Any]
        let procedures = try #require(json?["procedures"] as? [[String: Any]])
        #expect(procedures.map { $0["code"] as? String } == ["1.000011", "1.000012", "1.000013", "1.000014", "1.000015"])
        let first = procedures[0]
        #expect(first["url"] as? String == "thu-tuc/1-000011/")
        #expect(first["source"] as? String == "thu-tuc/ban-tin.md")
        #expect(first["field"] as? String == "Báo chí")
        #expect((first["channels"] as? [[String: Any]])?.first?["channel"] as? String == "Trực tuyến")
        #expect((first["announcedBy"] as? [String: Any])?["date"] as? String == "2024-03-18")
        #expect(procedures[2]["status"] as? String == "abolished")
    }

    @Test func anIncompleteProcedureWarnsAndFailsStrictBuilds() throws {
        let site = try site(["thu-tuc/thieu.md": "---\ntype: TTHC\ncode: \"1.000016\"\ntitle: Thủ tục thiếu\nsteps: [Nộp hồ sơ]\n---\n"])
        defer { site.remove() }
        let report = try site.build()
        let warning = try #require(report.warnings.first { $0.file == "thu-tuc/thieu.md" })
        for part in ["cách thức thực hiện", "thành phần, số lượng hồ sơ", "thời hạn giải quyết", "đối tượng thực hiện",
                     "cơ quan thực hiện", "kết quả thực hiện"] {
            #expect(warning.message.contains(part), "\(part)")
        }
        #expect(!warning.message.contains("trình tự"))
        #expect(site.exists("thu-tuc/1-000016/index.html"))
        #expect(!(try site.build(strict: true)).written)
    }

    @Test func twoProceduresWithOneCodeAreAnError() throws {
        let site = try site(["thu-tuc/trung.md": complete.replacingOccurrences(of: "Cấp giấy phép xuất bản bản tin", with: "Bản sao")])
        defer { site.remove() }
        let report = try site.build()
        let errors = report.errors.filter { $0.message.contains("thu-tuc/1-000011/") }
        #expect(Set(errors.map(\.file)) == ["thu-tuc/ban-tin.md", "thu-tuc/trung.md"])
        #expect(errors.allSatisfy { $0.hint?.contains("mã thủ tục") == true })
    }
}
