import CongkhaiMessages
import CongkhaiSite
import Foundation
import Testing

@Suite struct CitationTests {
    func doc(_ number: String, _ date: String, _ title: String, type: String = "KH", extra: String = "",
             body: String = "Nội dung.") -> String {
        "---\ntype: \(type)\nnumber: \"\(number)\"\ndate: \(date)\ntitle: \(title)\n\(extra)---\n\n\(body)\n"
    }

    @Test func theSameNumberInTwoYearsResolvesByTheCitationsYear() throws {
        let site = try SiteFixture(files: [
            "kh2020.md": doc("5/KH-STTTT", "2020-02-01", "Kế hoạch 2020"),
            "kh2021.md": doc("5/KH-STTTT", "2021-02-01", "Kế hoạch 2021"),
            "bc.md": doc("9/BC-STTTT", "2021-06-01", "Báo cáo", type: "BC",
                         body: "Thực hiện Kế hoạch số 05/KH-STTTT ngày 10/3/2021 của Sở, Sở báo cáo như sau."),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.isEmpty)
        let page = try site.page("van-ban/2021/9-bc-stttt/index.html")
        #expect(page.contains("Thực hiện <a href=\"../../../van-ban/2021/5-kh-stttt/index.html\">Kế hoạch số 05/KH-STTTT</a> "
            + "ngày 10/3/2021"))
        #expect(!page.contains("van-ban/2020/5-kh-stttt"))
        let entry = try site.entry("van-ban/2021/9-bc-stttt/")
        let cites = try #require(entry["cites"] as? [[String: Any]])
        #expect(cites.count == 1)
        #expect(cites[0]["text"] as? String == "Kế hoạch số 05/KH-STTTT")
        #expect(cites[0]["identifier"] as? String == "5/KH-STTTT")
        #expect(cites[0]["year"] as? Int == 2021)
        #expect(cites[0]["url"] as? String == "van-ban/2021/5-kh-stttt/")
        #expect(try site.entry("van-ban/2021/5-kh-stttt/")["citedBy"] as? [String] == ["van-ban/2021/9-bc-stttt/"])
        #expect((try site.entry("van-ban/2020/5-kh-stttt/")["citedBy"] as? [String])?.isEmpty == true)
        let planPage = try site.page("van-ban/2021/5-kh-stttt/index.html")
        #expect(planPage.contains("Được viện dẫn bởi"))
        #expect(planPage.contains("href=\"../../../van-ban/2021/9-bc-stttt/index.html\">Báo cáo 9/BC-STTTT</a>"))
    }

    @Test func aCitationWithoutAYear() throws {
        let one = try SiteFixture(files: [
            "kh.md": doc("7/KH-STTTT", "2022-02-01", "Kế hoạch"),
            "tb.md": doc("1/TB-STTTT", "2022-03-01", "Thông báo", type: "TB", body: "Theo Kế hoạch số 7/KH-STTTT của Sở."),
        ])
        defer { one.remove() }
        try one.build()
        #expect(try one.page("van-ban/2022/1-tb-stttt/index.html").contains(">Kế hoạch số 7/KH-STTTT</a>"))

        let two = try SiteFixture(files: [
            "a.md": doc("7/KH-STTTT", "2022-02-01", "Kế hoạch 2022"),
            "b.md": doc("7/KH-STTTT", "2023-02-01", "Kế hoạch 2023"),
            "tb.md": doc("1/TB-STTTT", "2023-03-01", "Thông báo", type: "TB", body: "Dòng đầu.\n\nTheo Kế hoạch số 7/KH-STTTT của Sở."),
        ])
        defer { two.remove() }
        let report = try two.build()
        // linked to neither plan (its panel links to the cited-documents index instead)
        let ambiguous = try two.page("van-ban/2023/1-tb-stttt/index.html")
        #expect(!ambiguous.contains("van-ban/2022/7-kh-stttt/index.html") && !ambiguous.contains("van-ban/2023/7-kh-stttt/index.html"))
        let warning = try #require(report.warnings.first { $0.message.contains("no year") })
        #expect(warning.file == "tb.md")
        #expect(warning.line == 10)
        #expect(warning.message.contains("a.md (2022)") && warning.message.contains("b.md (2023)"))
    }

    @Test func aCitationOfAnotherYearWarns() throws {
        let site = try SiteFixture(files: [
            "kh.md": doc("7/KH-STTTT", "2022-02-01", "Kế hoạch"),
            "tb.md": doc("1/TB-STTTT", "2023-03-01", "Thông báo", type: "TB", body: "Theo Kế hoạch số 7/KH-STTTT ngày 02/02/2023 của Sở."),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.contains { $0.message.contains("of 2023 matches no document of that year, only kh.md (2022)") })
        #expect(!(try site.page("van-ban/2023/1-tb-stttt/index.html")).contains("van-ban/2022/7-kh-stttt/index.html"))
    }

    @Test func externalReferencesAndTheCitationIndex() throws {
        let site = try SiteFixture(files: [
            "a.md": doc("1/KH-STTTT", "2022-02-01", "Kế hoạch một",
                        body: "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ."),
            "b.md": doc("2/KH-STTTT", "2022-03-01", "Kế hoạch hai",
                        body: "Căn cứ Nghị định số 30/2020/NĐ-CP và Kế hoạch số 1/KH-STTTT ngày 01/02/2022."),
            "c.md": doc("3/KH-STTTT", "2022-04-01", "Kế hoạch ba", body: "Theo Nghị định 30/2020/NĐ-CP, Nghị định số 92/2017/NĐCP."),
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.warnings.contains { $0.message.contains("92/2017/NĐCP looks mistyped; did you mean 92/2017/NĐ-CP") })
        let index = try site.page("van-ban-duoc-vien-dan/index.html")
        let decree = try #require(index.range(of: "30/2020/NĐ-CP"))
        let plan = try #require(index.range(of: "1/KH-STTTT"))
        #expect(decree.lowerBound < plan.lowerBound) // most cited first
        let decreePage = try site.page("van-ban-duoc-vien-dan/30-2020-nd-cp/index.html")
        for title in ["Kế hoạch một", "Kế hoạch hai", "Kế hoạch ba"] { #expect(decreePage.contains(title)) }
        #expect(decreePage.contains("không có trên trang"))
        // an identifier of this site is listed with its citing documents on its own page
        #expect(index.contains("href=\"../van-ban/2022/1-kh-stttt/index.html#duoc-vien-dan\">1/KH-STTTT</a>"))
        #expect(!site.exists("van-ban-duoc-vien-dan/1-kh-stttt-2022/index.html"))
        #expect(try site.page("van-ban/2022/1-kh-stttt/index.html").contains("<h3 id=\"duoc-vien-dan\">Được viện dẫn bởi</h3>"))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("api/citations.json")))
            as? [String: Any]
        let ids = try #require(json?["identifiers"] as? [[String: Any]])
        let first = try #require(ids.first)
        #expect(first["identifier"] as? String == "30/2020/NĐ-CP")
        #expect(first["count"] as? Int == 3)
        #expect(first["url"] is NSNull)
        #expect(ids.contains { $0["identifier"] as? String == "1/KH-STTTT" && $0["url"] as? String == "van-ban/2022/1-kh-stttt/" })
    }

    @Test func anIdentifierSplitByPDFExtractionIsFound() throws {
        let printed = ["Số: 4/TB-STTTT", "Hòa Bình, ngày 02 tháng 12 năm 2024", "THÔNG BÁO", "Lịch làm việc",
                       "Thực hiện Quyết định số 58/QĐ-", "STTTT ngày 05/5/2024 của Giám đốc Sở, Sở thông báo lịch làm việc như",
                       "sau: các ngày trong tuần, từ thứ Hai đến thứ Sáu, theo giờ hành chính của cơ quan nhà nước.",
                       "1. Buổi sáng: từ 7 giờ 30 phút.", "2. Buổi chiều: từ 13 giờ 30 phút.",
                       "Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC", "Lê Văn Tâm"]
        let site = try SiteFixture(files: [
            "qd.md": doc("58/QĐ-STTTT", "2024-05-05", "Quyết định", type: "QĐ"),
            "tb.md": printed.map { $0 + "  \n\n" }.joined(),
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.page("van-ban/2024/4-tb-stttt/index.html")
        #expect(page.contains("<a href=\"../../../van-ban/2024/58-qd-stttt/index.html\">Quyết định số 58/QĐ-STTTT</a> ngày 05/5/2024"))
    }

    @Test func typedRelationsShowOnBothPages() throws {
        let site = try SiteFixture(files: [
            "cu.md": doc("33/QĐ-STTTT", "2023-06-12", "Quyết định cũ", type: "QĐ", extra: "status: Còn hiệu lực\n"),
            "moi.md": doc("10/QĐ-STTTT", "2025-03-03", "Quyết định mới", type: "QĐ",
                          extra: "replaces:\n  - 33/QĐ-STTTT (2023)\nbased_on: [\"99/KH-STTTT (2020)\"]\n"),
        ])
        defer { site.remove() }
        let report = try site.build()
        let old = try site.page("van-ban/2023/33-qd-stttt/index.html")
        #expect(old.contains("<p class=\"banner\" role=\"note\"><strong>Văn bản này đã được thay thế bởi</strong> "
            + "<a href=\"../../../van-ban/2025/10-qd-stttt/index.html\">Quyết định 10/QĐ-STTTT</a>"))
        #expect(old.contains("Đã bị thay thế"))
        #expect(try site.entry("van-ban/2023/33-qd-stttt/")["status"] as? String == "Đã bị thay thế")
        let new = try site.page("van-ban/2025/10-qd-stttt/index.html")
        #expect(new.contains("<li>Thay thế: <a href=\"../../../van-ban/2023/33-qd-stttt/index.html\">Quyết định 33/QĐ-STTTT</a></li>"))
        #expect(!new.contains("class=\"banner\""))
        let relations = try #require(try site.entry("van-ban/2025/10-qd-stttt/")["relations"] as? [[String: Any]])
        #expect(relations.first?["type"] as? String == "replaces")
        #expect(relations.first?["url"] as? String == "van-ban/2023/33-qd-stttt/")
        let inverse = try #require(try site.entry("van-ban/2023/33-qd-stttt/")["relations"] as? [[String: Any]])
        #expect(inverse.first?["type"] as? String == "replacedBy")
        let dangling = try #require(report.warnings.first { $0.message.contains("99/KH-STTTT") })
        #expect(dangling.file == "moi.md")
        #expect(dangling.line == 8)
    }

    @Test func aLaterMentionWithoutAYearIsTheSameExternalDocument() throws {
        let site = try SiteFixture(files: [
            "a.md": doc("1/KH-STTTT", "2022-02-01", "Kế hoạch một",
                        body: "Theo Nghị quyết số 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương; Nghị quyết 19-NQ/TW nói trên."),
            "b.md": doc("2/KH-STTTT", "2022-03-01", "Kế hoạch hai", body: "Tiếp tục thực hiện Nghị quyết số 19-NQ/TW."),
        ])
        defer { site.remove() }
        try site.build()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appendingPathComponent("api/citations.json")))
            as? [String: Any]
        let ids = try #require(json?["identifiers"] as? [[String: Any]])
        #expect(ids.count == 1)
        #expect(ids.first?["year"] as? Int == 2017)
        #expect(ids.first?["count"] as? Int == 2)
        #expect((try site.entry("van-ban/2022/1-kh-stttt/")["cites"] as? [Any])?.count == 1)
    }

    @Test func aDocumentsOwnNumberInItsAppendixIsNotACitation() throws {
        let site = try SiteFixture(fixture: "seed-shaped")
        defer { site.remove() }
        try site.write("bc.md", "Số: 12/BC-STTTT\n\nHòa Bình, ngày 02 tháng 3 năm 2024\n\nBÁO CÁO\n\nQuý I\n\nNội dung.\n\nPHỤ LỤC\n\n"
            + "(Kèm theo Báo cáo số 12/BC-STTTT ngày 02/3/2024)\n\n| A | B |\n|---|---|\n| 1 | 2 |\n")
        try site.build()
        let entry = try site.entry("van-ban/2024/12-bc-stttt/")
        #expect((entry["cites"] as? [Any])?.isEmpty == true)
        #expect((entry["citedBy"] as? [Any])?.isEmpty == true)
    }
}
