import CongkhaiMessages
import Foundation
import Testing
@testable import CongkhaiDomain

/// Bytes and values that once passed silently: UTF-16 read as UTF-8, NULs,
/// impossible dates and years, raw HTML in a procedure's sections.
@Suite struct HostileValueTests {
    let types = DocumentTypeTable([DocumentType(code: "KH", name: "Kế hoạch"), DocumentType(code: "NĐ", name: "Nghị định")])

    // MARK: bytes

    @Test func utf16WithoutAByteOrderMarkIsNotUTF8() throws {
        let text = "---\ntitle: Ke hoach\n---\nNoi dung van ban.\n"
        let little = try #require(text.data(using: .utf16LittleEndian))
        #expect(String(data: little, encoding: .utf8) != nil, "the fixture must pass for UTF-8")
        let error = try #require(SourceText.encodingProblem(little, file: "utf16.md"))
        #expect(error.message.contains("UTF-16LE"))
        #expect(error.file == "utf16.md" && error.hint != nil)
        let big = try #require(text.data(using: .utf16BigEndian))
        #expect(SourceText.encodingProblem(big, file: "a.md")?.message.contains("UTF-16BE") == true)
        #expect(SourceText.encodingProblem(Data([0xFF, 0xFE, 0x41, 0]), file: "a.md")?.message.contains("byte-order mark") == true)
    }

    @Test func utf8TextWithAFewNULsIsNotUTF16() {
        #expect(SourceText.encodingProblem(Data("Kế hoạch\u{0}số 5\n".utf8), file: "a.md") == nil)
        #expect(SourceText.encodingProblem(Data("Nội dung văn bản tiếng Việt.".utf8), file: "a.md") == nil)
        #expect(SourceText.encodingProblem(Data(), file: "a.md") == nil)
    }

    @Test func nulsAreRemovedWithAWarningNamingTheLine() throws {
        let (text, warning) = SourceText.removingNULs("Dòng một\nDòng\u{0} hai\u{0}\n", file: "nul.md")
        #expect(text == "Dòng một\nDòng hai\n")
        let w = try #require(warning)
        #expect(w.severity == .warning && w.line == 2 && w.message.contains("2 NUL"))
        #expect(SourceText.removingNULs("sạch", file: "a.md").1 == nil)
    }

    // MARK: dates and years

    @Test func thirtiethOfFebruaryIsAWarningNotASilentYear() throws {
        let line = try #require(OfficialDateLine.find(in: "Sông Lam, ngày 30 tháng 02 năm 2020"))
        #expect(line.date == DocumentDate(year: 2020))
        #expect(line.problem?.key == .placeDateImpossible)
        #expect(line.problem?.arguments["value"] == "ngày 30 tháng 2 năm 2020")
        #expect(OfficialDateLine.find(in: "Sông Lam, ngày 29 tháng 02 năm 2020")?.problem == nil)
        #expect(OfficialDateLine.find(in: "Sông Lam, ngày    tháng    năm 2020")?.problem == nil)
        let printed = "SỞ THÔNG TIN\n\nSố: 5/KH-STTTT\n\nSông Lam, ngày 30 tháng 02 năm 2020\n\nKẾ HOẠCH\n\nNội dung.\n"
        let layout = LayoutRecognizer(types: types).recognize(Substring(printed), firstLine: 1)
        #expect(layout.findings.contains { $0.line == 5 && $0.key == .placeDateImpossible })
    }

    @Test func aLegalNumberWithYearZeroIsFiledWithoutAYearAndWarned() throws {
        let number = try #require(DocumentNumber.parse("04/0000/NĐ-CP"))
        #expect(number.year == nil)
        #expect(number.symbol == "NĐ-CP")
        #expect(number.yearProblem?.arguments["year"] == "0000")
        #expect(DocumentNumber.parse("04/2015/NĐ-CP")?.yearProblem == nil)
        let (fm, diagnostics) = try FrontMatter.split("---\nnumber: \"04/0000/NĐ-CP\"\n---\n", file: "nd.md", types: types).get()
        #expect(fm.metadata.year == nil)
        #expect(diagnostics.contains { $0.line == 2 && $0.message.contains("0000") })
        let layout = LayoutRecognizer(types: types).recognize("CHÍNH PHỦ\n\nSố: 04/0000/NĐ-CP\n\nNGHỊ ĐỊNH\n\nNội dung.\n", firstLine: 1)
        #expect(layout.findings.contains { $0.line == 3 && $0.diagnostic(file: "a.md").message.contains("0000") })
    }

    // MARK: procedures

    @Test func rawHTMLInAProcedureSectionIsReportedWithItsSourceLine() {
        let body = """
        Lĩnh vực: Báo chí.

        ## Trình tự thực hiện

        Bước 1 <span onclick="x()">nộp</span> hồ sơ.

        `<b>` trong mã là chữ, <https://example.gov.vn> là liên kết, 3 < 5 > 2.

        ```
        <script>mã trong khối</script>
        ```

        ## Phí, lệ phí

        <div>Không thu phí</div>
        <!-- ghi chú -->
        """
        let (_, findings) = ProcedureReader().read(values: [:], title: "Thủ tục", body: body, sourceLine: { $0 + 100 })
        #expect(findings.map(\.line) == [105, 115, 116])
        #expect(findings.allSatisfy { $0.key == .procedureRawHTML })
    }
}
