import Foundation
import Testing

extension IncrementalBuildTests {
    /// The cited-documents pages are kept by the records' digest: an edit of nothing but the
    /// words after a citation must still reach the cited document's page, as a full build makes it.
    @Test func aSummaryEditedInACitingTextReachesTheCitedDocumentsPage() throws {
        let w = try Workspace()
        try w.build()
        let doc = "2023/ke-hoach-chuyen-doi-so-2023.md"
        let cited = "van-ban-duoc-vien-dan/42-2022-nd-cp/index.html"
        let before = "quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng"
        #expect(try w.read(cited, in: w.site).contains("<dd>\(before)</dd>"))
        try w.write(doc, try w.read(doc).replacingOccurrences(of: before, with: "quy định về cổng dịch vụ công & <b>một cửa</b>"))
        let fresh = w.root.appendingPathComponent("Full")
        try FileManager.default.copyItem(at: w.site, to: fresh)
        try w.build(into: fresh, cache: false)
        try w.build()
        let page = try w.read(cited, in: w.site)
        #expect(page.contains("<dd>quy định về cổng dịch vụ công &amp; &lt;b&gt;một cửa&lt;/b&gt;</dd>"))
        #expect(!page.contains(before))
        let a = try SiteFixture.files(in: w.site), b = try SiteFixture.files(in: fresh)
        #expect(Set(a.keys) == Set(b.keys))
        #expect(a.keys.filter { a[$0] != b[$0] }.sorted() == [])
    }
}
