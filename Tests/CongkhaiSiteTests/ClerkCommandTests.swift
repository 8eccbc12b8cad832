import CongkhaiDomain
import CongkhaiSite
import Foundation
import Testing

/// The command as office staff use it: from their own folder, outside the repository, in Vietnamese.
@Suite(.serialized) struct ClerkCommandTests {
    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs `binary` in `folder` with no language in the environment (so Vietnamese, the default).
    static func run(_ arguments: [String], in folder: URL, binary: URL = BuildProcessTests.binary,
                    environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var base = ProcessInfo.processInfo.environment
        for name in ["LANG", "LC_ALL", "LC_MESSAGES"] { base[name] = nil }
        process.environment = base.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                       errors: String(decoding: errorData, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-clerk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `congkhai new` then `congkhai build --strict` in that folder, with no other option: no warning at all,
    /// the site beside the folder, every example published and the guide not.
    @Test func aNewSiteBuildsStrictlyFromItsOwnFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try Self.run(["new", "so-van-hoa"], in: folder)
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.contains("Đã tạo so-van-hoa/"))
        let content = folder.appendingPathComponent("so-van-hoa")
        let built = try Self.run(["build", "--strict"], in: content)
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.errors.isEmpty || !built.errors.contains("cảnh báo"), "\(built.errors)")
        #expect(built.output.contains("Đã dựng 4 văn bản vào ../Site/"), "\(built.output)")
        #expect(built.output.contains("0 lỗi, 0 cảnh báo"))
        let site = folder.appendingPathComponent("Site")
        let files = try FileManager.default.subpathsOfDirectory(atPath: site.path)
        #expect(files.contains("index.html"))
        #expect(files.contains { $0.hasPrefix("thu-tuc/") && $0.hasSuffix("index.html") })
        #expect(!files.contains { $0.localizedCaseInsensitiveContains("huong-dan") })
        // again into a folder that is not empty: refused, nothing overwritten
        let again = try Self.run(["new", "so-van-hoa"], in: folder)
        #expect(again.status == 2 && again.errors.contains("lỗi: so-van-hoa đã có tệp"))
    }

    @Test func checkWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(["new", "noi-dung"], in: folder).status == 0)
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        let checked = try Self.run(["check"], in: folder.appendingPathComponent("noi-dung"))
        #expect(checked.status == 0, "\(checked.errors)")
        #expect(checked.output.contains("Đã kiểm tra 4 văn bản"), "\(checked.output)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted() == before)
    }

    /// The language: Vietnamese by default, English with --lang en (anywhere on the line) or LANG=en_US.UTF-8.
    @Test func messagesFollowTheChosenLanguage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("nd")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("name: Sở Thử\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data("---\nloại: KH\nsố: \"1/KH-ST\"\nngày: 31/02/2025\ntrích yếu: Thử\n---\nx\n".utf8)
            .write(to: content.appendingPathComponent("a.md"))
        let vi = try Self.run(["check"], in: content)
        #expect(vi.errors.contains("a.md:4: cảnh báo: 'date: 31/02/2025' là ngày không có trong lịch; chỉ giữ năm 2025"), "\(vi.errors)")
        let en = try Self.run(["check", "--lang", "en"], in: content)
        #expect(en.errors.contains("a.md:4: warning: 'date: 31/02/2025' is a day that is not in the calendar"), "\(en.errors)")
        let locale = try Self.run(["check"], in: content, environment: ["LANG": "en_US.UTF-8"])
        #expect(locale.output.contains("Checked 1 documents"), "\(locale.output)")
        let help = try Self.run(["build", "--help"], in: content)
        #expect(help.output.contains("Dựng trang web vào thư mục đầu ra."))
    }

    /// Installed as `<prefix>/bin/congkhai` beside `<prefix>/share/congkhai/themes/default`, the program builds with
    /// that theme from any folder, before the build tree's.
    @Test func anInstalledProgramFindsItsThemeFromAnyFolder() throws {
        let prefix = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let manager = FileManager.default
        let bin = prefix.appendingPathComponent("bin")
        try manager.createDirectory(at: bin, withIntermediateDirectories: true)
        let built = BuildProcessTests.binary
        try manager.copyItem(at: built, to: bin.appendingPathComponent("congkhai"))
        for bundle in try manager.contentsOfDirectory(atPath: built.deletingLastPathComponent().path) where bundle.hasSuffix(".resources") {
            try manager.copyItem(at: built.deletingLastPathComponent().appendingPathComponent(bundle),
                                 to: bin.appendingPathComponent(bundle))
        }
        let theme = prefix.appendingPathComponent("share/congkhai/themes/default")
        try manager.createDirectory(at: theme.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.copyItem(at: SiteFixture.theme, to: theme)
        // a mark only the installed theme carries
        let stylesheet = theme.appendingPathComponent("assets/style.css")
        let marked = try String(contentsOf: stylesheet, encoding: .utf8) + "\n/* installed-theme-mark */\n"
        try marked.write(to: stylesheet, atomically: true, encoding: .utf8)
        let work = try temporaryFolder()
        defer { try? manager.removeItem(at: work) }
        let program = bin.appendingPathComponent("congkhai")
        #expect(try Self.run(["new", "nd"], in: work, binary: program).status == 0)
        let result = try Self.run(["build", "--quiet"], in: work.appendingPathComponent("nd"), binary: program)
        #expect(result.status == 0, "\(result.errors)")
        let css = try manager.subpathsOfDirectory(atPath: work.appendingPathComponent("Site").path).filter { $0.hasSuffix(".css") }
        let texts = try css.map { try String(contentsOf: work.appendingPathComponent("Site/\($0)"), encoding: .utf8) }
        #expect(texts.contains { $0.contains("installed-theme-mark") })
        // and `theme copy` copies that theme out
        let copied = try Self.run(["theme", "copy", "giao-dien"], in: work, binary: program)
        #expect(copied.status == 0, "\(copied.errors)")
        #expect(try String(contentsOf: work.appendingPathComponent("giao-dien/assets/style.css"), encoding: .utf8)
            .contains("installed-theme-mark"))
    }

    /// Every issued document prints "Số:" (a draft "Số:    /BC-..."): a type heading without it is one warning on the heading's line.
    @Test func aTypeHeadingWithoutANumberLineIsAWarning() throws {
        let site = try SiteFixture(files: [
            "khong-so.md": "SỞ VĂN HÓA\n\nLam Hà, ngày 03 tháng 7 năm 2025\n\nBÁO CÁO\n\nKết quả 6 tháng\n\nNội dung.\n",
            "du-thao.md": "SỞ VĂN HÓA\n\nSố:     /BC-SVHTT\n\nLam Hà, ngày    tháng 7 năm 2025\n\nBÁO CÁO\n\nDự thảo\n\nNội dung.\n",
            "co-so.md": "---\nsố: \"46/BC-SVHTT\"\n---\nSỞ VĂN HÓA\n\nLam Hà, ngày 3/7/2025\n\nBÁO CÁO\n\nKết quả quý\n\nNội dung.\n",
        ])
        defer { site.remove() }
        let warnings = try site.build().warnings
        #expect(warnings.filter { $0.key == .numberMissing }.map(\.file) == ["khong-so.md"], "\(warnings)")
        #expect(warnings.first { $0.key == .numberMissing }?.line == 5)
    }
}
