@testable import CongkhaiDomain
import Foundation
import Testing

/// The build cache stores citations and numbers as arrays: what is stored must come back the same.
@Suite struct CompactCodingTests {
    static let text = """
    Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về việc cung cấp thông tin trực tuyến; \
    Chỉ thị số 19-CT/TU; Kế hoạch số 545/KH-UBND tháng 3/2023; Công văn số /STTTT-VP ngày 08/6/20210.
    """

    @Test func citationsComeBackAsTheyWereStored() throws {
        let found = CitationScanner().scan(Self.text, details: true)
        #expect(found.count >= 3)
        let data = try JSONEncoder().encode(found)
        #expect(try JSONDecoder().decode([Citation].self, from: data) == found)
        // an array of fields, not an object with a name for each
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("[[\""))
    }

    @Test func numbersComeBackAsTheyWereStored() throws {
        let numbers = ["545/KH-STTTT-VP", "04/2015/NĐ-CP", "19-CT/TU", "/BC-STTTT", "04/0000/NĐ-CP"].compactMap { DocumentNumber.parse($0) }
        #expect(numbers.count == 5)
        #expect(try JSONDecoder().decode([DocumentNumber].self, from: JSONEncoder().encode(numbers)) == numbers)
    }

    @Test func aDamagedEntryIsAnErrorNotACrash() {
        let entry = #"[["1/QĐ","Quyết định số 1/QĐ",["1/QĐ","1",null,null,"QĐ","state"],null,null,null,null,null,9,2,null,null]]"#
        let damaged = Data(entry.utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode([Citation].self, from: damaged) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode([Citation].self, from: Data("[[1]]".utf8)) }
    }

    @Test func packedCitationsComeBackAsTheyWereStored() throws {
        let found = CitationScanner().scan(Self.text, details: true)
        #expect(found.contains { $0.summary != nil } && found.contains { $0.date == nil })
        let packed = try #require(PackedFields.pack(found.map(\.packedFields)))
        let back = PackedFields.unpack(packed).map { Citation(packedFields: $0[...]) }
        #expect(back == found)
        #expect(PackedFields.pack([]) == "" && PackedFields.unpack("").isEmpty)
    }

    @Test func aValueHoldingAMarkIsNotPacked() {
        #expect(PackedFields.pack([["a\u{E000}b"]]) == nil)
        #expect(PackedFields.pack([["\u{E002}"]]) == nil)
        #expect(PackedFields.pack([["\u{E001}", nil]]) == nil)
        // a neighbour of the marks is an ordinary letter
        let odd = PackedFields.pack([["\u{E003}x", nil, ""]])
        #expect(odd.map(PackedFields.unpack) == [["\u{E003}x", nil, ""]])
    }

    @Test func packedFieldsOfAnotherShapeAreNoCitation() {
        let found = CitationScanner().scan(Self.text, details: true)[0].packedFields
        #expect(Citation(packedFields: found.dropLast()) == nil)
        var wrongNumber = found
        wrongNumber[13] = "x"
        #expect(Citation(packedFields: wrongNumber[...]) == nil)
    }
}
