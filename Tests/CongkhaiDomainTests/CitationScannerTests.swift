import Testing
@testable import CongkhaiDomain

@Suite struct CitationScannerTests {
    let scanner = CitationScanner()

    @Test func everyIdentifierStyle() {
        let text = "Thực hiện Kế hoạch số 420/KH-STTTT-VP, ngày 15/4/2016 của Sở Thông tin và Truyền thông về dân vận; "
            + "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ; Chỉ thị số 19-CT/TU; Quy định số 11-QĐi/TW; "
            + "Chương trình phối hợp số 161-CTr/BCSĐUBND-BDVTU ngày 28/12/2016; "
            + "Công văn số 586/SNV-XDCQ&CTTN, ngày 19/5/2020 của Sở Nội vụ."
        let found = scanner.scan(text)
        #expect(found.map(\.written) == ["420/KH-STTTT-VP", "04/2015/NĐ-CP", "19-CT/TU", "11-QĐi/TW",
                                         "161-CTr/BCSĐUBND-BDVTU", "586/SNV-XDCQ&CTTN"])
        #expect(found.map(\.typeWord) == ["Kế hoạch", "Nghị định", "Chỉ thị", "Quy định", "Chương trình phối hợp", "Công văn"])
        #expect(found[0].date == DocumentDate(year: 2016, month: 4, day: 15))
        #expect(found[0].issuer == "Sở Thông tin và Truyền thông")
        #expect(found[0].text == "Kế hoạch số 420/KH-STTTT-VP")
        #expect(found[1].year == 2015)
        #expect(found[1].issuer == "Chính phủ")
        #expect(found[2].year == nil)
        #expect(found[4].year == 2016)
        #expect(found[5].issuer == "Sở Nội vụ")
    }

    @Test func linkRangeCoversTheTypeWordAndNumber() {
        let text = "Căn cứ Quyết định số 58/QĐ-STTTT ngày 05/5/2023 của Giám đốc Sở."
        let c = scanner.scan(text)[0]
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[c.linkRange], as: UTF8.self) == "Quyết định số 58/QĐ-STTTT")
    }

    @Test func bareIdentifiers() {
        let found = scanner.scan("theo Nghị quyết số 18-NQ/TW, 19-NQ/TW của Ban Chấp hành Trung ương và 586/SNV-XDCQCTTN.")
        #expect(found.map(\.written) == ["18-NQ/TW", "19-NQ/TW", "586/SNV-XDCQCTTN"])
        #expect(found.map(\.isBare) == [false, true, true])
    }

    @Test func longDateForm() {
        let c = scanner.scan("Kế hoạch số 5/KH-STTTT ngày 05 tháng 01 năm 2021 của Sở")[0]
        #expect(c.date == DocumentDate(year: 2021, month: 1, day: 5))
    }

    @Test(arguments: ["ngày 15/4/2016", "đạt 09/09 hồ sơ", "giai đoạn 2019-2020", "trực 24/7", "tỷ lệ 1/3", "mã 1.004492",
                      "COVID-19", "số 12/ngày", "Quý II/2023"])
    func noFalseIdentifiers(_ text: String) {
        #expect(scanner.scan(text).isEmpty, "\(text)")
    }

    @Test func suggestsAFixForAMissingHyphen() throws {
        let types = DocumentTypeTable([DocumentType(code: "NĐ", name: "Nghị định"), DocumentType(code: "TT", name: "Thông tư")])
        let typo = try #require(scanner.scan("Nghị định số 92/2017/NĐCP ngày 07/8/2017").first)
        #expect(CitationScanner.suggestion(for: typo.number, types: types) == "92/2017/NĐ-CP")
        let fine = try #require(DocumentNumber.parse("104/2016/QH13"))
        #expect(CitationScanner.suggestion(for: fine, types: types) == nil)
    }

    @Test func declaredRelations() throws {
        let a = try #require(DeclaredRelation.parse("12/KH-STTTT (2023)", kind: .replaces, line: 3))
        #expect(a.number.key == "12/KH-STTTT" && a.year == 2023)
        let b = try #require(DeclaredRelation.parse("12/KH-STTTT ngày 16/01/2023", kind: .amends, line: 3))
        #expect(b.year == 2023)
        let c = try #require(DeclaredRelation.parse("04/2015/NĐ-CP", kind: .basedOn, line: 3))
        #expect(c.year == 2015)
        #expect(DeclaredRelation.parse("kế hoạch năm ngoái", kind: .replaces, line: 3) == nil)
    }
}
