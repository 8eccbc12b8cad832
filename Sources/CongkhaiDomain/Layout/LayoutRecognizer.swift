/// Reads a document's metadata from its printed layout, the way a clerk
/// reads a paper document: top block, heading, body, footer.
public struct LayoutRecognizer: Sendable {
    public let types: DocumentTypeTable

    public init(types: DocumentTypeTable) {
        self.types = types
    }

    public func recognize(_ text: Substring, firstLine: Int) -> PrintedLayout {
        var layout = PrintedLayout()
        var lines = SourceLine.lines(of: text, firstLine: firstLine)
        if PDFUnwrapper.looksUnwrapped(lines) {
            lines = PDFUnwrapper.unwrap(lines)
            layout.wasUnwrapped = true
        }
        lines = expandHeaderTable(lines)
        var cursor = readHeader(lines, into: &layout)
        cursor = readHeading(lines, from: cursor, into: &layout)
        let footer = readFooter(lines, from: cursor, into: &layout)
        let bodyEnd = footer?.start ?? lines.count
        var body = Array(lines[cursor..<bodyEnd])
        var trailing = footer.map { Array(lines[$0.end...]) } ?? []
        // An appendix written before the footer still belongs after the signature.
        if let split = body.firstIndex(where: { $0.startsParagraph && Self.isAppendixHeading($0.text) }) {
            trailing = Array(body[split...]) + trailing
            body = Array(body[..<split])
        }
        layout.body = body
        layout.appendices = Self.splitAppendices(trailing)
        return layout
    }

    // MARK: header

    /// Word's two-column header table, converted to a pipe table: its cells become lines.
    func expandHeaderTable(_ lines: [SourceLine]) -> [SourceLine] {
        guard let first = lines.first, first.text.hasPrefix("|") else { return lines }
        var out: [SourceLine] = []
        var index = 0
        while index < lines.count, lines[index].text.hasPrefix("|") {
            let row = lines[index]
            let cells = row.text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if !cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) {
                for cell in cells where !cell.isEmpty {
                    for part in cell.components(separatedBy: "<br>") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                        out.append(SourceLine(part.trimmingCharacters(in: .whitespaces), number: row.number, startsParagraph: true))
                    }
                }
            }
            index += 1
        }
        return out + lines[index...]
    }

    /// Consumes the issuing body, motto, number and place-and-date lines;
    /// returns the index of the first line after them.
    func readHeader(_ lines: [SourceLine], into layout: inout PrintedLayout) -> Int {
        var issuerLines: [String] = []
        var sawNumberOrDate = false
        var index = 0
        while index < lines.count, index < 24 {
            let clean = LineText.clean(lines[index].text)
            if clean.isEmpty || LineText.isMotto(clean) || LineText.isSeparator(clean) { index += 1; continue }
            if let rest = Self.numberLine(clean) {
                readNumber(rest, line: lines[index].number, into: &layout)
                sawNumberOrDate = true
                index += 1
                continue
            }
            if clean.count < 120, let dateLine = OfficialDateLine.find(in: clean) {
                layout.metadata.place = dateLine.place
                layout.metadata.date = dateLine.date
                sawNumberOrDate = true
                index += 1
                continue
            }
            if types.matchHeading(clean) != nil { break }
            // An official letter puts "V/v ..." under its number, often before the date line.
            if sawNumberOrDate, layout.metadata.title == nil, let subject = Self.subjectLine(clean) {
                var summary = [subject]
                index += 1
                while index < lines.count, !lines[index].startsParagraph, !isBodyStart(lines[index].text),
                      OfficialDateLine.find(in: LineText.clean(lines[index].text)) == nil {
                    summary.append(LineText.clean(lines[index].text)); index += 1
                }
                layout.metadata.title = summary.joined(separator: " ")
                continue
            }
            if !sawNumberOrDate, clean.count < 150, VietnameseText.isUpperCase(clean), !Self.isAppendixHeading(clean) {
                issuerLines.append(clean)
                index += 1
                continue
            }
            break
        }
        guard sawNumberOrDate || !issuerLines.isEmpty else { return 0 }
        // Only capitals and no number or date: a heading, not a header.
        if !sawNumberOrDate && issuerLines.count < 2 { return 0 }
        layout.hasHeader = true
        if let issuer = issuerLines.last {
            layout.metadata.issuer = issuer
            if issuerLines.count > 1 { layout.metadata.parentIssuer = issuerLines.dropLast().joined(separator: " ") }
        }
        return index
    }

    /// "Số: 545/KH-STTTT-VP" → "545/KH-STTTT-VP"; nil when the line is not a number line.
    static func numberLine(_ clean: String) -> String? {
        guard clean.hasPrefix("Số") else { return nil }
        let rest = clean.dropFirst(2)
        guard let f = rest.first, f == ":" || f == " " else { return nil }
        let value = rest.drop(while: { $0 == ":" || $0 == " " })
        // "Số liệu ..." is prose; a number line has a slash or nothing.
        guard value.isEmpty || value.contains("/") || value.first!.isNumber else { return nil }
        return String(value)
    }

    func readNumber(_ text: String, line: Int, into layout: inout PrintedLayout) {
        guard !text.isEmpty else { return }
        if let number = DocumentNumber.parse(text) {
            layout.metadata.number = number
        } else {
            layout.findings.append(.init(line: line, message: "the number '\(text)' is not understood",
                                         hint: "write it as printed, for example 'Số: 545/KH-STTTT-VP', or give 'number:' in front matter"))
        }
    }

    // MARK: heading and summary

    func readHeading(_ lines: [SourceLine], from start: Int, into layout: inout PrintedLayout) -> Int {
        guard start < lines.count else { return start }
        let first = LineText.clean(lines[start].text)
        var index = start
        if let (type, rest) = types.matchHeading(first), isHeadingLine(first, rest: rest, startsParagraph: lines[start].startsParagraph) {
            layout.metadata.type = type
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
            while !summary.isEmpty, index < lines.count, lines[index].text.count < 160,
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
        let headingPart = clean.prefix(clean.count - rest.count)
        return VietnameseText.isUpperCase(headingPart)
    }

    static func subjectLine(_ clean: String) -> String? {
        for prefix in ["V/v:", "V/v", "V/V", "Về việc:"] where clean.hasPrefix(prefix) {
            let rest = clean.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
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
        return LineText.isBullet(line) || LineText.numbering(clean) != nil || clean.hasPrefix("Kính gửi") || line.hasPrefix("|")
    }

    // MARK: footer

    /// Finds "Nơi nhận:" with its recipients and the signature block (or a
    /// signature alone at the end); returns where the footer starts and ends.
    func readFooter(_ lines: [SourceLine], from start: Int, into layout: inout PrintedLayout) -> (start: Int, end: Int)? {
        guard start < lines.count else { return nil }
        if let received = lines[start...].lastIndex(where: { Self.isRecipientsLine($0.text) }) {
            var index = received
            var recipients: [String] = []
            let afterLabel = LineText.clean(lines[index].text).drop(while: { $0 != ":" }).dropFirst().trimmingCharacters(in: .whitespaces)
            if !afterLabel.isEmpty { recipients.append(Self.recipient(afterLabel)) }
            index += 1
            while index < lines.count {
                let clean = LineText.clean(lines[index].text)
                let isItem = LineText.isBullet(lines[index].text) || LineText.isBullet(clean) || clean.hasSuffix(";") || clean.hasPrefix("Lưu")
                guard isItem else { break }
                recipients.append(Self.recipient(clean))
                index += 1
                if clean.drop(while: { "-+•* ".contains($0) }).hasPrefix("Lưu") { break }
            }
            layout.metadata.recipients = recipients.filter { !$0.isEmpty }
            if let end = readSignature(lines, from: index, into: &layout) {
                return (received, end)
            }
            // the signature may stand just before "Nơi nhận:" (two columns read left last)
            if let signatureStart = signatureBefore(lines, end: received, notBefore: start, into: &layout) {
                return (signatureStart, index)
            }
            return (received, index)
        }
        if let signatureStart = signatureBefore(lines, end: lines.count, notBefore: start, into: &layout) {
            return (signatureStart, lines.count)
        }
        return nil
    }

    static func isRecipientsLine(_ line: String) -> Bool {
        let clean = LineText.head(line, length: 20)
        return clean.hasPrefix("Nơi nhận") || clean.hasPrefix("NƠI NHẬN")
    }

    static func recipient(_ line: String) -> String {
        var s = Substring(line).drop(while: { "-+•*– ".contains($0) })
        while let l = s.last, l == ";" || l == "," || l == " " { s = s.dropLast() }
        if s.hasSuffix(".") && !s.hasSuffix("..") { s = s.dropLast() }
        return String(s)
    }

    /// Reads position lines and the signer's name starting at `start`; returns the index after the name.
    func readSignature(_ lines: [SourceLine], from start: Int, into layout: inout PrintedLayout) -> Int? {
        var index = start
        var positions: [String] = []
        while index < lines.count, positions.count < 5 {
            let clean = LineText.clean(lines[index].text)
            if Self.isSignatureNote(clean) { index += 1; continue }
            if Self.isPositionLine(clean) { positions.append(clean); index += 1; continue }
            if !positions.isEmpty, Self.isNameLine(clean) {
                layout.metadata.signerTitle = positions
                layout.metadata.signer = clean
                return index + 1
            }
            break
        }
        return nil
    }

    /// A signature block ending just before `end`: positions, notes, then the name.
    func signatureBefore(_ lines: [SourceLine], end: Int, notBefore: Int, into layout: inout PrintedLayout) -> Int? {
        var index = end - 1
        guard index >= notBefore, Self.isNameLine(LineText.clean(lines[index].text)) else { return nil }
        let name = LineText.clean(lines[index].text)
        index -= 1
        while index >= notBefore, Self.isSignatureNote(LineText.clean(lines[index].text)) { index -= 1 }
        var positions: [String] = []
        while index >= notBefore, positions.count < 4, Self.isPositionLine(LineText.clean(lines[index].text)) {
            positions.insert(LineText.clean(lines[index].text), at: 0)
            index -= 1
        }
        guard positions.contains(where: Self.hasAuthorityWord) else { return nil }
        layout.metadata.signerTitle = positions
        layout.metadata.signer = name
        return index + 1
    }

    static let authorityPrefixes = ["TM.", "T/M", "Q.", "KT.", "K/T", "TL.", "T/L", "TUQ.", "TUQ"]
    static let positionWords = ["GIÁM ĐỐC", "CHỦ TỊCH", "TRƯỞNG", "BÍ THƯ", "CHÁNH", "THỦ TRƯỞNG", "PHÓ", "ỦY VIÊN", "UỶ VIÊN", "TỔNG", "CỤC"]

    static func isPositionLine(_ clean: String) -> Bool {
        clean.count <= 80 && VietnameseText.isUpperCase(clean) && !isAppendixHeading(clean)
    }

    static func hasAuthorityWord(_ clean: String) -> Bool {
        authorityPrefixes.contains(where: { clean.hasPrefix($0) }) || positionWords.contains(where: { clean.contains($0) })
    }

    static func isSignatureNote(_ clean: String) -> Bool {
        let f = VietnameseText.fold(clean)
        return (f.hasPrefix("(") || f.hasPrefix("[")) && (f.contains("da ky") || f.contains("ky ten") || f.contains("dong dau") || f.contains("chu ky"))
    }

    /// "Nguyễn Văn An": two to six words, each starting with a capital, no digits or end punctuation.
    static func isNameLine(_ clean: String) -> Bool {
        let words = clean.split(separator: " ")
        guard (2...6).contains(words.count), clean.count <= 60 else { return false }
        guard !clean.contains(where: { $0.isNumber || ":;,/()".contains($0) }), !LineText.endsSentence(clean) else { return false }
        return words.allSatisfy { $0.first!.isUppercase && $0.first!.isLetter }
    }

    // MARK: appendices

    /// "PHỤ LỤC SỐ LIỆU", "Phụ lục I", "PHỤ LỤC 02": a short line opening an appendix.
    public static func isAppendixHeading(_ line: String) -> Bool {
        guard line.utf8.count <= 500, line.hasPrefix("P") || line.hasPrefix("*") || line.hasPrefix("#") || line.hasPrefix("_") else { return false }
        let clean = LineText.clean(line)
        guard clean.count <= 160 else { return false }
        if clean.hasPrefix("PHỤ LỤC") { return true }
        guard clean.hasPrefix("Phụ lục ") else { return false }
        let rest = clean.dropFirst("Phụ lục ".count)
        guard let f = rest.first else { return false }
        return (f.isUppercase || f.isNumber) && !LineText.endsSentence(clean)
    }

    static func splitAppendices(_ lines: [SourceLine]) -> [Appendix] {
        var out: [Appendix] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.startsParagraph || index == 0, isAppendixHeading(line.text) {
                var appendix = Appendix(title: LineText.clean(line.text), subtitle: nil, lines: [])
                index += 1
                // the title may run on ("PHỤ LỤC" / "SỐ LIỆU ...") and be followed by "(Kèm theo ...)"
                while index < lines.count, !lines[index].startsParagraph, VietnameseText.isUpperCase(LineText.clean(lines[index].text)) {
                    appendix.title += " " + LineText.clean(lines[index].text); index += 1
                }
                if index < lines.count, LineText.clean(lines[index].text).hasPrefix("(") {
                    var subtitle = LineText.clean(lines[index].text); index += 1
                    while index < lines.count, !lines[index].startsParagraph, !subtitle.hasSuffix(")") {
                        subtitle += " " + LineText.clean(lines[index].text); index += 1
                    }
                    appendix.subtitle = subtitle
                }
                out.append(appendix)
                continue
            }
            if out.isEmpty { out.append(Appendix(title: "", subtitle: nil, lines: [])) }
            var copy = line
            if out[out.count - 1].lines.isEmpty { copy.startsParagraph = true }
            out[out.count - 1].lines.append(copy)
            index += 1
        }
        return out.filter { !$0.lines.isEmpty || !$0.title.isEmpty }
    }
}

import Foundation
