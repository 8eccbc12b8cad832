import Foundation
import Testing
@testable import CongkhaiDomain

/// The shortcuts of recognising a layout answer exactly as the code they replaced, kept here as it was.
@Suite struct LayoutShortcutTests {
    static let pieces: [String] = [
        "P", "p", "|", "#", "*", "_", " ", "  ", "\\", "a", "K", "\u{212A}", ";", ":", ",", "/", "(", ")", "\u{037E}", "Đ", "đ",
        "Ộ", "ộ", "ß", "\u{0301}", "\u{0323}", "\u{0600}", "\u{200D}", "\u{00A0}", "\r\n", "\t", "–", "…", ".", "1", "12", "2020",
        "I", "II", "V", "X", "C", "L", "Phụ lục", "PHỤ LỤC", "Nguyễn", "Văn", "An", "nguyễn", "KẾ HOẠCH", "Kế hoạch", "BÁO CÁO",
        "QUYẾT ĐỊNH", "E\u{0301}", "É", "Á", "A\u{0301}", "UBND", "Sở", "SỞ", "Số", "ÔNG", "Ông", "k", "b", "q", "😀", "١",
    ]

    static func randomText(_ generator: inout SystemRandomNumberGenerator, maxPieces: Int = 7) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static let types = DocumentTypeTable([
        DocumentType(code: "KH", name: "Kế hoạch"), DocumentType(code: "BC", name: "Báo cáo"), DocumentType(code: "QĐ", name: "Quyết định"),
        DocumentType(code: "ĐA", name: "Đề án"), DocumentType(code: "AN", name: "Ánh sáng"), DocumentType(code: "E", name: "E\u{0301}p"),
        DocumentType(code: "SS", name: "ß thử"), DocumentType(code: "UB", name: "Ủy ban"),
    ])

    @Test func headingOpeningsRuleOutOnlyLinesNoHeadingStarts() {
        var generator = SystemRandomNumberGenerator()
        let recognizer = LayoutRecognizer(types: Self.types)
        for _ in 0..<20000 {
            let line = Self.randomText(&generator)
            #expect(recognizer.matchesHeading(line) == (Self.types.matchHeading(line) != nil), "\(line.debugDescription)")
        }
        #expect(LayoutRecognizer(types: DocumentTypeTable([DocumentType(code: "X", name: "")])).headingOpenings == nil)
    }

    static func isAppendixHeadingAsItWas(_ line: String) -> Bool {
        guard line.utf8.count <= 500, LineText.hasASCIIPrefix(line, "P") || LineText.hasASCIIPrefix(line, "*")
                || LineText.hasASCIIPrefix(line, "#") || LineText.hasASCIIPrefix(line, "_") else {
            return false
        }
        let clean = LineText.clean(line)
        guard clean.count <= 160 else { return false }
        if clean.hasPrefix("PHỤ LỤC") { return true }
        guard clean.hasPrefix("Phụ lục ") else { return false }
        let rest = clean.dropFirst("Phụ lục ".count)
        guard let f = rest.first else { return false }
        return (f.isUppercase || f.isNumber) && !LineText.endsSentence(clean)
    }

    static func isNameLineAsItWas(_ clean: String) -> Bool {
        let words = clean.split(separator: " ")
        guard (2...6).contains(words.count), clean.count <= 60 else { return false }
        guard !clean.contains(where: { $0.isNumber || ":;,/()".contains($0) }), !LineText.endsSentence(clean) else { return false }
        return words.allSatisfy { $0.first!.isUppercase && $0.first!.isLetter }
    }

    static func sectionHeadingByCleaningAsItWas(_ line: String) -> LineText.NumberingKind? {
        let clean = LineText.clean(line)
        guard let (marker, kind) = LineText.numbering(clean) else { return nil }
        let title = String(clean.dropFirst(marker.count).drop(while: { $0 == " " }))
        guard !title.isEmpty else { return nil }
        switch kind {
        case .roman:
            let beforeColon = title.utf8.contains(0x3A) ? title.split(separator: ":", maxSplits: 1).first.map(String.init) ?? title : title
            return VietnameseText.isUpperCase(beforeColon) && clean.count <= 200 ? .roman : nil
        case .arabic:
            guard clean.utf8.count <= 700, let last = LineText.lastMeaningful(clean), !".;:,".unicodeScalars.contains(last) else {
                return nil
            }
            return .arabic
        case .letter:
            return nil
        }
    }

    static func recipientAsItWas(_ line: String) -> String {
        var s = Substring(line).drop(while: LayoutRecognizer.isRecipientMark)
        while let l = s.last, l == ";" || l == "," || l == " " { s = s.dropLast() }
        if s.hasSuffix(".") && !s.hasSuffix("..") { s = s.dropLast() }
        return String(s)
    }

    static func isSeparatorAsItWas(_ s: String) -> Bool {
        s.allSatisfy { "-_=*–—.".contains($0) } && s.count >= 3
    }

    static func isDecorationAsItWas(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 12 && s.allSatisfy { "*\\-_=–—.·• ".contains($0) }
    }

    static func numberLineAsItWas(_ clean: String) -> String? {
        guard clean.hasPrefix("Số") else { return nil }
        let rest = clean.dropFirst(2)
        guard let f = rest.first, f == ":" || f == " " else { return nil }
        let value = rest.drop(while: { $0 == ":" || $0 == " " })
        guard value.isEmpty || value.contains("/") || value.first!.isNumber else { return nil }
        return String(value)
    }

    @Test func headerAndFooterLinesAnswerAsBefore() {
        var generator = SystemRandomNumberGenerator()
        let marks = ["-", "_", "=", "*", "–", "—", ".", "·", "•", " ", "\\", "-\u{0301}", "a", "1", "Số", "So\u{0301}", "Số:", ": ",
                     "12/KH", "S", "s", ";", ",", "..", "./.", "Lưu: VT."]
        for _ in 0..<30000 {
            let line = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Bool.random(using: &generator) ? marks.randomElement(using: &generator)! : Self.pieces.randomElement(using: &generator)!
            }.joined()
            #expect(LineText.isSeparator(line) == Self.isSeparatorAsItWas(line), "\(line.debugDescription)")
            #expect(LineText.isDecoration(line) == Self.isDecorationAsItWas(line), "\(line.debugDescription)")
            #expect(LayoutRecognizer.numberLine(line) == Self.numberLineAsItWas(line), "\(line.debugDescription)")
            #expect(Array(LayoutRecognizer.recipient(line).utf8) == Array(Self.recipientAsItWas(line).utf8), "\(line.debugDescription)")
            #expect(LineText.hasAtMost(5, line) == (line.count <= 5))
        }
    }

    @Test func lineTestsAnswerAsBefore() {
        var generator = SystemRandomNumberGenerator()
        let numbered = ["1. ", "2) ", "12.", "3- ", "I. ", "II.", "IV. ", "a) ", "đ) ", "1.  ", "I.  ", "1. \u{0301}", "XX. "]
        for _ in 0..<30000 {
            var line = Self.randomText(&generator)
            if Bool.random(using: &generator) { line = numbered.randomElement(using: &generator)! + line }
            #expect(LayoutRecognizer.isAppendixHeading(line) == Self.isAppendixHeadingAsItWas(line), "\(line.debugDescription)")
            #expect(LayoutRecognizer.isNameLine(line) == Self.isNameLineAsItWas(line), "\(line.debugDescription)")
            #expect(BodyShaper.sectionHeadingByCleaning(line) == Self.sectionHeadingByCleaningAsItWas(line), "\(line.debugDescription)")
            let leading = Array(line.utf8.prefix(10))
            #expect(Array(LineText.LeadingBytes(line.utf8)) == leading)
        }
    }

    static func isJoinableAsItWas(_ previous: [SourceLine], lastIsUpperCase: Bool, next: SourceLine) -> Bool {
        let last = previous[previous.count - 1]
        if lastIsUpperCase || LineText.endsSentence(last.text) { return false }
        if LineText.hasASCIIPrefix(last.text, "|") || LineText.hasASCIIPrefix(next.text, "|") || LineText.hasASCIIPrefix(last.text, "#")
            || LineText.hasASCIIPrefix(next.text, "#") { return false }
        if MarkdownBlocks.opensBlock(previous[0].text) || MarkdownBlocks.endsBlock(last.text) { return false }
        if MarkdownBlocks.opensBlock(next.text) { return false }
        if LineText.endsSentence(last.text) { return false }
        if LineText.isBullet(next.text) || VietnameseText.isUpperCase(next.text) { return false }
        if LineText.mayOpenNumbering(firstByte: LineText.firstTextByte(next.text)), LineText.numbering(LineText.head(next.text)) != nil {
            return false
        }
        if LineText.isRecipientsOrSignatureLike(next.text) { return false }
        if BodyShaper.sectionHeading(previous) != nil || lastIsUpperCase { return false }
        if VietnameseText.startsLowerCase(next.text) { return true }
        let opensWithNumber = previous.count == 1 && LineText.numbering(LineText.head(previous[0].text)) != nil
        return !opensWithNumber && last.text.utf8.count >= 200
    }

    @Test func sectionHeadingOpeningsAreTheLiteralsBytes() {
        for byte in UInt8.min...UInt8.max {
            #expect(BodyShaper.mayOpenSectionHeading(byte) == "0123456789IVXLC*_#".utf8.contains(byte))
        }
    }

    static func joinBrokenParagraphsAsItWas(_ paragraphs: [[SourceLine]]) -> [[SourceLine]] {
        let fenced = MarkdownBlocks.fencedLines(paragraphs.flatMap { $0 })
        var out: [[SourceLine]] = []
        var lastCase = VietnameseText.CaseTally()
        var lastIsFenced = false
        var offset = 0
        for paragraph in paragraphs {
            defer { offset += paragraph.count }
            let isFenced = paragraph.indices.contains { fenced[offset + $0] }
            guard let first = paragraph.first, !out.isEmpty, !isFenced, !lastIsFenced,
                  isJoinableAsItWas(out[out.count - 1], lastIsUpperCase: lastCase.isUpperCase, next: first) else {
                out.append(paragraph)
                lastIsFenced = isFenced
                lastCase = VietnameseText.CaseTally(paragraph.last?.text ?? "")
                continue
            }
            let p = out.count - 1, l = out[p].count - 1
            out[p][l].text += " "
            out[p][l].text += first.text
            lastCase.add(" ")
            lastCase.add(first.text)
            if paragraph.count > 1 {
                out[p].append(contentsOf: paragraph.dropFirst())
                lastCase = VietnameseText.CaseTally(paragraph[paragraph.count - 1].text)
            }
        }
        return out
    }

    @Test func joiningBrokenParagraphsAsBefore() {
        var generator = SystemRandomNumberGenerator()
        let lines = ["CÁC NHIỆM VỤ", "các phòng thực hiện", "Sở Nội vụ phối hợp", "thực hiện.", "1. Công tác chỉ đạo", "- Sở Tài chính;",
                     "```", "~~~", "| a | b |", "# Tiêu đề", "Nơi nhận:", "PHỤ LỤC I", "II. NHIỆM VỤ", "và", "ĐỀ ÁN", "a) điểm",
                     "Ủy ban nhân dân tỉnh An Hòa giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành liên quan "
                     + "triển khai thực hiện kế hoạch này, bảo đảm đúng tiến độ và chất lượng đề ra, báo cáo kết quả về Ủy ban",
                     "Nguyễn Văn An", "KT. GIÁM ĐỐC", "  ", "> trích", "* mục", "e\u{0301}p", "Ê", "X"]
        for _ in 0..<5000 {
            var paragraphs: [[SourceLine]] = []
            var number = 1
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                var paragraph: [SourceLine] = []
                for i in 0..<Int.random(in: 1...3, using: &generator) {
                    paragraph.append(SourceLine(lines.randomElement(using: &generator)!, number: number, startsParagraph: i == 0))
                    number += 1
                }
                paragraphs.append(paragraph)
            }
            #expect(BodyShaper.joinBrokenParagraphs(paragraphs) == Self.joinBrokenParagraphsAsItWas(paragraphs))
        }
    }
}
