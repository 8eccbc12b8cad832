import Testing
@testable import CongkhaiDomain

/// The summary a citing text gives after a citation's identifier, date and issuer.
/// Examples are about fictional bodies of the fictional province of Đồi Mây.
@Suite struct CitationSummaryTests {
    let scanner = CitationScanner()

    func summaries(_ text: String) -> [String?] { scanner.scan(text).map(\.summary) }

    @Test func aBasisEndsAtItsSemicolonAndKeepsItsCommas() {
        let text = "Căn cứ Nghị định số 71/2031/NĐ-CP ngày 24/6/2031 của Chính phủ quy định về việc cung cấp thông tin, "
            + "dịch vụ công trực tuyến của cơ quan nhà nước tỉnh Đồi Mây, Sông Lam;\nCăn cứ Luật Tổ chức chính quyền địa phương."
        let found = scanner.scan(text)
        #expect(found.map(\.written) == ["71/2031/NĐ-CP"])
        #expect(found[0].issuer == "Chính phủ")
        #expect(found[0].summary
            == "quy định về việc cung cấp thông tin, dịch vụ công trực tuyến của cơ quan nhà nước tỉnh Đồi Mây, Sông Lam")
    }

    @Test func afterALongDateAndAnIssuer() {
        let text = "Thông tư số 07/2030/TT-BNV ngày 10 tháng 01 năm 2030 của Bộ Nội vụ hướng dẫn chế độ báo cáo thống kê ngành nội vụ."
        let c = scanner.scan(text)[0]
        #expect(c.date == DocumentDate(year: 2030, month: 1, day: 10))
        #expect(c.issuer == "Bộ Nội vụ")
        #expect(c.summary == "hướng dẫn chế độ báo cáo thống kê ngành nội vụ")
    }

    @Test func withoutDateOrIssuer() {
        #expect(summaries("Công văn số 88/UBND-KT về việc rà soát hồ sơ đất đai\n") == ["về việc rà soát hồ sơ đất đai"])
        #expect(summaries("Công văn số 88/UBND-KT, V/v rà soát hồ sơ đất đai") == ["V/v rà soát hồ sơ đất đai"])
        #expect(summaries("Công văn số 88/UBND-KT ngày 3/3/2031, về việc rà soát hồ sơ.") == ["về việc rà soát hồ sơ"])
        #expect(summaries("Nghị định số 71/2031/NĐ-CP của Chính phủ, quy định về phí;") == ["quy định về phí"])
    }

    @Test func nothingAfterTheIdentifierIsNoSummary() {
        #expect(summaries("Căn cứ Quyết định số 123/QĐ-UBND") == [nil])
        #expect(summaries("Căn cứ Quyết định số 123/QĐ-UBND;") == [nil])
        #expect(summaries("Căn cứ Quyết định số 123/QĐ-UBND ngày 02/3/2031 của Ủy ban nhân dân tỉnh Đồi Mây;") == [nil])
        // a lone opening word says nothing
        #expect(summaries("theo Kế hoạch số 9/KH-UBND về.") == [nil])
    }

    @Test func aLawNamedByItsTitleHasNoSeparateSummary() {
        #expect(summaries("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2035;").isEmpty)
        #expect(summaries("Căn cứ Luật Quản lý đê điều số 79/2036/QH15 ngày 19/6/2036;") == [nil])
    }

    @Test func theSentenceGoingOnIsNotASummary() {
        #expect(summaries("Thực hiện Công văn số 12/SNV-TCBC, Sở đã cử cán bộ tham dự lớp bồi dưỡng.") == [nil])
        #expect(summaries("Thực hiện Công văn số 12/SNV-TCBC, thực hiện tiếp các bước sau.") == [nil])
        #expect(summaries("Theo Kế hoạch số 4/KH-SNV, Phòng Tổ chức báo cáo kết quả.") == [nil])
        // the summary ends where the sentence goes on after a comma and a capital
        let report = "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2031 của UBND tỉnh Đồi Mây về chuyển đổi số năm 2031, "
            + "Sở Nông nghiệp và Môi trường báo cáo như sau:"
        #expect(summaries(report) == ["về chuyển đổi số năm 2031"])
        #expect(summaries("Căn cứ Báo cáo số 8/BC-SNV về kết quả năm 2031. Sở đề nghị như sau.") == ["về kết quả năm 2031"])
        let list = "Triển khai Nghị định số 71/2031/NĐ-CP về dân chủ ở nơi làm việc như: công khai quỹ lương."
        #expect(summaries(list) == ["về dân chủ ở nơi làm việc"])
        #expect(summaries("Quyết định số 5/QĐ-UBND về địa giới TP. Đồi Mây mở rộng\n") == ["về địa giới TP. Đồi Mây mở rộng"])
    }

    @Test func inAListOnlyTheLastGivesTheSummary() {
        let text = "Căn cứ Nghị định số 15/2032/NĐ-CP và Nghị định số 16/2032/NĐ-CP ngày 02/02/2032 của Chính phủ về quản lý rừng phòng hộ;"
        #expect(summaries(text) == [nil, "về quản lý rừng phòng hộ"])
        #expect(summaries("theo Nghị quyết số 18-NQ/TW, 19-NQ/TW của Ban Chấp hành Trung ương về đổi mới.") == [nil, "về đổi mới"])
        // each item of a list with its own summary
        let both = "Quyết định số 7/QĐ-UBND về bảo vệ rừng và Quyết định số 8/QĐ-UBND về phòng cháy rừng;"
        #expect(summaries(both) == ["về bảo vệ rừng", "về phòng cháy rừng"])
    }

    @Test func aCitationInsideASummaryIsPartOfIt() {
        let text = "Căn cứ Quyết định số 21/QĐ-UBND ngày 3/3/2031 của UBND tỉnh về việc sửa đổi Quyết định số 9/QĐ-UBND ngày 1/2/2030 "
            + "về giá đất;"
        #expect(summaries(text) == ["về việc sửa đổi Quyết định số 9/QĐ-UBND ngày 1/2/2030 về giá đất", "về giá đất"])
    }

    @Test func parentheses() {
        // an appendix's caption: the summary ends with the parenthesis it stands in
        let caption = "(Kèm theo Quyết định số 12/QĐ-SNV ngày 05/01/2031 của Giám đốc Sở Nội vụ về danh mục hồ sơ)"
        let c = scanner.scan(caption)[0]
        #expect(c.issuer == "Giám đốc Sở Nội vụ")
        #expect(c.summary == "về danh mục hồ sơ")
        #expect(summaries("(Kèm theo Quyết định số 12/QĐ-SNV ngày 05/01/2031 của Giám đốc Sở Nội vụ)") == [nil])
        // an aside before the summary, and parentheses inside it
        let party = "Nghị quyết số 28-NQ/TW ngày 25/10/2031 của Ban Chấp hành Trung ương (khóa XX) "
            + "về sắp xếp bộ máy (giai đoạn 2) tinh gọn;"
        #expect(summaries(party) == ["về sắp xếp bộ máy (giai đoạn 2) tinh gọn"])
    }

    @Test func quotedTitlesAndMarkdown() {
        #expect(summaries("Kế hoạch số 3/KH-UBND ngày 2/1/2031 “Mùa xuân xanh Đồi Mây”;") == ["“Mùa xuân xanh Đồi Mây”"])
        #expect(summaries("Căn cứ Nghị định số 71/2031/NĐ-CP **quy định về phí thẩm định**;") == ["quy định về phí thẩm định"])
        #expect(summaries("| 1 | Nghị định số 71/2031/NĐ-CP | quy định về phí |") == [nil])
        #expect(summaries("| 1 | Nghị định số 71/2031/NĐ-CP quy định về phí | 2031 |") == ["quy định về phí"])
    }

    @Test func aLongSummaryIsCutAtAWord() throws {
        let long = "Căn cứ Quyết định số 4/QĐ-UBND về "
            + Array(repeating: "phát triển nông nghiệp bền vững", count: 20).joined(separator: " ")
        let summary = try #require(summaries(long).first ?? nil)
        #expect(summary.hasSuffix("…"))
        #expect(summary.count <= CitationSummary.maxCharacters + 1)
        let words = Set("về phát triển nông nghiệp bền vững".split(separator: " "))
        #expect(summary.dropLast().split(separator: " ").allSatisfy { words.contains($0) })
        // a clause ending past the bytes looked at is cut there too
        let endless = "Quyết định số 4/QĐ-UBND về " + String(repeating: "rừng ", count: 300) + ";"
        #expect(try #require(summaries(endless).first ?? nil).hasSuffix("rừng…"))
    }

    @Test func theLinkScanReadsNoSummary() {
        let c = scanner.scan("Căn cứ Quyết định số 4/QĐ-UBND về giá đất;", details: false)[0]
        #expect(c.summary == nil && c.issuer == nil)
    }

    @Test func theMostCommonSummaryWinsAndTiesGoToTheFirstPath() {
        #expect(Citation.commonSummary([]) == nil)
        let given: [(summary: String, source: String)] = [("về giá đất", "2031/b.md"), ("về giá đất năm 2031", "2031/a.md"),
                                                          ("về giá đất", "2031/c.md")]
        #expect(Citation.commonSummary(given) == "về giá đất")
        let tie: [(summary: String, source: String)] = [("về giá đất", "2031/b.md"), ("về giá đất năm 2031", "2031/a.md")]
        #expect(Citation.commonSummary(tie) == "về giá đất năm 2031")
        #expect(Citation.commonSummary(tie.reversed()) == "về giá đất năm 2031")
    }
}
