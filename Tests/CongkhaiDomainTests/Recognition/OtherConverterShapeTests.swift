import CongkhaiMessages
import Testing
@testable import CongkhaiDomain

/// Each shape of issue 13, field by field, on the recognition fixtures and on
/// small texts of their own.
@Suite struct OtherConverterShapeTests {
    let recognizer = LayoutRecognizer(types: RecognitionHarness.types)

    func recognize(_ text: String) -> PrintedLayout {
        recognizer.recognize(Substring(text), firstLine: 1)
    }

    @Test(arguments: RecognitionScoreTests.all.map(\.name))
    func everyFixtureIsReadAsAClerkReadsIt(_ name: String) throws {
        let fixture = try #require(RecognitionScoreTests.all.first { $0.name == name })
        let read = RecognitionHarness.read(fixture)
        for (field, expected) in fixture.expected {
            #expect(read[field] == expected, "\(name).\(field.rawValue)")
        }
    }

    @Test func headerCellSplitsIntoPrintedLines() {
        #expect(HeaderCell.lines("BỘ HẠ TẦNG ĐÔ THỊ -------") == ["BỘ HẠ TẦNG ĐÔ THỊ"])
        #expect(HeaderCell.lines("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Hà Nội, ngày 12 tháng 5 năm 2025")
                == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 12 tháng 5 năm 2025"])
        #expect(HeaderCell.lines("Số: 2214/BHT-QLN V/v: hướng dẫn kiểm kê") == ["Số: 2214/BHT-QLN", "V/v: hướng dẫn kiểm kê"])
        #expect(HeaderCell.lines("ỦY BAN NHÂN DÂN TỈNH SÔNG LAM SỞ TÀI CHÍNH") == ["ỦY BAN NHÂN DÂN TỈNH SÔNG LAM", "SỞ TÀI CHÍNH"])
        #expect(HeaderCell.lines("CỤC THUẾ THUẾ TỈNH LAM HÀ") == ["CỤC THUẾ", "THUẾ TỈNH LAM HÀ"])
        #expect(HeaderCell.lines("BỘ QUỐC PHÒNG<br>CỤC HẬU CẦN") == ["BỘ QUỐC PHÒNG", "CỤC HẬU CẦN"])
        #expect(HeaderCell.lines("TP. Sông Lam , ngày 05 tháng 3 năm 2025") == ["TP. Sông Lam , ngày 05 tháng 3 năm 2025"])
    }

    @Test func addressTableBecomesAKinhGuiList() {
        let layout = recognize("""
        Số: 15/STC-NS

        Sông Lam, ngày 02 tháng 6 năm 2025

        V/v báo cáo quyết toán

        | Kính gửi: | - Sở Nội vụ; - Sở Y tế. |
        |---|---|

        Sở Tài chính đề nghị các Sở báo cáo.
        """)
        #expect(layout.metadata.title == "V/v báo cáo quyết toán")
        #expect(layout.body.prefix(3).map(\.text) == ["Kính gửi:", "- Sở Nội vụ;", "- Sở Y tế."])
    }

    @Test func numbersAsConvertersSpaceThem() {
        #expect(DocumentNumber.parse("286 /C07-P6")?.written == "286/C07-P6")
        #expect(DocumentNumber.parse("286 /C07-P6")?.symbol == "C07-P6")
        #expect(DocumentNumber.parse("      /BC-UBND")?.number == nil)
        #expect(DocumentNumber.parse("      /BC-UBND")?.symbol == "BC-UBND")
        #expect(DocumentNumber.parse("0125/KH-UBND")?.written == "0125/KH-UBND")
        #expect(DocumentNumber.parse("15/KH-BCĐQG1237")?.symbol == "KH-BCĐQG1237")
        #expect(DocumentNumber.parse("88/KH-PCCC&CNCH")?.symbol == "KH-PCCC&CNCH")
        #expect(LayoutRecognizer.numberLine("Số 37-HD/ĐUK") == "37-HD/ĐUK")
    }

    @Test func datesGluedOrSpacedOddly() {
        for line in ["Hà Nội, ngày 14 tháng01 năm 2026", "Hà Nội , ngày 14 tháng 01 năm 2026", "Hà Nội, ngày  14  tháng  1  năm 2026"] {
            let found = OfficialDateLine.find(in: line)
            #expect(found?.date == DocumentDate(year: 2026, month: 1, day: 14), "\(line)")
            #expect(found?.place == "Hà Nội", "\(line)")
        }
    }

    @Test func rankOrDegreeIsNotPartOfTheName() {
        #expect(SignerName("Đại tá Mạc Văn Khoa") == SignerName(rank: "Đại tá", name: "Mạc Văn Khoa"))
        #expect(SignerName("TS. Nguyễn Thanh Hải") == SignerName(rank: "TS.", name: "Nguyễn Thanh Hải"))
        #expect(SignerName("PGS.TS. Lê Minh") == SignerName(rank: "PGS.TS.", name: "Lê Minh"))
        #expect(SignerName("Trần Văn Bình") == SignerName(rank: nil, name: "Trần Văn Bình"))
        #expect(SignerName("GIÁM ĐỐC") == nil)
        let layout = recognize(RecognitionFixture.footers[2].text)
        #expect(layout.metadata.signerRank == "Đại tá")
        #expect(layout.metadata.signer == "Mạc Văn Khoa")
    }

    @Test func signatureLinesEachInTheirOwnParagraph() {
        let layout = recognize("""
        Số: 4/TB-STC

        Sông Lam, ngày 02 tháng 6 năm 2025

        THÔNG BÁO

        Lịch tiếp công dân

        Nội dung.

        Nơi nhận:

        - Các phòng;

        - Lưu: VT.

        KT GIÁM ĐỐC

        PHÓ GIÁM ĐỐC

        (Đã ký)

        Trương Thị Thu
        """)
        #expect(layout.metadata.signerTitle == ["KT GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        #expect(layout.metadata.signer == "Trương Thị Thu")
        #expect(layout.metadata.recipients == ["Các phòng", "Lưu: VT"])
        #expect(layout.body.map(\.text) == ["Nội dung."])
    }

    @Test func unsignedBlockKeepsItsTitlesAndWarns() {
        let layout = recognize(RecognitionFixture.footers[3].text)
        #expect(layout.metadata.signer == nil)
        #expect(layout.metadata.signerTitle == ["Q. GIÁM ĐỐC"])
        #expect(layout.findings.map { $0.diagnostic(file: "a.md").message } == ["the signature block 'Q. GIÁM ĐỐC' has no signer's name"])
        #expect(!layout.body.contains { $0.text.contains("GIÁM ĐỐC") })
    }

    @Test func formAfterTheSignatureIsAnAppendix() {
        let layout = recognize(RecognitionFixture.footers[4].text)
        #expect(layout.metadata.signer == "Kiều Văn Nam")
        #expect(layout.appendices.count == 1)
        #expect(layout.appendices[0].lines.first?.text == "Mẫu số 01")
        #expect(layout.appendices[0].lines.contains { $0.text == "Đại diện đơn vị" })
        #expect(!layout.body.contains { $0.text.contains("Mẫu số") })
    }

    @Test func aBodyEndingInCapitalsIsNotASignature() {
        let layout = recognize("""
        Số: 3/TB-STC

        Sông Lam, ngày 02 tháng 6 năm 2025

        THÔNG BÁO

        Lịch họp

        Nội dung.

        1. TỔNG HỢP Ý KIẾN
        """)
        #expect(layout.metadata.signerTitle.isEmpty)
        #expect(layout.findings.isEmpty)
    }

    @Test func aHugeFirstParagraphIsNotReadAsAHeader() {
        let long = String(repeating: "Số liệu thống kê của các đơn vị ", count: 40_000)
        let lines = String(repeating: "dòng tiếp theo\n", count: 30_000)
        let layout = recognize("ỦY BAN NHÂN DÂN\nSỞ TÀI CHÍNH\nSố: 5/BC-STC\nV/v báo cáo\n" + lines + long)
        #expect(layout.metadata.number?.written == "5/BC-STC")
        let summary = Array(repeating: "dòng tiếp theo", count: LayoutRecognizer.summaryLineLimit - 1)
        #expect(layout.metadata.title == "V/v báo cáo " + summary.joined(separator: " "))
    }
}
