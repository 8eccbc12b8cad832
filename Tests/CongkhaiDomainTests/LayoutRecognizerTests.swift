import Testing
@testable import CongkhaiDomain

/// Fixtures shaped like the seeds (Word converted to Markdown, no front
/// matter), written for a fictional department.
@Suite struct LayoutRecognizerTests {
    let recognizer = LayoutRecognizer(types: DocumentTypeTable([
        DocumentType(code: "KH", name: "Kế hoạch"), DocumentType(code: "BC", name: "Báo cáo"),
        DocumentType(code: "QĐ", name: "Quyết định"), DocumentType(code: "TB", name: "Thông báo"),
        DocumentType(code: "CV", name: "Công văn"),
    ]))

    func recognize(_ text: String) -> PrintedLayout {
        recognizer.recognize(Substring(text), firstLine: 1)
    }

    func bodyText(_ layout: PrintedLayout) -> String {
        layout.body.map(\.text).joined(separator: "\n")
    }

    @Test func reportWithBlankNumberAndSeparateSummary() {
        let layout = recognize("""


        Số: /BC-STTTT-VP

        Hòa Bình, ngày 16 tháng 11 năm 2020

        BÁO CÁO

        Kết quả thực hiện công tác dân vận năm 2020

        Thực hiện Công văn số 12/SNV-XDCQ, ngày 13/11/2020 của Sở Nội vụ; Sở báo cáo như sau:

        I. CÔNG TÁC CHỈ ĐẠO

        1. Công tác lãnh đạo

        Nội dung.

        Nơi nhận:

        - Sở Nội vụ (b/c);
        - Ban Giám đốc Sở;
        - Lưu: VT.

        **KT. GIÁM ĐỐC
        PHÓ GIÁM ĐỐC**

        Trần Văn Bình
        """)
        let m = layout.metadata
        #expect(layout.hasHeader)
        #expect(m.number?.number == nil)
        #expect(m.number?.symbol == "BC-STTTT-VP")
        #expect(m.place == "Hòa Bình")
        #expect(m.date == DocumentDate(year: 2020, month: 11, day: 16))
        #expect(m.type?.code == "BC")
        #expect(m.title == "Kết quả thực hiện công tác dân vận năm 2020")
        #expect(m.recipients == ["Sở Nội vụ (b/c)", "Ban Giám đốc Sở", "Lưu: VT"])
        #expect(m.signerTitle == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        #expect(m.signer == "Trần Văn Bình")
        let body = bodyText(layout)
        #expect(body.hasPrefix("Thực hiện Công văn"))
        #expect(!body.contains("Số:"))
        #expect(!body.contains("Nơi nhận"))
        #expect(!body.contains("Trần Văn Bình"))
        #expect(!body.contains("BÁO CÁO"))
    }

    @Test func oneLinePlanHeadingWithBoldSummary() {
        let layout = recognize("""
        Số: /KH-STTTT-VP

        Hòa Bình, ngày 07 tháng 4 năm 2021

        KẾ HOẠCH **Thực hiện công tác dân vận chính quyền năm 2021**

        Thực hiện Kế hoạch số 23/KH-UBND ngày 24/3/2021 của Ủy ban nhân dân tỉnh, như sau:

        Nơi nhận:

        - Lưu: VT.

        GIÁM ĐỐC

        Lê Thị Hoa
        """)
        #expect(layout.metadata.type?.code == "KH")
        #expect(layout.metadata.title == "Thực hiện công tác dân vận chính quyền năm 2021")
        #expect(layout.metadata.date?.iso == "2021-04-07")
        #expect(layout.metadata.signerTitle == ["GIÁM ĐỐC"])
        #expect(layout.metadata.signer == "Lê Thị Hoa")
    }

    @Test func summaryOnSeveralLinesOfTheHeadingParagraph() {
        let layout = recognize("""
        Số: /BC-STTTT-VP

        Hòa Bình, ngày 23 tháng 11 năm 2020

        BÁO CÁO
        Công tác dân vận chính quyền và quy chế dân chủ ở cơ sở
        năm 2020

        Thực hiện chỉ đạo của cấp trên, Sở báo cáo như sau:
        """)
        #expect(layout.metadata.title == "Công tác dân vận chính quyền và quy chế dân chủ ở cơ sở năm 2020")
        #expect(bodyText(layout) == "Thực hiện chỉ đạo của cấp trên, Sở báo cáo như sau:")
    }

    @Test func issuingBodyAndMottoLines() {
        let layout = recognize("""
        UBND TỈNH HÒA BÌNH

        SỞ THÔNG TIN VÀ TRUYỀN THÔNG

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

        Độc lập - Tự do - Hạnh phúc

        Số: 05/QĐ-STTTT

        Hòa Bình, ngày 05 tháng 01 năm 2024

        QUYẾT ĐỊNH

        Về việc ban hành quy chế làm việc

        Điều 1. Ban hành quy chế.
        """)
        #expect(layout.metadata.parentIssuer == "UBND TỈNH HÒA BÌNH")
        #expect(layout.metadata.issuer == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
        #expect(layout.metadata.number?.written == "05/QĐ-STTTT")
        #expect(layout.metadata.title == "Về việc ban hành quy chế làm việc")
        #expect(!bodyText(layout).contains("CỘNG HÒA"))
    }

    @Test func officialLetterSummaryAfterVv() {
        let layout = recognize("""
        SỞ THÔNG TIN VÀ TRUYỀN THÔNG

        Số: 586/STTTT-VP

        V/v báo cáo kết quả thực hiện

        Hòa Bình, ngày 19 tháng 5 năm 2020

        Kính gửi: Các phòng chuyên môn.

        Nội dung công văn.
        """)
        #expect(layout.metadata.title == "V/v báo cáo kết quả thực hiện")
        #expect(layout.metadata.date?.iso == "2020-05-19")
        #expect(layout.metadata.type == nil)
        #expect(bodyText(layout).hasPrefix("Kính gửi"))
    }

    @Test func partlyBlankDateKeepsYear() {
        let layout = recognize("""
        Số:         /BC-STTTT

        Hòa Bình, ngày       tháng      năm 2023

        BÁO CÁO

        Tình hình thực hiện

        Nội dung.
        """)
        #expect(layout.metadata.date == DocumentDate(year: 2023))
        #expect(layout.metadata.number?.symbol == "BC-STTTT")
    }

    @Test func appendixAfterTheSignature() throws {
        let layout = recognize("""
        Số: 12/BC-STTTT

        Hòa Bình, ngày 02 tháng 3 năm 2024

        BÁO CÁO

        Kết quả quý I

        Nội dung báo cáo.

        Nơi nhận:

        - Lưu: VT.

        GIÁM ĐỐC

        Lê Văn Tâm

        PHỤ LỤC SỐ LIỆU

        (Kèm theo Báo cáo số 12/BC-STTTT ngày 02/3/2024)

        | STT | Chỉ tiêu |
        |---|---|
        | 1 | Hồ sơ |
        """)
        let appendix = try #require(layout.appendices.first)
        #expect(layout.appendices.count == 1)
        #expect(appendix.title == "PHỤ LỤC SỐ LIỆU")
        #expect(appendix.subtitle == "(Kèm theo Báo cáo số 12/BC-STTTT ngày 02/3/2024)")
        #expect(appendix.lines.count == 3)
        #expect(layout.metadata.signer == "Lê Văn Tâm")
        #expect(bodyText(layout) == "Nội dung báo cáo.")
    }

    @Test func pdfTextIsUnwrappedWithoutGluingParagraphs() {
        let printed = [
            "Số: 15/TB-STTTT", "Hòa Bình, ngày 02 tháng 12 năm 2024", "THÔNG BÁO",
            "Lịch tiếp công dân của Lãnh đạo Sở", "tháng 12 năm 2024",
            "Thực hiện Chỉ thị số 19-", "CT/TU ngày 05/5/2023 của Ban Thường vụ Tỉnh ủy, Sở Thông tin và Truyền thông",
            "thông báo lịch tiếp công dân như sau:",
            "1. Thời gian: các ngày thứ Năm trong tháng, từ 7 giờ 30 phút đến 11 giờ 00 phút",
            "hằng tuần.",
            "2. Địa điểm: trụ sở Sở.",
            "- Người tiếp: Giám đốc Sở;",
            "- Thư ký: Chánh Văn phòng.",
            "Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn Sơn",
        ]
        let layout = recognize(printed.map { $0 + "  \n\n" }.joined())
        #expect(layout.wasUnwrapped)
        #expect(layout.metadata.title == "Lịch tiếp công dân của Lãnh đạo Sở tháng 12 năm 2024")
        #expect(layout.body.map(\.text) == [
            "Thực hiện Chỉ thị số 19-CT/TU ngày 05/5/2023 của Ban Thường vụ Tỉnh ủy, "
                + "Sở Thông tin và Truyền thông thông báo lịch tiếp công dân như sau:",
            "1. Thời gian: các ngày thứ Năm trong tháng, từ 7 giờ 30 phút đến 11 giờ 00 phút hằng tuần.",
            "2. Địa điểm: trụ sở Sở.",
            "- Người tiếp: Giám đốc Sở;",
            "- Thư ký: Chánh Văn phòng.",
        ])
        #expect(layout.metadata.signer == "Nguyễn Văn Sơn")
    }

    @Test func ordinaryWordConversionIsNotTakenForPDF() {
        var paragraphs: [String] = []
        for i in 1...12 { paragraphs.append("\(i). Nội dung thứ \(i) được trình bày đầy đủ trong một đoạn văn.") }
        let layout = recognize(paragraphs.joined(separator: "\n\n"))
        #expect(!layout.wasUnwrapped)
        #expect(layout.body.count == 12)
    }

    @Test func noHeaderAtAll() {
        let layout = recognize("Thông tin về lịch làm việc của cơ quan trong tuần.\n\nNội dung chi tiết.")
        #expect(!layout.hasHeader)
        #expect(layout.metadata.type == nil)
        #expect(layout.metadata.number == nil)
        #expect(layout.body.count == 2)
    }

    @Test func markdownHeadingTitleWithoutHeader() {
        let layout = recognize("# Lịch tiếp công dân tháng 5\n\nNội dung.")
        #expect(layout.metadata.title == "Lịch tiếp công dân tháng 5")
        #expect(layout.body.map(\.text) == ["Nội dung."])
    }

    @Test func sentenceStartingWithATypeWordIsNotAHeading() {
        let layout = recognize("Kế hoạch này được triển khai từ tháng 3.\n\nNội dung.")
        #expect(layout.metadata.type == nil)
        #expect(layout.body.count == 2)
    }

    @Test func headerInAPipeTable() {
        let layout = recognize("""
        | UBND TỈNH HÒA BÌNH<br>SỞ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |
        |---|---|
        | Số: 21/KH-SNV | Hòa Bình, ngày 03 tháng 3 năm 2022 |

        KẾ HOẠCH

        Tuyển dụng công chức năm 2022

        Nội dung.
        """)
        #expect(layout.metadata.issuer == "SỞ NỘI VỤ")
        #expect(layout.metadata.number?.written == "21/KH-SNV")
        #expect(layout.metadata.date?.iso == "2022-03-03")
        #expect(layout.metadata.title == "Tuyển dụng công chức năm 2022")
    }
}
