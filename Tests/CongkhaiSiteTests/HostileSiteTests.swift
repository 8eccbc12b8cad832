import CongkhaiMessages
import CongkhaiDomain
import CongkhaiSite
import Foundation
import Testing

/// A content folder of nasty files, as an attacker or a clumsy clerk would
/// write them, built in one go: no crash, no hang, every bad file named, and
/// nothing unsafe on any page. The large files are generated here rather
/// than committed.
@Suite struct HostileSiteTests {
    static func header(_ number: String, date: String = "ngày 15 tháng 3 năm 2024") -> String {
        "ỦY BAN NHÂN DÂN TỈNH SÔNG LAM\n\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n\nSố: \(number)\n\nSông Lam, \(date)\n\n"
    }

    static func frontMatter(_ number: String, title: String) -> String {
        "---\ntype: TB\nnumber: \"\(number)\"\ndate: 2024-05-02\ntitle: \(title)\n---\n\n"
    }

    static var files: [String: String] {
        let depth = 20_000
        let nestedImages = String(repeating: "![", count: depth) + "x" + String(repeating: "](thieu.png)", count: depth)
        let printedLines = (0..<64_000).map { "dòng in thứ \($0) của một báo cáo trích từ tệp PDF rất dài  " }
        let pageBreaks = (0..<20_000).map { "phần \($0) của một câu bị ngắt trang" }
        var aliasBomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            aliasBomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        return [
            "chi-mo-dau.md": "---",
            "bom-yaml.md": "---\ntitle: Bom\n" + aliasBomb + "---\nNội dung.\n",
            "anh-long-nhau.md": frontMatter("1/TB-STTTT", title: "Ảnh lồng nhau")
                + "![![x](thieu.png)](thieu.png) và ![a [b](javascript:alert(1))](thieu.png)\n\n" + nestedImages + "\n",
            "ma-nguon.md": frontMatter("2/TB-STTTT", title: "Khối mã")
                + "Đoạn mở đầu\n\n```\n<script>alert(1)</script>\n```\n\nđoạn sau viết thường.\n\n"
                + "# Tiêu đề\n\nđoạn viết thường sau tiêu đề.\n",
            "ngay-sai.md": header("3/TB-STTTT", date: "ngày 30 tháng 02 năm 2024") + "THÔNG BÁO\n\nVề lịch họp\n\nNội dung.\n",
            "nam-khong.md": "---\ntype: NĐ\nnumber: \"04/0000/NĐ-CP\"\ntitle: Nghị định năm không\n---\n\nNội dung.\n",
            "pdf-dai.md": header("4/BC-STTTT") + "BÁO CÁO\n\nKết quả năm 2024\n\n" + printedLines.joined(separator: "\n\n") + "\n",
            "doan-dai.md": frontMatter("5/TB-STTTT", title: "Một đoạn rất dài")
                + String(repeating: "chữ và số 12 không dấu chấm ", count: 2 * 1024 * 1024 / 30) + "\n",
            "ngat-trang.md": frontMatter("6/TB-STTTT", title: "Ngắt trang")
                + "Mở đầu của câu\n\n" + pageBreaks.joined(separator: "\n\n") + "\n",
            "xss.md": frontMatter("7/TB-STTTT", title: "\"<svg onload=alert(1)>\"")
                + """
                <script>alert(1)</script><img src=x onerror=alert(1)>

                [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox(1)) [d](data:text/html,x)
                [e](&#106;avascript:alert(1)) [f](java\tscript:alert(1)) <javascript:alert(1)> ![g](data:image/png;base64,AAAA)

                [h](https://example.gov.vn/" onmouseover="alert(1)) [i](<javascript:alert(1)>)
                """,
            "thu-tuc/cap-phep.md": "---\ntype: TTHC\ncode: \"1.000001\"\ntitle: Cấp phép thử\n---\n\n## Trình tự thực hiện\n\n"
                + "Bước 1: nộp <span onclick=\"alert(1)\">hồ sơ</span>.\n\n"
                + "## Phí, lệ phí\n\n<iframe src=\"javascript:alert(1)\"></iframe>\n",
        ]
    }

    @Test func aFolderOfHostileFilesBuildsSafelyAndNamesEveryProblem() throws {
        let site = try SiteFixture(files: Self.files)
        defer { site.remove() }
        try site.write("utf16.md", try #require("---\ntitle: Ke hoach\n---\nNoi dung van ban.\n".data(using: .utf16LittleEndian)))
        let large = site.content.appendingPathComponent("lon.md")
        FileManager.default.createFile(atPath: large.path, contents: Data("# Tiêu đề\n".utf8))
        let handle = try FileHandle(forWritingTo: large)
        try handle.truncate(atOffset: 3 * 1024 * 1024 * 1024) // sparse: 3 GB that take no disk space
        try handle.close()
        try site.write("nul.md", Data((Self.frontMatter("8/TB-STTTT", title: "Có NUL") + "Trước\u{0}sau NUL.\n").utf8))

        // Generous bounds that only a hang or a runaway allocation can break (the probes took minutes and gigabytes).
        let started = ContinuousClock.now
        let report = try site.build()
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(Self.peakMemoryMegabytes() < 4096)

        #expect(report.written)
        let errors = Dictionary(report.errors.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(errors.keys) == ["chi-mo-dau.md", "bom-yaml.md", "utf16.md", "lon.md"])
        #expect(errors["bom-yaml.md"]?.message.contains("alias") == true)
        #expect(errors["utf16.md"]?.message.contains("UTF-16") == true)
        #expect(report.errors.allSatisfy { $0.hint != nil })
        let warnings = report.warnings
        #expect(warnings.contains { $0.file == "nul.md" && $0.line == 8 && $0.message.contains("NUL") })
        #expect(warnings.contains { $0.file == "ngay-sai.md" && $0.line == 7 && $0.key == .placeDateImpossible })
        #expect(warnings.contains { $0.file == "nam-khong.md" && $0.message.contains("0000") })
        #expect(warnings.contains { $0.file == "thu-tuc/cap-phep.md" && $0.line == 9 && $0.message.contains("raw HTML") })
        #expect(warnings.contains { $0.file == "thu-tuc/cap-phep.md" && $0.line == 13 && $0.message.contains("raw HTML") })
        #expect(!site.exists("nam/0/index.html"))

        let code = try site.page("van-ban/2024/2-tb-stttt/index.html")
        #expect(code.contains("</code></pre>\n<p>đoạn sau viết thường.</p>"))
        #expect(code.contains("<p>đoạn viết thường sau tiêu đề.</p>"))
        let nul = try site.page("van-ban/2024/8-tb-stttt/index.html")
        #expect(nul.contains("Trướcsau NUL."))

        let pages = try site.allFiles().filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 10)
        for (path, data) in pages {
            let html = try #require(String(data: data, encoding: .utf8))
            // The 404 page's <base> is the theme's (its links must work at any depth), never content's.
            let problems = Self.unsafeMarkup(in: html).filter { path != "404.html" || !$0.hasPrefix("a <base> element") }
            for problem in problems { Issue.record("\(path): \(problem)") }
        }
        #expect(try Self.symbolicLinks(under: site.output).isEmpty)
    }

    /// A dangling symbolic link among the attachments (to a file outside the content folder).
    @Test func aSymlinkedAttachmentNeverBecomesALinkInTheSite() throws {
        let site = try SiteFixture(files: ["tb.md": Self.frontMatter("9/TB-STTTT", title: "Tệp đính kèm") + "[tệp](bi-mat.txt)\n"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("bi-mat.txt").path,
                                                   withDestinationPath: "/var/www/secret-config.txt")
        _ = try? site.build()
        #expect(try Self.symbolicLinks(under: site.output).isEmpty)
    }

    // MARK: scanning a built site

    /// Script elements, event-handler attributes and unsafe URL schemes in the markup
    /// (text is escaped, so a '<' in a page always opens a tag).
    static func unsafeMarkup(in html: String) -> [String] {
        var problems: [String] = []
        let tags = try! NSRegularExpression(pattern: "<[a-zA-Z][^>]*>")
        let handler = try! NSRegularExpression(pattern: "[\\s\"'/]on[a-z]+\\s*=", options: .caseInsensitive)
        let attributes = "href|src|action|formaction|poster|srcset|data|xlink:href"
        let url = try! NSRegularExpression(pattern: "(?:\(attributes))\\s*=\\s*[\"']?([^\"'\\s>]*)",
                                           options: .caseInsensitive)
        let ns = html as NSString
        for match in tags.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let tag = ns.substring(with: match.range)
            let name = tag.dropFirst().prefix(while: { $0.isLetter }).lowercased()
            // the theme's print button and search script, and the search index's manifest (files of the site, never content),
            // are the scripts allowed to run;
            // the page's JSON-LD is a data block, which browsers never run (its escaping is tested in OpenDataTests)
            let printScript = tag.range(of: #"^<script src="(\.\./)*assets/(print|search)\.js" defer>$"#,
                                        options: .regularExpression) != nil
                || tag == #"<script src="chi-muc/muc-luc.js" defer data-index-file="muc-luc.js">"#
            let isDataBlock = tag == "<script type=\"application/ld+json\">"
            // the theme's search boxes: GET forms to the site's own search page (the header's, and the search page's own)
            let searchForm = tag.range(of: #"^<form class="site-search" role="search" "#
                                           + #"action="(\.\./)*tim-kiem/index\.html" method="get">$"#,
                                       options: .regularExpression) != nil
                || tag.hasPrefix(#"<form class="search-form" id="search-form" action="index.html" method="get""#)
            if ["script", "iframe", "object", "embed", "frame", "base", "form"].contains(name) && !printScript && !isDataBlock
                && !searchForm {
                problems.append("a <\(name)> element: \(tag)")
            }
            // an attribute's name is outside quotes: a title quoted in a meta tag ("&lt;svg onload=...&gt;") is text
            let names = tag.replacingOccurrences(of: "\"[^\"]*\"|'[^']*'", with: "\"\"", options: .regularExpression)
            if handler.firstMatch(in: names, range: NSRange(location: 0, length: (names as NSString).length)) != nil {
                problems.append("an event handler: \(tag)")
            }
            for value in url.matches(in: tag, range: NSRange(location: 0, length: (tag as NSString).length)) {
                let target = decodeEntities((tag as NSString).substring(with: value.range(at: 1)))
                    .filter { !$0.isWhitespace && ($0.asciiValue ?? 0x20) >= 0x20 }.lowercased() // "java\tscript:" runs too
                if ["javascript:", "data:", "vbscript:"].contains(where: target.hasPrefix) { problems.append("an unsafe URL: \(tag)") }
            }
        }
        return problems
    }

    /// "&#106;" and "&#x6A;" (browsers decode them in attributes); named entities stay.
    static func decodeEntities(_ text: String) -> String {
        let entity = try! NSRegularExpression(pattern: "&#(x?)([0-9a-fA-F]+);?")
        var out = text
        for match in entity.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).reversed() {
            let ns = text as NSString
            let hex = ns.substring(with: match.range(at: 1)) == "x"
            guard let value = UInt32(ns.substring(with: match.range(at: 2)), radix: hex ? 16 : 10),
                  let scalar = Unicode.Scalar(value) else { continue }
            out = (out as NSString).replacingCharacters(in: match.range, with: String(Character(scalar)))
        }
        return out
    }

    static func symbolicLinks(under folder: URL) throws -> [String] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isSymbolicLinkKey])!
        return try walker.compactMap { item in
            let url = item as! URL
            return try url.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink == true ? url.path : nil
        }
    }

    static func peakMemoryMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
