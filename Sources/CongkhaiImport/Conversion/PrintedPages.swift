import Foundation

/// Text read off printed pages (pdftotext, Tesseract) carries what the page
/// printed around the document: running headers and footers, page numbers.
/// This step drops them, page by page, before the lines are unwrapped.
public enum PrintedPages {
    /// Splits text at form feeds (pdftotext and the OCR step end each page with one).
    public static func pages(_ text: String) -> [[String]] {
        text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .map { page in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            .filter { page in page.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    /// The pages' lines in order, without page numbers and without the lines
    /// repeated at the top or bottom of several pages; a blank line stands
    /// where a page ended.
    public static func withoutRunningLines(_ pages: [[String]]) -> [String] {
        let running = runningLines(pages)
        var out: [String] = []
        for (index, page) in pages.enumerated() {
            var lines = page
            trimEdges(&lines, running: running)
            if index > 0 { out.append("") }
            out += lines
        }
        return out
    }

    /// Drops page numbers and running lines from the first and last few lines of a page.
    static func trimEdges(_ lines: inout [String], running: Set<String>) {
        func isNoise(_ line: String) -> Bool {
            let clean = line.trimmingCharacters(in: .whitespaces)
            return clean.isEmpty || isPageNumber(clean) || running.contains(key(clean))
        }
        var dropped = 0
        while let first = lines.first, dropped < 4, isNoise(first) { lines.removeFirst(); dropped += 1 }
        dropped = 0
        while let last = lines.last, dropped < 4, isNoise(last) { lines.removeLast(); dropped += 1 }
    }

    /// "2", "- 2 -", "Trang 2", "2/5", "Trang 2/5": a line that only numbers the page.
    public static func isPageNumber(_ line: String) -> Bool {
        var s = Substring(line.trimmingCharacters(in: .whitespaces))
        for prefix in ["Trang ", "trang ", "Page ", "page "] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: "-–— ."))[...]
        guard !s.isEmpty, s.count <= 9 else { return false }
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        return parts.allSatisfy { part in
            let p = part.trimmingCharacters(in: .whitespaces)
            // three digits at most: "2024" alone on a line is a year, not a page
            return !p.isEmpty && p.count <= 3 && p.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// Lines that stand among the first or last three lines of at least two
    /// pages (digits ignored, so "Trang 2" and "Trang 3" are one line).
    static func runningLines(_ pages: [[String]]) -> Set<String> {
        guard pages.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for page in pages {
            let lines = page.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let edges = Set(lines.prefix(3).map(key) + lines.suffix(3).map(key))
            for edge in edges { counts[edge, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value >= 2 && !$0.key.isEmpty && $0.key != "#" }.map(\.key))
    }

    /// A line with digits replaced and spaces collapsed.
    static func key(_ line: String) -> String {
        var out = ""
        var lastWasSpace = false
        for c in line {
            if c.isWhitespace {
                if !lastWasSpace && !out.isEmpty { out.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            out.append(c.isNumber ? "#" : c)
        }
        while out.hasSuffix(" ") { out.removeLast() }
        // "#" runs collapse, so page 9 and page 10 give the same key
        return out.replacingOccurrences(of: "##", with: "#").replacingOccurrences(of: "##", with: "#")
    }
}
