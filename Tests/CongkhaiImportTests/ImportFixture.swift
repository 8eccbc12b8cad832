import CongkhaiDomain
import CongkhaiImport
import CongkhaiSite
import Foundation
import Testing

/// A content folder in a temporary folder: files are imported into it, then it is built into a site.
struct ImportFixture {
    let root: URL
    var content: URL { root.appendingPathComponent("Content") }
    var inbox: URL { root.appendingPathComponent("inbox") }
    var output: URL { root.appendingPathComponent("Site") }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let types: DocumentTypeTable = try! DocumentTypeTable.bundled()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-import-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try "name: Sở Thông tin và Truyền thông\nparent: Ủy ban nhân dân tỉnh Sông Lam\nplace: Sông Lam\n"
            .write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    }

    /// A committed fixture: "pdf/ke-hoach-chuyen-doi-so.pdf", "source/...md", "text/...txt".
    static func fixture(_ path: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/\(path)", withExtension: nil), "fixture \(path) is missing")
    }

    /// A Word file made from one of our Markdown sources with pandoc, as staff would receive it.
    func word(from source: String) throws -> URL {
        let docx = inbox.appendingPathComponent(source + ".docx")
        _ = try ExternalTool.pandoc.run([try Self.fixture("source/\(source).md").path, "-o", docx.path])
        return docx
    }

    /// A copy in the inbox, so that a test never touches the committed fixture.
    func copy(_ fixture: String) throws -> URL {
        let to = inbox.appendingPathComponent((fixture as NSString).lastPathComponent)
        try FileManager.default.copyItem(at: try Self.fixture(fixture), to: to)
        return to
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = inbox.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func importer(dryRun: Bool = false, force: Bool = false, ocr: Bool = false) -> Importer {
        Importer(.init(into: content, dryRun: dryRun, force: force, ocr: ocr), types: Self.types)
    }

    func run(_ files: [URL], dryRun: Bool = false, force: Bool = false, ocr: Bool = false) -> [ImportResult] {
        importer(dryRun: dryRun, force: force, ocr: ocr).run(files)
    }

    func text(_ relative: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: content.appendingPathComponent(relative).path)
    }

    /// Front matter of an imported file, read the way the site build reads it.
    func metadata(_ relative: String) throws -> DocumentMetadata {
        let split = FrontMatter.split(try text(relative), file: relative, types: Self.types)
        let (frontMatter, diagnostics) = try split.get()
        #expect(diagnostics.isEmpty, "front matter of \(relative) has problems: \(diagnostics)")
        return frontMatter.metadata
    }

    @discardableResult
    func build() throws -> BuildReport {
        try SiteBuilder(.init(content: content, theme: Self.repository.appendingPathComponent("Themes/default"), output: output)).build()
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func entry(_ url: String) throws -> [String: Any] {
        let data = try Data(contentsOf: output.appendingPathComponent("api/documents.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        let urls = documents.map { $0["url"] ?? "?" }
        return try #require(documents.first { $0["url"] as? String == url }, "no catalogue entry \(url); have \(urls)")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// External programs the tests need; a test that needs a missing one is skipped, saying which package to install.
enum Tools {
    static let pandoc = ExternalTool.pandoc.isInstalled
    static let poppler = ExternalTool.pdftotext.isInstalled && ExternalTool.pdftoppm.isInstalled
    static let tesseract = ExternalTool.tesseract.isInstalled && ((try? ExternalTool.tesseract.run(["--list-langs"], timeLimit: 30))
        .map { String(decoding: $0, as: UTF8.self).split(whereSeparator: \.isNewline).contains("vie") } ?? false)
}
