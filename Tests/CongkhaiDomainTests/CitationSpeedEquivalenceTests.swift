import Testing
@testable import CongkhaiDomain

/// The shortcuts of the citation scanner and of reading an identifier answer exactly as the general code they stand in for.
@Suite struct CitationSpeedEquivalenceTests {
    /// Pieces of running text: citations whole and in parts, dates, type words, Vietnamese letters composed and
    /// decomposed, marks, odd separators and dashes.
    static let pieces: [String] = [
        "Quyết định số ", "Kế hoạch số ", "Thông tư liên tịch số ", "Nghị quyết ", "kế hoạch ", "KẾ HOẠCH số ", "Luật ", "số ",
        "Số: ", "12", "05", "000", "1234567", "2018", "0000", "20210", "/", "-", "‐", "–", "—", " ", "  ", ", ", ".", ":", ";",
        "QĐ", "UBND", "NĐ", "CP", "TTg", "KH", "STTTT", "VP", "CT", "TU", "đ", "Đ", "nđ", "cp", "ubnd", "D\u{0323}", "\u{0301}",
        "\u{0323}", "Ủy", "ủy", "ß", "Ω", "\u{10400}", "&", "_", "\\", "(", ")", "“", "”", "\n", "\r\n", "a", "X", "ngày ",
        "ngày 15/4/2016", " ngày 05 tháng 01 năm 2020", "ngày 08/6/20210", " của Ủy ban nhân dân tỉnh", " về việc ban hành",
        "QCVN 03:", "12/2018/QĐ-UBND", "19-CT/TU", "144/2021/NĐ- CP", "92/2017/NĐCP", "586/SNV-XDCQCTTN", "1/3", "ǅ", "İ",
    ]

    static func randomText(_ generator: inout SystemRandomNumberGenerator, maxPieces: Int = 12) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// The key as `DocumentNumber.init` made it before `fastKey`.
    static func slowKey(number: String?, year: Int?, symbol: String, style: DocumentNumber.Style) -> String {
        var k = number.map { String(Int($0) ?? 0) } ?? ""
        k += style == .party ? "-" : "/"
        if let year { k += "\(year)/" }
        k += symbol.uppercased()
        return k
    }

    @Test func fastKeyIsTheKeyOfTheGeneralCode() {
        var generator = SystemRandomNumberGenerator()
        let numbers: [String?] = [nil, "", "0", "000", "05", "12", "007", "123456", "999999999999999999", "9999999999999999999",
                                  "+5", "-3", "1a", "١٢", "12 "]
        let years: [Int?] = [nil, 0, 7, 999, 1000, 2018, 9999, 10000, -2018]
        let symbolPieces = ["QĐ", "ubnd", "đ", "Đ", "-", "/", "&", ".", "Ủy", "ß", "ǅ", "\u{0301}", "D\u{0323}", "a", "Z", "9", "İ"]
        var fast = 0
        for _ in 0..<20000 {
            let symbol = (0..<Int.random(in: 0...5, using: &generator)).map { _ in symbolPieces.randomElement(using: &generator)! }
                .joined()
            let number = numbers.randomElement(using: &generator)!
            let year = years.randomElement(using: &generator)!
            for style in [DocumentNumber.Style.state, .legal, .party] {
                let slow = Self.slowKey(number: number, year: year, symbol: symbol, style: style)
                if let key = DocumentNumber.fastKey(number: number, year: year, symbol: symbol, style: style) {
                    fast += 1
                    #expect(Array(key.utf8) == Array(slow.utf8), "\(String(describing: number)) \(String(describing: year)) \(symbol)")
                }
                let made = DocumentNumber(written: "x", number: number, year: year, rejectedYear: nil, symbol: symbol, style: style)
                #expect(Array(made.key.utf8) == Array(slow.utf8))
            }
        }
        #expect(fast > 3000) // a tenth of the cases: most random symbols hold another letter
    }

    /// `DocumentNumber.isSymbolOfSingleScalars` as it was before it read bytes: over `unicodeScalars`, the reference.
    static func symbolByScalars(_ s: Substring) -> Bool? {
        var count = 0, letters = 0
        var last: Unicode.Scalar?
        for scalar in s.unicodeScalars {
            let v = scalar.value
            guard v < 0x300 || (v >= 0x1E00 && v < 0x1F00), v != 0x0D else { return nil }
            count += 1
            last = scalar
            if DocumentNumber.isAlphabetic(scalar) {
                letters += 1
            } else if count == 1 || (!DocumentNumber.isNumeric(scalar) && v != 0x2D && v != 0x2F && v != 0x26 && v != 0x2E) {
                return false
            }
        }
        guard count > 0, count <= 60, let last, DocumentNumber.isAlphabetic(last) || DocumentNumber.isNumeric(last) else { return false }
        return letters >= 1
    }

    @Test func symbolBytesAnswerAsTheScalars() {
        var generator = SystemRandomNumberGenerator()
        let symbolPieces = ["QĐ", "ubnd", "đ", "-", "/", "&", ".", "Ủy", "ß", "ǅ", "\u{0301}", "D\u{0323}", "a", "9", "١", "Ⅻ", "½",
                            "\r", "\r\n", "\u{10400}", "\u{1E9E}", "\u{1F00}", " ", "_", "“", "€", "\u{2070}"]
        for _ in 0..<50000 {
            var text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in symbolPieces.randomElement(using: &generator)! }.joined()
            if Bool.random(using: &generator) { text = String(repeating: "A", count: Int.random(in: 55...65, using: &generator)) + text }
            let s = Substring(text)
            let bytes = text.utf8.withContiguousStorageIfAvailable { DocumentNumber.isSymbolOfSingleScalars(utf8: $0) }
            #expect(bytes == Self.symbolByScalars(s), "\(text.unicodeScalars.map { $0.value })")
            #expect(DocumentNumber.isSymbolOfSingleScalars(s) == Self.symbolByScalars(s))
        }
    }

    @Test func linksAreTheCitationsOfAScanWithoutDetails() {
        var generator = SystemRandomNumberGenerator()
        let scanner = CitationScanner()
        var found = 0
        for _ in 0..<20000 {
            let text = Self.randomText(&generator)
            let citations = scanner.scan(text, details: false)
            let links = scanner.links(text)
            found += citations.count
            #expect(citations.map(\.linkRange) == links.map(\.range), "\(text)")
            #expect(citations.map(\.number) == links.map(\.number), "\(text)")
            #expect(citations.map(\.year) == links.map(\.year), "\(text)")
            for citation in citations {
                // the text is the link's span of the scanned text, byte for byte
                let span = Array(text.utf8)[citation.linkRange]
                #expect(Array(citation.text.utf8) == Array(span))
            }
        }
        #expect(found > 1000)
    }

    @Test func theFirstBytesOfStopWordsAreThoseChecked() {
        let firsts = Set(CitationScanner.stopWords.map { $0[0] })
        for b in UInt8.min...UInt8.max { #expect(CitationScanner.mayStartStopWord(b) == firsts.contains(b), "\(b)") }
    }

    @Test func fieldsHoldWhatTheyWereGiven() {
        var generator = SystemRandomNumberGenerator()
        let values: [String?] = [nil, "", "a", "Quyết định số 12/2018/QĐ-UBND", "Ủy ban nhân dân tỉnh", "về việc ban hành quy chế",
                                 "08/6/20210", "short", String(repeating: "ố", count: 40)]
        let number = DocumentNumber.parse("12/2018/QĐ-UBND")!
        for _ in 0..<5000 {
            let (text, issuer, summary, mistyped) = (values.randomElement(using: &generator)! ?? "",
                                                     values.randomElement(using: &generator)!,
                                                     values.randomElement(using: &generator)!,
                                                     values.randomElement(using: &generator)!)
            var citation = Citation(written: "12/2018/QĐ-UBND", text: text, number: number, typeWord: nil, date: nil, issuer: issuer,
                                    linkRange: 0..<3, summary: summary, mistypedDate: mistyped)
            #expect(citation.text == text && citation.issuer == issuer && citation.summary == summary && citation.mistypedDate == mistyped)
            let newSummary = values.randomElement(using: &generator)!
            citation.summary = newSummary
            #expect(citation.text == text && citation.issuer == issuer && citation.summary == newSummary)
            #expect(citation.mistypedDate == mistyped)
        }
    }
}
