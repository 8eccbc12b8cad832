import CongkhaiSite
import Foundation
import Testing

/// The search script itself, run in headless Chromium against a built fixture
/// site, opened from disk (file://) and over HTTP: real queries, real results.
@Suite(.serialized, .enabled(if: SearchBrowser.chromium != nil,
                             "chromium is not installed (apt-get install chromium): the search script was not run in a browser"))
struct SearchBrowserTests {
    static let documents: [String: String] = [
        "2024/ke-hoach-dan-van.md": """
        ---
        type: KH
        number: 05/KH-SNV
        date: 2024-02-20
        issuer: Sở Nội vụ tỉnh Lam Điền
        title: Thực hiện công tác dân vận chính quyền năm 2024
        ---
        Thực hiện Quyết định số 12/QĐ-SNV, Sở xây dựng kế hoạch như sau.

        Tăng cường đối thoại với Nhân dân ở cơ sở.
        """,
        "2023/quyet-dinh-quy-che.md": """
        ---
        type: QĐ
        number: 12/QĐ-SNV
        date: 2023-05-10
        issuer: Sở Nội vụ tỉnh Lam Điền
        title: Ban hành Quy chế phối hợp công tác dân vận
        ---
        Ban hành kèm theo Quyết định này Quy chế phối hợp.
        """,
        "2023/bao-cao-thuy-loi.md": """
        ---
        type: BC
        number: 88/BC-SNV
        date: 2023-09-01
        issuer: Sở Nội vụ tỉnh Lam Điền
        title: Kết quả kiểm tra công trình thuỷ lợi và hoá chất nông nghiệp
        ---
        Đoàn kiểm tra đã làm việc tại ba huyện.
        """,
        "2022/chi-thi-duong-giao-thong.md": """
        ---
        type: CT
        number: 19-CT/TU
        date: 2022-03-15
        issuer: Ban Thường vụ Tỉnh ủy Lam Điền
        title: Về tăng cường lãnh đạo công tác an toàn giao thông
        ---
        Các cấp ủy chỉ đạo sửa chữa mặt đường trước mùa mưa bão.
        """,
        "2024/ke-hoach-cntt.md": """
        ---
        type: KH
        number: 545/KH-STTTT-VP
        date: 2024-04-16
        issuer: Sở Thông tin và Truyền thông tỉnh Lam Điền
        title: Ứng dụng công nghệ thông tin trong cơ quan nhà nước
        ---
        Kế hoạch này hướng dẫn các đơn vị triển khai phần mềm dùng chung.
        """,
        "2024/huong-dan.md": """
        ---
        type: HD
        number: 07/HD-SNV
        date: 2024-06-03
        issuer: Sở Nội vụ tỉnh Lam Điền
        title: Hướng dẫn dẫn chiếu hồ sơ lưu trữ
        ---
        Tài liệu dẫn chiếu theo Kế hoạch số 545/KH-STTTT-VP ngày 16/4/2024.
        """,
        "thu-tuc/cap-phep.md": """
        ---
        type: TTHC
        code: "1.004492"
        title: Cấp giấy phép hoạt động in xuất bản phẩm
        field: Xuất bản, in và phát hành
        level: Cấp tỉnh
        agency: Sở Thông tin và Truyền thông
        ---
        """,
    ]

    /// Five older reports, so that the reports' passages fill more than one context file
    /// (`SearchFiles.textsPerFile`): "mương" is in the body of the third and the fifth.
    static let reports: [String: String] = Dictionary(uniqueKeysWithValues: (1...5).map { n in
        let body = n == 3 || n == 5 ? "Tổ khảo sát kiểm tra kênh mương tại xã Tân Lập." : "Tổ khảo sát làm việc tại xã Tân Lập."
        return ("2021/bao-cao-che-\(n).md", """
            ---
            type: BC
            number: \(n)/BC-TTKN
            date: 2021-0\(n)-10
            issuer: Trung tâm Khuyến nông tỉnh Lam Điền
            title: Tình hình cây chè tháng \(n) năm 2021
            ---
            \(body)
            """)
    })

    static let site: Result<SiteFixture, Error> = Result {
        let fixture = try SiteFixture(files: documents.merging(reports) { a, _ in a })
        try fixture.build()
        return fixture
    }

    func built() throws -> SiteFixture { try Self.site.get() }

    /// Every way of opening the site: from disk, and from a small HTTP server.
    func eachOrigin(_ body: (String) throws -> Void) throws {
        let site = try built()
        try body(site.output.appendingPathComponent("tim-kiem/index.html").absoluteString)
        let server = try StaticServer(folder: site.output)
        defer { server.stop() }
        try body("http://127.0.0.1:\(server.port)/tim-kiem/index.html")
    }

    @Test func accentlessQueryFindsAccentedWords() throws {
        try eachOrigin { page throws in
            let result = try SearchBrowser.run(page, query: "q=quyet+dinh+dan+van")
            #expect(result.links.first == "../van-ban/2023/12-qd-snv/index.html", "\(page)")
            #expect(result.links.contains("../van-ban/2024/5-kh-snv/index.html"))
            #expect(result.status.contains("2"))
            #expect(result.html.contains("<mark>dân</mark> <mark>vận</mark>"))
        }
    }

    @Test func dFoldsToD() throws {
        try eachOrigin { page throws in
            let result = try SearchBrowser.run(page, query: "q=duong")
            #expect(result.links == ["../van-ban/2022/19-ct-tu/index.html"], "\(page)")
            // a word found only in the body is shown in its context
            #expect(result.html.contains("mặt <mark>đường</mark>"))
        }
    }

    @Test func contextsComeFromSharedFiles() throws {
        try eachOrigin { page throws in
            let result = try SearchBrowser.run(page, query: "q=muong")
            #expect(result.links == ["../van-ban/2021/5-bc-ttkn/index.html", "../van-ban/2021/3-bc-ttkn/index.html"], "\(page)")
            // the fifth report's passages are the first of the reports' second file, the third's in the middle of the first
            #expect(result.html.components(separatedBy: "kênh <mark>mương</mark> tại").count == 3, "\(result.html)")
        }
    }

    @Test func oldTonePlacementMatchesNew() throws {
        try eachOrigin { page throws in
            #expect(try SearchBrowser.run(page, query: "q=th%E1%BB%A7y+l%E1%BB%A3i").links == ["../van-ban/2023/88-bc-snv/index.html"])
            #expect(try SearchBrowser.run(page, query: "q=h%C3%B3a+ch%E1%BA%A5t").links == ["../van-ban/2023/88-bc-snv/index.html"])
        }
    }

    @Test func identifiersAsPeopleTypeThem() throws {
        try eachOrigin { page throws in
            for typed in ["545%2FKH-STTTT-VP", "545%2Fkh", "545+kh", "kh-stttt"] {
                let links = try SearchBrowser.run(page, query: "q=" + typed).links
                // its own page first (the number is in its head), the document citing it after
                #expect(links == ["../van-ban/2024/545-kh-stttt-vp/index.html", "../van-ban/2024/7-hd-snv/index.html"], "\(typed)")
            }
            #expect(try SearchBrowser.run(page, query: "q=19-CT%2FTU").links == ["../van-ban/2022/19-ct-tu/index.html"])
            let code = try SearchBrowser.run(page, query: "q=1.004492")
            #expect(code.links.count == 1)
            #expect(code.links.first?.hasPrefix("../thu-tuc/") == true)
        }
    }

    @Test func accentExactRanksFirst() throws {
        let site = try built()
        let page = site.output.appendingPathComponent("tim-kiem/index.html").absoluteString
        // "dẫn" exactly is in the guide's summary; "dân" (folded the same) in two other summaries, newer first;
        // "dẫn" in a body comes last although it is exact
        let links = try SearchBrowser.run(page, query: "q=d%E1%BA%ABn").links
        #expect(links == ["../van-ban/2024/7-hd-snv/index.html", "../van-ban/2024/5-kh-snv/index.html",
                          "../van-ban/2023/12-qd-snv/index.html", "../van-ban/2024/545-kh-stttt-vp/index.html"])
    }

    @Test func filtersComeFromTheAddress() throws {
        try eachOrigin { page throws in
            let all = try SearchBrowser.run(page, query: "q=so+noi+vu").links
            #expect(all.count == 4)
            let year = try SearchBrowser.run(page, query: "q=so+noi+vu&nam=2023")
            #expect(year.links == ["../van-ban/2023/88-bc-snv/index.html", "../van-ban/2023/12-qd-snv/index.html"])
            let type = try SearchBrowser.run(page, query: "q=so+noi+vu&loai=quyet-dinh").links
            #expect(type == ["../van-ban/2023/12-qd-snv/index.html"])
            let field = try SearchBrowser.run(page, query: "linh-vuc=xuat-ban-in-va-phat-hanh").links
            #expect(field.count == 1 && field[0].hasPrefix("../thu-tuc/"))
        }
    }

    @Test func theIndexNeedsNoInlineScriptAndThePageWorksWithoutOne() throws {
        let site = try built()
        let html = try site.page("tim-kiem/index.html")
        #expect(!html.contains("<script>"))
        #expect(html.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(html.contains("id=\"search-nojs\""))
        #expect(html.contains("aria-live=\"polite\""))
        // the box in every header is a plain form that works as a link target
        let home = try site.page("index.html")
        #expect(home.contains("<form class=\"site-search\" role=\"search\" action=\"tim-kiem/index.html\" method=\"get\">"))
        let document = try site.page("van-ban/2024/545-kh-stttt-vp/index.html")
        #expect(document.contains("action=\"../../../tim-kiem/index.html\""))
    }
}

/// Headless Chromium, run once per query with a throwaway profile.
enum SearchBrowser {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Page {
        let html: String
        /// The result links, in order.
        let links: [String]
        let status: String
    }

    static func run(_ page: String, query: String) throws -> Page {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--virtual-time-budget=10000", "--dump-dom", page + "?" + query]
        // into a file, not a pipe: Chromium's helper processes keep a pipe open after it exits
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let dump = profile.appendingPathComponent("dom.html")
        FileManager.default.createFile(atPath: dump.path, contents: nil)
        let output = try FileHandle(forWritingTo: dump)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        let html = try String(contentsOf: dump, encoding: .utf8)
        #expect(html.contains("data-state=\"done\""), "the search did not finish: \(page)?\(query)")
        let list = html.components(separatedBy: "id=\"search-results\"").dropFirst().first ?? ""
        let links = list.components(separatedBy: "<h2 class=\"result-title\"><a href=\"").dropFirst()
            .map { String($0.prefix { $0 != "\"" }) }
        let status = html.components(separatedBy: "id=\"search-status\"").dropFirst().first?
            .components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first ?? ""
        return Page(html: html, links: links, status: status)
    }
}

/// `python3 -m http.server` on a free port, for the tests that open the site over HTTP.
final class StaticServer {
    let process = Process()
    let port: Int

    init(folder: URL) throws {
        // a port picked at random (reading the one python chose from its output blocked on some machines)
        port = Int.random(in: 30_000..<60_000)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5) // long enough for python to listen
    }

    func stop() {
        // SIGKILL: a child started from a test thread may have SIGTERM blocked, and python would never stop
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
