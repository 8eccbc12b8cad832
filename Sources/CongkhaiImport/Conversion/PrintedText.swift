import CongkhaiDomain
import Foundation

/// Text read off printed pages, made into the Markdown a clerk would have
/// typed: page furniture dropped, the header and footer read column by
/// column, tables kept as tables, printed lines joined into paragraphs (by the
/// domain's `PDFUnwrapper`), words hyphenated across lines joined again.
public struct PrintedText: Sendable {
    public let types: DocumentTypeTable

    public init(types: DocumentTypeTable) {
        self.types = types
    }

    /// Pages as pdftotext -layout or the OCR step give them, separated by form feeds.
    public func markdown(fromPages text: String) -> String {
        let pages = PrintedPages.pages(Self.keepingSpaces(text))
        return markdown(fromLines: PrintedPages.withoutRunningLines(pages))
    }

    /// Text copied out of a PDF: a hard line break and a blank line after every
    /// printed line, so blank lines mean nothing and page breaks are lost.
    public func markdown(fromExtractedText text: String) -> String {
        var lines = Self.keepingSpaces(text).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var s = String(line)
            while s.hasSuffix(" ") || s.hasSuffix("\\") || s.hasSuffix("\u{0C}") { s.removeLast() }
            return s.replacingOccurrences(of: "\u{0C}", with: "")
        }
        lines = Self.withoutPageArtifacts(lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        return markdown(fromLines: lines)
    }

    /// Without page numbers and the lines repeated beside them (a running footer
    /// or header), which is all that marks a page break in copied text.
    static func withoutPageArtifacts(_ lines: [String]) -> [String] {
        let trimmed = lines.map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = Set(trimmed.indices.filter { PrintedPages.isPageNumber(trimmed[$0]) })
        var counts: [String: Int] = [:]
        for line in trimmed { counts[line, default: 0] += 1 }
        var running: Set<String> = []
        for index in numbers {
            for neighbour in [index - 1, index + 1] where trimmed.indices.contains(neighbour) {
                let line = trimmed[neighbour]
                if counts[line, default: 0] >= 2, !ColumnZones.isRecipient(line) { running.insert(line) }
            }
        }
        return lines.indices.filter { !numbers.contains($0) && !running.contains(trimmed[$0]) }.map { lines[$0] }
    }

    func markdown(fromLines lines: [String]) -> String {
        let headerEnd = ColumnZones.headerEnd(lines, types: types)
        let footer = ColumnZones.footerRange(lines).flatMap { $0.lowerBound >= headerEnd ? $0 : nil }
        var blocks: [String] = ColumnZones.header(lines[..<headerEnd]).map(Self.escapeLineStart)
        blocks += body(lines[headerEnd..<(footer?.lowerBound ?? lines.count)])
        if let footer {
            let footerLines = ColumnZones.footer(lines[footer])
            let recipients = footerLines.prefix { ColumnZones.isRecipient($0) || VietnameseText.fold($0).hasPrefix("noi nhan") }
            if let label = recipients.first { blocks.append(label) }
            if recipients.count > 1 { blocks.append(recipients.dropFirst().joined(separator: "\n")) }
            blocks += footerLines.dropFirst(recipients.count).map(Self.escapeLineStart)
            blocks += body(lines[footer.upperBound...])
        }
        return VietnameseText.normalize(blocks.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n")
    }

    /// NFC, but with runs of spaces (the gap between columns) and soft hyphens
    /// kept for the steps above; the result is normalised in full at the end.
    static func keepingSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0D: continue
            case 0x09, 0x00A0, 0x202F, 0x2007, 0x2009: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Prose unwrapped into paragraphs; rows of columns kept as a table.
    func body(_ lines: ArraySlice<String>) -> [String] {
        var blocks: [String] = []
        var prose: [String] = []
        var index = lines.startIndex
        func flushProse() {
            blocks += Self.unwrap(Self.joinHyphenated(prose))
            prose = []
        }
        while index < lines.endIndex {
            let rows = Self.tableRows(lines, from: index)
            if rows.count >= 2 {
                flushProse()
                blocks.append(Self.pipeTable(rows.map { ColumnZones.cells($0).map(\.text) }))
                index += rows.count
                continue
            }
            let clean = Self.collapseSpaces(lines[index])
            if !clean.isEmpty { prose.append(clean) }
            index += 1
        }
        flushProse()
        return blocks
    }

    /// Consecutive lines split into the same number (two or more) of columns.
    static func tableRows(_ lines: ArraySlice<String>, from start: Int) -> ArraySlice<String> {
        let width = ColumnZones.cells(lines[start]).count
        guard width >= 2 else { return [] }
        var end = start
        while end < lines.endIndex, ColumnZones.cells(lines[end]).count == width { end += 1 }
        return lines[start..<end]
    }

    static func pipeTable(_ rows: [[String]]) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        let width = rows[0].count
        return ([row(rows[0]), "|" + String(repeating: "---|", count: width)] + rows.dropFirst().map(row)).joined(separator: "\n")
    }

    static func collapseSpaces(_ line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// "an toàn thông tin mạng trên địa bàn" cut as "…trên đị-" / "a bàn": a soft
    /// hyphen at a line end is the typesetter's and goes; a hard hyphen after a
    /// letter or digit ("Covid-" / "19", "19-" / "CT/TU") is kept, without a space.
    static func joinHyphenated(_ lines: [String]) -> [String] {
        var out: [String] = []
        var pending: String?
        for line in lines {
            guard let carried = pending else {
                pending = line
                continue
            }
            let next = line.first
            if carried.hasSuffix("\u{00AD}"), let next, next.isLetter {
                pending = String(carried.dropLast()) + line
            } else if carried.hasSuffix("-"), carried.count >= 2, let before = carried.dropLast().last,
                      before.isLetter || before.isNumber, let next, next.isLetter || next.isNumber, !LineText.isBulletStart(line) {
                pending = carried + line
            } else {
                out.append(carried)
                pending = line
            }
        }
        if let pending { out.append(pending) }
        return out
    }

    static func unwrap(_ lines: [String]) -> [String] {
        guard !lines.isEmpty else { return [] }
        let source = lines.enumerated().map { SourceLine($0.element, number: $0.offset + 1, startsParagraph: true) }
        return PDFUnwrapper.unwrap(source).map { escapeLineStart($0.text) }
    }

    /// A printed line that Markdown would read as markup ("# ", "> ", "* ").
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first, "#>*+=`~<".contains(first) else { return line }
        if first == "+" || first == "*", line.dropFirst().first == " " { return "- " + line.dropFirst(2) }
        return "\\" + line
    }
}

enum LineText {
    static func isBulletStart(_ line: String) -> Bool {
        guard let f = line.first, "-+•–".contains(f) else { return false }
        return line.dropFirst().first == " "
    }
}
