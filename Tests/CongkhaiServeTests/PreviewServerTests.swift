@testable import CongkhaiServe
import Foundation
import Testing

/// The preview over real HTTP on a free port of 127.0.0.1.
@Suite struct PreviewServerTests {
    @Test func servesPagesWithTheirContentTypes() async throws {
        try await PreviewFixture.serving { fixture in
            let home = try await fixture.get("/")
            #expect(home.status == 200)
            #expect(home.contentType == "text/html; charset=utf-8")
            #expect(home.text.contains("Sở Thông tin và Truyền thông"))

            let notice = try await fixture.get(try await fixture.noticePage())
            #expect(notice.status == 200)
            #expect(notice.contentType == "text/html; charset=utf-8")
            #expect(notice.text.contains("sáng thứ Năm hằng tuần"))

            let style = try await fixture.get("/assets/style.css")
            #expect(style.status == 200)
            #expect(style.contentType == "text/css; charset=utf-8")

            let catalogue = try await fixture.get("/api/documents.json")
            #expect(catalogue.status == 200)
            #expect(catalogue.contentType == "application/json; charset=utf-8")

            let head = try await fixture.get("/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.contentType == "text/html; charset=utf-8")
            #expect(try await fixture.get("/", method: "POST").status == 405)
        }
    }

    @Test func aFolderWithoutItsSlashIsRedirectedAndAMissingPageIsA404() async throws {
        try await PreviewFixture.serving { fixture in
            let page = try await fixture.noticePage()
            let bare = try await fixture.get(String(page.dropLast()))
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == page)

            // The site's own 404.html, with a 404 status.
            let missing = try await fixture.get("/van-ban/2099/khong-co/")
            #expect(missing.status == 404)
            #expect(missing.contentType.hasPrefix("text/html"))
            #expect(missing.text.contains("<h1>Không tìm thấy trang</h1>"))
        }
    }

    @Test func pathsThatTryToLeaveTheSiteAreRefused() async throws {
        try await PreviewFixture.serving { fixture in
            let escapes = [
                "/../secret.txt",
                "/../../../../etc/passwd",
                "/assets/../../secret.txt",
                "/%2e%2e/secret.txt",
                "/%2E%2E/%2e%2e/etc/passwd",
                "/assets/%2e%2e/%2e%2e/secret.txt",
                "/..%2fsecret.txt",
                "//etc/passwd",
                "/%2Fetc/passwd",
                "/assets\\..\\..\\secret.txt",
                "/assets%5c..%5c..%5csecret.txt",
                "/index.html%00.css",
                "/./index.html",
                "/%ff%fe",
                "http://127.0.0.1/../secret.txt",
            ]
            for target in escapes {
                let answer = try await fixture.get(target)
                #expect(answer.status == 400, "\(target) was answered \(answer.status)")
                #expect(!answer.text.contains("BÍ MẬT"), "\(target) leaked a file outside the site")
                #expect(!answer.text.contains("root:"), "\(target) leaked /etc/passwd")
            }
            // Decoded once only: the literal "%2e%2e" is simply no file of the site.
            #expect(try await fixture.get("/%252e%252e/secret.txt").status == 404)
            // An absolute path of the machine is looked up in the site, never on disk.
            let passwd = try await fixture.get("/etc/passwd")
            #expect(passwd.status == 404)
            #expect(!passwd.text.contains("root:"))
        }
    }

    @Test func aChangedDocumentIsRebuiltAndServed() async throws {
        try await PreviewFixture.serving(watching: true) { fixture in
            let page = try await fixture.noticePage()
            let before = try await fixture.version()
            #expect(!(try await fixture.get(page).text.contains("chiều thứ Sáu")))

            let changed = PreviewFixture.notice + "Từ tháng 3, lịch chuyển sang chiều thứ Sáu.\n"
            try fixture.write("thong-bao-tiep-cong-dan.md", changed)
            _ = try await fixture.waitForVersion(after: before)
            #expect(try await fixture.get(page).text.contains("chiều thứ Sáu"))
        }
    }

    /// An edit to a text alone: its page is served first, made from the last build, then the rebuild
    /// brings the rest (the JSON twin) and serves the same page.
    @Test func anEditedTextIsServedFirstAndTheRebuildFollows() async throws {
        try await PreviewFixture.serving(watching: true) { fixture in
            let page = try await fixture.noticePage()
            let twin = page + "index.json"
            let changed = PreviewFixture.notice + "Từ tháng 3, lịch chuyển sang chiều thứ Sáu.\n"
            try fixture.write("thong-bao-tiep-cong-dan.md", changed)
            let deadline = Date().addingTimeInterval(60)
            while fixture.outcomes.all.count < 2, Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
            let outcomes = fixture.outcomes.all
            try #require(outcomes.count >= 2, "the preview did not rebuild after the edit")
            #expect(outcomes[0].pagesFirst == [String(page.dropFirst()) + "index.html"])
            #expect(outcomes[1].pagesFirst.isEmpty && outcomes[1].failure == nil)
            #expect(outcomes[1].version == outcomes[0].version + 1)
            let served = try await fixture.get(page).text
            #expect(served.contains("chiều thứ Sáu"))
            #expect(try await fixture.get(twin).text.contains("chiều thứ Sáu"))

            // A change to what lists show (the title) is never shortcut: the rebuild alone serves it.
            try fixture.write("thong-bao-tiep-cong-dan.md", changed.replacingOccurrences(of: "tháng 2 năm 2024", with: "tháng 3 năm 2024"))
            while fixture.outcomes.all.count < 3, Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
            let third = try #require(fixture.outcomes.all.dropFirst(2).first)
            #expect(third.pagesFirst.isEmpty)
            #expect(try await fixture.get(page).text.contains("tháng 3 năm 2024"))
        }
    }

    @Test func aBrokenThemeKeepsTheLastGoodSiteWithABanner() async throws {
        try await PreviewFixture.serving(watching: true) { fixture in
            let page = try await fixture.noticePage()
            #expect(!(try await fixture.get(page).text.contains("congkhai-preview-error")))
            let template = fixture.theme.appendingPathComponent("templates/base.mustache")
            let good = try String(contentsOf: template, encoding: .utf8)

            try fixture.write("templates/base.mustache", good + "{{#chua_dong <b>\n", in: fixture.theme)
            let broken = try await fixture.waitForVersion(after: 1)
            let served = try await fixture.get(page)
            #expect(served.status == 200)
            #expect(served.text.contains("sáng thứ Năm hằng tuần"), "the last good page is no longer served")
            #expect(served.text.contains("<div class=\"congkhai-preview-error\" role=\"alert\">"))
            #expect(served.text.contains("base.mustache"))
            #expect(!served.text.contains("{{#chua_dong <b>"), "the error is put into the page unescaped")
            let bodyStart = try #require(served.text.range(of: "<body>"))
            #expect(served.text[bodyStart.upperBound...].hasPrefix("<link rel=\"stylesheet\" href=\"/__congkhai/preview.css\">"))
            #expect(try await fixture.get("/__congkhai/preview.css").contentType == "text/css; charset=utf-8")
            #expect(!(try await fixture.get("/assets/style.css").text.contains("congkhai-preview-error")))

            try fixture.write("templates/base.mustache", good, in: fixture.theme)
            _ = try await fixture.waitForVersion(after: broken)
            #expect(!(try await fixture.get(page).text.contains("congkhai-preview-error")))
        }
    }

    @Test func theReloadScriptGoesIntoHTMLOnly() async throws {
        try await PreviewFixture.serving { fixture in
            let tag = "<script src=\"/__congkhai/reload.js\" defer></script>"
            for path in ["/", try await fixture.noticePage()] {
                let html = try await fixture.get(path).text
                #expect(html.components(separatedBy: tag).count == 2, "\(path) should carry the script once")
                #expect(html.contains(tag + "</body>"))
            }
            for path in ["/assets/style.css", "/api/documents.json", "/api/procedures.json"] {
                let answer = try await fixture.get(path)
                #expect(answer.status == 200, "\(path)")
                #expect(!answer.text.contains("__congkhai"), "\(path) was changed by the preview")
            }
            let script = try await fixture.get("/__congkhai/reload.js")
            #expect(script.contentType == "text/javascript; charset=utf-8")
            #expect(script.text.contains("fetch(\"/__congkhai/version\""))
            #expect(try await fixture.get("/__congkhai/version").text == "1\n")
            // The site as built carries none of it: the preview adds it as it serves.
            for (path, data) in fixture.preview.site.files {
                #expect(!String(decoding: data, as: UTF8.self).contains("__congkhai"), "\(path) was built with the preview's script")
            }
        }
    }
}
