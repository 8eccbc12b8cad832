/// Text extracted from PDF comes with a hard line break and a blank line
/// after every printed line, so each printed line would render as a paragraph
/// of its own. This step joins printed lines back into paragraphs, keeping
/// apart what really starts a new block: list items, numbered sections,
/// headings in capitals and the parts of the printed header and footer.
public enum PDFUnwrapper {
    /// Whether most printed lines end with a hard break, or break sentences
    /// across "paragraphs" so often that the blank lines cannot be real.
    public static func looksUnwrapped(_ lines: [SourceLine]) -> Bool {
        guard lines.count >= 8 else { return false }
        let hardBreaks = lines.filter { LineText.hasASCIISuffix($0.text, "  ") || LineText.hasASCIISuffix($0.text, "\\") }.count
        if hardBreaks * 2 >= lines.count { return true }
        var boundaries = 0
        var broken = 0
        for i in 1..<lines.count where lines[i].startsParagraph {
            boundaries += 1
            let previous = lines[i - 1].text
            // both pure: the cheaper one, which rules out most boundaries (a capital opens them), is asked first
            if VietnameseText.startsLowerCase(lines[i].text), !LineText.endsSentence(previous) { broken += 1 }
        }
        // The seeds' Word conversions break a few sentences at page ends;
        // PDF text breaks a third or more of them.
        return boundaries >= 8 && broken * 10 >= boundaries * 3
    }

    /// Joins printed lines into paragraphs. Fenced code is kept line for line.
    /// The paragraph being built is appended to in place: building it by
    /// concatenation copied it once per printed line (quadratic in its length).
    public static func unwrap(_ lines: [SourceLine]) -> [SourceLine] {
        let fenced = MarkdownBlocks.fencedLines(lines)
        let printed = lines.enumerated().map { i, line -> String in
            var text = line.text
            while !fenced[i], text.hasSuffix(" ") || text.hasSuffix("\\") { text.removeLast() }
            return text
        }
        // A printed line well short of the full width ends its paragraph
        // (a centred title, the last line of a paragraph).
        let lengths = printed.map(\.utf8.count).sorted()
        let fullWidth = lengths[lengths.count * 4 / 5]
        var out: [SourceLine] = []
        var current: SourceLine?
        var previousPrinted = ""
        var previousFenced = false
        for (i, (line, text)) in zip(lines, printed).enumerated() {
            defer { previousPrinted = text; previousFenced = fenced[i] }
            let short = previousPrinted.utf8.count * 10 < fullWidth * 7
            if current != nil, !fenced[i], !previousFenced, continues(previousPrinted, with: text, previousIsShort: short) {
                glue(&current!.text, text)
                continue
            }
            if let done = current { out.append(done) }
            current = SourceLine(text, number: line.number, startsParagraph: fenced[i] ? line.startsParagraph : true)
        }
        if let done = current { out.append(done) }
        return out
    }

    /// Whether `next` carries on the paragraph that `previous` is part of.
    static func continues(_ previous: String, with next: String, previousIsShort: Bool = false) -> Bool {
        if startsBlock(next) || MarkdownBlocks.endsBlock(previous) || previous.hasPrefix(">") { return false }
        let cleanPrevious = LineText.clean(previous)
        if VietnameseText.isUpperCase(cleanPrevious) || previous.hasPrefix("|") { return false }
        if isHeaderOrFooterLine(cleanPrevious) { return false }
        if VietnameseText.startsLowerCase(next) { return true }
        return !previousIsShort && !LineText.endsSentence(previous)
    }

    /// Lines that begin a block whatever stands before them.
    static func startsBlock(_ line: String) -> Bool {
        if MarkdownBlocks.opensBlock(line) { return true }
        let clean = LineText.clean(line)
        if clean.isEmpty || line.hasPrefix("|") || line.hasPrefix("#") { return true }
        if LineText.isBullet(line) || LineText.numbering(clean) != nil { return true }
        if VietnameseText.isUpperCase(clean) { return true }
        return isHeaderOrFooterLine(clean)
    }

    static func isHeaderOrFooterLine(_ clean: String) -> Bool {
        if clean.hasPrefix("Số:") || clean.hasPrefix("V/v") || clean.hasPrefix("Kính gửi") || clean.hasPrefix("Nơi nhận") { return true }
        if LineText.isMotto(clean) { return true }
        return clean.count < 80 && OfficialDateLine.find(in: clean) != nil
    }

    /// Joins two printed lines; an identifier cut after its hyphen or slash
    /// ("19-" / "CT/TU") is glued back without a space.
    static func glue(_ a: inout String, _ b: String) {
        let chars = Array(a.suffix(2))
        let cutIdentifier = chars.count == 2 && (chars[1] == "-" || chars[1] == "/") && (chars[0].isLetter || chars[0].isNumber)
        if !(cutIdentifier && b.first.map { $0.isUppercase || $0.isNumber } == true) { a += " " }
        a += b
    }
}
