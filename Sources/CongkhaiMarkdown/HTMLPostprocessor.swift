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
        guard !headings.isEmpty || contains(bytes, tableOpen) else { return String(decoding: bytes, as: UTF8.self) }
        // The label is a UI string of the theme, in the page's language.
        let label = attribute(tableLabel)
        let tableWrapOpen = Array("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(label)\"><table>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headings.count * 24 + 256)
        var headingIndex = 0
        var i = 0
        let n = bytes.count
        let lt = UInt8(ascii: "<")
        // Bytes between the places changed are copied as runs, not one by one.
        var runStart = 0
        func flush(_ upTo: Int) {
            if upTo > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<upTo])) }
        }
        while i < n {
            let b = bytes[i]
            // most spaces are followed by something other than "s": tested here before the call
            if b == UInt8(ascii: " "), i + 1 < n, bytes[i + 1] == UInt8(ascii: "s"), let (name, length) = alignment(bytes, at: i) {
                flush(i)
                out += Array(" class=\"align-\(name)\"".utf8)
                i += length
                runStart = i
                continue
            }
            guard b == lt else { i += 1; continue }
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

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8]) -> Bool {
        var i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0], matches(bytes, at: i, pattern) { return true }
            i += 1
        }
        return false
    }
}
