import Testing
@testable import CongkhaiDomain

@Suite struct BodyShaperTests {
    func shape(_ text: String) -> String {
        BodyShaper.shape(SourceLine.lines(of: Substring(text), firstLine: 1)).text
    }

    @Test func sectionTitlesBecomeHeadings() {
        let md = shape("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNội dung.\n\nV. KIẾN NGHỊ, ĐỀ XUẤT: Không có.")
        #expect(md.contains("## I. MỤC ĐÍCH, YÊU CẦU\n"))
        #expect(md.contains("### 1. Mục đích\n"))
        #expect(md.contains("## V. KIẾN NGHỊ, ĐỀ XUẤT: Không có."))
    }

    @Test func numberedHeadingsAreLevelTwoWithoutRomanSections() {
        #expect(shape("1. Thời gian\n\nNội dung.").hasPrefix("## 1. Thời gian"))
    }

    @Test func numberedParagraphsKeepTheirPrintedNumber() {
        let md = shape("2. Gửi kết quả về Văn phòng Sở trước ngày 15/8/2025.\n\n3) Điểm thứ ba.")
        #expect(md.contains("2\\. Gửi kết quả"))
        #expect(md.contains("3\\) Điểm thứ ba."))
    }

    @Test func articlesAreBold() {
        #expect(shape("Điều 1. Ban hành kèm theo Quyết định này.").hasPrefix("**Điều 1.** Ban hành"))
    }

    @Test func pageBreakInsideASentenceIsJoined() {
        let md = shape("- Phối hợp tuyên truyền, góp phần\n\nđưa Nghị quyết đi vào đời sống.")
        #expect(md == "- Phối hợp tuyên truyền, góp phần đưa Nghị quyết đi vào đời sống.\n")
    }

    @Test func longItemCutBeforeAProperNounIsJoined() {
        let first = "- Tiếp tục quán triệt, thực hiện hiệu quả Nghị quyết số 18-NQ/TW, Nghị quyết số 19-NQ/TW ngày 25/10/2017 "
            + "của Ban Chấp hành Trung ương, các kế hoạch của Tỉnh ủy theo Nghị quyết của Ban Chấp hành"
        let md = shape(first + "\n\nTrung ương Đảng (khóa XII); các quyết định của tỉnh.")
        #expect(md == first + " Trung ương Đảng (khóa XII); các quyết định của tỉnh.\n")
    }

    @Test func realParagraphsStayApart() {
        let md = shape("5. Đẩy mạnh các phong trào thi đua yêu nước, thực hiện có hiệu quả các chương trình phát triển kinh tế - xã hội "
            + "của tỉnh và bảo đảm quốc phòng - an ninh trên địa bàn\n\nTiếp tục đẩy mạnh các phong trào thi đua.\n\n"
            + "Câu kết thúc.\n\nĐoạn mới.")
        #expect(md.components(separatedBy: "\n\n").count == 4)
    }

    @Test func lineMapPointsBackToTheSource() {
        let shaped = BodyShaper.shape(SourceLine.lines(of: Substring("\n\nĐoạn một.\n\n\nĐoạn hai\ncó hai dòng."), firstLine: 10))
        #expect(shaped.text == "Đoạn một.\n\nĐoạn hai\ncó hai dòng.\n")
        #expect(shaped.sourceLine(1) == 12)
        #expect(shaped.sourceLine(3) == 15)
        #expect(shaped.sourceLine(4) == 16)
    }
}
