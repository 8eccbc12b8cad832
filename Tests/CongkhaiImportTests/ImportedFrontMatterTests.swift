import CongkhaiDomain
@testable import CongkhaiImport
import Testing

/// The front matter import writes reads back, through the site's own reader, as what was recognised.
@Suite struct ImportedFrontMatterTests {
    let types = ImportFixture.types

    @Test func everyRecognisedFieldReadsBackAsText() throws {
        var m = DocumentMetadata()
        m.type = types.lookup("KH")
        m.number = DocumentNumber.parse("05/KH-STTTT")
        m.date = DocumentDate(year: 2024, month: 3, day: 12)
        m.place = "Sông Lam"
        m.issuer = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
        m.parentIssuer = "UBND TỈNH SÔNG LAM"
        m.title = "Kế hoạch: \"chuyển đổi số\" # năm 2024"
        m.signer = "Trần Thị Minh Hạnh"
        m.signerTitle = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
        m.recipients = ["Sở Nội vụ (b/c)", "Lưu: VT, VP"]
        let yaml = try ImportedFrontMatter(metadata: m, attachments: ["5-kh-stttt.pdf"]).yaml()
        #expect(yaml.contains("number: \"05/KH-STTTT\""))
        #expect(yaml.contains("date: \"2024-03-12\""))
        let (read, diagnostics) = try FrontMatter.split(yaml + "\nNội dung.\n", file: "t.md", types: types).get()
        #expect(diagnostics.isEmpty)
        var expected = m
        expected.attachments = ["5-kh-stttt.pdf"]
        #expect(read.metadata == expected)
    }

    @Test func numbersThatLookLikeNumbersStayText() throws {
        var m = DocumentMetadata()
        m.number = DocumentNumber.parse("05")
        m.title = "2024"
        let yaml = try ImportedFrontMatter(metadata: m).yaml()
        #expect(yaml.contains("title: \"2024\""))
        let (read, _) = try FrontMatter.split(yaml, file: "t.md", types: types).get()
        #expect(read.metadata.title == "2024")
    }

    @Test func unreadFieldsAreEmptyKeysWithAComment() throws {
        var m = DocumentMetadata()
        m.title = "Lịch trực tết"
        let front = ImportedFrontMatter(metadata: m, ocr: true)
        let yaml = try front.yaml()
        #expect(yaml.contains("number:   # not read from the document"))
        #expect(yaml.contains("recipients:   # not read from the document"))
        #expect(yaml.contains("ocr: true"))
        #expect(front.recognised == ["title"])
        #expect(front.unreadFields.count == 9)
        let (read, diagnostics) = try FrontMatter.split(yaml, file: "t.md", types: types).get()
        #expect(diagnostics.isEmpty)
        #expect(read.metadata.number == nil && read.metadata.recipients.isEmpty && read.metadata.title == "Lịch trực tết")
        #expect(read.extra["ocr"] == .text("true", line: 0))
    }

    @Test func destinationFollowsTheSitesAddress() {
        var m = DocumentMetadata()
        m.number = DocumentNumber.parse("05/KH-STTTT")
        m.date = DocumentDate(year: 2024)
        #expect(ImportDestination(metadata: m, originalName: "x.pdf").document == "2024/5-kh-stttt.md")
        m.number = DocumentNumber.parse("/BC-STTTT")
        m.title = "Kết quả năm 2024"
        #expect(ImportDestination(metadata: m, originalName: "x.pdf").document == "2024/ket-qua-nam-2024.md")
        m = DocumentMetadata()
        #expect(ImportDestination(metadata: m, originalName: "Công văn đến.pdf").document == "khong-ro-nam/cong-van-den.md")
        #expect(ImportDestination(metadata: m, originalName: "x.pdf").original(extension: "PDF") == "khong-ro-nam/x.pdf")
    }
}
