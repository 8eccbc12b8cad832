@testable import CongkhaiSite
import CongkhaiMessages
import CongkhaiDomain
import Foundation
import Testing

/// What a clumsy clerk or an attacker can do to the content and output
/// folders: nothing is lost silently, nothing unsafe is published.
@Suite struct SiteSafetyTests {
    static func doc(_ number: String, _ title: String, date: String = "2024-03-01") -> String {
        "---\ntype: TB\nnumber: \"\(number)\"\ndate: \(date)\ntitle: \(title)\n---\nNội dung.\n"
    }

    func builder(_ site: SiteFixture, content: URL? = nil, output: URL? = nil, allowShrink: Bool = false) -> SiteBuilder {
        var options = SiteBuilder.Options(content: content ?? site.content, theme: SiteFixture.theme, output: output ?? site.output)
        options.allowShrink = allowShrink
        return SiteBuilder(options)
    }

    @Test func aContentFolderThatIsALinkIsFollowed() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một")])
        defer { site.remove() }
        let link = site.root.appendingPathComponent("lien-ket")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site.content)
        let report = try builder(site, content: link).build()
        #expect(report.documentCount == 1)
    }

    @Test func aSiteThatLosesMostOfItsDocumentsIsNotPutInPlace() throws {
        var files: [String: String] = [:]
        for i in 1...8 { files["\(i).md"] = Self.doc("\(i)/TB-STTTT", "Thông báo \(i)") }
        let site = try SiteFixture(files: files)
        defer { site.remove() }
        try site.build()
        for i in 1...5 { try FileManager.default.removeItem(at: site.content.appendingPathComponent("\(i).md")) }
        #expect(throws: BuildFailure.self) { try builder(site).build() }
        #expect(site.exists("van-ban/2024/1-tb-stttt/index.html"), "the published site must stay")
        for i in 6...8 { try FileManager.default.removeItem(at: site.content.appendingPathComponent("\(i).md")) }
        #expect(throws: BuildFailure.self) { try builder(site).build() }
        let report = try builder(site, allowShrink: true).build()
        #expect(report.written && report.documentCount == 0)
    }

    @Test func foldersThatWouldSwallowEachOtherAreRefused() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một")])
        defer { site.remove() }
        #expect(throws: BuildFailure.self) { try builder(site, output: site.content.appendingPathComponent("Site")).build() }
        #expect(throws: BuildFailure.self) { try builder(site, content: site.content.appendingPathComponent("a.md")).build() }
        #expect(throws: BuildFailure.self) { try builder(site, output: URL(fileURLWithPath: "/")).build() }
    }

    @Test func anOutputFolderThatIsALinkKeepsItsLink() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một")])
        defer { site.remove() }
        let target = site.root.appendingPathComponent("that")
        let link = site.root.appendingPathComponent("Site-link")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try builder(site, output: link).build()
        try builder(site, output: link).build()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path))
    }

    @Test func addressesThatWouldCollideAreMadeUnique() throws {
        let long = "Về việc tổ chức hội nghị tập huấn nghiệp vụ công tác văn thư lưu trữ cho cán bộ cấp xã đợt"
        let site = try SiteFixture(files: [
            "a.md": "---\ntype: TB\ndate: 2024-03-01\ntitle: \(long) một\n---\nTheo Quyết định số 7/QĐ.UBND ngày 01/02/2024.\n",
            "b.md": "---\ntype: TB\ndate: 2024-03-02\ntitle: \(long) hai\n---\nTheo Quyết định số 7/QĐ-UBND ngày 01/02/2024.\n",
            "thu-tuc/x.md": "---\ntype: TTHC\ncode: \"1.000001\"\ntitle: Thủ tục một\nfield: Báo chí\n---\n",
            "thu-tuc/y.md": "---\ntype: TTHC\ncode: \"1.000002\"\ntitle: Thủ tục hai\nfield: Báo Chí\n---\n",
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let urls = try site.catalogue().compactMap { $0["url"] as? String }
        #expect(urls.count == 2 && Set(urls).count == 2)
        let field = try site.page("thu-tuc/linh-vuc/bao-chi/index.html")
        #expect(field.contains("Thủ tục một") && field.contains("Thủ tục hai"))
        #expect(site.exists("van-ban-duoc-vien-dan/7-qd-ubnd-2024/index.html"))
        #expect(site.exists("van-ban-duoc-vien-dan/7-qd-ubnd-2024-2/index.html"))
    }

    @Test func namesThatDifferOnlyInUnicodeFormAreNotMerged() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một")])
        defer { site.remove() }
        try site.write("ho-so-\u{1EA1}.pdf", Data("NFC".utf8))          // ạ precomposed
        try site.write("ho-so-a\u{0323}.pdf", Data("NFD".utf8))         // a + combining dot below
        let report = try site.build()
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.message.contains("same name") == true)
    }

    @Test func linksAmongAttachmentsArePublishedAsFilesOrNotAtAll() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một")])
        defer { site.remove() }
        try site.write("that.pdf", Data("PDF".utf8))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("ban-sao.pdf").path, withDestinationPath: "that.pdf")
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("mat.pdf").path, withDestinationPath: "/var/www/secret.pdf")
        try fm.createSymbolicLink(atPath: site.content.appendingPathComponent("ngoai.pdf").path, withDestinationPath: "/etc/hostname")
        let report = try site.build()
        #expect(Set(report.errors.map(\.file)) == ["mat.pdf", "ngoai.pdf"])
        #expect(site.exists("tep/ban-sao.pdf"))
        let walker = fm.enumerator(at: site.output, includingPropertiesForKeys: [.isSymbolicLinkKey])!
        for case let url as URL in walker {
            #expect((try url.resourceValues(forKeys: [.isSymbolicLinkKey])).isSymbolicLink != true, "\(url.path) is a link")
        }
    }

    @Test func staticFilesAreCopiedButNeverCode() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một")])
        defer { site.remove() }
        try site.write("static/.well-known/acme-challenge/abc", "token")
        try site.write("static/xac-minh.html", "<script>x</script>")
        try site.write("static/api/documents.json", "{}")
        let report = try site.build()
        #expect(try site.page(".well-known/acme-challenge/abc") == "token")
        #expect(!site.exists("xac-minh.html"))
        #expect(report.errors.contains { $0.file == "static/api/documents.json" })
        #expect(try site.page("api/documents.json").contains("1/TB-STTTT"))
    }

    @Test func aSiteMovedAsideAndNeverReplacedIsRestored() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một")])
        defer { site.remove() }
        try site.build()
        let aside = site.root.appendingPathComponent(".Site.aside-test")
        try FileManager.default.moveItem(at: site.output, to: aside)
        try site.write("b.md", "# raw\n\n[x](javascript:1)\n")
        let report = try SiteBuilder(.init(content: site.content, theme: SiteFixture.theme, output: site.output, strict: true)).build()
        #expect(!report.written)
        #expect(site.exists("van-ban/2024/1-tb-stttt/index.html"), "the old site is back")
        #expect(!FileManager.default.fileExists(atPath: aside.path))
    }

    @Test func aFileOverTheSizeLimitIsLeftOutAndNamed() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một"),
                                           "lon.md": Self.doc("2/TB-STTTT", "Hai") + String(repeating: "Nội dung dài. ", count: 200)])
        defer { site.remove() }
        var options = SiteBuilder.Options(content: site.content, theme: SiteFixture.theme, output: site.output)
        options.maxDocumentBytes = 1024
        let report = try SiteBuilder(options).build()
        #expect(report.documentCount == 1)
        #expect(report.errors.first { $0.file == "lon.md" }?.message.contains("MB") == true)
    }

    /// Plain pages are set apart as documents are read, from the bytes read for the document; one over the
    /// document size limit is not read whole, and its first lines still tell it is a plain page.
    @Test func aLargePlainPageIsSetApartNotLeftOut() throws {
        let page = "---\ntitle: Giới thiệu\ntype: trang\n---\n\n" + String(repeating: "Sở Văn hóa xã Bình An giới thiệu. ", count: 80)
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một"), "gioi-thieu.md": page])
        defer { site.remove() }
        var options = SiteBuilder.Options(content: site.content, theme: SiteFixture.theme, output: site.output)
        options.maxDocumentBytes = 1024
        let report = try SiteBuilder(options).build()
        #expect(report.documentCount == 1)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.pages.contains("trang/gioi-thieu/"))
    }

    @Test func controlCharactersInNamesCannotDriveTheTerminal() {
        let d = Diagnostic(.warning, file: "a\u{1B}[2Jb\nfake.md:1: error: x", "bad \u{7}")
        #expect(!d.english.contains("\u{1B}") && !d.english.contains("\u{7}"))
        #expect(d.english.split(separator: "\n").count == 1)
    }

    /// A table from OCR or a converter, written as raw HTML, is published
    /// (cleaned), not dropped: a public document must not lose its table.
    @Test func rawHTMLTablesAreKeptCleaned() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một") + """

        <table onclick="alert(1)"><tr><th>STT</th><th>Nội dung</th></tr>
        <tr><td colspan="2" style="x">Tổng cộng: 12 m<sup>2</sup></td></tr></table>
        """])
        defer { site.remove() }
        let report = try site.build()
        let page = try site.page("van-ban/2024/1-tb-stttt/index.html")
        #expect(page.contains("<th>STT</th><th>Nội dung</th>"))
        #expect(page.contains("<td colspan=\"2\">Tổng cộng: 12 m<sup>2</sup></td>"))
        #expect(!page.contains("onclick") && !page.contains("style=\"x\""))
        let removed = report.warnings.filter { $0.message.hasPrefix("raw HTML") }
        #expect(removed.count == 2)
        #expect(removed.first?.line == 9 && removed.first?.message.contains("onclick") == true)
    }

    @Test func aLargeAttachmentIsNamedAndStillPublished() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một")])
        defer { site.remove() }
        try site.write("ban-quet.pdf", Data(count: 3 << 20))
        var options = SiteBuilder.Options(content: site.content, theme: SiteFixture.theme, output: site.output)
        options.largeAttachmentBytes = 1 << 20
        let report = try SiteBuilder(options).build()
        #expect(report.warnings.contains { $0.file == "ban-quet.pdf" && $0.message.contains("3 MB") })
        #expect(site.exists("tep/ban-quet.pdf"))
    }

    @Test func fileErrorsAreSaidInPlainWords() {
        let missing = CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/srv/site"])
        #expect(BuildFailure.describe(missing) == "/srv/site: không tồn tại")
        let noSpace = NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))
        let full = NSError(domain: NSCocoaErrorDomain, code: 640, userInfo: [NSUnderlyingErrorKey: noSpace])
        #expect(BuildFailure.describe(full) == "ổ đĩa đã đầy")
        #expect(!BuildFailure.describe(full).contains("NSCocoaErrorDomain"))
    }

    /// The site's Content-Security-Policy is 'self': no page may carry an inline style or script.
    @Test func pagesCarryNoInlineStyleOrScript() throws {
        let site = try SiteFixture(files: ["a.md": Self.doc("1/TB-STTTT", "Một")
                                                   + "\n| STT | Số | Ghi chú |\n|:---:|---:|:---|\n| 1 | 12 | x |\n"])
        defer { site.remove() }
        try site.build()
        let page = try site.page("van-ban/2024/1-tb-stttt/index.html")
        for cell in ["<th class=\"align-center\">STT</th>", "<th class=\"align-right\">Số</th>", "<td class=\"align-left\">x</td>"] {
            #expect(page.contains(cell))
        }
        for (path, data) in try site.allFiles() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("style=\"") && !html.contains("<style") && !html.contains("<script>"), "\(path)")
        }
    }
}
