import CongkhaiMessages
import CongkhaiDomain
@testable import CongkhaiImport
import Foundation
import Testing

/// What import promises whatever the file: no overwriting without --force,
/// nothing written in a dry run, one bad file never stops the others, clear
/// messages for scans and missing programs.
@Suite struct ImporterBehaviourTests {
    static let letter = """
    UBND TỈNH SÔNG LAM

    SỞ THÔNG TIN VÀ TRUYỀN THÔNG

    Số: 41/STTTT-VP

    Sông Lam, ngày 03 tháng 6 năm 2024

    V/v cử cán bộ dự tập huấn

    Kính gửi: Các phòng, trung tâm thuộc Sở.

    Đề nghị các đơn vị cử cán bộ dự lớp tập huấn an toàn thông tin./.

    """

    @Test func dryRunWritesNothingAndShowsTheFile() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let results = fixture.run([try fixture.write("cong-van.md", Self.letter)], dryRun: true)
        #expect(results.first?.status == .dryRun)
        #expect(results.first?.destination == "2024/41-stttt-vp.md")
        #expect(results.first?.preview?.contains("Số: 41/STTTT-VP") == true)
        #expect(!fixture.exists("2024"))
    }

    @Test func neverOverwritesWithoutForce() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let file = try fixture.write("cong-van.txt", Self.letter)
        #expect(fixture.run([file]).first?.status == .imported)
        let first = try fixture.text("2024/41-stttt-vp.md")
        try (first + "\nGhi chú của văn thư.\n").write(to: fixture.content.appendingPathComponent("2024/41-stttt-vp.md"),
                                                        atomically: true, encoding: .utf8)

        let again = try #require(fixture.run([file]).first)
        #expect(again.status == .skipped)
        #expect(again.problem?.description.contains("--force") == true)
        #expect(try fixture.text("2024/41-stttt-vp.md").contains("Ghi chú của văn thư."))

        #expect(fixture.run([file], force: true).first?.status == .imported)
        #expect(try fixture.text("2024/41-stttt-vp.md") == first)
    }

    @Test func oneBadFileNeverStopsTheOthers() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let broken = fixture.inbox.appendingPathComponent("hong.docx")
        try Data("not a zip file".utf8).write(to: broken)
        let notText = fixture.inbox.appendingPathComponent("latin1.txt")
        try Data([0x53, 0xF4, 0x20, 0x31]).write(to: notText)
        let files = [broken, fixture.inbox.appendingPathComponent("bang-tinh.xlsx"), notText,
                     fixture.inbox.appendingPathComponent("khong-co.pdf"), try fixture.write("cong-van.md", Self.letter)]
        let results = fixture.run(files)
        #expect(results.map(\.status) == [.failed, .failed, .failed, .failed, .imported])
        #expect(results[1].problem?.description.contains(".xlsx cannot be imported") == true)
        #expect(results[2].problem?.description.contains("UTF-8") == true)
        #expect(results[3].problem?.description.contains("does not exist") == true)
        #expect(fixture.exists("2024/41-stttt-vp.md"))
    }

    @Test(.enabled(if: Tools.poppler, "poppler is missing: apt-get install -y poppler-utils"))
    func scanWithoutOCRSaysHowToImportIt() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let result = try #require(fixture.run([try fixture.copy("pdf/cong-van-chu-ky-so-scan.pdf")]).first)
        #expect(result.status == .failed)
        #expect(result.problem?.description.contains("is a scan") == true)
        #expect(result.problem?.description.contains("congkhai import --ocr") == true)
        #expect(!fixture.exists("2024"))
    }

    @Test func aMissingProgramNamesItsDebianPackage() throws {
        let tool = ExternalTool(command: "congkhai-no-such-program", debianPackage: "goi-khong-co")
        #expect(throws: ImportFailure.missingTool(tool)) { try tool.run([]) }
        #expect(ImportFailure.missingTool(.tesseract).description.contains("apt-get install -y tesseract-ocr tesseract-ocr-vie"))
        #expect(ImportFailure.missingTool(.pdftotext).description.contains("poppler-utils"))
        #expect(ImportFailure.missingTool(.pandoc).description.contains("apt-get install -y pandoc"))
    }

    /// Also when it ignores SIGTERM (a test runner's children inherit an ignored SIGTERM).
    @Test func aProgramThatHangsIsStopped() throws {
        let sleep = ExternalTool(command: "sleep", debianPackage: "coreutils")
        #expect(throws: ImportFailure.timedOut(sleep, seconds: 1)) { try sleep.run(["30"], timeLimit: 1) }
    }

    @Test func twoFilesForOneAddressAreNotBothWritten() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let results = fixture.run([try fixture.write("a.md", Self.letter), try fixture.write("b.txt", Self.letter)])
        #expect(results.map(\.status) == [.imported, .failed])
        #expect(results[1].problem?.description.contains("2024/41-stttt-vp.md") == true)
    }

    @Test func unknownYearAndNoNumberUseTheSummary() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let text = "THÔNG BÁO\n\nLịch trực tết của cơ quan\n\nCơ quan bố trí lịch trực theo bảng đính kèm.\n"
        #expect(fixture.run([try fixture.write("tb.txt", text)]).first?.destination == "khong-ro-nam/lich-truc-tet-cua-co-quan.md")
    }

    @Test(.enabled(if: Tools.pandoc, "pandoc is missing: apt-get install -y pandoc"))
    func wordPicturesAreExtractedBesideTheDocument() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        // a 1×1 PNG
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")!
        try png.write(to: fixture.inbox.appendingPathComponent("so-do.png"))
        let source = try fixture.write("so-do.md", Self.letter + "![Sơ đồ mạng](so-do.png){width=5cm}\n")
        let docx = fixture.inbox.appendingPathComponent("so-do.docx")
        _ = try ExternalTool.pandoc.run([source.path, "-o", docx.path], in: fixture.inbox)

        #expect(fixture.run([docx]).first?.status == .imported)
        let text = try fixture.text("2024/41-stttt-vp.md")
        let pictures = fixture.content.appendingPathComponent("2024/41-stttt-vp-hinh")
        let folder = try FileManager.default.contentsOfDirectory(atPath: pictures.path)
        #expect(folder.count == 1)
        #expect(text.contains("](41-stttt-vp-hinh/\(folder[0]))"), "\(text)")
        #expect(!text.contains("<img"))
        let report = try fixture.build()
        #expect(!report.diagnostics.contains { $0.message.contains("not found") }, "\(report.diagnostics)")
        #expect(try fixture.page("van-ban/2024/41-stttt-vp/index.html").contains("<img"))
    }

    @Test(.enabled(if: Tools.pandoc, "pandoc is missing: apt-get install -y pandoc"))
    func theSameFileGivesTheSameBytes() throws {
        let first = try ImportFixture(), second = try ImportFixture()
        defer { first.remove(); second.remove() }
        _ = first.run([try first.word(from: "ke-hoach-chuyen-doi-so")])
        _ = second.run([try second.word(from: "ke-hoach-chuyen-doi-so")])
        #expect(try first.text("2024/5-kh-stttt.md") == second.text("2024/5-kh-stttt.md"))
    }

    @Test func foldersAreSearchedForTheKindsImportReads() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let folder = fixture.inbox.appendingPathComponent("nhan-ngay-03-6")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("con"), withIntermediateDirectories: true)
        for name in ["b.pdf", "a.docx", "con/c.txt", "ghi-chu.xlsx", "d.MD"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        let names = Importer.expand([folder.path]).map { String($0.path.dropFirst(folder.path.count + 1)) }
        #expect(names == ["a.docx", "b.pdf", "con/c.txt", "d.MD"])
    }
}
