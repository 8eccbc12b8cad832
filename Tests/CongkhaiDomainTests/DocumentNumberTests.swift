import Testing
@testable import CongkhaiDomain

@Suite struct DocumentNumberTests {
    let types = DocumentTypeTable([
        DocumentType(code: "KH", name: "Kế hoạch"), DocumentType(code: "BC", name: "Báo cáo"),
        DocumentType(code: "NĐ", name: "Nghị định"), DocumentType(code: "CT", name: "Chỉ thị"),
        DocumentType(code: "CTr", name: "Chương trình"), DocumentType(code: "QĐi", name: "Quy định (Đảng)"),
        DocumentType(code: "PL", name: "Pháp lệnh"),
    ])

    @Test func stateStyle() throws {
        let n = try #require(DocumentNumber.parse("545/KH-STTTT-VP"))
        #expect(n.number == "545")
        #expect(n.symbol == "KH-STTTT-VP")
        #expect(n.style == .state)
        #expect(n.year == nil)
        #expect(n.type(in: types)?.code == "KH")
        #expect(n.issuerCodes(in: types) == ["STTTT", "VP"])
    }

    @Test func legalStyleCarriesTheYear() throws {
        let n = try #require(DocumentNumber.parse("04/2015/NĐ-CP"))
        #expect(n.style == .legal)
        #expect(n.year == 2015)
        #expect(n.symbol == "NĐ-CP")
        #expect(n.type(in: types)?.name == "Nghị định")
        let ordinance = try #require(DocumentNumber.parse("34/2007/PL-UBTVQH11"))
        #expect(ordinance.year == 2007)
        #expect(ordinance.issuerCodes(in: types) == ["UBTVQH11"])
    }

    @Test func partyStyleWithHyphen() throws {
        let n = try #require(DocumentNumber.parse("19-CT/TU"))
        #expect(n.style == .party)
        #expect(n.number == "19")
        #expect(n.symbol == "CT/TU")
        #expect(n.type(in: types)?.code == "CT")
        let lowerCaseCode = try #require(DocumentNumber.parse("11-QĐi/TW"))
        #expect(lowerCaseCode.type(in: types)?.code == "QĐi")
    }

    @Test func jointIssuers() throws {
        let n = try #require(DocumentNumber.parse("161-CTr/BCSĐUBND-BDVTU"))
        #expect(n.type(in: types)?.code == "CTr")
        #expect(n.issuerCodes(in: types) == ["BCSĐUBND", "BDVTU"])
    }

    @Test func officialLetterHasNoTypeCode() throws {
        let n = try #require(DocumentNumber.parse("586/SNV-XDCQCTTN"))
        #expect(n.type(in: types) == nil)
        #expect(n.issuerCodes(in: types) == ["SNV", "XDCQCTTN"])
        let ampersand = try #require(DocumentNumber.parse("12/SNV-XDCQ&CTTN"))
        #expect(ampersand.symbol == "SNV-XDCQ&CTTN")
    }

    @Test(arguments: ["/BC-STTTT-VP", "   /BC-STTTT-VP", "...../BC-STTTT-VP", "…/BC-STTTT-VP"])
    func blankNumberKeepsTheSymbol(_ text: String) throws {
        let n = try #require(DocumentNumber.parse(text))
        #expect(n.number == nil)
        #expect(n.numericValue == nil)
        #expect(n.symbol == "BC-STTTT-VP")
        #expect(n.display.hasSuffix("/BC-STTTT-VP"))
    }

    @Test func leadingZerosCaseAndSpacesCompareEqual() throws {
        let a = try #require(DocumentNumber.parse("05/KH-STTTT"))
        let b = try #require(DocumentNumber.parse("5/kh-stttt"))
        let c = try #require(DocumentNumber.parse("5 / KH-STTTT"))
        #expect(a.key == b.key)
        #expect(a.key == c.key)
        #expect(a.written == "05/KH-STTTT")
        #expect(a.numericValue == 5)
        // NFD input is the same identifier
        let nfd = try #require(DocumentNumber.parse("04/2015/N\u{0110}-CP".decomposedStringWithCanonicalMapping))
        #expect(nfd.key == DocumentNumber.parse("04/2015/NĐ-CP")!.key)
    }

    @Test func partyAndStateFormsAreDifferentIdentifiers() throws {
        #expect(DocumentNumber.parse("19-CT/TU")!.key != DocumentNumber.parse("19/CT-TU")!.key)
    }

    @Test(arguments: ["", "2020", "abc", "Số liệu", "12/", "1234567/KH", "12/-KH", "19-CTTU"])
    func rejectsWhatIsNotANumber(_ text: String) {
        #expect(DocumentNumber.parse(text) == nil)
    }

    /// The scalar path of `isSymbol` (for symbols without combining marks) must say what the character path says,
    /// and give way to it where a scalar is not a character of its own.
    @Test func theScalarPathOfIsSymbolAgreesWithTheCharacterPath() {
        let alphabet: [String] = ["K", "H", "q", "Đ", "đ", "Ơ", "ư", "Ệ", "ạ", "1", "9", "-", "/", "&", ".", " ", ",", "ª", "²", "½",
                                  "ǅ", "ʰ", "·", "\u{00AD}", "_", ":", "Ⅻ",
                                  "\u{02C2}", "\u{02C6}", "º", "\t"]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<4000 {
            let length = Int.random(in: 1...8, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let symbol = Substring(text)
            guard let fast = DocumentNumber.isSymbolOfSingleScalars(symbol) else { continue }
            compared += 1
            #expect(fast == DocumentNumber.isSymbolByCharacters(symbol), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(compared > 3000)
        #expect(DocumentNumber.isSymbolOfSingleScalars("KH\u{0301}-UBND") == nil) // a combining mark
        #expect(DocumentNumber.isSymbolOfSingleScalars("KH\r\n") == nil)
        #expect(DocumentNumber.isSymbolOfSingleScalars("QĐ-UBND") == true)
        #expect(DocumentNumber.isSymbolOfSingleScalars("-UBND") == false)
        #expect(DocumentNumber.isSymbolOfSingleScalars(Substring(String(repeating: "A", count: 61))) == false)
    }

    /// The byte path of the head (number, separator, legal-style year) must read what the character path reads,
    /// and leave undecided every head in which a mark could join an ASCII character to another.
    @Test func theBytePathOfTheHeadAgreesWithTheCharacterPath() {
        let alphabet: [String] = ["0", "1", "2", "5", "9", "/", "-", "KH", "Đ", "QĐ-UBND", "2015/", "0000/", "\u{0301}", "\u{0323}",
                                  ".", "…", "_", "\r\n", "١", "²", "&", "a"]
        var generator = SearchTermsScanTests.Generator(state: 71_207)
        var decided = 0
        for _ in 0..<20000 {
            let length = Int.random(in: 1...7, using: &generator)
            let compact = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            guard let fast = DocumentNumber.headByBytes(compact) else { continue }
            decided += 1
            let slow = DocumentNumber.headByCharacters(compact)
            #expect(fast == slow, "\(compact.unicodeScalars.map { String($0.value, radix: 16) })")
            if case .head(_, _, _, _, let fastRest) = fast, case .head(_, _, _, _, let slowRest) = slow {
                #expect(Array(fastRest.utf8) == Array(slowRest.utf8)) // == on Substring is canonical equivalence
            }
        }
        #expect(decided > 3000)
        #expect(DocumentNumber.headByBytes("545\u{0301}/KH") == nil)
        #expect(DocumentNumber.headByBytes("545/\u{0301}KH") == nil)
        #expect(DocumentNumber.headByBytes("04/2015/\u{0301}NĐ") == nil)
        #expect(DocumentNumber.headByBytes("/BC-STTTT") == nil)
        #expect(DocumentNumber.headByBytes("04/2015/NĐ-CP")
                == .head(number: "04", year: 2015, rejectedYear: nil, style: .legal, rest: "NĐ-CP"))
        #expect(DocumentNumber.headByBytes("19-CT/TU") == .head(number: "19", year: nil, rejectedYear: nil, style: .party, rest: "CT/TU"))
        #expect(DocumentNumber.headByBytes("1234567/KH") == .notANumber)
    }
}

import Foundation
