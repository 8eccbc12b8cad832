import Foundation
import Testing

/// The site as citizens use it: the official layout in full, drafts, honest
/// procedure pages, citations that lead somewhere, plain pages and sharing.
/// Fixtures are about fictional bodies (Sở Nông nghiệp và Môi trường tỉnh Đồi Mây).
@Suite struct CitizenSiteTests {
    static let config = """
    name: Sở Nông nghiệp và Môi trường
    parent: Ủy ban nhân dân tỉnh Đồi Mây
    place: Đồi Mây
    base_url: https://snnmt.doimay.example.vn/
    legal_database_search_url: https://vanban.example.vn/tim-kiem?q={number}
    pages: [gioi-thieu, dau-moi-cung-cap-thong-tin]
    """

    /// A decision as converted from Word: no front matter, the header and footer printed.
    static let decision = """
    UBND TỈNH ĐỒI MÂY

    SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

    Số: 21/QĐ-SNNMT

    Đồi Mây, ngày 03 tháng 3 năm 2025

    QUYẾT ĐỊNH

    Về việc thành lập Tổ kiểm tra vệ sinh an toàn thực phẩm

    GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

    Căn cứ Nghị định số 15/2018/NĐ-CP ngày 02/02/2018 của Chính phủ quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm;

    Theo đề nghị của Chánh Văn phòng Sở.

    QUYẾT ĐỊNH:

    Điều 1. Thành lập Tổ kiểm tra vệ sinh an toàn thực phẩm.

    Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.

    Nơi nhận:

    - Như Điều 2
    - Thanh tra tỉnh
    - Lưu: VT, VP

    GIÁM ĐỐC

    Hoàng Thị Lan

    """

    /// A letter with its addressees as a list, and front matter spelling the issuer in sentence case.
    static let letter = """
    ---
    type: CV
    number: "45/SNNMT-VP"
    date: 2025-03-10
    title: V/v báo cáo tình hình sâu bệnh
    issuer: Sở Nông nghiệp và Môi trường
    signer: Hoàng Thị Lan
    signer_title: [GIÁM ĐỐC]
    attachments: [cv-45-da-ky.pdf]
    ---

    Kính gửi:

    - Phòng Kinh tế các huyện;
    - Trạm Bảo vệ thực vật.

    Đề nghị các đơn vị báo cáo trước ngày 20/3/2025.

    """

    static let draft = """
    ---
    type: BC
    number: "/BC-SNNMT"
    date: 2025-04
    title: Kết quả chuyển đổi cây trồng quý I năm 2025
    ---

    Nội dung dự thảo.

    """

    static let procedure = """
    ---
    type: TTHC
    code: "2.000111"
    title: Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm
    field: Quản lý chất lượng
    level: Cấp tỉnh
    online_level: toàn trình
    status: mới
    agency: Chi cục Quản lý chất lượng
    competent_agency: ""
    time_limit: 15 ngày làm việc
    fees: 500.000 đồng
    ---

    ## Trình tự thực hiện

    Nộp hồ sơ, nhận kết quả.

    """

    static let introduction = """
    ---
    title: Giới thiệu Sở
    date: 2025-05-02
    ---

    Sở Nông nghiệp và Môi trường là cơ quan chuyên môn của Ủy ban nhân dân tỉnh Đồi Mây.

    Xem [Quyết định thành lập tổ](../2025/qd-21.md).

    """

    static let contactPoint = """
    ---
    type: trang
    ---

    # Đầu mối cung cấp thông tin

    Văn phòng Sở, điện thoại 0200 000 000.

    """

    static func makeSite() throws -> SiteFixture {
        let site = try SiteFixture(files: ["2025/qd-21.md": decision, "2025/cv-45.md": letter, "2025/bao-cao-du-thao.md": draft,
                                           "thu-tuc/cap-giay-atvstp.md": procedure, "trang/gioi-thieu.md": introduction,
                                           "lien-he/dau-moi-cung-cap-thong-tin.md": contactPoint], config: config)
        try site.write("2025/cv-45-da-ky.pdf", Data("%PDF-1.4 bản đã ký\n".utf8))
        return site
    }

    @Test func aDecisionIsLaidOutAsPrinted() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("van-ban/2025/21-qd-snnmt/index.html")
        #expect(page.contains("<p class=\"official-authority\">GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG</p>"))
        #expect(page.contains("<p class=\"official-enacting\">QUYẾT ĐỊNH:</p>"))
        #expect(page.contains("<strong>Điều 1.</strong>"))
        // "Nơi nhận" keeps its printed punctuation although the source dropped it
        #expect(page.contains("<li>Như Điều 2;</li>") && page.contains("<li>Thanh tra tỉnh;</li>"))
        #expect(page.contains("<li>Lưu: VT, VP.</li>"))
    }

    @Test func kinhGuiStandsWithItsAddresseesAndTheSignedCopyIsOffered() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("van-ban/2025/45-snnmt-vp/index.html")
        #expect(page.contains("<div class=\"official-addressees\"><p>Kính gửi:</p>"))
        #expect(page.contains("Trạm Bảo vệ thực vật.</li>\n</ul></div>"))
        #expect(page.contains("<p class=\"signed-note\" role=\"note\">Bản điện tử của văn bản đã ký."))
        #expect(page.contains("<a href=\"../../../tep/2025/cv-45-da-ky.pdf\">Tải bản đã ký</a>"))
    }

    @Test func oneIssuerHasOneNameInTheCatalogue() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.build()
        // the decision's header prints the issuer in capitals; the letter's front matter in sentence case
        #expect(try site.entry("van-ban/2025/21-qd-snnmt/")["issuer"] as? String == "Sở Nông nghiệp và Môi trường")
        #expect(try site.entry("van-ban/2025/45-snnmt-vp/")["issuer"] as? String == "Sở Nông nghiệp và Môi trường")
        // the header still shows it as printed (the theme sets capitals)
        #expect(try site.page("van-ban/2025/21-qd-snnmt/index.html").contains("<p class=\"issuer\">Sở Nông nghiệp và Môi trường</p>"))
    }

    @Test func aDraftIsMarkedAndIsNotNews() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.build()
        let draft = try site.catalogue().first { ($0["title"] as? String)?.hasPrefix("Kết quả chuyển đổi") == true }
        let url = try #require(draft?["url"] as? String)
        let page = try site.page(url + "index.html")
        #expect(page.contains("class=\"banner draft-banner\""))
        #expect(!page.contains("signed-note"))
        let home = try site.page("index.html")
        let latest = String(home[home.range(of: "id=\"moi-nhat\"")!.lowerBound..<home.range(of: "id=\"tra-cuu\"")!.lowerBound])
        #expect(!latest.contains("Kết quả chuyển đổi cây trồng"))
        #expect(latest.contains("Thành lập Tổ kiểm tra") || latest.contains("thành lập Tổ kiểm tra"))
        let year = try site.page("nam/2025/index.html")
        #expect(year.contains("<span class=\"draft-mark\">Dự thảo</span>"))
    }

    @Test func aProcedureSaysOnlyWhatIsKnown() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("thu-tuc/2-000111/index.html")
        #expect(!page.contains("Không quy định"))
        #expect(page.contains("Chưa có thông tin."))
        #expect(page.contains("<dd>Toàn trình</dd>") && page.contains("<dd>Mới</dd>"))
        #expect(page.contains("<dd>500.000 đồng</dd>") && page.contains("<dd>15 ngày làm việc</dd>"))
        // an empty value has no label of its own
        #expect(!page.contains("Cơ quan có thẩm quyền:"))
        // the summary comes before the 12 sections in the page
        #expect(page.range(of: "doc-summary-panel")!.lowerBound < page.range(of: "id=\"muc-1\"")!.lowerBound)
        let list = try site.page("thu-tuc/index.html")
        #expect(list.contains("<td data-label=\"Trực tuyến\">Toàn trình</td>"))
        #expect(list.contains("<td class=\"col-number\" data-label=\"Mã\">2.000111</td>"))
    }

    @Test func citationsLeadToTheCitedDocumentsIndex() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("van-ban/2025/21-qd-snnmt/index.html")
        let citation = "van-ban-duoc-vien-dan/15-2018-nd-cp/"
        #expect(page.contains("<a href=\"../../../\(citation)index.html\">Nghị định số 15/2018/NĐ-CP</a>"))
        #expect(page.contains("<a href=\"../../../van-ban-duoc-vien-dan/index.html\">Văn bản được viện dẫn</a>"))
        let cited = try site.page(citation + "index.html")
        #expect(cited.contains("<dt>Loại văn bản</dt><dd>Nghị định</dd>"))
        #expect(cited.contains("<dt>Cơ quan ban hành</dt><dd>Chính phủ</dd>"))
        #expect(cited.contains("<dt>Được viện dẫn là</dt><dd>Nghị định số 15/2018/NĐ-CP</dd>"))
        #expect(cited.contains("href=\"https://vanban.example.vn/tim-kiem?q=15%2F2018%2FN%C4%90%2DCP\""))

        // without the setting, no search link
        let plain = try SiteFixture(files: ["2025/qd-21.md": Self.decision])
        defer { plain.remove() }
        try plain.build()
        #expect(!(try plain.page(citation + "index.html")).contains("vanban.example.vn"))
    }

    @Test func plainPagesAreInTheMenuTheRouteTableAndNotTheCatalogue() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let report = try site.build()
        #expect(report.pages.contains("trang/gioi-thieu/") && report.pages.contains("trang/dau-moi-cung-cap-thong-tin/"))
        let intro = try site.page("trang/gioi-thieu/index.html")
        #expect(intro.contains("<h1 id=\"page-title\">Giới thiệu Sở</h1>"))
        #expect(!intro.contains("doc-header"))
        #expect(intro.contains("<a href=\"../../van-ban/2025/21-qd-snnmt/index.html\">Quyết định thành lập tổ</a>"))
        let contact = try site.page("trang/dau-moi-cung-cap-thong-tin/index.html")
        #expect(contact.contains("<h1 id=\"page-title\">Đầu mối cung cấp thông tin</h1>"))
        #expect(!contact.contains("<h2>Đầu mối"))
        // site.yml's order (the introduction, then the contact point), not the alphabet's
        let home = try site.page("index.html")
        let first = try #require(home.range(of: ">Giới thiệu Sở</a>"))
        let second = try #require(home.range(of: ">Đầu mối cung cấp thông tin</a>"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(try site.catalogue().allSatisfy { !($0["url"] as? String ?? "").hasPrefix("trang/") })
    }

    @Test func everyPageCanBeShared() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("van-ban/2025/21-qd-snnmt/index.html")
        #expect(page.contains("<meta name=\"description\" content=\"Quyết định số 21/QĐ-SNNMT ngày 03/03/2025 của "
                              + "Sở Nông nghiệp và Môi trường: "))
        #expect(page.contains("<meta property=\"og:url\" content=\"https://snnmt.doimay.example.vn/van-ban/2025/21-qd-snnmt/\">"))
        #expect(page.contains("<meta property=\"og:site_name\" content=\"Sở Nông nghiệp và Môi trường\">"))
        // a document's page: its own date; a list: the newest content date (the plain page's 2025-05-02); never the clock
        #expect(page.contains("Cập nhật lần cuối: <time datetime=\"2025-03-03\">ngày 03 tháng 3 năm 2025</time>"))
        #expect(try site.page("index.html").contains("Cập nhật lần cuối: <time datetime=\"2025-05-02\">ngày 02 tháng 5 năm 2025</time>"))
        for path in ["index.html", "nam/2025/index.html", "thu-tuc/index.html", "trang/gioi-thieu/index.html"] {
            #expect(try site.page(path).contains("<meta name=\"description\" content=\""), "\(path)")
        }
    }
}
