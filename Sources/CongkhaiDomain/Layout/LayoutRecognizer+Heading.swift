/// The type heading ("BÁO CÁO") and the summary (trích yếu), or an official
/// letter's "V/v ..." line.
extension LayoutRecognizer {
    func readHeading(_ lines: [SourceLine], from start: Int, into layout: inout PrintedLayout) -> Int {
        guard start < lines.count else { return start }
        let first = LineText.clean(lines[start].text)
        var index = start
        if let (type, rest) = types.matchHeading(first), isHeadingLine(first, rest: rest, startsParagraph: lines[start].startsParagraph) {
            layout.metadata.type = type
            layout.typeHeadingLine = lines[start].number
            index += 1
            var summary: [String] = []
            if !rest.isEmpty, !VietnameseText.isUpperCase(rest) { summary.append(LineText.clean(rest)) }
            // the rest of the same paragraph
            while index < lines.count, !lines[index].startsParagraph, !isBodyStart(lines[index].text) {
                summary.append(LineText.clean(lines[index].text)); index += 1
            }
            if summary.isEmpty, index < lines.count, isSummaryLike(lines, at: index) {
                summary.append(LineText.clean(lines[index].text)); index += 1
                while index < lines.count, !lines[index].startsParagraph, !isBodyStart(lines[index].text) {
                    summary.append(LineText.clean(lines[index].text)); index += 1
                }
            }
            // a summary broken over paragraphs: the next part starts lower case
            while !summary.isEmpty, index < lines.count, lines[index].text.utf8.count < 160 || lines[index].text.count < 160,
                  VietnameseText.startsLowerCase(lines[index].text), !isBodyStart(lines[index].text) {
                summary.append(LineText.clean(lines[index].text)); index += 1
            }
            if !summary.isEmpty { layout.metadata.title = summary.joined(separator: " ") }
            return index
        }
        if layout.metadata.title == nil, let subject = Self.subjectLine(first) {
            // An official letter: no type heading, the summary follows "V/v".
            var summary = [subject]
            index += 1
            while index < lines.count, !lines[index].startsParagraph, !isBodyStart(lines[index].text) {
                summary.append(LineText.clean(lines[index].text)); index += 1
            }
            layout.metadata.title = summary.joined(separator: " ")
            return index
        }
        if !layout.hasHeader, lines[start].text.hasPrefix("# ") {
            layout.metadata.title = first
            return start + 1
        }
        return start
    }

    /// A heading line is the type name alone, or followed by its summary on the
    /// same line ("KẾ HOẠCH **Thực hiện ...**"), never a body sentence that
    /// happens to start with the word ("Kế hoạch này ...").
    func isHeadingLine(_ clean: String, rest: String, startsParagraph: Bool) -> Bool {
        guard startsParagraph else { return false }
        // a heading alone on its line is the whole line, without counting its Characters twice
        if rest.isEmpty { return VietnameseText.isUpperCase(clean) }
        let headingPart = clean.prefix(clean.count - rest.count)
        return VietnameseText.isUpperCase(headingPart)
    }

    static func subjectLine(_ clean: String) -> String? {
        for prefix in ["V/v:", "V/v", "V/V", "Về việc:"] where clean.hasPrefix(prefix) {
            let rest = clean.dropFirst(prefix.count).trimmingScalars(in: .whitespaces)
            if !rest.isEmpty { return prefix.hasPrefix("V/") ? "V/v " + rest : rest }
        }
        return nil
    }

    /// Whether the paragraph at `index` reads like a summary (trích yếu), not the body.
    func isSummaryLike(_ lines: [SourceLine], at index: Int) -> Bool {
        let text = LineText.clean(lines[index].text)
        guard text.count <= 300, !text.hasSuffix(":"), !isBodyStart(lines[index].text) else { return false }
        return !VietnameseText.isUpperCase(text)
    }

    func isBodyStart(_ line: String) -> Bool {
        let clean = LineText.head(line)
        return LineText.isBullet(line) || LineText.numbering(clean) != nil || clean.hasPrefix("Kính gửi")
            || LineText.hasASCIIPrefix(line, "|")
    }
}

import Foundation
