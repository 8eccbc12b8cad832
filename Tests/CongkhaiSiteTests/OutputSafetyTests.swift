import CongkhaiSite
import Foundation
import Testing

@Suite struct OutputSafetyTests {
    let doc = "---\ntype: TB\nnumber: \"1/TB-STTTT\"\ndate: 2024-01-02\ntitle: Thông báo\n---\nNội dung.\n"

    @Test func strictFailureKeepsThePreviousSite() throws {
        let site = try SiteFixture(files: ["a.md": doc])
        defer { site.remove() }
        try site.build()
        let before = try site.allFiles()
        try site.write("b.md", "Văn bản không có thông tin gì.\n")
        let report = try site.build(strict: true)
        #expect(!report.written)
        #expect(!report.warnings.isEmpty)
        #expect(try site.allFiles() == before)
        // no staging folder is left behind
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("building") }
        #expect(leftovers.isEmpty)
    }

    @Test func aBrokenThemeFailsAndKeepsThePreviousSite() throws {
        let site = try SiteFixture(files: ["a.md": doc])
        defer { site.remove() }
        try site.build()
        let before = try site.allFiles()
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: SiteFixture.theme, to: theme)
        try "{{#doc}} không đóng".write(to: theme.appendingPathComponent("templates/document.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) {
            try SiteBuilder(.init(content: site.content, theme: theme, output: site.output)).build()
        }
        #expect(try site.allFiles() == before)
    }

    @Test func aThemeMissingAPartialFailsInsteadOfLeavingHoles() throws {
        let site = try SiteFixture(files: ["a.md": doc])
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: SiteFixture.theme, to: theme)
        try FileManager.default.removeItem(at: theme.appendingPathComponent("templates/doc-table.mustache"))
        #expect(throws: (any Error).self) {
            try SiteBuilder(.init(content: site.content, theme: theme, output: site.output)).build()
        }
        #expect(!site.exists("index.html"))
    }

    @Test func aFolderCongkhaiDidNotWriteIsNeverReplaced() throws {
        let site = try SiteFixture(files: ["a.md": doc])
        defer { site.remove() }
        let foreign = site.root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "thư riêng".write(to: foreign.appendingPathComponent("thu.txt"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try site.build(output: foreign) }
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("thu.txt").path))
        #expect(throws: (any Error).self) { try site.build(output: site.root) }
    }

    @Test func rebuildReplacesTheSiteWhole() throws {
        let site = try SiteFixture(files: ["a.md": doc])
        defer { site.remove() }
        try site.build()
        #expect(site.exists("van-ban/2024/1-tb-stttt/index.html"))
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("a.md"))
        try site.write("b.md", doc.replacingOccurrences(of: "1/TB", with: "2/TB"))
        try site.build()
        #expect(!site.exists("van-ban/2024/1-tb-stttt/index.html"))
        #expect(site.exists("van-ban/2024/2-tb-stttt/index.html"))
    }
}
