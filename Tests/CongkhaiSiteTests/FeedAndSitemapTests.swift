@testable import CongkhaiSite
import CongkhaiDomain
import Foundation
import Testing

/// Atom feeds, the sitemap and robots.txt on a fixture site with a base_url,
/// and their absence (with one notice) without one.
@Suite struct FeedAndSitemapTests {
    static let base = DiscoveryFixture.baseURL
    static let feeds = ["feed.atom", "loai/ke-hoach/feed.atom", "loai/bao-cao/feed.atom", "loai/quyet-dinh/feed.atom",
                        "loai/thong-bao/feed.atom", "loai/cong-van/feed.atom", "thu-tuc/feed.atom"]

    /// feedparser's reading of each feed, as JSON.
    static let parseScript = """
    import feedparser, json, sys
    out = {}
    for path in sys.argv[1:]:
        d = feedparser.parse(path)
        out[path] = {"bozo": d.bozo, "error": str(d.get("bozo_exception", "")), "version": d.version,
                     "updated": d.feed.get("updated"), "title": d.feed.get("title"), "id": d.feed.get("id"),
                     "entries": [{"id": e.get("id"), "title": e.get("title"), "updated": e.get("updated"),
                                  "published": e.get("published"), "link": e.get("link"), "author": e.get("author"),
                                  "summary": e.get("summary"), "terms": [t.get("term") for t in e.get("tags", [])]}
                                 for e in d.entries]}
    print(json.dumps(out))
    """

    @Test func everyFeedParsesWithoutErrorAndCarriesTheDocumentsOwnDates() throws {
        let site = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config())
        defer { site.remove() }
        let report = try site.build()
        #expect(report.notices.isEmpty)
        for feed in Self.feeds { #expect(site.exists(feed), "\(feed) was not written") }
        let paths = Self.feeds.map { site.output.appendingPathComponent($0).path }
        let json = try DiscoveryFixture.feedparser(Self.parseScript, arguments: paths)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]])
        for path in paths {
            let feed = try #require(parsed[path])
            #expect(feed["bozo"] as? Int == 0, "\(path): \(feed["error"] ?? "")")
            #expect(feed["version"] as? String == "atom10")
        }
        let whole = try #require(parsed[paths[0]])
        let entries = try #require(whole["entries"] as? [[String: Any]])
        // newest posted first; the feed's updated is its newest entry's, never the clock
        #expect(entries.first?["title"] as? String == "Thông báo 07/TB-STTTT: Lịch tiếp công dân tháng 12 năm 2024")
        #expect(whole["updated"] as? String == "2024-12-01T00:00:00+07:00")
        #expect(entries.first?["published"] as? String == "2024-12-01T00:00:00+07:00")
        // published wins over date; a document without any date is not in a feed
        let plan = try #require(entries.first { ($0["id"] as? String)?.hasSuffix("12-kh-stttt/") == true })
        #expect(plan["updated"] as? String == "2024-02-07T00:00:00+07:00")
        #expect(plan["id"] as? String == Self.base + "van-ban/2024/12-kh-stttt/")
        #expect(plan["link"] as? String == plan["id"] as? String)
        #expect(plan["author"] as? String == "Sở Thông tin và Truyền thông tỉnh Sông Mây")
        #expect(plan["terms"] as? [String] == ["ke-hoach", "chuyen-doi-so"])
        #expect(plan["summary"] as? String == "Thực hiện chuyển đổi số năm 2024")
        #expect(entries.count == 8)
        #expect(!entries.contains { ($0["title"] as? String)?.contains("rà soát") == true })
        // markup in a title stays text
        #expect(entries.contains { ($0["title"] as? String)?.hasSuffix("năm 2023 & <phương hướng>") == true })
        let procedures = try #require(parsed[paths[6]]?["entries"] as? [[String: Any]])
        #expect(procedures.map { $0["title"] as? String } == ["Cấp giấy phép hoạt động in (1.004492)"])
        #expect(procedures.first?["published"] as? String == "2024-03-18T00:00:00+07:00")
        let letters = try #require(parsed[paths[5]])
        #expect((letters["entries"] as? [Any])?.isEmpty == true)
        #expect(letters["updated"] as? String == AtomFeed.emptyFeedUpdated)
    }

    @Test func everyPageAnnouncesTheFeedsInItsHead() throws {
        let site = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config())
        defer { site.remove() }
        try site.build()
        let pages = try site.allFiles().filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 20)
        for (path, data) in pages {
            // relative from the page's folder, like every link of the site (the 404 page's resolve against its <base>)
            let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
            let siteFeed = "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"\(root)feed.atom\""
            #expect(String(decoding: data, as: UTF8.self).contains(siteFeed), "\(path) does not announce the feed")
        }
        #expect(try site.page("loai/ke-hoach/index.html").contains("href=\"../../loai/ke-hoach/feed.atom\""))
        #expect(try site.page("thu-tuc/index.html").contains("href=\"../thu-tuc/feed.atom\""))
    }

    @Test func twoBuildsWriteTheSameBytes() throws {
        let site = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config())
        defer { site.remove() }
        try site.build()
        let again = site.root.appendingPathComponent("Again")
        try site.build(output: again)
        let first = try site.allFiles(), second = try site.allFiles(in: again)
        for path in Self.feeds + ["sitemap.xml", "robots.txt", "api/danh-muc-cong-khai.csv", "404.html", "moi-cap-nhat/index.html",
                                  "danh-muc-cong-khai/index.html"] {
            #expect(first[path] != nil && first[path] == second[path], "\(path) differs between two builds")
        }
    }

    @Test func theSitemapListsEveryPageWithContentDatesAndPassesTheSchema() throws {
        let site = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config())
        defer { site.remove() }
        let report = try site.build()
        let sitemap = site.output.appendingPathComponent("sitemap.xml")
        try Self.validate(sitemap)
        let text = try String(contentsOf: sitemap, encoding: .utf8)
        let locs = Self.values(of: "loc", in: text)
        #expect(locs == report.pages.map { Self.base + $0 })
        #expect(locs.contains(Self.base + "danh-muc-cong-khai/") && locs.contains(Self.base + "moi-cap-nhat/"))
        #expect(text.contains("<loc>\(Self.base)van-ban/2024/12-kh-stttt/</loc><lastmod>2024-02-07</lastmod>"))
        #expect(text.contains("<loc>\(Self.base)nam/2023/</loc><lastmod>2023-12-20</lastmod>"))
        #expect(text.contains("<loc>\(Self.base)</loc><lastmod>2024-12-01</lastmod>"))
        #expect(!text.contains("404"))
        let robots = try site.page("robots.txt")
        #expect(robots.contains("\nSitemap: \(Self.base)sitemap.xml\n"))
        #expect(robots.hasPrefix("User-agent: *\n"))
    }

    @Test func aLongSitemapBecomesAnIndexOfParts() throws {
        let entries = (1...7).map { Sitemap.Entry(path: "van-ban/2024/\($0)-kh/", lastmod: DocumentDate(year: 2024, month: $0, day: 2)) }
            + [Sitemap.Entry(path: "nam/", lastmod: DocumentDate(year: 2023))]
        let files = Sitemap(baseURL: Self.base, limit: 3).files(entries)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let index = files[0].text
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(Self.values(of: "loc", in: index) == (1...3).map { "\(Self.base)sitemap-\($0).xml" })
        #expect(Self.values(of: "lastmod", in: index) == ["2024-03-02", "2024-06-02", "2024-07-02"])
        #expect(files.dropFirst().map { Self.values(of: "loc", in: $0.text).count } == [3, 3, 2])
        #expect(files[3].text.contains("<loc>\(Self.base)nam/</loc><lastmod>2023-01-01</lastmod>"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-sitemap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
            try Self.validate(url)
        }
        #expect(Sitemap(baseURL: Self.base, limit: 8).files(entries).count == 1)
    }

    @Test func withoutABaseURLTheyAreLeftOutWithOneNotice() throws {
        let site = try SiteFixture(files: DiscoveryFixture.files, config: DiscoveryFixture.config(baseURL: nil))
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.diagnostics.contains { $0.message.contains("base_url") }, "a missing base_url is not a problem of the content")
        #expect(report.notices.count == 1)
        #expect(report.notices.first?.contains("base_url") == true)
        for path in Self.feeds + ["sitemap.xml", "robots.txt"] { #expect(!site.exists(path), "\(path) was written") }
        #expect(!(try site.page("index.html")).contains("application/atom+xml"))
    }

    /// xmllint against the sitemaps.org structure (a schema written from the protocol, in Fixtures/schemas).
    static func validate(_ file: URL) throws {
        let schema = SiteFixture.repository.appendingPathComponent("Tests/CongkhaiSiteTests/Fixtures/schemas/sitemap.xsd")
        try DiscoveryFixture.run("/usr/bin/xmllint", ["--noout", "--schema", schema.path, file.path])
    }

    static func values(of element: String, in xml: String) -> [String] {
        xml.components(separatedBy: "<\(element)>").dropFirst().compactMap { $0.components(separatedBy: "</\(element)>").first }
    }
}
