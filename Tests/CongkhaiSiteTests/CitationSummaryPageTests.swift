import Foundation
import Testing

/// The cited-documents page of an external document says what the citing texts say it is
/// about, next to its type word and issuer. Fictional bodies of the province of Đồi Mây.
@Suite struct CitationSummaryPageTests {
    static func decision(_ number: String, body: String) -> String {
        "---\ntype: QĐ\nnumber: \"\(number)\"\ndate: 2031-03-02\ntitle: Về việc giao chỉ tiêu số \(number)\n---\n\n\(body)\n"
    }

    static let basis = "Căn cứ Nghị định số 88/2030/NĐ-CP ngày 01/02/2030 của Chính phủ"

    static func makeSite() throws -> SiteFixture {
        try SiteFixture(files: [
            // two documents give one summary, a third another: the first is shown
            "2031/c.md": decision("3/QĐ-SNNMT", body: basis + " quy định về quản lý giống cây trồng;\n\nQUYẾT ĐỊNH:"),
            "2031/b.md": decision("2/QĐ-SNNMT", body: basis + " về giống cây trồng & vật nuôi;\n\nQUYẾT ĐỊNH:"),
            "2031/d.md": decision("4/QĐ-SNNMT", body: basis + " quy định về quản lý giống cây trồng;\n\nQUYẾT ĐỊNH:"),
            // content is untrusted: a summary with markup in it
            "2031/e.md": decision("5/QĐ-SNNMT", body: "Thực hiện Công văn số 77/UBND-KT ngày 02/3/2031 của UBND tỉnh về việc "
                + "<script>alert(1)</script> thử nghiệm giống mới;\n\nQUYẾT ĐỊNH:"),
        ])
    }

    @Test func theMostCommonSummaryStandsBesideTheTypeAndIssuer() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.build()
        let page = try site.page("van-ban-duoc-vien-dan/88-2030-nd-cp/index.html")
        #expect(page.contains("<dt>Loại văn bản</dt><dd>Nghị định</dd>\n<dt>Cơ quan ban hành</dt><dd>Chính phủ</dd>\n"
            + "<dt>Trích yếu (theo văn bản viện dẫn)</dt><dd>quy định về quản lý giống cây trồng</dd>"))
        #expect(!page.contains("vật nuôi"))
    }

    @Test func aTieGoesToTheFirstCitingFileAndTheSummaryIsEscaped() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("2031/d.md"))
        try site.build()
        // one each: b.md sorts before c.md
        let tie = try site.page("van-ban-duoc-vien-dan/88-2030-nd-cp/index.html")
        #expect(tie.contains("<dd>về giống cây trồng &amp; vật nuôi</dd>"))
        let letter = try site.page("van-ban-duoc-vien-dan/77-ubnd-kt-2031/index.html")
        #expect(letter.contains("<dd>về việc &lt;script&gt;alert(1)&lt;/script&gt; thử nghiệm giống mới</dd>"))
        #expect(!letter.contains("<script>alert"))
    }

    @Test func aCitationThatSaysNothingMoreHasNoSummaryLine() throws {
        let site = try SiteFixture(files: ["2031/a.md": Self.decision("6/QĐ-SNNMT", body: "Căn cứ Nghị định số 88/2030/NĐ-CP;")])
        defer { site.remove() }
        try site.build()
        let page = try site.page("van-ban-duoc-vien-dan/88-2030-nd-cp/index.html")
        #expect(page.contains("<dd>Nghị định</dd>"))
        #expect(!page.contains("Trích yếu (theo văn bản viện dẫn)"))
    }
}
