@testable import CongkhaiSite
import Foundation
import Testing

/// The disclosure catalogue (page and CSV), the lists that narrow down, the
/// recently posted list and the 404 page, on fixture sites.
@Suite struct DisclosureAndListsTests {
    static let base = DiscoveryFixture.baseURL

    @Test func theCatalogueGroupsEveryItemByArticle17WithFormAndDuration() throws {
        let site = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config() + """

        disclosure:
          default: {form: Đăng trên trang thông tin điện tử của Sở}
          KH: {duration: Đến khi kế hoạch hoàn thành}
          TB: {form: "Đăng trên trang; niêm yết tại trụ sở"}
        """)
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.diagnostics.contains { $0.file == "site.yml" }, "\(report.diagnostics)")
        #expect(report.pages.contains("danh-muc-cong-khai/"))
        let page = try site.page("danh-muc-cong-khai/index.html")
        let headings = page.components(separatedBy: "<h2 id=\"nhom-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(page.contains("<a href=\"#nhom-plans\">Chương trình, dự án, đề án, kế hoạch; chương trình, kế hoạch công tác"
                              + " (điểm d khoản 1 Điều 17)</a> (2)"))
        #expect(headings == ["legal", "procedures", "guidance", "plans", "reports", "other"])
        #expect(page.contains("9 mục"))
        // a posted notice: 30 days at least, counted from the day it was posted (1/12/2024)
        #expect(page.contains("Ít nhất 30 ngày (đến 31/12/2024)"))
        #expect(page.contains("<td>Đăng trên trang; niêm yết tại trụ sở</td>"))
        #expect(page.contains("<td>Đến khi kế hoạch hoàn thành</td>"))
        #expect(page.contains("<td>Đăng trên trang thông tin điện tử của Sở</td><td class=\"col-date\"><time datetime=\"2024-04-03\">"))
        #expect(page.contains("<td>Thường xuyên</td>"))
        #expect(page.contains("&lt;phương hướng&gt;") && !page.contains("<phương hướng>"))
        #expect(page.contains("href=\"../van-ban/2024/12-kh-stttt/index.html\""))
        #expect(page.contains("Chưa ghi ngày đăng"))
        // the page is reachable from every page's footer
        #expect(try site.page("nam/2024/index.html").contains("href=\"../../danh-muc-cong-khai/index.html\""))
    }

    @Test func aLongCatalogueRunsOverPagesWithItsGroupsMenuOnEach() throws {
        var files = DiscoveryFixture.files
        for n in 1...15 {
            files["2022/cong-van-\(n).md"] = DiscoveryFixture.doc("CV", "\(n)/STTTT-VP", date: "2022-03-\(10 + n)", title: "V/v số \(n)")
        }
        let site = try SiteFixture(files: files, config: DiscoveryFixture.config(pageSize: 5))
        defer { site.remove() }
        let report = try site.build()
        // 24 items, 20 a page (four times page_size, as the number index)
        #expect(report.pages.filter { $0.hasPrefix("danh-muc-cong-khai/") } == ["danh-muc-cong-khai/", "danh-muc-cong-khai/trang-2/"])
        let first = try site.page("danh-muc-cong-khai/index.html")
        #expect(first.contains("Đang xem 1–20 / 24") && first.contains("<a href=\"#nhom-other\">"))
        let second = try site.page("danh-muc-cong-khai/trang-2/index.html")
        #expect(second.contains("Đang xem 21–24 / 24"))
        #expect(second.contains("<a href=\"../../danh-muc-cong-khai/index.html#nhom-legal\">"))
        // the group that goes on repeats its heading; numbering goes on
        #expect(second.contains("<h2 id=\"nhom-other\">") && second.contains("<tr><td>21</td>") && !second.contains("<td>20</td>"))
        #expect(second.contains("href=\"../../api/danh-muc-cong-khai.csv\""))
    }

    @Test func aDisclosureSettingThatCannotBeUsedIsNamedAndLeftOut() throws {
        let site = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config() + """

        disclosure:
          TB: {days: 0}
          KH: {group: ke-hoach, form: Niêm yết}
        """)
        defer { site.remove() }
        let warnings = try site.build().warnings.filter { $0.file == "site.yml" }.map(\.message)
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.contains("'TB' has days: 0") })
        #expect(warnings.contains { $0.contains("'KH' has group: 'ke-hoach'") })
        let page = try site.page("danh-muc-cong-khai/index.html")
        // the notice keeps the 30 days of Art. 21; the plan keeps its group and its own form
        #expect(page.contains("Ít nhất 30 ngày (đến 31/12/2024)"))
        let plans = try #require(page.components(separatedBy: "id=\"nhom-plans\"").last)
        #expect(plans.contains("<td>Niêm yết</td>"))
    }

    @Test func theCatalogueCSVOpensInASpreadsheetWithoutRunningFormulas() throws {
        let site = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config())
        defer { site.remove() }
        try site.build()
        let data = try Data(contentsOf: site.output.appendingPathComponent("api/danh-muc-cong-khai.csv"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        // Python's csv module reads it back, as RFC 4180 says
        let json = try DiscoveryFixture.run("/usr/bin/env", ["python3", "-c", """
        import csv, json, sys
        with open(sys.argv[1], encoding="utf-8-sig", newline="") as f: print(json.dumps(list(csv.reader(f, strict=True))))
        """, site.output.appendingPathComponent("api/danh-muc-cong-khai.csv").path])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String]])
        #expect(rows.first == ["Nhóm thông tin", "Tên thông tin", "Loại", "Số, ký hiệu", "Ngày tạo ra", "Hình thức công khai",
                               "Thời điểm công khai", "Thời hạn công khai", "Tình trạng", "Đường dẫn"])
        #expect(rows.count == 10)
        #expect(rows.dropFirst().allSatisfy { $0.count == 10 })
        let report = try #require(rows.first { $0[3] == "45/BC-STTTT" })
        #expect(report[1] == "'=HYPERLINK(\"http://x\",\"Kết quả quý I, năm 2024\")")
        #expect(report[6] == "03/04/2024" && report[4] == "02/04/2024")
        #expect(report[9] == Self.base + "van-ban/2024/45-bc-stttt/")
        let replacing = try #require(rows.first { $0[3] == "90/QĐ-STTTT" })
        #expect(replacing[1].hasPrefix("'-Ban hành"))
        let replaced = try #require(rows.first { $0[3] == "58/QĐ-STTTT" })
        #expect(replaced[8] == "Đã bị thay thế")
        #expect(rows.dropFirst().allSatisfy { !["=", "+", "-", "@"].contains($0.joined().first.map(String.init) ?? "") })
        #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)" && CSVWriter.field("+1") == "'+1" && CSVWriter.field("a\"b") == "\"a\"\"b\"")
    }

    /// 12 plans in 2024 and one in 2023, one replaced decision, five to a page.
    static var listFiles: [String: String] {
        var files = DiscoveryFixture.files
        files["2023/ke-hoach-cu.md"] = DiscoveryFixture.doc("KH", "05/KH-STTTT", date: "2023-03-01", title: "Kế hoạch năm 2023")
        for n in 1...10 {
            files["2024/ke-hoach-\(n).md"] = DiscoveryFixture.doc("KH", "\(100 + n)/KH-STTTT", date: "2024-06-\(10 + n)",
                                                                  title: "Kế hoạch số \(n) của năm")
        }
        return files
    }

    @Test func aYearLinksToItsTypesAndNumbersAndATypeToItsYears() throws {
        let site = try SiteFixture(files: Self.listFiles, config: DiscoveryFixture.config(pageSize: 5))
        defer { site.remove() }
        try site.build()
        let year = try site.page("nam/2024/index.html")
        // 12 plans, 1 report, 1 notice, 1 decision in 2024; the number index has 20 rows a page
        #expect(year.contains("<a href=\"../../so-ky-hieu/2024/index.html#ke-hoach\">Kế hoạch</a> <span class=\"count\">12 văn bản</span>"))
        #expect(year.contains("<a href=\"../../so-ky-hieu/2024/index.html#thong-bao\">Thông báo</a> "
                              + "<span class=\"count\">1 văn bản</span>"))
        #expect(year.contains("<a href=\"../../so-ky-hieu/2024/index.html\">Số, ký hiệu của năm này</a>"))
        let later = try site.page("nam/2024/trang-2/index.html")
        #expect(later.contains("href=\"../../../so-ky-hieu/2024/index.html#ke-hoach\""))
        let plans = try site.page("loai/ke-hoach/index.html")
        #expect(plans.contains("<a href=\"../../loai/ke-hoach/index.html#nam-2024\">2024</a> <span class=\"count\">12 văn bản</span>"))
        #expect(plans.components(separatedBy: "<tr id=\"nam-2024\"").count == 2)
        // the decisions: 2024 on the first page, 2023 (the replaced one) on it too
        let decisions = try site.page("loai/quyet-dinh/index.html")
        #expect(decisions.contains("<a href=\"../../loai/quyet-dinh/index.html#nam-2023\">2023</a> <span class=\"count\">1 văn bản</span>"))
        #expect(decisions.contains("<tr id=\"nam-2023\" class=\"is-inactive\">"))
        // a year that starts on a later page links there: 12 plans of 2024, then the one of 2023 on page 3
        #expect(plans.contains("<a href=\"../../loai/ke-hoach/trang-3/index.html#nam-2023\">2023</a> "
                               + "<span class=\"count\">1 văn bản</span>"))
        #expect(try site.page("loai/ke-hoach/trang-3/index.html").contains("<tr id=\"nam-2023\">"))
    }

    @Test func aReplacedDocumentIsMarkedInEveryList() throws {
        let site = try SiteFixture(files: Self.listFiles, config: DiscoveryFixture.config(pageSize: 5))
        defer { site.remove() }
        try site.build()
        let row = " class=\"is-inactive\">"
        for path in ["nam/2023/index.html", "loai/quyet-dinh/index.html", "so-ky-hieu/2023/index.html", "danh-muc-cong-khai/index.html"] {
            let page = try site.page(path)
            #expect(page.contains(row) && page.contains("Đã bị thay thế"), "\(path) does not mark the replaced decision")
        }
        let recent = try site.page("moi-cap-nhat/trang-4/index.html")
        #expect(recent.contains(row) && recent.contains("Đã bị thay thế"))
        // the decision that replaces it is in force
        let year = try site.page("nam/2024/trang-2/index.html")
        #expect(year.contains("<th scope=\"col\">Tình trạng</th>"))
        #expect(!year.contains(row))
    }

    @Test func longListsShowPageLinksAndTheRangeAtTopAndBottom() throws {
        let site = try SiteFixture(files: Self.listFiles, config: DiscoveryFixture.config(pageSize: 5))
        defer { site.remove() }
        try site.build()
        let page = try site.page("loai/ke-hoach/trang-2/index.html")
        #expect(page.components(separatedBy: "<nav class=\"pagination\"").count == 3)
        #expect(page.components(separatedBy: "Đang xem 6–10 / 13").count == 3)
        #expect(try site.page("loai/ke-hoach/trang-3/index.html").contains("Đang xem 11–13 / 13"))
        #expect(try site.page("nam/2024/index.html").contains("Đang xem 1–5 / 15"))
        #expect(!(try site.page("loai/bao-cao/index.html")).contains("class=\"pagination\""))
    }

    @Test func theRecentListOrdersByPostingDayAndIsInTheMenu() throws {
        let site = try SiteFixture(files: Self.listFiles, config: DiscoveryFixture.config(pageSize: 5))
        defer { site.remove() }
        let report = try site.build()
        #expect(report.pages.filter { $0.hasPrefix("moi-cap-nhat/") } == ["moi-cap-nhat/", "moi-cap-nhat/trang-2/", "moi-cap-nhat/trang-3/",
                                                                          "moi-cap-nhat/trang-4/"])
        let first = try site.page("moi-cap-nhat/index.html")
        let posted = first.components(separatedBy: "<td class=\"col-date\"><time datetime=\"").dropFirst().map { String($0.prefix(10)) }
        #expect(posted == ["2024-12-01", "2024-09-10", "2024-06-20", "2024-06-19", "2024-06-18"])
        #expect(first.contains("Đang xem 1–5 / 20"))
        #expect(first.contains("<a href=\"../feed.atom\" type=\"application/atom+xml\">"))
        // the document with no date comes last
        #expect(try site.page("moi-cap-nhat/trang-4/index.html").contains("200/STTTT-VP"))
        #expect(try site.page("index.html").contains("<a href=\"moi-cap-nhat/index.html\">Mới cập nhật</a>"))
        let document = try site.page("van-ban/2024/12-kh-stttt/index.html")
        #expect(document.contains("<a href=\"../../../moi-cap-nhat/index.html\">Mới cập nhật</a>"))
    }

    @Test func the404PageLinksWorkFromAnyDepth() throws {
        let site = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config())
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.pages.contains { $0.contains("404") })
        let page = try site.page("404.html")
        #expect(page.contains("<h1>Không tìm thấy trang</h1>"))
        // Served at any depth, its links resolve against the <base> (base_url): in the file they are
        // those of a page at the root, and each leads to a file of the site.
        #expect(page.contains("<base href=\"\(Self.base)\">"))
        let links = Self.attributes(["href", "src", "action"], in: page).filter { $0 != Self.base }
        #expect(links.count > 10)
        for link in links where !link.hasPrefix("mailto:") && !link.hasPrefix("#") && !link.hasPrefix("https:") {
            let path = String(link.split(separator: "?")[0])
            #expect(site.exists(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path), "\(link) leads nowhere from the root")
        }
        #expect(page.contains("href=\"assets/style.css\""))
        #expect(!page.contains("rel=\"canonical\""))

        let bare = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config(baseURL: nil))
        defer { bare.remove() }
        try bare.build()
        #expect(try bare.page("404.html").contains("<base href=\"/\">"), "without base_url the links resolve from the server's root")
    }

    static func attributes(_ names: [String], in html: String) -> [String] {
        names.flatMap { name in
            html.components(separatedBy: " \(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
    }
}
