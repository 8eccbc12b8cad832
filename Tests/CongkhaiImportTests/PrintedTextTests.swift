import CongkhaiDomain
@testable import CongkhaiImport
import Testing

/// Text read off printed pages: page furniture, columns, tables, hyphenation, unwrapping.
@Suite struct PrintedTextTests {
    let printed = PrintedText(types: ImportFixture.types)

    @Test func pageNumbersInTheirCommonForms() {
        for line in ["2", "  - 3 -  ", "Trang 4", "4/12", "Trang 2/5", "— 7 —"] { #expect(PrintedPages.isPageNumber(line), "\(line)") }
        for line in ["2024", "19-CT/TU", "Số: 5", "1. Mục tiêu", "12345/2"] { #expect(!PrintedPages.isPageNumber(line), "\(line)") }
    }

    @Test func runningHeaderFooterAndPageNumbersAreDropped() {
        let text = """
        SỞ THÔNG TIN VÀ TRUYỀN THÔNG
        Nội dung trang một kết thúc giữa câu và
        Văn bản lưu hành nội bộ
        \u{0C}2
        tiếp tục ở trang hai.
        Văn bản lưu hành nội bộ
        \u{0C}- 3 -
        Trang ba có dòng cuối.
        Văn bản lưu hành nội bộ
        """
        let lines = PrintedPages.withoutRunningLines(PrintedPages.pages(text))
        #expect(!lines.contains("Văn bản lưu hành nội bộ"))
        #expect(!lines.contains("2") && !lines.contains("- 3 -"))
        #expect(lines.contains("SỞ THÔNG TIN VÀ TRUYỀN THÔNG"), "a line on one page only is the document's own")
    }

    @Test func headerColumnsAreReadLeftThenRight() {
        let text = """
               UBND TỈNH SÔNG LAM                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
          SỞ THÔNG TIN VÀ TRUYỀN THÔNG                 Độc lập - Tự do - Hạnh phúc

               Số: 41/STTTT-VP                  Sông Lam, ngày 03 tháng 6 năm 2024
          V/v cử cán bộ dự lớp tập huấn
                 an toàn thông tin

        Kính gửi: Các phòng, trung tâm thuộc Sở.
        """
        let markdown = printed.markdown(fromPages: text)
        let layout = LayoutRecognizer(types: ImportFixture.types).recognize(Substring(markdown), firstLine: 1)
        #expect(layout.metadata.issuer == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
        #expect(layout.metadata.parentIssuer == "UBND TỈNH SÔNG LAM")
        #expect(layout.metadata.number?.written == "41/STTTT-VP")
        #expect(layout.metadata.date?.iso == "2024-06-03")
        #expect(layout.metadata.title == "V/v cử cán bộ dự lớp tập huấn an toàn thông tin")
    }

    @Test func footerRecipientsComeBeforeTheSignatureEvenWhenInterleaved() {
        // plain pdftotext interleaves the two columns line by line
        let text = """
        Trên đây là báo cáo của Sở./.
        Nơi nhận:
        KT. GIÁM ĐỐC
        - UBND tỉnh (b/c);
        PHÓ GIÁM ĐỐC
        - Lưu: VT, VP.
        Trần Thị Minh Hạnh
        """
        let markdown = printed.markdown(fromPages: text)
        let layout = LayoutRecognizer(types: ImportFixture.types).recognize(Substring(markdown), firstLine: 1)
        #expect(layout.metadata.recipients == ["UBND tỉnh (b/c)", "Lưu: VT, VP"])
        #expect(layout.metadata.signerTitle == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        #expect(layout.metadata.signer == "Trần Thị Minh Hạnh")
    }

    @Test func ocrClosingTheGapBeforeTheNameIsSplit() {
        #expect(ColumnZones.splitRecipientAndName("- Lưu: VT, BCVT. Đặng Văn Đức")! == ("- Lưu: VT, BCVT.", "Đặng Văn Đức"))
        #expect(ColumnZones.splitRecipientAndName("- Sở Nội vụ; Ban Giám đốc Sở;") == nil)
    }

    @Test func rowsOfColumnsBecomeATable() {
        let text = """
        PHỤ LỤC SỐ LIỆU
        STT        Chỉ tiêu                      Số lượng
          1        Cảnh báo đã gửi                  146
          2        Sự cố | đã xử lý                  12
        """
        let markdown = printed.markdown(fromPages: text)
        #expect(markdown.contains("""
        | STT | Chỉ tiêu | Số lượng |
        |---|---|---|
        | 1 | Cảnh báo đã gửi | 146 |
        | 2 | Sự cố \\| đã xử lý | 12 |
        """))
    }

    @Test func hyphenatedWordsAndIdentifiersAreJoined() {
        let lines = ["theo Chỉ thị số 19-", "CT/TU và dịch Covid-", "19 cùng công tác trên đị\u{00AD}", "a bàn tỉnh."]
        #expect(PrintedText.joinHyphenated(lines) == ["theo Chỉ thị số 19-CT/TU và dịch Covid-19 cùng công tác trên địa bàn tỉnh."])
        #expect(PrintedText.joinHyphenated(["kinh tế -", "xã hội"]) == ["kinh tế -", "xã hội"], "a spaced dash is not a hyphen")
        #expect(PrintedText.joinHyphenated(["mục tiêu:", "- Nâng cấp"]) == ["mục tiêu:", "- Nâng cấp"])
    }

    @Test func paragraphsAreUnwrappedWithoutGluingItemsOrHeadings() {
        let text = """
        I. MỤC ĐÍCH, YÊU CẦU
        1. Nâng cao nhận thức của công chức, viên chức về chuyển đổi số; đưa hoạt động
        của cơ quan lên môi trường số một cách an toàn và hiệu quả trong năm nay.
        2. Bảo đảm mỗi nhiệm vụ có đơn vị chủ trì, thời hạn hoàn thành và kết quả cụ
        thể, được theo dõi hằng tháng.
        """
        let paragraphs = printed.markdown(fromPages: text).components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
        #expect(paragraphs == [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Nâng cao nhận thức của công chức, viên chức về chuyển đổi số; đưa hoạt động của cơ quan lên môi trường số "
                + "một cách an toàn và hiệu quả trong năm nay.",
            "2. Bảo đảm mỗi nhiệm vụ có đơn vị chủ trì, thời hạn hoàn thành và kết quả cụ thể, được theo dõi hằng tháng.",
        ])
    }

    @Test func copiedTextLosesItsPageArtifacts() {
        let text = ["Đoạn văn ở cuối trang một vẫn", "Sở Thông tin và Truyền thông tỉnh Sông Lam", "2",
                    "tiếp tục ở trang hai cho đến hết câu.", "Sở Thông tin và Truyền thông tỉnh Sông Lam"]
            .map { $0 + "  \n\n" }.joined()
        #expect(PrintedText.withoutPageArtifacts(text.components(separatedBy: "  \n\n").filter { !$0.isEmpty })
            == ["Đoạn văn ở cuối trang một vẫn", "tiếp tục ở trang hai cho đến hết câu."])
    }

    @Test func markupAtALineStartIsEscaped() {
        #expect(PrintedText.escapeLineStart("# 5 điểm") == "\\# 5 điểm")
        #expect(PrintedText.escapeLineStart("* mục một") == "- mục một")
        #expect(PrintedText.escapeLineStart("<script>") == "\\<script>")
        #expect(PrintedText.escapeLineStart("Thực hiện") == "Thực hiện")
    }
}
