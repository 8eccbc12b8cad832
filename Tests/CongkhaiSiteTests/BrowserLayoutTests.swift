import Foundation
import Testing

/// Layout measured in a real browser (headless Chromium over its DevTools pipe,
/// driven by Tests/browser/cdp.py), where the layout is the point: phones at 360
/// and 390 px, a wide screen, print. Skipped, saying why, where Chromium or
/// Python is missing (CI installs Chromium).
@Suite(.serialized) struct BrowserLayoutTests {
    static let driver = SiteFixture.repository.appendingPathComponent("Tests/browser/cdp.py")

    static var browserMissing: String? {
        for tool in ["chromium", "python3"] where !ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
            .contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }) {
            return "\(tool) is not installed (apt-get install chromium python3)"
        }
        return nil
    }

    /// An appendix with an 11-column table: the widest thing a document carries.
    static let wideReport = """
    ---
    type: BC
    number: "30/BC-SNNMT"
    date: 2025-06-30
    title: Kết quả sản xuất vụ Đông Xuân năm 2025
    ---

    I. KẾT QUẢ

    Diện tích gieo trồng đạt kế hoạch.

    PHỤ LỤC SỐ LIỆU

    | TT | Huyện | Lúa (ha) | Ngô (ha) | Khoai (ha) | Sắn (ha) | Rau (ha) | Đậu (ha) | Lạc (ha) | Mía (ha) | Ghi chú về tình hình sâu bệnh |
    |---|---|---|---|---|---|---|---|---|---|---|
    | 1 | Huyện Đồi Mây | 12.345,67 | 2.345,12 | 345,98 | 1.234,56 | 987,65 | 123,45 | 234,56 | 3.456,78 | Rầy nâu ở các xã phía bắc |

    """

    /// Runs the driver on pages of a built site; one answer per page and width.
    static func measure(_ site: SiteFixture, pages: [String], widths: [Int], media: String = "screen", expression: String,
                        fonts: [String] = [], fontDirs: [String]? = nil) throws -> [[String: Any]] {
        var job: [String: Any] = ["pages": pages.map { site.output.appendingPathComponent($0).path }, "widths": widths,
                                  "media": media, "expression": expression, "fonts": fonts]
        if let fontDirs { job["fontDirs"] = fontDirs }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", driver.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: job))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the browser driver failed")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    static func builtSite() throws -> (SiteFixture, [String]) {
        let site = try CitizenSiteTests.makeSite()
        try site.write("2025/bao-cao-dong-xuan.md", wideReport)
        try site.build()
        let pages = try site.allFiles().keys.filter { $0.hasSuffix("index.html") && !$0.hasPrefix("api/") }.sorted()
        return (site, pages)
    }

    @Test func noPageIsWiderThanAPhone() throws {
        if let missing = Self.browserMissing { print("skipped: \(missing)"); return }
        let (site, pages) = try Self.builtSite()
        defer { site.remove() }
        let results = try Self.measure(site, pages: pages, widths: [360, 390],
                                       expression: "[document.documentElement.scrollWidth, innerWidth, "
                                           + "(function(w){ return w ? w.scrollWidth - w.clientWidth : 0; })"
                                           + "(document.querySelector('.appendix .table-wrap'))]")
        #expect(results.count == pages.count * 2)
        // measured against the phone's width, not innerWidth: a phone browser widens its
        // layout viewport to fit a page that is too wide, and innerWidth grows with it
        for result in results {
            let value = try #require(result["value"] as? [Int])
            let width = try #require(result["width"] as? Int)
            #expect(value[0] <= width && value[1] == width, "\(result["page"] ?? "") is \(value[0]) px wide at \(width) px")
        }
        // the wide table is wider than its box, and scrolls inside it
        let reports = results.filter { ($0["page"] as? String)?.contains("30-bc-snnmt") == true }
        #expect(reports.count == 2)
        for report in reports {
            let value = try #require(report["value"] as? [Int])
            #expect(value[2] > 0)
        }
    }

    @Test func onAPhoneTheSummaryComesFirstAndOnADesktopBeside() throws {
        if let missing = Self.browserMissing { print("skipped: \(missing)"); return }
        let (site, _) = try Self.builtSite()
        defer { site.remove() }
        let where_ = "(function(){ var s = document.querySelector('.doc-summary-panel').getBoundingClientRect(),"
            + " d = document.querySelector('.document, .procedure').getBoundingClientRect(),"
            + " m = document.querySelector('.doc-more'); m = m ? m.getBoundingClientRect() : null;"
            + " return [s.top, s.left, d.top, d.left, m ? m.top : -1, d.bottom]; })()"
        let pages = ["van-ban/2025/21-qd-snnmt/index.html", "thu-tuc/2-000111/index.html"]
        for result in try Self.measure(site, pages: pages, widths: [390], expression: where_) {
            let v = try #require(result["value"] as? [Double])
            #expect(v[0] < v[2], "summary above the document on a phone: \(result["page"] ?? "")")
            if v[4] >= 0 { #expect(v[4] >= v[5], "the rest of the panel after the document on a phone") }
        }
        for result in try Self.measure(site, pages: pages, widths: [1200], expression: where_) {
            let v = try #require(result["value"] as? [Double])
            #expect(v[1] > v[3], "summary beside the document on a desktop: \(result["page"] ?? "")")
            #expect(abs(v[0] - v[2]) < 80)
        }
    }

    @Test func printIsTheOfficialDocumentNotThePhoneLayout() throws {
        if let missing = Self.browserMissing { print("skipped: \(missing)"); return }
        let (site, _) = try Self.builtSite()
        defer { site.remove() }
        let style = "(function(){ function d(q){ var e = document.querySelector(q); return e ? getComputedStyle(e).display : 'none'; }"
            + " function c(q){ var e = document.querySelector(q);"
            + " return e ? getComputedStyle(e).gridTemplateColumns.split(' ').length : 0; }"
            + " return [d('.proc-table'), d('.doc-summary-panel'), d('.site-nav'), c('.doc-header'), d('.print-action'),"
            + " document.querySelector('.doc-body') ? getComputedStyle(document.querySelector('.doc-body')).textAlign : '']; })()"
        // printed from a phone: the narrow-screen rules are for screens only
        let procedure = try Self.measure(site, pages: ["thu-tuc/2-000111/index.html"], widths: [390], media: "print", expression: style)
        let p = try #require(procedure.first?["value"] as? [Any])
        #expect(p[1] as? String == "block", "a procedure prints its code, field, level and portal link")
        #expect(p[2] as? String == "none")
        let document = try Self.measure(site, pages: ["van-ban/2025/21-qd-snnmt/index.html", "van-ban/2025/45-snnmt-vp/index.html"],
                                        widths: [390], media: "print", expression: style)
        for result in document {
            let v = try #require(result["value"] as? [Any])
            #expect(v[1] as? String == "none", "a document prints as the document alone")
            #expect(v[3] as? Int == 2, "the header's two columns, as printed")
            #expect(v[4] as? String == "none")
            #expect(v[5] as? String == "justify")
        }
        // on a phone's screen the button is shown (print.js ran) and the header is one column
        let screen = try Self.measure(site, pages: ["van-ban/2025/21-qd-snnmt/index.html"], widths: [390], expression: style)
        let s = try #require(screen.first?["value"] as? [Any])
        #expect(s[3] as? Int == 1)
        #expect(s[4] as? String != "none")
    }

    /// Liberation Serif 1.x (Debian's fonts-liberation) lacks precomposed Vietnamese letters: a stack that
    /// reached it would set "ĐỐC" in two fonts. Each line must come from one font. The browser is given
    /// exactly the fonts of a machine with fonts-liberation and fonts-dejavu-core (Chromium's own
    /// dependencies) and nothing newer, such as Liberation 2.x, that would hide the fault.
    @Test func vietnameseIsNeverSetInMixedFonts() throws {
        if let missing = Self.browserMissing { print("skipped: \(missing)"); return }
        let dirs = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/dejavu"]
        guard dirs.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            print("skipped: fonts-liberation and fonts-dejavu-core are not installed"); return
        }
        let (site, _) = try Self.builtSite()
        defer { site.remove() }
        let selectors = [".doc-header .issuer", ".official-authority", ".signer-title", ".doc-summary", ".motto-name", ".signer"]
        let results = try Self.measure(site, pages: ["van-ban/2025/21-qd-snnmt/index.html"], widths: [1200], expression: "null",
                                       fonts: selectors, fontDirs: dirs)
        let fonts = try #require(results.first?["fonts"] as? [String: [String]])
        for selector in selectors {
            let used = fonts[selector] ?? []
            #expect(used.count == 1, "\(selector) is set in \(used)")
        }
    }
}
