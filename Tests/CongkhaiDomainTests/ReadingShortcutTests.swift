import Testing
@testable import CongkhaiDomain

/// The shortcuts taken on every header and body line must answer exactly as the code they skip.
@Suite struct ReadingShortcutTests {
    static let pieces: [String] = [
        "C", "c", "Ộ", "ộ", "D", "d", "Đ", "đ", "Ç", "Ć", "Ḍ", "Ď", "S", "Ủ", "Ố", "Y", "K", "\u{212A}", "İ", "ǅ", "Ǳ",
        "\u{0301}", "\u{0323}", "\u{1DC0}", "\u{0327}", "\r\n", "\r", " ", "-", "*", "1", "Ⅻ", "ª", "ʰ", "·", ",", "\u{00AD}",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số: 12/KH-UBND",
        "ỦY BAN NHÂN DÂN", "ĐỘC LẬP", "C\u{0323}ỘNG HÒA", "D\u{0302}oc lap",
    ]

    @Test func theFirstScalarShortcutOfIsMottoNeverContradictsFolding() {
        var generator = SystemRandomNumberGenerator()
        var decided = 0
        for _ in 0..<6000 {
            let length = Int.random(in: 1...5, using: &generator)
            let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let folding = LineText.isMottoByFolding(text)
            if LineText.isRuledOutAsMottoByFirstScalar(text) {
                decided += 1
                #expect(!folding, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            #expect(LineText.isMotto(text) == folding)
        }
        #expect(decided > 1000)
    }

    /// Every letter in the table, followed by marks or by a motto, is still judged as folding judges it.
    @Test func everyLetterOfTheFoldTableAgrees() {
        #expect(LineText.foldedLeadingLetter.count > 300)
        for value in LineText.foldedLeadingLetter.keys {
            let letter = String(Unicode.Scalar(value)!)
            let rests = ["", "\u{0301}", "ONG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\u{0302}ỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ộc lập - Tự do"]
            for rest in rests {
                let text = letter + rest
                if LineText.isRuledOutAsMottoByFirstScalar(text) { #expect(!LineText.isMottoByFolding(text), "\(value)") }
            }
        }
        #expect(LineText.isMotto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(LineText.isMotto("Độc lập - Tự do - Hạnh phúc"))
        #expect(!LineText.isRuledOutAsMottoByFirstScalar("Độc lập"))
        #expect(LineText.isRuledOutAsMottoByFirstScalar("Số: 12/KH"))
        #expect(LineText.isRuledOutAsMottoByFirstScalar("ỦY BAN NHÂN DÂN"))
    }

    static let lineBits: [String] = [
        " ", "#", ">", "*", "**", "_", "__", "\\", "N", "K", "1", "12", ".", ")", "-", "I", "V", "X", "C", "L", "a", "đ", "B", "Đ",
        "Ⅻ", "١", "\u{0301}", "\u{0345}", "\r\n", "ª", "Nơi nhận", "Kính gửi", "\u{212A}ính gửi", "PHỤ LỤC", "Phụ lục", "đ) ", "II. ",
        "3. ", "b)", "Căn cứ", "Về", "XII", "IV. Mục", "CL.",
    ]

    /// The numbering shortcut must agree with reading the characters, combining marks and odd digits included.
    @Test func theNumberingShortcutAgreesWithTheCharacterPath() {
        var generator = SystemRandomNumberGenerator()
        var ruledOut = 0
        for _ in 0..<8000 {
            let length = Int.random(in: 1...5, using: &generator)
            let text = (0..<length).map { _ in Self.lineBits.randomElement(using: &generator)! }.joined()
            let slow = LineText.numberingByCharacters(text)
            if !LineText.mayOpenNumbering(firstByte: text.utf8.first) {
                ruledOut += 1
                #expect(slow == nil, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            let fast = LineText.numbering(text)
            #expect(fast?.marker == slow?.marker && fast?.kind == slow?.kind)
        }
        #expect(ruledOut > 1000)
    }

    /// `clean` and `head` start with the first text byte, "#" or ">", or are empty.
    @Test func cleanStartsWithTheFirstTextByte() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<8000 {
            let length = Int.random(in: 1...6, using: &generator)
            var text = (0..<length).map { _ in Self.lineBits.randomElement(using: &generator)! }.joined()
            if Bool.random(using: &generator) {
                text = String(repeating: Self.lineBits.randomElement(using: &generator)!, count: 90) + text
            }
            let first = LineText.firstTextByte(text)
            for cleaned in [LineText.clean(text), LineText.head(text), LineText.head(text, length: 20)] {
                guard let start = cleaned.utf8.first else { continue }
                #expect(start == first || start == UInt8(ascii: "#") || start == UInt8(ascii: ">"), "\(Array(text.utf8))")
            }
            let shortHead = LineText.head(text, length: 20)
            #expect(LayoutRecognizer.isRecipientsLine(text) == (shortHead.hasPrefix("Nơi nhận") || shortHead.hasPrefix("NƠI NHẬN")))
            let head = LineText.head(text)
            #expect(LineText.isRecipientsOrSignatureLike(text) == (head.hasPrefix("Nơi nhận") || head.hasPrefix("Kính gửi")
                || LayoutRecognizer.isAppendixHeading(text)))
        }
        #expect(LineText.firstTextByte("**# Nơi nhận:**") == UInt8(ascii: "N"))
        #expect(LayoutRecognizer.isRecipientsLine("**Nơi nhận:**"))
        #expect(!LayoutRecognizer.isRecipientsLine("- Nơi nhận"))
    }

    /// A heading is still found exactly as `hasPrefix` over every heading finds it.
    @Test func headingLeadsSkipOnlyHeadingsThatCannotMatch() {
        let types = DocumentTypeTable([
            DocumentType(code: "KH", name: "Kế hoạch"), DocumentType(code: "BC", name: "Báo cáo"), DocumentType(code: "ĐA", name: "Đề án"),
            DocumentType(code: "QĐ", name: "Quyết định"), DocumentType(code: "K", name: "K\u{0301}y"), DocumentType(code: "X", name: "!x"),
        ])
        func slow(_ line: String) -> DocumentType? {
            let upper = line.uppercased()
            for (heading, type) in types.headings where upper.hasPrefix(heading) {
                let rest = line.dropFirst(heading.count)
                guard rest.isEmpty || rest.first!.isWhitespace || rest.first! == "*" else { continue }
                return type
            }
            return nil
        }
        let bits = ["KẾ HOẠCH", "Kế hoạch", "\u{212A}Ế HOẠCH", "K", "\u{0301}", "Y", "BÁO CÁO", "Đề án", "D\u{0309}", "QUYẾT ĐỊNH",
                    " ", "*",
                    "!", "x", "ĐỀ ÁN", "Ḱ", "E\u{0302}\u{0301}"]
        var generator = SystemRandomNumberGenerator()
        var found = 0
        for _ in 0..<6000 {
            let line = (0..<Int.random(in: 1...3, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined()
            let fast = types.matchHeading(line)?.0
            #expect(fast == slow(line), "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
            if fast != nil { found += 1 }
        }
        #expect(found > 500)
    }

    @Test func asciiSymbolPropertiesAreTheScalarProperties() {
        for value in 0..<0x80 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect(DocumentNumber.isAlphabetic(scalar) == scalar.properties.isAlphabetic)
            #expect(DocumentNumber.isNumeric(scalar) == (scalar.properties.numericType != nil))
        }
    }

    @Test func noInformationShortcutAgreesWithFolding() {
        let bits = ["Không có thông tin", "KHÔNG CÓ THÔNG TIN", "không có thông tin", "K", "k", "\u{0301}", " ", "\t", ".", "*",
                    "_", "-", "1",
                    "\n", "Đ", "\u{00A0}", "\u{2003}", "x", "\u{212A}"]
        var generator = SystemRandomNumberGenerator()
        var yes = 0
        for _ in 0..<6000 {
            let text = (0..<Int.random(in: 1...3, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined()
            let slow = ProcedureReader.isNoInformationByFolding(text)
            #expect(ProcedureReader.isNoInformation(text) == slow, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if slow { yes += 1 }
        }
        #expect(yes > 100)
    }

    /// What `mayHoldNgay` relies on, over every scalar: which scalars lower to a text holding the scalars it looks for.
    @Test func onlyTheExpectedScalarsLowerToTheLettersOfNgay() {
        let watched: [UInt32: Set<UInt32>] = [
            0x6E: [0x6E, 0x4E], 0x67: [0x67, 0x47], 0x79: [0x79, 0x59], 0x61: [0x61, 0x41], 0xE0: [0xE0, 0xC0],
            0x300: [0x300], 0x340: [0x340],
        ]
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for lowered in String(scalar).lowercased().unicodeScalars {
                if let allowed = watched[lowered.value], !allowed.contains(value) {
                    Issue.record("U+\(String(value, radix: 16)) lowers to U+\(String(lowered.value, radix: 16))")
                }
            }
        }
    }

    @Test func theNgayPrecheckNeverHidesADateLine() {
        let bits = ["Trà Vinh, ngày 16 tháng 4 năm 2020", "Lam Hà, ngày 3/9/2025", "ngày", "NGÀY", "Ngày",
                    "nga\u{0300}y", "nga\u{0340}y", "NGA\u{0300}Y", "ng", "à", "y", " ", "3", "/", "9/2025", " tháng ",
                    " năm ", "2020", "Lam Hà, ", "\u{0301}", "\u{0323}", "a", "N", "G", "Y", "á", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        var found = 0
        for _ in 0..<6000 {
            let line = (0..<Int.random(in: 1...8, using: &generator)).map { _ in bits.randomElement(using: &generator)! }.joined()
            let chars = Array(line.lowercased())
            let hasNgay = chars.count >= 4 && (0...(chars.count - 4)).contains { chars[$0..<($0 + 4)].elementsEqual(["n", "g", "à", "y"]) }
            if hasNgay { #expect(OfficialDateLine.mayHoldNgay(line), "\(line.unicodeScalars.map { String($0.value, radix: 16) })") }
            let fast = OfficialDateLine.find(in: line), slow = OfficialDateLine.findByCharacters(in: line)
            #expect(fast?.place == slow?.place && fast?.date == slow?.date && fast?.problem?.key == slow?.problem?.key)
            if slow != nil { found += 1 }
        }
        #expect(found > 500)
        #expect(OfficialDateLine.find(in: "Lam Hà, nga\u{0300}y 3/9/2025")?.date != nil)
    }

    /// `SourceLine.lines` copies each line out of the text without checking its UTF-8 again; it must give
    /// exactly the lines that splitting the bytes at line feeds gives, in a slice of a larger text too
    /// (a document's body is one), with marks, CR LF pairs and four-byte scalars at the line ends.
    @Test func linesCopiedFromTheTextAreTheLinesOfItsBytes() {
        let bits = ["\n", "\n\n", " ", "  \n", "a", "Đ", "\u{0301}", "\r\n", "\r", "😀", "Căn cứ", "\u{00A0}", "x\u{0302}", "|"]
        var generator = SearchTermsScanTests.Generator(state: 20_261_207)
        for round in 0..<4000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = (0..<length).map { _ in bits.randomElement(using: &generator)! }.joined()
            let whole = "---\nfront\n---\n" + text + "\nsau"
            let start = whole.index(whole.startIndex, offsetBy: round % 3 == 0 ? 0 : 4)
            let slice = whole[start...]
            let firstLine = round % 7
            var expected: [SourceLine] = []
            var blankBefore = true
            for (offset, piece) in slice.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                if piece.allSatisfy({ $0 == 0x20 }) { blankBefore = true; continue }
                expected.append(SourceLine(String(decoding: Array(piece), as: UTF8.self), number: firstLine + offset,
                                           startsParagraph: blankBefore))
                blankBefore = false
            }
            let lines = SourceLine.lines(of: slice, firstLine: firstLine)
            #expect(lines == expected, "\(text.unicodeScalars.map(\.value))")
            // String's == is canonical equivalence: the bytes must be the same too
            #expect(lines.map { Array($0.text.utf8) } == expected.map { Array($0.text.utf8) })
            #expect(SourceLine.lines(of: Substring(String(slice)), firstLine: firstLine) == expected)
        }
    }
}
