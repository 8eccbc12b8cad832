import Testing
@testable import CongkhaiDomain

@Suite struct SearchTermsTests {
    func folded(_ text: String) -> [String] { SearchTerms.foldedKeys(in: text) }

    @Test func accentsCaseAndDFoldAway() {
        #expect(folded("Quyết định về công tác Dân vận") == ["quyet", "dinh", "ve", "cong", "tac", "dan", "van"])
        #expect(folded("ĐỒNG ý đường") == ["dong", "y", "duong"])
        #expect(folded("quyet dinh dan van") == folded("Quyết định dân vận"))
    }

    @Test func oldAndNewTonePlacementGiveTheSameExactKey() {
        #expect(SearchTerms.exactKeys(in: "hoá") == SearchTerms.exactKeys(in: "hóa"))
        #expect(SearchTerms.exactKeys(in: "uỷ ban") == SearchTerms.exactKeys(in: "ủy ban"))
        #expect(SearchTerms.exactKeys(in: "thuỷ lợi") == SearchTerms.exactKeys(in: "thủy lợi"))
        #expect(SearchTerms.exactKeys(in: "Hoà Bình") == SearchTerms.exactKeys(in: "Hòa Bình"))
        #expect(SearchTerms.exactKeys(in: "hóa") == ["hoaS"])
        #expect(SearchTerms.exactKeys(in: "thủy") == ["thuyR"])
    }

    @Test func exactKeysKeepEveryAccentButTheTone() {
        // dân, dần, dẫn and dan are four words; all fold to "dan"
        let keys = SearchTerms.exactKeys(in: "dân dần dẫn dan")
        #expect(keys == ["dân", "dânF", "dânX", "dan"])
        #expect(Set(keys.map { SearchTerms.fold(exactKey: $0) }) == ["dan"])
        #expect(SearchTerms.exactKeys(in: "Đơn") == ["đơn"])
        #expect(SearchTerms.hasAccents(exactKey: "đơn"))
        #expect(!SearchTerms.hasAccents(exactKey: "don"))
        #expect(SearchTerms.exactKeys(in: "nghệ") == ["nghêJ"])
    }

    @Test func decomposedTextGivesTheSameKeysAsComposed() {
        let composed = "Quyết định thuỷ lợi"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
        #expect(SearchTerms.exactKeys(in: decomposed) == SearchTerms.exactKeys(in: composed))
    }

    @Test func identifiersAreCutAsPeopleTypeThem() {
        let number = folded("545/KH-STTTT-VP")
        #expect(number == ["545", "kh", "stttt", "vp"])
        for typed in ["545/kh", "545 kh", "kh-stttt", "545/KH-STTTT-VP"] {
            #expect(Set(folded(typed)).isSubset(of: Set(number)), "\(typed)")
        }
        #expect(folded("19-CT/TU") == ["19", "ct", "tu"])
        #expect(folded("04/2015/NĐ-CP") == ["04", "2015", "nd", "cp"])
        #expect(folded("Số: 161-CTr/BCSĐUBND-BDVTU") == ["so", "161", "ctr", "bcsdubnd", "bdvtu"])
    }

    @Test func aDotBetweenDigitsStaysInTheWord() {
        #expect(folded("mã 1.004492.000.00.00.H12") == ["ma", "1.004492.000.00.00", "h12"])
        #expect(folded("Thủ tục 1.004492") == ["thu", "tuc", "1.004492"])
        #expect(folded("năm 2020. Tiếp") == ["nam", "2020", "tiep"])
        #expect(folded("điểm 1.a") == ["diem", "1", "a"])
        #expect(folded("1..2") == ["1", "2"])
    }

    @Test func punctuationAndSymbolsSeparateWords() {
        #expect(folded("“Kế hoạch” (dự thảo); ngày 15/4/2016.") == ["ke", "hoach", "du", "thao", "ngay", "15", "4", "2016"])
        #expect(folded("") == [])
        #expect(folded("  — … ") == [])
    }

    @Test func shardKeysAreSafeFileNames() {
        #expect(SearchTerms.shardKey(folded: "thanh", length: 2) == "th")
        #expect(SearchTerms.shardKey(folded: "1.004492", length: 3) == "1_0")
        #expect(SearchTerms.shardKey(folded: "a", length: 2) == "a")
        #expect(SearchTerms.shardKey(folded: "αβ", length: 2) == "__")
    }
}

@Suite struct SearchIndexTests {
    /// Three documents: the index numbers them in the order added.
    func index(_ documents: [(head: String, body: String)]) -> SearchIndex {
        var index = SearchIndex()
        for (n, d) in documents.enumerated() { index.add(document: n, terms: SearchIndex.terms(head: [d.head], body: [d.body])) }
        return index
    }

    @Test func everyWordMustMatch() {
        let i = index([("Kế hoạch dân vận", "nội dung"), ("Báo cáo", "kế hoạch"), ("Quyết định", "dân vận")])
        #expect(i.search("ke hoach").map(\.document) == [0, 1])
        #expect(i.search("ke hoach dan van").map(\.document) == [0])
        #expect(i.search("không có").isEmpty)
        #expect(i.search(" ; ").isEmpty)
    }

    @Test func headRanksAboveBody() {
        let i = index([("Báo cáo tháng", "về chuyển đổi số"), ("Chuyển đổi số", "báo cáo"),
                       ("Khác", "chuyển đổi số")])
        #expect(i.search("chuyen doi so").map(\.document) == [1, 0, 2])
    }

    @Test func accentExactRanksAboveFoldedWithinTheSamePart() {
        let i = index([("Dân vận", ""), ("Dẫn chứng", ""), ("Dần dần", "")])
        // typed with its accent: the exact word first, the folded ones after, newer (lower number) first among equals
        #expect(i.search("dẫn").map(\.document) == [1, 0, 2])
        #expect(i.search("dần").map(\.document) == [2, 0, 1])
        // typed without accents: every form is as good, so the newest comes first
        #expect(i.search("dan").map(\.document) == [0, 1, 2])
        // old tone placement is the exact form too
        let j = index([("hóa đơn", ""), ("hoà giải", ""), ("Thuỷ lợi", "")])
        #expect(j.search("hoá").map(\.document) == [0, 1])
        #expect(j.search("hòa").map(\.document) == [1, 0])
        #expect(j.search("thủy").map(\.document) == [2])
    }

    @Test func headBeatsExactness() {
        // a folded match in the summary outranks an exact match in the body
        let i = index([("Khác", "dẫn"), ("Dân", "")])
        #expect(i.search("dẫn").map(\.document) == [1, 0])
        #expect(SearchIndex.score(inHead: true, exact: false) > SearchIndex.score(inHead: false, exact: true))
    }

    @Test func identifiersFindTheirDocument() {
        let i = index([("545/KH-STTTT-VP Kế hoạch", ""), ("19-CT/TU Chỉ thị", "theo 545/KH-STTTT"), ("1.004492 Cấp phép", "")])
        #expect(i.search("545/kh").map(\.document) == [0, 1])
        #expect(i.search("545 kh").map(\.document) == [0, 1])
        #expect(i.search("kh-stttt").map(\.document) == [0, 1])
        #expect(i.search("19-ct/tu").map(\.document) == [1])
        #expect(i.search("1.004492").map(\.document) == [2])
    }

    @Test func postingsRoundTrip() {
        let list: [UInt32] = [0 << 1 | 1, 3 << 1, 40 << 1 | 1, 1_000 << 1, 70_000 << 1 | 1]
        let text = SearchIndex.encode(list)
        #expect(SearchIndex.decode(text) == list)
        #expect(text.utf8.allSatisfy { SearchIndex.finalDigits.contains($0) || SearchIndex.continuationDigits.contains($0) })
    }

    /// `encode` as it was written first (a small array per posting, a scalar per digit): the rule.
    static func referenceEncode(_ list: [UInt32]) -> String {
        var out = String.UnicodeScalarView()
        var previous: UInt32 = 0
        for posting in list {
            let document = posting >> 1
            var value = (document - previous) << 1 | (posting & 1)
            previous = document
            var digits: [UInt8] = [SearchIndex.finalDigits[Int(value & 31)]]
            value >>= 5
            while value > 0 {
                digits.append(SearchIndex.continuationDigits[Int(value & 31)])
                value >>= 5
            }
            for digit in digits.reversed() { out.append(Unicode.Scalar(digit)) }
        }
        return String(out)
    }

    @Test func postingsEncodeAsTheRuleSays() {
        var seed: UInt64 = 99
        func next(_ n: UInt64) -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (seed >> 33) % n
        }
        for _ in 0..<2_000 {
            var document: UInt32 = 0
            var list: [UInt32] = []
            for _ in 0..<next(40) {
                // gaps of every size: one digit, several, up to the largest a document number takes
                document += UInt32(next([2, 40, 2_000, 300_000][Int(next(4))]))
                list.append(document << 1 | UInt32(next(2)))
            }
            #expect(SearchIndex.encode(list) == Self.referenceEncode(list), "\(list)")
        }
    }

    @Test func shardsStayUnderTheirBudgetAndEveryWordHasOne() {
        var words: [String] = []
        for a in ["th", "tr", "ng"] { for b in "aeiou" { for c in "nmc" { words.append(a + String(b) + String(c)) } } }
        words += ["t", "th", "a", "1.004492"]
        let i = index(words.enumerated().map { ("", $0.element + " " + words[($0.offset + 1) % words.count]) })
        let shards = i.shards(budget: 200)
        let keys = Set(shards.map(\.key))
        #expect(shards.count > 3)
        for shard in shards where shard.words.count > 1 {
            #expect(shard.words.reduce(0) { $0 + $1.folded.count + $1.forms.reduce(0) { $0 + $1.exact.count + $1.postings.count } } <= 400)
        }
        // the script's rule: the longest shard key that begins the word holds it
        for word in words {
            let key = (1...6).reversed().map { SearchTerms.shardKey(folded: word, length: $0) }.first { keys.contains($0) }
            let shard = try? #require(shards.first { $0.key == key })
            #expect(shard?.words.contains { $0.folded == word } == true, "\(word)")
        }
    }
}
