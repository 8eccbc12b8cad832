@testable import CongkhaiPublish
import Foundation
import Testing

/// A built site written by hand into a temporary folder (pages, catalogues and
/// marker as the build writes them), and a target folder to publish it to.
struct PublishFixture {
    struct Page {
        var url: String
        var title: String
        var source: String
        var body: String
        var procedure = false
    }

    let root: URL
    var target: URL { root.appendingPathComponent("www") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    static let plan = Page(url: "van-ban/2024/5-kh-stttt/", title: "Kế hoạch chuyển đổi số tỉnh Sông Lam năm 2024",
                           source: "2024/ke-hoach-chuyen-doi-so.md", body: "Sở Thông tin và Truyền thông tỉnh Sông Lam ban hành kế hoạch.")
    static let report = Page(url: "van-ban/2024/12-bc-stttt/", title: "Báo cáo kết quả cải cách hành chính quý I năm 2024",
                             source: "2024/bao-cao-cai-cach.md", body: "Kết quả cải cách hành chính quý I.")
    static let procedure = Page(url: "thu-tuc/1-010203/", title: "Cấp giấy phép hoạt động in", source: "thu-tuc/giay-phep-in.md",
                                body: "Trình tự thực hiện.", procedure: true)

    /// Writes a site at `name` (beside the target) and returns its folder.
    @discardableResult
    func site(_ name: String, pages: [Page], leftOut: [String] = [], extraFiles: [String: String] = [:],
              stylesheet: String = "body { margin: 0 }\n") throws -> URL {
        let site = root.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: site)
        func write(_ path: String, _ text: String) throws {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let documents = pages.filter { !$0.procedure }, procedures = pages.filter(\.procedure)
        try write(".congkhai-site", json([
            "generator": "congkhai", "version": "test", "documents": documents.count, "procedures": procedures.count,
            "leftOut": leftOut, "contentDigest": String(repeating: "ab", count: 32), "themeDigest": String(repeating: "cd", count: 32),
        ]))
        try write("api/documents.json", json(["count": documents.count, "documents": documents.map {
            ["url": $0.url, "title": $0.title, "source": $0.source, "number": NSNull()] as [String: Any]
        }]))
        try write("api/procedures.json", json(["count": procedures.count, "procedures": procedures.map {
            ["url": $0.url, "name": $0.title, "source": $0.source, "code": "1.010203"] as [String: Any]
        }]))
        for page in pages {
            try write(page.url + "index.html", "<!DOCTYPE html><html lang=\"vi\"><title>\(page.title)</title><p>\(page.body)</p></html>\n")
        }
        try write("index.html", "<!DOCTYPE html><html lang=\"vi\"><title>Trang chủ</title>" +
                  pages.map { "<a href=\"\($0.url)\">\($0.title)</a>" }.joined() + "</html>\n")
        try write("assets/style.css", stylesheet)
        for (path, text) in extraFiles { try write(path, text) }
        return site
    }

    private func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    var targetName: PublishTarget { .local(path: target.path) }

    /// Publishes with a given clock, so that release names are known in advance.
    @discardableResult
    func publish(_ site: URL, second: Int, keep: Int = 5, allowRemoval: Bool = false, dryRun: Bool = false) throws -> PublishReport {
        try Publisher.publish(PublishOptions(site: site, keep: keep, dryRun: dryRun, allowRemoval: allowRemoval, user: "nguyen van a",
                                             now: Self.time(second)), to: targetName)
    }

    static func time(_ second: Int) -> Date {
        Date(timeIntervalSince1970: 1_790_000_000 + Double(second))
    }

    static func releaseName(_ second: Int) -> String {
        ReleaseNaming.compactTime(time(second))
    }

    /// The release `current` points at.
    func served() throws -> String {
        let value = try FileManager.default.destinationOfSymbolicLink(atPath: target.appendingPathComponent("current").path)
        return URL(fileURLWithPath: value).lastPathComponent
    }

    func servedText(_ path: String) throws -> String {
        try String(contentsOf: target.appendingPathComponent("current").appendingPathComponent(path), encoding: .utf8)
    }

    func releases() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: target.appendingPathComponent("releases").path).sorted()
    }

    func inode(_ release: String, _ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: target.appendingPathComponent("releases/\(release)/\(path)").path)
        return try #require(attributes[.systemFileNumber] as? UInt64)
    }

    func log() throws -> String {
        try String(contentsOf: target.appendingPathComponent("publish.log"), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
