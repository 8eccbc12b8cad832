import Foundation

/// What cmark-gfm cannot do through its API in safe mode: ids on headings,
/// a scrollable, focusable wrapper around tables, and column alignment as a
/// class instead of a style attribute (the site's Content-Security-Policy
/// allows no inline style). Raw HTML reaches the output only through the
/// sanitizer, which emits no heading and no style.
enum HTMLPostprocessor {
    static func finish(_ html: String, headings: [RenderedMarkdown.Heading], tableLabel: String) -> String {
        var copy = html
        return copy.withUTF8 { finish($0, headings: headings, tableLabel: tableLabel) }
    }

    /// The same over cmark-gfm's output as it is, so that it is made a String once rather than twice.
    /// Changes are made only at ASCII bytes, so invalid UTF-8 (which cmark-gfm does not write) would
    /// be repaired as String(cString:) repairs it.
    static func finish(_ bytes: UnsafeBufferPointer<UInt8>, headings: [RenderedMarkdown.Heading], tableLabel: String) -> String {
        guard !headings.isEmpty || find(tableOpen, anchoredAt: 0, in: bytes, from: 0) < bytes.count else {
            return String(decoding: bytes, as: UTF8.self)
        }
        // The label is a UI string of the theme, in the page's language.
        let label = attribute(tableLabel)
        let tableWrapOpen = Array("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(label)\"><table>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headings.count * 24 + 256)
        var headingIndex = 0
        var i = 0
        let n = bytes.count
        // Bytes between the places changed are copied as runs, not one by one.
        var runStart = 0
        func flush(_ upTo: Int) {
            if upTo > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<upTo])) }
        }
        // The places changed are found with memchr and memmem rather than by looking at every byte: an alignment
        // (it holds no "<") and a tag (it holds no space) never overlap, so the nearer of the two is the next one.
        var nextAlignment = Self.find(alignmentStart, anchoredAt: alignmentQuote, in: bytes, from: 0)
        while i < n {
            let tag = Self.find(UInt8(ascii: "<"), in: bytes, from: i)
            if nextAlignment < tag {
                i = nextAlignment
                if let (name, length) = alignment(bytes, at: i) {
                    flush(i)
                    out += Array(" class=\"align-\(name)\"".utf8)
                    i += length
                    runStart = i
                } else {
                    i += 1
                }
                nextAlignment = Self.find(alignmentStart, anchoredAt: alignmentQuote, in: bytes, from: i)
                continue
            }
            guard tag < n else { break }
            i = tag
            // <hN>
            if i + 3 < n, bytes[i + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 2]),
               bytes[i + 3] == UInt8(ascii: ">"), headingIndex < headings.count {
                flush(i)
                out += Array("<h".utf8)
                out.append(bytes[i + 2])
                out += Array(" id=\"\(headings[headingIndex].id)\">".utf8)
                headingIndex += 1
                i += 4
                runStart = i
            } else if matches(bytes, at: i, tableOpen) {
                flush(i)
                out += tableWrapOpen
                i += tableOpen.count
                runStart = i
            } else if matches(bytes, at: i, tableClose) {
                flush(i)
                out += tableWrapClose
                i += tableClose.count
                runStart = i
            } else {
                i += 1
            }
        }
        flush(n)
        return String(decoding: out, as: UTF8.self)
    }

    private static let alignments = ["left", "center", "right"].map { ($0, Array(" style=\"text-align: \($0)\"".utf8)) }

    /// cmark-gfm's ` style="text-align: right"` on a table cell, as the class to write instead.
    private static func alignment(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (String, Int)? {
        guard bytes[i] == UInt8(ascii: " "), i + 7 < bytes.count, bytes[i + 1] == UInt8(ascii: "s") else { return nil }
        for (name, pattern) in alignments where matches(bytes, at: i, pattern) { return (name, pattern.count) }
        return nil
    }

    /// What every alignment begins with (see `alignments`).
    private static let alignmentStart = Array(" style=\"text-align: ".utf8)
    private static let alignmentQuote = alignmentStart.firstIndex(of: UInt8(ascii: "\""))!

    /// Where `byte` next is from `start`, or the end.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress, let hit = memchr(base + start, Int32(byte), bytes.count - start) else {
            return bytes.count
        }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Where `pattern` next starts from `start`, or the end: found by its byte at `anchor` with memchr, a byte rare
    /// in cmark-gfm's HTML (a tag's "<"; the quote mark of an attribute: the text's are written `&quot;`).
    private static func find(_ pattern: [UInt8], anchoredAt anchor: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var at = start + anchor
        while at < bytes.count {
            at = find(pattern[anchor], in: bytes, from: at)
            guard at < bytes.count else { break }
            if matches(bytes, at: at - anchor, pattern) { return at - anchor }
            at += 1
        }
        return bytes.count
    }

    private static let tableOpen = Array("<table>".utf8)
    private static let tableClose = Array("</table>".utf8)
    private static func attribute(_ text: String) -> String {
        // the label is the same on every call and usually has nothing to escape: Foundation's search is skipped then
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") }) else {
            return text
        }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
    private static let tableWrapClose = Array("</table></div>".utf8)

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ pattern: [UInt8]) -> Bool {
        guard i + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
        return true
    }
}
