@testable import CongkhaiServe
import Foundation
import Testing

/// The parts of the preview that need no server.
@Suite struct PreviewUnitTests {
    @Test func contentTypesOfTheSitesFiles() {
        let expected = [
            "index.html": "text/html; charset=utf-8", "assets/style.css": "text/css; charset=utf-8",
            "api/documents.json": "application/json; charset=utf-8", "sitemap.xml": "application/xml; charset=utf-8",
            "feed.atom": "application/atom+xml; charset=utf-8", "bieu-mau/so-lieu.csv": "text/csv; charset=utf-8",
            "tep/quyet-dinh.PDF": "application/pdf", "anh/so-do.png": "image/png",
            "bieu-mau/to-khai.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "tep/khong-ro": "application/octet-stream", "thu.muc/khong-ro": "application/octet-stream",
        ]
        for (path, type) in expected { #expect(ContentTypes.of(path) == type, "\(path)") }
    }

    @Test func sitePathsResolveToKeysOrAreRefused() {
        #expect(SitePath.resolve("/") == .file("index.html"))
        #expect(SitePath.resolve("/van-ban/2024/") == .file("van-ban/2024/index.html"))
        #expect(SitePath.resolve("/assets/style.css") == .file("assets/style.css"))
        #expect(SitePath.resolve("/t%E1%BB%87p/a%20b.pdf") == .file("tệp/a b.pdf"))
        for refused in ["/../x", "/a/..", "/%2e%2e/x", "/a%2F..%2Fb", "//x", "/a\\b", "/a%00", "x", "*", "/a/./b"] {
            guard case .refused = SitePath.resolve(refused) else {
                Issue.record("\(refused) was not refused")
                continue
            }
        }
    }

    @Test func theSites404PageIsServedWhenItHasOne() {
        var site = PreviewSite(files: ["index.html": Data("<html><body>Trang chủ</body></html>".utf8),
                                       "404.html": Data("<html><body>Không tìm thấy trang</body></html>".utf8)], version: 4)
        let missing = site.respond(to: "/khong-co/")
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self).contains("Không tìm thấy trang"))
        #expect(String(decoding: missing.body, as: UTF8.self).contains(PreviewPage.scriptTag))
        site.files["404.html"] = nil
        #expect(site.respond(to: "/khong-co/").contentType.hasPrefix("text/plain"))
    }

    @Test func beforeAnyGoodBuildTheErrorIsShown() {
        let site = PreviewSite(files: [:], version: 1, failure: "the theme has no templates folder at <x>")
        let answer = site.respond(to: "/")
        #expect(answer.status == 503)
        let text = String(decoding: answer.body, as: UTF8.self)
        #expect(text.contains("the theme has no templates folder at &lt;x&gt;"))
        #expect(text.contains(PreviewPage.scriptTag), "the page must reload itself once the build works")
    }

    @Test func loopbackAddressesAreTold() {
        for host in ["127.0.0.1", "127.1.2.3", "::1", "localhost"] { #expect(PreviewServer.isLoopback(host), "\(host)") }
        for host in ["0.0.0.0", "192.168.1.20", "::", "10.0.0.1", "127.0.0.1.example.com"] {
            #expect(!PreviewServer.isLoopback(host), "\(host)")
        }
    }
}
