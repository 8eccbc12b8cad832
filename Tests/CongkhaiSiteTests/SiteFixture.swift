import CongkhaiSite
import Foundation
import Testing

/// A content folder made for one test, built into a site in a temporary folder.
struct SiteFixture {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var output: URL { root.appendingPathComponent("Site") }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let theme = repository.appendingPathComponent("Themes/default")

    static let siteConfig = """
    name: Sở Thông tin và Truyền thông
    parent: Ủy ban nhân dân tỉnh Hòa Bình
    place: Hòa Bình
    """

    init(files: [String: String], config: String? = SiteFixture.siteConfig) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        if let config { try write("site.yml", config) }
        for (path, text) in files { try write(path, text) }
    }

    /// A copy of a folder under Tests/CongkhaiSiteTests/Fixtures.
    init(fixture name: String) throws {
        try self.init(files: [:])
        let source = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: content.appendingPathComponent(file))
        }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    @discardableResult
    func build(strict: Bool = false, output: URL? = nil) throws -> BuildReport {
        try SiteBuilder(.init(content: content, theme: Self.theme, output: output ?? self.output, strict: strict)).build()
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    func catalogue() throws -> [[String: Any]] {
        let data = try Data(contentsOf: output.appendingPathComponent("api/documents.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["documents"] as? [[String: Any]])
    }

    func entry(_ url: String) throws -> [String: Any] {
        try #require(try catalogue().first { $0["url"] as? String == url })
    }

    /// Every file of the built site, by relative path.
    func allFiles(in folder: URL? = nil) throws -> [String: Data] {
        let base = folder ?? output
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)!
        for case let url as URL in walker where !url.hasDirectoryPath {
            out[String(url.path.dropFirst(base.path.count + 1))] = try Data(contentsOf: url)
        }
        return out
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
