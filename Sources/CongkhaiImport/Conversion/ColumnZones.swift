import CongkhaiDomain
import Foundation

/// The printed header and footer stand in two columns side by side; text
/// read from the page (pdftotext -layout, Tesseract keeping spaces) gives each
/// row as one line with a wide gap between the columns, and plain extraction
/// interleaves them. Layout recognition reads a column at a time, so these
/// zones are rewritten as the left column's lines, then the right column's.
enum ColumnZones {
    /// Three spaces or more separate two columns; justified prose has at most two.
    static func cells(_ line: String) -> [(text: String, column: Int)] {
        var out: [(String, Int)] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (offset, c) in line.enumerated() {
            if c == " " || c == "\t" {
                spaces += 1
                continue
            }
            if spaces >= 3 || current.isEmpty {
                if !current.isEmpty { out.append((current, start)) }
                current = ""
                start = offset
            } else if spaces > 0 {
                current += " "
            }
            spaces = 0
            current.append(c)
        }
        if !current.isEmpty { out.append((current, start)) }
        // a list marker set apart from its text ("-     Lưu: VT.") is not a column
        var merged: [(String, Int)] = []
        for cell in out {
            if let last = merged.last, ["-", "+", "•", "–"].contains(last.0) {
                // OCR reads a long marker as two: "-   — Như trên;"
                let text = cell.0.hasPrefix("— ") || cell.0.hasPrefix("– ") ? String(cell.0.dropFirst(2)) : cell.0
                merged[merged.count - 1] = (last.0 + " " + text, last.1)
            } else {
                merged.append(cell)
            }
        }
        return merged
    }

    static func hasGap(_ line: String) -> Bool { cells(line).count >= 2 }

    /// The header: lines before the type heading, "Kính gửi" or the first
    /// paragraph, among the first lines of the text. Returns its end.
    static func headerEnd(_ lines: [String], types: DocumentTypeTable) -> Int {
        var lastHeaderLine = -1
        var sawNumberOrDate = false
        var index = 0
        var seen = 0
        while index < lines.count, seen < 16 {
            let clean = lines[index].trimmingCharacters(in: .whitespaces)
            defer { index += 1 }
            if clean.isEmpty { continue }
            seen += 1
            let parts = cells(lines[index])
            // three columns or more: a table, never the header
            if parts.count > 2 { break }
            if parts.contains(where: { isHeaderLine($0.text) }) {
                sawNumberOrDate = true
                lastHeaderLine = index
                continue
            }
            // "V/v ..." wraps onto a second line under the number
            if lastHeaderLine >= 0, isSubjectContinuation(lines, at: index) { lastHeaderLine = index; continue }
            if types.matchHeading(clean) != nil || clean.hasPrefix("Kính gửi") { break }
            if parts.allSatisfy({ VietnameseText.isUpperCase($0.text) && $0.text.count < 90 }) { lastHeaderLine = index; continue }
            break
        }
        return sawNumberOrDate ? lastHeaderLine + 1 : 0
    }

    static func isHeaderLine(_ clean: String) -> Bool {
        let folded = VietnameseText.fold(clean)
        return clean.hasPrefix("Số:") || clean.hasPrefix("V/v") || folded.hasPrefix("cong hoa xa hoi chu nghia")
            || folded.hasPrefix("doc lap - tu do") || (clean.count < 90 && OfficialDateLine.find(in: clean) != nil)
    }

    static func isSubjectContinuation(_ lines: [String], at index: Int) -> Bool {
        let previous = lines[..<index].last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? ""
        let clean = lines[index].trimmingCharacters(in: .whitespaces)
        return lastSubject(previous) && VietnameseText.startsLowerCase(clean)
    }

    private static func lastSubject(_ line: String) -> Bool {
        cells(line).contains { $0.text.hasPrefix("V/v") } || cells(line).first.map { VietnameseText.startsLowerCase($0.text) } == true
    }

    /// The header's lines, left column first; a wrapped "V/v" line is joined again.
    static func header(_ lines: ArraySlice<String>) -> [String] {
        let split = splitColumn(lines)
        var left: [String] = [], right: [String] = []
        for line in lines {
            let parts = cells(line)
            guard !parts.isEmpty else { continue }
            if parts.count >= 2 {
                left.append(parts[0].text)
                right.append(parts.dropFirst().map(\.text).joined(separator: " "))
            } else if let split, parts[0].column >= split - 2 {
                right.append(parts[0].text)
            } else if split == nil || parts[0].text.hasPrefix("V/v") || VietnameseText.startsLowerCase(parts[0].text) {
                isHeaderRight(parts[0].text) ? right.append(parts[0].text) : left.append(parts[0].text)
            } else {
                left.append(parts[0].text)
            }
        }
        return joinContinuations(left) + joinContinuations(right)
    }

    static func isHeaderRight(_ clean: String) -> Bool {
        let folded = VietnameseText.fold(clean)
        return folded.hasPrefix("cong hoa xa hoi chu nghia") || folded.hasPrefix("doc lap - tu do")
            || (clean.count < 90 && OfficialDateLine.find(in: clean) != nil)
    }

    /// Where the right column starts, from the rows that have both columns.
    static func splitColumn(_ lines: ArraySlice<String>) -> Int? {
        lines.compactMap { line -> Int? in let c = cells(line); return c.count >= 2 ? c[1].column : nil }.min()
    }

    /// The footer: from the last "Nơi nhận:" line to the signer's name, or the
    /// end of the page. Returns nil when there is no "Nơi nhận:".
    static func footerRange(_ lines: [String]) -> Range<Int>? {
        guard let start = lines.lastIndex(where: { line in
            cells(line).contains { VietnameseText.fold($0.text).hasPrefix("noi nhan") }
        }) else { return nil }
        var end = start + 1
        var blankRun = 0
        while end < lines.count {
            let clean = lines[end].trimmingCharacters(in: .whitespaces)
            if clean.isEmpty {
                blankRun += 1
                if blankRun > 3 { break }
                end += 1
                continue
            }
            if isAppendixStart(clean) { break }
            let parts = cells(lines[end])
            let fits = parts.count >= 2 || isRecipient(clean) || isSignatureLine(clean)
            guard fits else { break }
            blankRun = 0
            end += 1
        }
        while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        return start..<end
    }

    static func isAppendixStart(_ clean: String) -> Bool {
        clean.hasPrefix("PHỤ LỤC") || clean.hasPrefix("Phụ lục") || clean.hasPrefix("(Kèm theo")
    }

    static func isRecipient(_ clean: String) -> Bool {
        clean.hasPrefix("-") || clean.hasPrefix("+") || clean.hasPrefix("•") || clean.hasPrefix("Lưu") || clean.hasSuffix(";")
    }

    /// A position in capitals, a signing note or a name: the signature block.
    static func isSignatureLine(_ clean: String) -> Bool {
        if clean.count <= 80, VietnameseText.isUpperCase(clean) { return true }
        if clean.hasPrefix("(") && clean.hasSuffix(")") && clean.count < 40 { return true }
        let words = clean.split(separator: " ")
        return (2...6).contains(words.count) && clean.count <= 60 && !clean.contains(where: { $0.isNumber || ":;,/".contains($0) })
            && words.allSatisfy { $0.first!.isUppercase }
    }

    /// The footer's lines: "Nơi nhận:" and its list, then the signature block.
    static func footer(_ lines: ArraySlice<String>) -> [String] {
        var left: [String] = [], right: [String] = []
        for line in lines {
            let parts = cells(line)
            guard let first = parts.first else { continue }
            if parts.count >= 2 {
                left.append(first.text)
                right.append(parts.dropFirst().map(\.text).joined(separator: " "))
            } else if let (item, signature) = splitRecipientAndName(first.text) {
                left.append(item)
                right.append(signature)
            } else if isRecipient(first.text) || VietnameseText.fold(first.text).hasPrefix("noi nhan") {
                left.append(first.text)
            } else if !left.isEmpty, VietnameseText.startsLowerCase(first.text), !right.contains(where: { !$0.isEmpty }) {
                left.append(first.text)
            } else {
                right.append(first.text)
            }
        }
        // A recipient wrapped onto a second line continues the item above.
        var recipients: [String] = []
        for item in left {
            let startsItem = item.hasPrefix("-") || item.hasPrefix("+") || item.hasPrefix("•") || item.hasPrefix("Lưu")
            if let last = recipients.last, !startsItem, !last.hasSuffix(";"), !last.hasSuffix("."), !last.hasSuffix(":") {
                recipients[recipients.count - 1] = last + " " + item
            } else {
                recipients.append(item)
            }
        }
        return recipients + right.filter { !$0.isEmpty }
    }

    /// OCR may close the gap between the columns to a single space: "- Lưu: VT, BCVT. Đặng Văn Đức".
    static func splitRecipientAndName(_ line: String) -> (String, String)? {
        guard isRecipient(line) || line.hasPrefix("Lưu") else { return nil }
        for (offset, c) in line.enumerated().reversed() where c == ";" || c == "." {
            let rest = line.dropFirst(offset + 1).trimmingCharacters(in: .whitespaces)
            guard !rest.isEmpty else { continue }
            return isSignatureLine(rest) && !rest.contains(".") ? (String(line.prefix(offset + 1)), rest) : nil
        }
        return nil
    }

    /// Lines of one column: a line starting in lower case carries on the one above.
    static func joinContinuations(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines {
            if let last = out.last, VietnameseText.startsLowerCase(line), !last.hasSuffix(".") {
                out[out.count - 1] = last + " " + line
            } else {
                out.append(line)
            }
        }
        return out
    }
}
