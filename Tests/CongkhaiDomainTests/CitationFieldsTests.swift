@testable import CongkhaiDomain
import Testing

/// A citation's text fields are held as one string (`Citation.Fields`): each reads back as given, missing ones as
/// nil, and a summary given later changes that field alone.
@Suite struct CitationFieldsTests {
    @Test func fieldsReadBackAsGivenAndASummaryChangesOnlyItself() throws {
        let number = try #require(DocumentNumber.parse("545/KH-STTTT-VP"))
        let date = DocumentDate(year: 2016, month: 4, day: 15)
        var citation = Citation(written: "545/KH-STTTT-VP", text: "Kế hoạch số 545/KH-STTTT-VP", number: number, typeWord: "Kế hoạch",
                                date: date, issuer: nil, linkRange: 3..<31, summary: "", mistypedDate: "08/6/20210")
        #expect(citation.written == "545/KH-STTTT-VP")
        #expect(citation.text == "Kế hoạch số 545/KH-STTTT-VP")
        #expect(citation.typeWord == "Kế hoạch")
        #expect(citation.issuer == nil)
        #expect(citation.summary == "", "an empty field is not a missing one")
        #expect(citation.mistypedDate == "08/6/20210")
        #expect(citation.linkRange == 3..<31)
        #expect(citation.date == date && citation.number == number)
        let before = citation
        citation.summary = "về việc triển khai Cổng thông tin điện tử"
        #expect(citation.summary == "về việc triển khai Cổng thông tin điện tử")
        #expect(citation.text == before.text && citation.typeWord == before.typeWord && citation.issuer == nil)
        #expect(citation.mistypedDate == before.mistypedDate)
        #expect(before.summary == "", "the copy it was made from keeps its own")
        #expect(citation != before)
        var again = before
        again.summary = "về việc triển khai Cổng thông tin điện tử"
        #expect(again == citation && again.hashValue == citation.hashValue, "equal fields, equal citations")
    }

    /// Mentions that say the same share one copy of their fields, each keeping where it stands; one that says
    /// something else keeps its own. Equality is by value either way.
    @Test func aPoolSharesTheFieldsOfMentionsThatSayTheSame() throws {
        let number = try #require(DocumentNumber.parse("04/2015/NĐ-CP"))
        func mention(at start: Int, issuer: String?) -> Citation {
            Citation(written: "04/2015/NĐ-CP", text: "Nghị định số 04/2015/NĐ-CP", number: number, typeWord: "Nghị định",
                     date: DocumentDate(year: 2015, month: 1, day: 9), issuer: issuer, linkRange: start..<(start + 29))
        }
        let pool = CitationPool()
        let first = pool.share(mention(at: 10, issuer: "Chính phủ"))
        let second = pool.share(mention(at: 400, issuer: "Chính phủ"))
        let other = pool.share(mention(at: 10, issuer: "Bộ Nội vụ"))
        #expect(first.fields === second.fields, "the same fields, held once")
        #expect(second.linkRange == 400..<429 && first.linkRange == 10..<39, "each where it stands")
        #expect(second == mention(at: 400, issuer: "Chính phủ") && second != first)
        #expect(other.fields !== first.fields && other.issuer == "Bộ Nội vụ")
    }
}
