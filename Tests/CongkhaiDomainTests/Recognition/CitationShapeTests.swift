import Testing
@testable import CongkhaiDomain

/// Citations as other converters leave them: broken identifiers, standards,
/// mistyped years, a document's own number.
@Suite struct CitationShapeTests {
    let scanner = CitationScanner()

    @Test func identifierBrokenBySpaceIsJoined() {
        let text = "Căn cứ Nghị định số 144/2021/NĐ- CP ngày 31/12/2021; Tờ trình số 02/TTr-CAT- ANCTNB; Thông tư 15/2023/TT -BTC."
        let found = scanner.scan(text)
        #expect(found.map(\.written) == ["144/2021/NĐ-CP", "02/TTr-CAT-ANCTNB", "15/2023/TT-BTC"])
        #expect(found[0].year == 2021)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[found[0].linkRange], as: UTF8.self) == "Nghị định số 144/2021/NĐ- CP")
    }

    @Test func proseAfterAnIdentifierIsNotJoined() {
        let found = scanner.scan("theo Kế hoạch số 12/KH-UBND - Sở Tài chính chủ trì; Công văn 7/STC- Phòng Ngân sách.")
        #expect(found.map(\.written) == ["12/KH-UBND", "7/STC"])
    }

    @Test func standardsAreNotDocumentNumbers() {
        let text = "Áp dụng QCVN 03:2023/BCA, TCVN 5738:2021 và QCVN 01-2008/BCT."
        #expect(scanner.scan(text).isEmpty)
        let standards = TechnicalStandard.scan(text)
        #expect(standards.map(\.written) == ["QCVN 03:2023/BCA", "TCVN 5738:2021", "QCVN 01-2008/BCT"])
        #expect(standards.map(\.year) == [2023, 2021, nil])
        #expect(TechnicalStandard.scan("QCVN03:2023/BCA")[0].key == standards[0].key)
        #expect(TechnicalStandard.scan("TCVNX 12 và ATCVN 5").isEmpty)
    }

    @Test func fiveDigitYearIsReportedNotRead() throws {
        let found = scanner.scan("Quyết định số 45/QĐ-UBND ngày 08/6/20210 của UBND tỉnh; "
                                 + "Quyết định số 46/QĐ-UBND ngày 09 tháng 6 năm 20210.")
        #expect(found.map(\.year) == [nil, nil])
        #expect(found.map(\.mistypedDate) == ["08/6/20210", "09 tháng 6 năm 20210"])
        let finding = try #require(found[0].dateFinding)
        #expect(finding.key == .citationBadDate && finding.arguments["date"] == "08/6/20210")
        #expect(finding.arguments["citation"]?.contains("45/QĐ-UBND") == true)
        #expect(scanner.scan("Quyết định số 47/QĐ-UBND ngày 08/6/2021.")[0].mistypedDate == nil)
    }

    @Test func ownNumberIsNotACitation() throws {
        let own = try #require(DocumentNumber.parse("12/KH-UBND"))
        let found = scanner.scan("(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2025); Kế hoạch số 012/KH-UBND; "
                                 + "Kế hoạch số 12/KH-UBND ngày 3/2/2024; 13/KH-UBND")
        #expect(found.map { $0.names(own, year: 2025) } == [true, true, false, false])
        let blank = try #require(DocumentNumber.parse("/KH-UBND"))
        #expect(!found[0].names(blank, year: 2025))
    }
}
