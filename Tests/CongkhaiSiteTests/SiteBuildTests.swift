import CongkhaiMessages
import CongkhaiSite
import Foundation
import Testing

@Suite struct SiteBuildTests {
    @Test func seedShapedDocumentsGetTheOfficialLayout() throws {
        let site = try SiteFixture(fixture: "seed-shaped")
        defer { site.remove() }
        let report = try site.build()
        #expect(report.errors.isEmpty)
        #expect(report.documentCount == 2)

        let draft = try site.page("van-ban/2020/ket-qua-thuc-hien-cong-tac-dan-van-cua-chinh-quyen-nam-2020/index.html")
        #expect(draft.contains("<html lang=\"vi\">"))
        #expect(draft.contains("<p class=\"doc-number\">Số:    /BC-STTTT-VP</p>"))
        #expect(draft.contains("<time datetime=\"2020-11-16\">ngày 16 tháng 11 năm 2020</time>"))
        #expect(draft.contains("<span class=\"doc-type\">BÁO CÁO</span> "
            + "<span class=\"doc-summary\">Kết quả thực hiện công tác dân vận của chính quyền năm 2020</span>"))
        #expect(draft.contains("<h2 id=\"muc-i\">I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO</h2>"))
        #expect(draft.contains("<h3 id=\"muc-1\">1. Công tác lãnh đạo của cấp ủy</h3>"))
        // the page break inside a sentence is mended
        #expect(draft.contains("góp phần đưa các chủ trương"))
        // header and footer lines appear once, in the layout, not as body paragraphs
        let body = try #require(draft.components(separatedBy: "<div class=\"doc-body\">").last?.components(separatedBy: "</div>").first)
        #expect(!body.contains("Nơi nhận"))
        #expect(!body.contains("Số:"))
        #expect(!body.contains("Trần Văn Bình"))
        #expect(draft.components(separatedBy: "Trần Văn Bình").count == 3) // signature and metadata panel
        #expect(draft.contains("<li>Sở Nội vụ (b/c);</li>"))
        #expect(draft.contains("<p class=\"signer-title\">KT. GIÁM ĐỐC</p>"))
        #expect(draft.contains("<h2 id=\"phu-luc-1\">PHỤ LỤC SỐ LIỆU</h2>"))
        #expect(draft.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng\"><table>"))

        let plan = try site.page("van-ban/2021/23-kh-stttt-vp/index.html")
        #expect(plan.contains("Thực hiện công tác dân vận chính quyền năm 2021</span>"))
        #expect(plan.contains("<p>1. Tiếp tục quán triệt"))
        let planBody = try #require(plan.components(separatedBy: "<div class=\"doc-body\">").last?.components(separatedBy: "</div>").first)
        #expect(!planBody.contains("<ol"))
    }

    @Test func catalogueHasOneEntryPerDocument() throws {
        let site = try SiteFixture(fixture: "seed-shaped")
        defer { site.remove() }
        try site.build()
        let plan = try site.entry("van-ban/2021/23-kh-stttt-vp/")
        #expect(plan["type"] as? String == "KH")
        #expect(plan["typeName"] as? String == "Kế hoạch")
        #expect(plan["number"] as? String == "23/KH-STTTT-VP")
        #expect(plan["symbol"] as? String == "KH-STTTT-VP")
        #expect(plan["year"] as? Int == 2021)
        #expect(plan["date"] as? String == "2021-04-07")
        #expect(plan["signer"] as? String == "Lê Văn Tâm")
        #expect(plan["signerTitle"] as? [String] == ["GIÁM ĐỐC"])
        #expect(plan["recipients"] as? [String] == ["Sở Nội vụ", "Lưu: VT"])
        #expect(plan["source"] as? String == "ke-hoach-dan-van.md")
        #expect(plan["field"] is NSNull)
        let draft = try #require(try site.catalogue().first { ($0["url"] as? String)?.hasPrefix("van-ban/2020/") == true })
        #expect(draft["number"] is NSNull)
        #expect(draft["symbol"] as? String == "BC-STTTT-VP")
        let urls = try site.catalogue().compactMap { $0["url"] as? String }
        #expect(urls == urls.sorted())
    }

    @Test func yearTypeAndNumberIndexes() throws {
        func doc(_ number: String?, _ date: String?, _ title: String, type: String = "KH") -> String {
            var fm = "---\ntype: \(type)\ntitle: \(title)\n"
            if let number { fm += "number: \"\(number)\"\n" }
            if let date { fm += "date: \(date)\n" }
            return fm + "---\n\nNội dung.\n"
        }
        let site = try SiteFixture(files: [
            "a.md": doc("10/KH-STTTT", "2023-05-01", "Kế hoạch mười"),
            "b.md": doc("2/KH-STTTT", "2023-02-01", "Kế hoạch hai"),
            "c.md": doc("05/KH-STTTT", "2023-03-01", "Kế hoạch năm"),
            "d.md": doc(nil, "2023-06-01", "Báo cáo chưa có số", type: "BC"),
            "e.md": doc("15/2023/QĐ-UBND", nil, "Quyết định không ghi ngày", type: "QĐ"),
            "f.md": doc(nil, nil, "Văn bản không rõ năm", type: "TB"),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.errors.isEmpty)

        let year = try site.page("nam/2023/index.html")
        let order = ["Báo cáo chưa có số", "Kế hoạch mười", "Kế hoạch năm", "Kế hoạch hai", "Chưa rõ ngày ban hành",
                     "Quyết định không ghi ngày"]
        let positions = order.map { year.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil))
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())

        let numbers = try site.page("so-ky-hieu/2023/index.html")
        let numberOrder = ["2/KH-STTTT", "05/KH-STTTT", "10/KH-STTTT", "<h2 id=\"chua-co-so\">Chưa có số", "Báo cáo chưa có số"]
        let numberPositions = numberOrder.compactMap { numbers.range(of: $0)?.lowerBound }
        #expect(numberPositions.count == numberOrder.count)
        #expect(numberPositions == numberPositions.sorted())

        #expect(site.exists("loai/ke-hoach/index.html"))
        #expect(site.exists("loai/bao-cao/index.html"))
        #expect(try site.page("loai/index.html").contains("Kế hoạch"))
        #expect(try site.page("nam/khong-ro-nam/index.html").contains("Văn bản không rõ năm"))
        #expect(site.exists("van-ban/khong-ro-nam/van-ban-khong-ro-nam/index.html"))
        #expect(site.exists("van-ban/2023/15-2023-qd-ubnd/index.html"))
        let home = try site.page("index.html")
        #expect(home.contains("href=\"nam/2023/index.html\""))
        #expect(home.contains("href=\"so-ky-hieu/index.html\""))
        #expect(home.contains("href=\"loai/ke-hoach/index.html\""))
    }

    @Test func sameNumberInTwoYearsIsTwoPages() throws {
        let site = try SiteFixture(files: [
            "2024/a.md": "Số: 05/KH-STTTT\n\nHòa Bình, ngày 01 tháng 02 năm 2024\n\nKẾ HOẠCH\n\nNăm 2024\n\nNội dung.\n",
            "2025/a.md": "Số: 5/KH-STTTT\n\nHòa Bình, ngày 03 tháng 02 năm 2025\n\nKẾ HOẠCH\n\nNăm 2025\n\nNội dung.\n",
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.errors.isEmpty)
        #expect(try site.page("van-ban/2024/5-kh-stttt/index.html").contains("Năm 2024"))
        #expect(try site.page("van-ban/2025/5-kh-stttt/index.html").contains("Năm 2025"))
    }

    @Test func twoDocumentsAtOneURLAreAnErrorNamingBoth() throws {
        let plan = "---\ntype: KH\nnumber: \"12/KH-STTTT\"\ndate: 2024-03-01\ntitle: Kế hoạch\n---\nNội dung.\n"
        let site = try SiteFixture(files: [
            "mot.md": plan, "hai.md": plan.replacingOccurrences(of: "12/KH", with: "012/KH"),
            "khac.md": "---\ntype: BC\nnumber: \"3/BC-STTTT\"\ndate: 2024-03-02\ntitle: Báo cáo\n---\nNội dung.\n",
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.written)
        #expect(report.errors.count == 2)
        let messages = report.errors.map(\.english).joined(separator: "\n")
        #expect(messages.contains("mot.md") && messages.contains("hai.md"))
        #expect(messages.contains("van-ban/2024/12-kh-stttt/"))
        #expect(!site.exists("van-ban/2024/12-kh-stttt/index.html"))
        #expect(site.exists("van-ban/2024/3-bc-stttt/index.html"))
    }

    @Test func documentWithoutHeaderOrFrontMatterStillBuilds() throws {
        let site = try SiteFixture(files: ["lich.md": "Lịch trực cơ quan dịp Tết Nguyên đán\n\nCơ quan bố trí trực theo lịch dưới đây.\n"])
        defer { site.remove() }
        let report = try site.build()
        let warning = try #require(report.warnings.first { $0.file == "lich.md" })
        #expect(warning.message.contains("type"))
        #expect(warning.message.contains("number"))
        #expect(warning.message.contains("date"))
        #expect(warning.hint != nil)
        let entry = try site.entry("van-ban/khong-ro-nam/lich-truc-co-quan-dip-tet-nguyen-dan/")
        #expect(entry["title"] as? String == "Lịch trực cơ quan dịp Tết Nguyên đán")
    }

    @Test func missingSiteConfigurationGivesDefaultsAndOneWarning() throws {
        let site = try SiteFixture(files: ["a.md": "---\ntype: TB\ndate: 2024-01-02\ntitle: Thông báo\nnumber: \"1/TB-STTTT\"\n---\n"
                                                   + "Nội dung.\n"], config: nil)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.file == "site.yml")
        #expect(report.written)
    }

    @Test func longListsArePaginated() throws {
        var files: [String: String] = ["site.yml": SiteFixture.siteConfig + "\npage_size: 5\n"]
        for i in 1...12 {
            files["\(i).md"] = "---\ntype: BC\nnumber: \"\(i)/BC-STTTT\"\ndate: 2024-01-\(String(format: "%02d", i))\n"
                + "title: Báo cáo số \(i)\n---\nNội dung.\n"
        }
        let site = try SiteFixture(files: files, config: nil)
        defer { site.remove() }
        try site.build()
        let first = try site.page("nam/2024/index.html")
        #expect(first.contains("Báo cáo số 12"))
        #expect(!first.contains("Báo cáo số 7<"))
        #expect(first.contains("href=\"../../nam/2024/trang-2/index.html\" rel=\"next\""))
        let last = try site.page("nam/2024/trang-3/index.html")
        #expect(last.contains("Báo cáo số 1<") || last.contains("Báo cáo số 1</a>"))
        #expect(last.contains("href=\"../../../nam/2024/trang-2/index.html\" rel=\"prev\""))
        #expect(last.contains("aria-current=\"page\">3</a>"))
        #expect(site.exists("loai/bao-cao/trang-3/index.html"))
        #expect(!site.exists("nam/2024/trang-4/index.html"))
    }

    @Test func aLongYearOfNumbersRunsOverPages() throws {
        var files: [String: String] = ["site.yml": SiteFixture.siteConfig + "\npage_size: 5\n"]
        for i in 1...22 {
            files["bc\(i).md"] = "---\ntype: BC\nnumber: \"\(i)/BC-STTTT\"\ndate: 2024-02-01\ntitle: Báo cáo số \(i)\n---\nNội dung.\n"
        }
        for i in 1...3 {
            files["kh\(i).md"] = "---\ntype: KH\nnumber: \"\(i)/KH-STTTT\"\ndate: 2024-03-01\ntitle: Kế hoạch số \(i)\n---\nNội dung.\n"
        }
        let site = try SiteFixture(files: files, config: nil)
        defer { site.remove() }
        try site.build()
        let first = try site.page("so-ky-hieu/2024/index.html")
        let second = try site.page("so-ky-hieu/2024/trang-2/index.html")
        // 20 rows a page: reports 1–20 on the first page, 21–22 and the plans on the second
        #expect(first.contains(">20/BC-STTTT<") && !first.contains(">21/BC-STTTT<"))
        #expect(second.contains(">21/BC-STTTT<") && second.contains(">3/KH-STTTT<"))
        #expect(second.contains("<h2 id=\"bao-cao\">Báo cáo</h2>")) // the group's heading again
        #expect(second.contains("href=\"../../../so-ky-hieu/2024/index.html#bao-cao\">Báo cáo</a> (22)"))
        #expect(second.contains("href=\"#ke-hoach\">Kế hoạch</a> (3)"))
        #expect(!site.exists("so-ky-hieu/2024/trang-3/index.html"))
    }

    @Test func attachmentsAreCopiedLinkedAndMeasured() throws {
        let site = try SiteFixture(files: [
            "2024/bao-cao.md": "---\ntype: BC\nnumber: \"7/BC-STTTT\"\ndate: 2024-05-02\ntitle: Báo cáo\n"
                + "attachments: [Phụ lục số liệu.pdf, ../../etc/passwd, khong-co.pdf]\n---\n"
                + "Xem [phụ lục](Phụ%20lục%20số%20liệu.pdf) và [kế hoạch](../ke-hoach.md).\n",
            "ke-hoach.md": "---\ntype: KH\nnumber: \"2/KH-STTTT\"\ndate: 2024-01-02\ntitle: Kế hoạch\n---\nNội dung.\n",
            "2024/script.js": "alert(1)",
        ])
        defer { site.remove() }
        try site.write("2024/Phụ lục số liệu.pdf", Data(repeating: 0x25, count: 3 * 1024))
        let report = try site.build()
        #expect(site.exists("tep/2024/phu-luc-so-lieu.pdf"))
        #expect(!site.exists("tep/2024/script.js"))
        let page = try site.page("van-ban/2024/7-bc-stttt/index.html")
        #expect(page.contains("href=\"../../../tep/2024/phu-luc-so-lieu.pdf\""))
        #expect(page.contains("(PDF, 3 KB)"))
        #expect(page.contains("<a href=\"../../../van-ban/2024/2-kh-stttt/index.html\">kế hoạch</a>"))
        let messages = report.warnings.map(\.message)
        #expect(messages.contains { $0.contains("../../etc/passwd") && $0.contains("outside") })
        #expect(messages.contains { $0.contains("khong-co.pdf") && $0.contains("not found") })
        #expect(messages.contains { $0.contains(".js") })
        let entry = try site.entry("van-ban/2024/7-bc-stttt/")
        let files = try #require(entry["attachments"] as? [[String: Any]])
        #expect(files.first?["format"] as? String == "PDF")
        #expect(files.first?["size"] as? Int == 3072)
    }

    @Test func identicalInputGivesIdenticalOutput() throws {
        let site = try SiteFixture(fixture: "seed-shaped")
        defer { site.remove() }
        try site.write("2024/a.md", "---\ntype: TB\nnumber: \"1/TB-STTTT\"\ndate: 2024-01-02\ntitle: Thông báo\n---\n"
            + "~~cũ~~ mới, https://example.gov.vn\n")
        let second = site.root.appendingPathComponent("Site2")
        try site.build()
        try site.build(output: second)
        let a = try site.allFiles()
        let b = try site.allFiles(in: second)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
    }

    @Test func everyInternalLinkIsRelativeAndResolves() throws {
        let site = try SiteFixture(fixture: "seed-shaped")
        defer { site.remove() }
        try site.build()
        let pattern = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
        var checked = 0
        // 404.html is served at any depth, so its links start at the root (DisclosureAndListsTests checks them).
        for (path, data) in try site.allFiles() where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                if link.hasPrefix("http") || link.hasPrefix("mailto:") || link.hasPrefix("#") { continue }
                #expect(!link.hasPrefix("/"), "\(path): \(link)")
                let target = link.components(separatedBy: "#")[0]
                let resolved = site.output.appendingPathComponent(path).deletingLastPathComponent()
                    .appendingPathComponent(target).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path): \(link)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}
