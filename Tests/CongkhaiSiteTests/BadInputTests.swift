import CongkhaiMessages
import CongkhaiSite
import Foundation
import Testing

@Suite struct BadInputTests {
    let good = "---\ntype: TB\nnumber: \"1/TB-STTTT\"\ndate: 2024-01-02\ntitle: Thông báo tốt\n---\nNội dung.\n"

    @Test func oneBadFileNeverStopsTheOthers() throws {
        let site = try SiteFixture(files: [
            "tot.md": good,
            "rong.md": "  \n\n",
            "sai-yaml.md": "---\ntitle: \"chưa đóng\nnumber: 3\n---\nNội dung.\n",
            "chua-dong.md": "---\ntitle: Văn bản\n\nNội dung.\n",
        ])
        defer { site.remove() }
        try site.write("hong-utf8.md", Data("Dòng một\nDòng hai \u{FF}".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8))
        let report = try site.build()
        #expect(report.written)
        #expect(report.documentCount == 1)
        let errors = Dictionary(uniqueKeysWithValues: report.errors.map { ($0.file, $0) })
        #expect(errors["rong.md"]?.message.contains("empty") == true)
        #expect(errors["sai-yaml.md"]?.message.contains("YAML") == true)
        #expect(errors["sai-yaml.md"]?.line != nil)
        #expect(errors["chua-dong.md"]?.message.contains("never closed") == true)
        #expect(errors["hong-utf8.md"]?.message.contains("UTF-8") == true)
        #expect(errors["hong-utf8.md"]?.line == 2)
        #expect(report.errors.allSatisfy { $0.hint != nil })
        #expect(site.exists("van-ban/2024/1-tb-stttt/index.html"))
    }

    @Test func contentNeverReachesAPageUnescaped() throws {
        let site = try SiteFixture(files: [
            "xss.md": """
            ---
            type: TB
            number: "2/TB-STTTT"
            date: 2024-02-02
            title: "<script>alert(1)</script> Thông báo"
            signer: "<img src=x onerror=alert(1)>"
            field: "\\" onmouseover=\\"alert(1)"
            ---

            <script>alert(1)</script>

            Đoạn có <img src=x onerror=alert(1)> và <b onclick="alert(1)">chữ</b>.

            [Bấm vào](javascript:alert(1)) hoặc [đây](JAVASCRIPT:alert(1)) hoặc [kia](data:text/html;base64,PHNjcmlwdD4=).

            ![ảnh ngoài](https://tracker.example/pixel.png) [trang](/etc/passwd)
            """,
        ])
        defer { site.remove() }
        let report = try site.build()
        let page = try site.page("van-ban/2024/2-tb-stttt/index.html")
        // the only script elements: the theme's print button (a file of the site) and the page's JSON-LD (data, never run)
        #expect(!page.replacingOccurrences(of: "<script src=\"../../../assets/print.js\" defer></script>", with: "")
            .replacingOccurrences(of: "<script type=\"application/ld+json\">", with: "").contains("<script"))
        #expect(!page.lowercased().contains("javascript:"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;")) // the signer, shown as text
        #expect(!page.contains("onclick="))
        #expect(!page.contains("\" onmouseover=\""))
        #expect(!page.contains("data:text/html"))
        #expect(!page.contains("src=\"https://tracker.example"))
        #expect(!page.contains("href=\"/etc/passwd\""))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Thông báo"))
        #expect(page.contains("Bấm vào"))
        let messages = report.warnings.map(\.message)
        #expect(messages.contains { $0.contains("raw HTML") })
        #expect(messages.filter { $0.contains("not allowed") }.count == 3)
        #expect(messages.contains { $0.contains("another site") })
        #expect(messages.contains { $0.contains("starts with '/'") })
        let json = try String(contentsOf: site.output.appendingPathComponent("api/documents.json"), encoding: .utf8)
        #expect(!json.contains("<script>"))
    }

    @Test func warningsCarryTheSourceLine() throws {
        let site = try SiteFixture(files: ["a.md": "---\ntype: TB\nnumber: \"3/TB-STTTT\"\ndate: 2024-02-02\ntitle: Thông báo\n---\n"
                                                   + "\nDòng một.\n\n[xấu](javascript:void(0))\n"])
        defer { site.remove() }
        let report = try site.build()
        let warning = try #require(report.warnings.first { $0.message.contains("not allowed") })
        #expect(warning.line == 10)
        #expect(warning.english.hasPrefix("a.md:10: warning:"))
    }

    @Test func oddFileNamesAreHandled() throws {
        let site = try SiteFixture(files: [
            "Báo cáo (bản cuối) #1.md": "---\ntype: BC\nnumber: \"9/BC-STTTT\"\ndate: 2024-02-02\ntitle: Báo cáo\n---\nNội dung.\n",
            "_nhap.md": "---\ntitle: Bản nháp không đăng\n---\n",
            "_rieng/bi-mat.md": "---\ntitle: Không đăng\n---\n",
            ".an.md": "ẩn",
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.documentCount == 1)
        #expect(try site.entry("van-ban/2024/9-bc-stttt/")["source"] as? String == "Báo cáo (bản cuối) #1.md")
    }
}
