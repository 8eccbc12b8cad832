import Foundation
import Testing
@testable import CongkhaiDomain

/// The one-pass words-and-first-uses of a document, and the index made in parts on two cores: each held to the
/// plain way (the tokenizer's keys one by one, one index filled document by document) on examples and generated text.
@Suite struct SearchContextTests {
    /// The keys of the words in `ranges` of `text`, each range read alone.
    static func keys(of text: String, at ranges: [Range<Int>]) -> [[String]] {
        let bytes = Array(text.utf8)
        return ranges.map { SearchTerms.exactKeys(in: String(decoding: bytes[$0], as: UTF8.self)) }
    }

    /// The distinct keys of a text in the order first seen: what the first uses must name, one each.
    static func distinctInOrder(_ text: String) -> [String] {
        var seen = Set<String>()
        return SearchTermsScanTests.referenceExactKeys(in: text).filter { seen.insert($0).inserted }
    }

    static func check(head: [String], body: String) {
        let found = SearchIndex.termsAndFirstUses(head: head, body: body)
        #expect(found.terms == SearchIndex.terms(head: head, body: [body]), "\(body.debugDescription)")
        // each range holds exactly the word it stands for, and the words come in the order first seen
        #expect(keys(of: body, at: found.firstUses) == distinctInOrder(body).map { [$0] }, "\(body.debugDescription)")
        #expect(zip(found.firstUses, found.firstUses.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
    }

    @Test func firstUsesOnExamples() {
        Self.check(head: ["Hoá đơn"], body: "hóa đơn điện tử, ủy ban, thuế; hóa đơn 1.004492 và 1.a")
        Self.check(head: [], body: "Quyết định số 545/KH-STTTT-VP ngày 16/4/2024. Số 545/KH")
        Self.check(head: [], body: "")
        Self.check(head: [], body: "  ,;  ")
        Self.check(head: [], body: "x̂y thuỷ thủy\u{0301}a 😀 ủy")
        let found = SearchIndex.termsAndFirstUses(head: [], body: "ke hoạch, kế hoạch 545/KH")
        #expect(found.firstUses == [0..<2, 3..<10, 12..<16, 25..<28, 29..<31])
    }

    @Test func firstUsesOnGeneratedText() {
        var generator = SearchTermsScanTests.Generator(state: 12)
        for _ in 0..<500 {
            var out = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...300, using: &generator) {
                out.append(SearchTermsScanTests.pool.randomElement(using: &generator)!)
            }
            Self.check(head: [], body: String(out))
        }
    }

    @Test func theIndexMadeInPartsIsTheIndexMadeInOne() {
        var generator = SearchTermsScanTests.Generator(state: 99)
        let words = ["a", "ab", "b", "ba", "quyêtS", "đinhJ", "545", "kh", "1.004492", "ưu", "z", "", "thuyR", "hoaS"]
        for _ in 0..<50 {
            let documents = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Dictionary((0..<Int.random(in: 0...10, using: &generator)).map { _ in
                    (words.randomElement(using: &generator)!, Bool.random(using: &generator))
                }, uniquingKeysWith: { a, _ in a })
            }
            var one = SearchIndex()
            for (number, terms) in documents.enumerated() { one.add(document: number, terms: terms) }
            for count in 1...3 {
                let parts = (0..<count).map { part -> SearchIndex in
                    var index = SearchIndex()
                    for (number, terms) in documents.enumerated() {
                        for (key, inHead) in terms where SearchIndex.part(of: key, count: count) == part {
                            index.add(document: number, key: key, inHead: inHead)
                        }
                    }
                    return index
                }
                #expect(SearchIndex(merging: parts).postings == one.postings)
                #expect(Set(words.map { SearchIndex.part(of: $0, count: count) }).isSubset(of: Set(0..<count)))
            }
        }
    }
}
