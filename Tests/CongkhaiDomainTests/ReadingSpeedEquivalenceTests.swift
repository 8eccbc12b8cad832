import Foundation
import Testing
@testable import CongkhaiDomain

/// The byte and table shortcuts of reading answer exactly as the general code they stand in for.
@Suite struct ReadingSpeedEquivalenceTests {
    static let pieces: [String] = [
        "P", "p", "|", "#", "*", "_", " ", "  ", "\\", "a", "K", "\u{212A}", ";", "\u{037E}", "`", "\u{1FEF}", "Đ", "đ", "Ộ",
        "ộ", "İ", "ǅ", "Ǳ", "ß", "Æ", "ø", "\u{0301}", "\u{0323}", "\u{0340}", "\u{0345}", "\u{1DC0}", "\u{0600}",
        "\u{200D}", "\u{00AD}", "\r\n", "\r", "\n", "–", "“", "”", "…", "Phụ lục", "PHỤ LỤC", "Nơi nhận:", "Số: 12/KH-UBND",
        "ngày", "Ả", "-", "+", "•", "I", "V", "X", "C", "1", "12", ".", ")", ":", ",", ">", "<", "~~~", "```", "II.", "Các",
    ]

    static func randomText(_ generator: inout SystemRandomNumberGenerator, maxPieces: Int = 6) -> String {
        let length = Int.random(in: 0...maxPieces, using: &generator)
        return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func everyScalarOfTheFoldTableFoldsAsNormalizingDoes() {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x24F, 0x300...0x36F, 0x1E00...0x1EFF, 0x2000...0x206F]
        var held = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(scalar)
                if VietnameseText.foldedScalarByScalar(text) != nil { held += 1 }
                #expect(VietnameseText.fold(text) == VietnameseText.foldedByNormalizing(text), "U+\(String(value, radix: 16))")
            }
        }
        #expect(held > 800)
    }

    @Test func foldingScalarByScalarAgreesOnMixedTexts() {
        var generator = SystemRandomNumberGenerator()
        let marks: [UInt32] = [0x0300, 0x0301, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B, 0x0345, 0x0340, 0x0344, 0x034F]
        var shortcut = 0
        for _ in 0..<20000 {
            var text = Self.randomText(&generator)
            // letters and marks of the table in any order, so that canonical reordering has work to do
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let value = Bool.random(using: &generator) ? marks.randomElement(using: &generator)!
                    : UInt32.random(in: 0x1EA0...0x1EF9, using: &generator)
                text.unicodeScalars.append(Unicode.Scalar(value)!)
            }
            let slow = VietnameseText.foldedByNormalizing(text)
            if let fast = VietnameseText.foldedScalarByScalar(text) {
                shortcut += 1
                #expect(fast == slow, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect(Array(fast.utf8) == Array(slow.utf8))
            }
            #expect(VietnameseText.fold(text) == slow)
        }
        #expect(shortcut > 5000)
        let long = String(repeating: "Cộng hòa xã hội chủ nghĩa Việt Nam – “Độc lập” … ", count: 200)
        #expect(VietnameseText.fold(long) == VietnameseText.foldedByNormalizing(long))
    }

    @Test func asciiAffixesAnswerAsStringDoes() {
        var generator = SystemRandomNumberGenerator()
        let prefixes: [StaticString] = ["P", "*", "#", "_", "|"]
        let suffixes: [StaticString] = ["  ", "\\"]
        for _ in 0..<20000 {
            let text = Self.randomText(&generator, maxPieces: 4)
            for prefix in prefixes {
                #expect(LineText.hasASCIIPrefix(text, prefix) == text.hasPrefix(prefix.description), "\(Array(text.unicodeScalars))")
            }
            for suffix in suffixes {
                #expect(LineText.hasASCIISuffix(text, suffix) == text.hasSuffix(suffix.description), "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func paragraphShortcutsAnswerAsCharactersDo() {
        var generator = SystemRandomNumberGenerator()
        var ruledOut = 0
        for _ in 0..<30000 {
            let text = Self.randomText(&generator, maxPieces: 5)
            if let decided = LineText.isBulletByBytes(text.utf8) {
                #expect(decided == LineText.isBulletByCharacters(text), "\(Array(text.unicodeScalars))")
            }
            #expect(LineText.isBullet(Substring(text)) == LineText.isBulletByCharacters(Substring(text)))
            #expect(MarkdownBlocks.opensBlock(text) == MarkdownBlocks.opensBlockByCharacters(text), "\(Array(text.unicodeScalars))")
            #expect(MarkdownBlocks.endsBlock(text) == MarkdownBlocks.endsBlockByCharacters(text), "\(Array(text.unicodeScalars))")
            if let first = text.utf8.first, BodyShaper.isRuledOutByItsBytes(text, first: first) {
                ruledOut += 1
                #expect(BodyShaper.sectionHeadingByCleaning(text) == nil, "\(Array(text.unicodeScalars))")
            }
        }
        #expect(ruledOut > 1000)
    }

    @Test func numberingByBytesAnswersAsCharactersDo() {
        var generator = SystemRandomNumberGenerator()
        var decided = 0
        let starts = ["1", "12", "123", "1234", "I", "II", "IV", "XIII", "VIIIII", "a", "đ", "C", "Các", ""]
        let marks = [".", ")", "-", ". ", ") ", "- ", ".\u{0301}", " ", "", "x", ":"]
        for _ in 0..<30000 {
            let text = starts.randomElement(using: &generator)! + marks.randomElement(using: &generator)!
                + Self.randomText(&generator, maxPieces: 3)
            let byCharacters = LineText.numberingByCharacters(text)
            if let byBytes = LineText.numberingByBytes(text) {
                decided += 1
                #expect(byBytes?.marker == byCharacters?.marker && byBytes?.kind == byCharacters?.kind, "\(Array(text.unicodeScalars))")
            }
            #expect(LineText.numbering(text)?.marker == LineText.numbering(Substring(text))?.marker)
        }
        #expect(decided > 10000)
    }

    @Test func cleaningAnUnchangedLineKeepsIt() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let text = Self.randomText(&generator, maxPieces: 5)
            if LineText.isUnchangedByCleaning(text) {
                #expect(Array(LineText.cleanedByBytes(text).utf8) == Array(text.utf8), "\(Array(text.unicodeScalars))")
            }
            #expect(LineText.clean(text) == LineText.clean(Substring(text)))
        }
    }

    @Test func procedureLinesSplitAsCharactersDo() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = Self.randomText(&generator, maxPieces: 8)
            #expect(ProcedureReader.linesSplitAtLineFeeds(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
        }
        #expect(ProcedureReader.linesSplitAtLineFeeds("") == [""])
    }

    @Test func articleLinesEscapeAsBefore() {
        for line in ["Điều 1. Phạm vi", "Điều 12. X", "Điều a. X", "Đ", "1. Công tác", "D\u{0300}iều 1. X", "- Điều 1. X"] {
            let escaped = BodyShaper.escapeNumbering(line)
            if line.hasPrefix("Điều ") { #expect(escaped.hasPrefix("**Điều") || escaped == line) }
        }
        #expect(BodyShaper.escapeNumbering("Điều 1. Phạm vi") == "**Điều 1.** Phạm vi")
    }

    @Test func eightBytesHaveADigitExactlyWhenOneIs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x28...0x40, using: &generator)
                    : UInt8.random(in: 0...255, using: &generator)
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(CitationScanner.hasDigit(word) == bytes.contains { $0 >= 0x30 && $0 <= 0x39 })
        }
        for byte in UInt8(0)...255 {
            let word = UInt64(byte) * 0x0101_0101_0101_0101
            #expect(CitationScanner.hasDigit(word) == (byte >= 0x30 && byte <= 0x39))
        }
    }

    @Test func recipientMarksAsTheLiteralHasThem() {
        for text in Self.pieces + ["•", "–", "—", "-\u{0301}", "* ", "+"] {
            for c in text { #expect(LayoutRecognizer.isRecipientMark(c) == "-+•*– ".contains(c)) }
        }
    }

    /// The signer's name as read before the ranks' lower-case forms were made once.
    static func signerNameByEveryRank(_ clean: String) -> SignerName? {
        let folded = clean.lowercased()
        for rank in SignerName.ranks {
            let lower = rank.lowercased()
            guard folded.hasPrefix(lower + " ") || (rank.hasSuffix(".") && folded.hasPrefix(lower)) else { continue }
            let rest = clean.dropFirst(rank.count).trimmingCharacters(in: .whitespaces)
            guard LayoutRecognizer.isNameLine(rest) else { continue }
            return SignerName(rank: String(clean.prefix(rank.count)), name: rest)
        }
        let isTitle = VietnameseText.isUpperCase(clean) && LayoutRecognizer.hasAuthorityWord(clean)
        guard LayoutRecognizer.isNameLine(clean), !isTitle else { return nil }
        return SignerName(rank: nil, name: clean)
    }

    @Test func signerNamesAfterRanksAsBefore() {
        let lines = ["Nguyễn Văn An", "Đại tá Nguyễn Văn An", "TS. Trần Thị Bình", "ThS. Lê Văn C", "Nhà giáo ưu tú Phạm Văn D",
                     "GS.TS. Hoàng Văn E", "ngưt. Vũ Văn F", "GIÁM ĐỐC", "KT. GIÁM ĐỐC", "PGS. TS. Đỗ Văn G", "Thiếu uý Ngô Văn H",
                     "ĐẠI TÁ Lê Văn I", "\u{212A}S. Lê Văn K", "Ts Lê Văn", "T\u{0301}S. Lê Văn L", ""]
        for line in lines { #expect(SignerName(line) == Self.signerNameByEveryRank(line), "\(line)") }
        var generator = SystemRandomNumberGenerator()
        let ranks = SignerName.ranks + SignerName.ranks.map { $0.uppercased() }
        for _ in 0..<3000 {
            let line = ranks.randomElement(using: &generator)! + Self.randomText(&generator, maxPieces: 2) + " Lê Văn An"
            #expect(SignerName(line) == Self.signerNameByEveryRank(line), "\(line)")
        }
    }

    @Test func frontMatterValuesTrimAsFoundationDoes() {
        var generator = SystemRandomNumberGenerator()
        let edges = ["", " ", "\n", "\t", "\u{00A0}", "\u{3000}", "\u{2028}", "\u{0301}", "a", "Đ"]
        for _ in 0..<5000 {
            let text = edges.randomElement(using: &generator)! + Self.randomText(&generator, maxPieces: 3)
                + edges.randomElement(using: &generator)!
            #expect(Array(YAMLValue.trimmed(text).utf8) == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
        }
    }

    @Test func frontMatterLineFeedsAsCharacters() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = Self.randomText(&generator, maxPieces: 8)
            let start = text.index(text.startIndex, offsetBy: Int.random(in: 0...min(2, text.count), using: &generator))
            #expect(FrontMatter.lineFeed(in: text, from: start) == text[start...].firstIndex(of: "\n"), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func separatorsAndDecorationsAsBefore() {
        for text in ["---", "--", "***", "* * *", "—", "-- x", "=====", "\\*", "..........", "-\u{0301}--", ""] {
            #expect(LineText.isSeparator(text) == (text.count >= 3 && text.allSatisfy { "-_=*–—.".contains($0) }))
            #expect(LineText.isDecoration(text) == (!text.isEmpty && text.count <= 12 && text.allSatisfy { "*\\-_=–—.·• ".contains($0) }))
        }
    }

    /// The line split as it was before memchr found the line ends: every byte looked at.
    static func linesByEveryByte(_ text: String, firstLine: Int) -> [SourceLine] {
        var out: [SourceLine] = []
        var blankBefore = true
        var number = firstLine
        // split at each line feed byte: "\r\n" is one Character, and Character splitting would keep it whole
        for bytes in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = String(decoding: bytes, as: UTF8.self)
            defer { number += 1 }
            if line.utf8.allSatisfy({ $0 == 0x20 }) { blankBefore = true; continue }
            out.append(SourceLine(line, number: number, startsParagraph: blankBefore))
            blankBefore = false
        }
        return out
    }

    @Test func linesSplitAsByEveryByte() {
        var generator = SystemRandomNumberGenerator()
        let parts = ["\n", "\n\n", " ", "   \n", "a", "Cộng hòa", "\t", "\r\n", "  x  "]
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined()
            let firstLine = Int.random(in: 1...5, using: &generator)
            #expect(SourceLine.lines(of: Substring(text), firstLine: firstLine) == Self.linesByEveryByte(text, firstLine: firstLine))
            let padded = "--\n" + text
            let slice = padded[padded.index(padded.startIndex, offsetBy: 3)...]
            #expect(SourceLine.lines(of: slice, firstLine: firstLine) == Self.linesByEveryByte(text, firstLine: firstLine))
        }
    }

    @Test func citationsAlikeAreEqualAndHashAlike() throws {
        let number = try #require(DocumentNumber.parse("12/KH-UBND"))
        func make(_ issuer: String?, typeWord: String? = "Kế hoạch") -> Citation {
            Citation(written: "12/KH-UBND", text: "Kế hoạch số 12/KH-UBND", number: number, typeWord: typeWord, date: nil,
                     issuer: issuer, linkRange: 3..<20)
        }
        #expect(make("Ủy ban nhân dân tỉnh") == make("Ủy ban nhân dân tỉnh"))
        #expect(make("Ủy ban nhân dân tỉnh").hashValue == make("Ủy ban nhân dân tỉnh").hashValue)
        #expect(make("Ủy ban nhân dân tỉnh") != make("Ủy ban nhân dân huyện"))
        #expect(make(nil) != make(""))
        #expect(make(nil, typeWord: nil) != make(nil))
        #expect(make(nil).hashValue != make("").hashValue)
        let pool = CitationPool()
        let first = pool.share(make("Sở Nội vụ"))
        #expect(pool.share(make("Sở Nội vụ")) == first)
    }
}
