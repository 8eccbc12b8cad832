/// Reads a document's metadata from its printed layout, the way a clerk
/// reads a paper document: top block, heading, body, footer.
public struct LayoutRecognizer: Sendable {
    public let types: DocumentTypeTable
    /// The ASCII bytes a line may open with and still start with a type heading; nil when any byte may.
    let headingOpenings: Set<UInt8>?

    public init(types: DocumentTypeTable) {
        self.types = types
        self.headingOpenings = Self.headingOpenings(types)
    }

    /// Upper-casing a header line to try it against every heading was most of reading a header. A line whose first
    /// byte is ASCII starts, upper-cased, with that byte's capital (case maps scalar by scalar); its first Character
    /// equals a heading's first Character only when both decompose to the same scalars, so the heading's decomposed
    /// first scalar must be that capital. An empty heading starts every line: then every line is tried.
    static func headingOpenings(_ types: DocumentTypeTable) -> Set<UInt8>? {
        var openings = Set<UInt8>()
        for (heading, _) in types.headings {
            guard let first = heading.first else { return nil }
            guard let lead = String(first).decomposedStringWithCanonicalMapping.unicodeScalars.first else { return nil }
            if lead.isASCII { openings.insert(UInt8(lead.value)) }
        }
        return openings
    }

    /// `types.matchHeading(clean) != nil`, answered no at once when the line's first byte rules out every heading.
    func matchesHeading(_ clean: String) -> Bool {
        if let openings = headingOpenings, let first = clean.utf8.first, first < 0x80 {
            let capital = (0x61...0x7A).contains(first) ? first - 0x20 : first
            guard openings.contains(capital) else { return false }
        }
        return types.matchHeading(clean) != nil
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

    /// Word's two-column header table, converted to a pipe table: its cells become
    /// lines, a cell holding several printed lines run together is split back
    /// into them. A two-column "Kính gửi:" table just below is read the same way.
    func expandHeaderTable(_ lines: [SourceLine]) -> [SourceLine] {
        var out: [SourceLine] = []
        var index = 0
        var expanded = false
        while index < lines.count {
            let isTable = LineText.hasASCIIPrefix(lines[index].text, "|")
            let isAddressTable = isTable && Self.isAddressTable(lines[index].text)
            guard isTable, (index == 0 && !expanded) || isAddressTable else {
                // only the opening table and "Kính gửi" tables near the top are a header's
                if index >= 40 { break }
                out.append(lines[index]); index += 1; continue
            }
            expanded = true
            let tableStart = index
            while index < lines.count, LineText.hasASCIIPrefix(lines[index].text, "|"),
                  index == tableStart || !lines[index].startsParagraph {
                let row = lines[index]
                let cells = row.text.split(separator: "|").map { $0.trimmingScalars(in: .whitespaces) }
                if !cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) {
                    for cell in cells where !cell.isEmpty {
                        let parts = isAddressTable ? Self.addressLines(cell) : HeaderCell.lines(cell)
                        for part in parts {
                            out.append(SourceLine(part, number: row.number, startsParagraph: true))
                        }
                    }
                }
                index += 1
            }
        }
        return out + lines[index...]
    }

    static func isAddressTable(_ row: String) -> Bool {
        row.dropFirst().drop(while: { $0 == " " }).hasPrefix("Kính gửi")
    }

    /// "- Sở Tài chính; - Sở Nội vụ." → one line per addressee.
    static func addressLines(_ cell: String) -> [String] {
        guard !cell.hasPrefix("Kính gửi") else { return [cell] }
        let items = cell.components(separatedBy: "<br>").flatMap { $0.components(separatedBy: "; -") }
        return items.enumerated().map { i, item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            return (i == 0 || trimmed.hasPrefix("-") ? "" : "- ") + trimmed + (i < items.count - 1 && !trimmed.hasSuffix(";") ? ";" : "")
        }
    }

    /// Consumes the issuing body, motto, number and place-and-date lines;
    /// returns the index of the first line after them. Header lines are short:
    /// a long line ends the header without being read whole, so that a huge
    /// first paragraph costs no more than its first lines.
    func readHeader(_ lines: [SourceLine], into layout: inout PrintedLayout) -> Int {
        var issuerLines: [String] = []
        var sawNumberOrDate = false
        var index = 0
        while index < lines.count, index < 24 {
            guard lines[index].text.utf8.count <= Self.headerLineLimit else { break }
            let clean = LineText.clean(lines[index].text)
            if clean.isEmpty || LineText.isMotto(clean) || LineText.isSeparator(clean) || LineText.isDecoration(clean) {
                index += 1
                continue
            }
            if let rest = Self.numberLine(clean) {
                readNumber(rest, line: lines[index].number, into: &layout)
                layout.sawNumberLine = true
                sawNumberOrDate = true
                index += 1
                continue
            }
            // fewer bytes than the limit are fewer Characters too, without counting them
            let isShort = clean.utf8.count < 120 || clean.count < 120
            if isShort, let dateLine = OfficialDateLine.find(in: clean) {
                layout.metadata.place = dateLine.place
                layout.metadata.date = dateLine.date
                if let problem = dateLine.problem {
                    layout.findings.append(.init(line: lines[index].number, problem.key, problem.arguments))
                }
                sawNumberOrDate = true
                index += 1
                continue
            }
            // `looksIntended` asks for a short line that `find` cannot read, which is known by now
            let isHeading = matchesHeading(clean)
            if !isHeading, isShort, OfficialDateLine.looksIntended(shortLineWithoutDate: clean) {
                layout.findings.append(.init(line: lines[index].number, .placeDateUnreadable, ["value": clean]))
                sawNumberOrDate = true
                index += 1
                continue
            }
            if isHeading { break }
            // An official letter puts its summary ("V/v ...", "Về ...") under its number, often before the date line.
            if sawNumberOrDate, layout.metadata.title == nil, let subject = Self.subjectLine(clean) ?? Self.aboutLine(clean) {
                var summary = [subject]
                index += 1
                while index < lines.count, summary.count < Self.summaryLineLimit, !lines[index].startsParagraph,
                      lines[index].text.utf8.count <= Self.headerLineLimit, !isBodyStart(lines[index].text),
                      OfficialDateLine.find(in: LineText.clean(lines[index].text)) == nil {
                    summary.append(LineText.clean(lines[index].text)); index += 1
                }
                layout.metadata.title = summary.joined(separator: " ")
                continue
            }
            if !sawNumberOrDate, clean.utf8.count < 150 || clean.count < 150, VietnameseText.isUpperCase(clean),
               !Self.isAppendixHeading(clean) {
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

    /// Bytes beyond which a line is body text, never a header line.
    static let headerLineLimit = 600
    /// A summary runs over a few printed lines, never a whole page.
    static let summaryLineLimit = 12

    /// "Về tăng cường ..." between the number and the date line: a letter's summary without "V/v".
    static func aboutLine(_ clean: String) -> String? {
        guard clean.hasPrefix("Về "), LineText.hasAtMost(300, clean) else { return nil }
        return clean
    }

    /// "Số: 545/KH-STTTT-VP" → "545/KH-STTTT-VP"; nil when the line is not a number line.
    static func numberLine(_ clean: String) -> String? {
        // "S" is a Character of its own spelling only: a line whose first byte is another starts otherwise
        guard clean.utf8.first == UInt8(ascii: "S"), clean.hasPrefix("Số") else { return nil }
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
            if let problem = number.yearProblem {
                layout.findings.append(.init(line: line, problem.key, problem.arguments))
            }
        } else {
            layout.findings.append(.init(line: line, .numberNotUnderstood, ["value": text]))
        }
    }
}

import Foundation
