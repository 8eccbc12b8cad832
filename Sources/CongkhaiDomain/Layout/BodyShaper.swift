/// Markdown ready for cmark-gfm, with a map from its lines back to the source.
public struct ShapedMarkdown: Sendable, Equatable, Codable {
    public var text: String
    /// `lineMap[i]` is the source line of Markdown line `i + 1`.
    public var lineMap: [Int]

    public init(text: String, lineMap: [Int]) {
        self.text = text
        self.lineMap = lineMap
    }

    public func sourceLine(_ markdownLine: Int) -> Int? {
        guard markdownLine >= 1, markdownLine <= lineMap.count else { return nil }
        return lineMap[markdownLine - 1]
    }
}

/// Turns body lines into Markdown that keeps the document's own numbering:
/// "I. MỤC ĐÍCH" becomes a section heading, "1. Công tác ..." a sub-heading
/// when it stands alone, and numbered paragraphs stay paragraphs with their
/// printed numbers instead of turning into renumbered lists. Paragraphs that
/// a page break cut in two are joined again.
public enum BodyShaper {
    public static func shape(_ lines: [SourceLine]) -> ShapedMarkdown {
        let paragraphs = joinBrokenParagraphs(SourceLine.paragraphs(lines[...]))
        // each paragraph's heading kind is read once, for this test and for writing it out
        let kinds = paragraphs.map(sectionHeading)
        let hasRomanSections = kinds.contains(.roman)
        var text = ""
        var map: [Int] = []
        // Room for all it can grow to, so that it never grows: a string that outgrows what it reserved doubles,
        // and each body would keep up to twice its size in memory until it is rendered. Per line its newline and
        // the space of a join; per paragraph its blank line and "### " or the "**" of an article (at most 5).
        text.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 7 })
        for (paragraph, kind) in zip(paragraphs, kinds) {
            if !text.isEmpty { text += "\n"; map.append(paragraph[0].number) }
            for (i, line) in paragraph.enumerated() {
                var out = line.text
                if i == 0 {
                    switch kind {
                    case .roman?: out = "## " + LineText.clean(out)
                    case .arabic?: out = (hasRomanSections ? "### " : "## ") + LineText.clean(out)
                    default: out = escapeNumbering(out)
                    }
                }
                text += out
                text += "\n"
                map.append(line.number)
            }
        }
        return ShapedMarkdown(text: text, lineMap: map)
    }

    /// A one-line paragraph that titles a section: "I. MỤC ĐÍCH, YÊU CẦU" or
    /// "2. Công tác chỉ đạo" (no end punctuation, not too long).
    static func sectionHeading(_ paragraph: [SourceLine]) -> LineText.NumberingKind? {
        guard paragraph.count == 1, paragraph[0].text.utf8.count <= 800,
              let first = paragraph[0].text.utf8.first, mayOpenSectionHeading(first) else { return nil }
        if isRuledOutByItsBytes(paragraph[0].text, first: first) { return nil }
        return sectionHeadingByCleaning(paragraph[0].text)
    }

    /// `"0123456789IVXLC*_#".utf8.contains(byte)`, without iterating the literal's bytes for every paragraph.
    static func mayOpenSectionHeading(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "L"), UInt8(ascii: "C"),
             UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "#"): return true
        default: return false
        }
    }

    static func sectionHeadingByCleaning(_ line: String) -> LineText.NumberingKind? {
        let clean = LineText.clean(line)
        guard let (marker, kind) = LineText.numbering(clean) else { return nil }
        switch kind {
        case .roman:
            let title = String(clean.dropFirst(marker.count).drop(while: { $0 == " " }))
            guard !title.isEmpty else { return nil }
            // without a colon byte there is no ":" Character to split at, and the title is kept whole
            let beforeColon = title.utf8.contains(0x3A) ? title.split(separator: ":", maxSplits: 1).first.map(String.init) ?? title : title
            return VietnameseText.isUpperCase(beforeColon) && LineText.hasAtMost(200, clean) ? .roman : nil
        case .arabic:
            // The title after the marker and its spaces is not empty: a byte other than a space follows the marker's
            // bytes (the marker is the line's first Characters, and a run of spaces alone is a run of " " Characters).
            guard clean.utf8.dropFirst(marker.utf8.count).contains(where: { $0 != 0x20 }) else { return nil }
            guard clean.utf8.count <= 700, let last = LineText.lastMeaningful(clean), !".;:,".unicodeScalars.contains(last) else {
                return nil
            }
            return .arabic
        case .letter:
            return nil
        }
    }

    /// Most paragraphs asked about open with a word in capitals ("Các", "Công", "Căn cứ") or are numbered ones that
    /// end their sentence; both are told from the line's bytes, without cleaning a copy of it. A line that opens
    /// with a letter or a digit starts its cleaned form unchanged, up to the first "*" or "_" (cleaning drops only
    /// spaces, "\\", "*" and "_" there), and keeps its last character that means anything (`lastMeaningful`).
    /// - A digit opens only an arabic heading, which never ends with punctuation.
    /// - "I", "V", "X", "L", "C" open a numbering only when their run is followed by "." (`isRomanCapitalsWithoutDot`),
    ///   and the byte after the run is the cleaned line's unless it is "*" or "_" (or a space or "\\" cut at its end).
    static func isRuledOutByItsBytes(_ line: String, first: UInt8) -> Bool {
        if first >= 0x30 && first <= 0x39 {
            guard let last = LineText.lastMeaningful(line) else { return false }
            return last == "." || last == ";" || last == ":" || last == ","
        }
        guard LineText.isRomanCapital(first) else { return false }
        for byte in line.utf8 where !LineText.isRomanCapital(byte) {
            return byte != UInt8(ascii: ".") && byte != UInt8(ascii: "*") && byte != UInt8(ascii: "_")
        }
        return true
    }

    /// "1. text" and "1) text" would become a renumbered ordered list; the
    /// printed number is part of the text, so the marker is escaped.
    /// "Điều 1." opens an article and is set in bold, as printed.
    static func escapeNumbering(_ line: String) -> String {
        // A line whose first byte is ASCII starts with a Character that is not "Đ" (which nothing decomposes into).
        if line.utf8.first.map({ $0 >= 0x80 }) == true, line.hasPrefix("Điều "), let dot = line.firstIndex(of: "."),
           line[line.index(line.startIndex, offsetBy: 5)..<dot].allSatisfy({ $0.isNumber }),
           line.distance(from: line.startIndex, to: dot) <= 9 {
            return "**" + line[...dot] + "**" + line[line.index(after: dot)...]
        }
        guard let (marker, kind) = LineText.numbering(line), kind == .arabic, marker.last != "-" else { return line }
        return String(marker.dropLast()) + "\\" + String(marker.last!) + line.dropFirst(marker.count)
    }

    /// Joins paragraphs that a page break split: the second starts lower case,
    /// or the first is a long running paragraph with no end punctuation. Headings,
    /// tables, lines in capitals and Markdown blocks (fenced code, quotes, lists
    /// written with `*` or `+`) are never joined. The growing line is appended
    /// to in place and its case kept as a tally, so that thousands of joins stay
    /// linear in the text's length.
    static func joinBrokenParagraphs(_ paragraphs: [[SourceLine]]) -> [[SourceLine]] {
        let fenced = MarkdownBlocks.fencedLines(paragraphs.flatMap { $0 })
        var out: [[SourceLine]] = []
        out.reserveCapacity(paragraphs.count)
        // The last line's case is tallied only when a join is asked about it past its end punctuation (most lines end
        // a sentence and are never tallied); a tally is the same whether taken at once or added to piece by piece.
        var lastCase: VietnameseText.CaseTally?
        var lastIsFenced = false
        var offset = 0
        for paragraph in paragraphs {
            defer { offset += paragraph.count }
            let isFenced = paragraph.indices.contains { fenced[offset + $0] }
            guard let first = paragraph.first, !out.isEmpty, !isFenced, !lastIsFenced,
                  isJoinable(out[out.count - 1], lastCase: &lastCase, next: first) else {
                out.append(paragraph)
                lastIsFenced = isFenced
                lastCase = nil
                continue
            }
            let p = out.count - 1, l = out[p].count - 1
            out[p][l].text += " "
            out[p][l].text += first.text
            lastCase?.add(" ")
            lastCase?.add(first.text)
            if paragraph.count > 1 {
                out[p].append(contentsOf: paragraph.dropFirst())
                lastCase = nil
            }
        }
        return out
    }

    /// Whether the next paragraph carries on the last line of `previous`, cut by a page break. The last line's case
    /// is tallied when first needed, and kept for the lines joined to it.
    static func isJoinable(_ previous: [SourceLine], lastCase: inout VietnameseText.CaseTally?, next: SourceLine) -> Bool {
        let last = previous[previous.count - 1]
        // Every test but the last two says no, and each is pure: the cheapest and most common (a paragraph ends
        // its sentence) comes first, before the line's case is tallied.
        if LineText.endsSentence(last.text) { return false }
        let tally = lastCase ?? VietnameseText.CaseTally(last.text)
        lastCase = tally
        if tally.isUpperCase { return false }
        if LineText.hasASCIIPrefix(last.text, "|") || LineText.hasASCIIPrefix(next.text, "|") || LineText.hasASCIIPrefix(last.text, "#")
            || LineText.hasASCIIPrefix(next.text, "#") { return false }
        if MarkdownBlocks.opensBlock(previous[0].text) || MarkdownBlocks.endsBlock(last.text) { return false }
        if MarkdownBlocks.opensBlock(next.text) { return false }
        if LineText.isBullet(next.text) || VietnameseText.isUpperCase(next.text) { return false }
        // the line is cleaned only when its first text byte may start a numbering
        if LineText.mayOpenNumbering(firstByte: LineText.firstTextByte(next.text)), LineText.numbering(LineText.head(next.text)) != nil {
            return false
        }
        if LineText.isRecipientsOrSignatureLike(next.text) { return false }
        if sectionHeading(previous) != nil { return false }
        if VietnameseText.startsLowerCase(next.text) { return true }
        // A long item cut at a page end, continued with a capitalised proper noun.
        let opensWithNumber = previous.count == 1 && LineText.numbering(LineText.head(previous[0].text)) != nil
        return !opensWithNumber && last.text.utf8.count >= 200
    }
}

extension LineText {
    static func isRecipientsOrSignatureLike(_ line: String) -> Bool {
        // Both labels start with a capital that the cleaned line would start with (see `firstTextByte`). A non-ASCII
        // start is read in full: the Kelvin sign (U+212A) is canonically equivalent to "K".
        let first = LineText.firstTextByte(line)
        if first == UInt8(ascii: "N") || first == UInt8(ascii: "K") || first.map({ $0 >= 0x80 }) == true {
            let head = LineText.head(line)
            if head.hasPrefix("Nơi nhận") || head.hasPrefix("Kính gửi") { return true }
        }
        return LayoutRecognizer.isAppendixHeading(line)
    }
}

import Foundation
