import Foundation

/// Finds the lines of Markdown that hold raw HTML, which cmark-gfm's safe
/// mode leaves out of the page. The procedure reader reports them, since a
/// procedure's sections are rendered one by one, apart from the document's
/// body. Hand-written because the domain has no Markdown parser; it follows
/// CommonMark's definition of raw HTML (open and closing tags, comments,
/// processing instructions, declarations, CDATA) outside code spans and
/// fenced code, which is what cmark-gfm leaves out.
enum RawHTMLFinder {
    /// 1-based line numbers within `markdown`.
    static func lines(in markdown: Substring) -> [Int] {
        var found: [Int] = []
        var fence: (marker: UInt8, length: Int)?
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            if let f = MarkdownBlocks.fence(text) {
                if fence == nil { fence = (f.marker, f.length); continue }
                if f.marker == fence!.marker, f.length >= fence!.length, f.closes { fence = nil; continue }
            }
            if fence != nil { continue }
            if containsTag(Array(text.utf8)) { found.append(index + 1) }
        }
        return found
    }

    /// Whether the text holds a "<", which every tag opens with; memchr over the bytes when they are contiguous.
    static func mayHoldTag(_ utf8: String.UTF8View) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x3C, bytes.count) != nil
        } ?? utf8.contains(0x3C)
    }

    static func containsTag(_ bytes: [UInt8]) -> Bool {
        var i = 0
        var codeTicks = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x60 { // a run of backticks opens or closes a code span of the same length
                var run = 0
                while i < bytes.count, bytes[i] == 0x60 { run += 1; i += 1 }
                codeTicks = codeTicks == 0 ? run : (codeTicks == run ? 0 : codeTicks)
                continue
            }
            if c == 0x5C { i += 2; continue } // a backslash escapes the next character
            if c == 0x3C, codeTicks == 0, startsTag(bytes, at: i) { return true }
            i += 1
        }
        return false
    }

    private static func startsTag(_ b: [UInt8], at start: Int) -> Bool {
        func at(_ i: Int) -> UInt8? { i < b.count ? b[i] : nil }
        func isLetter(_ c: UInt8?) -> Bool { c.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } ?? false }
        var i = start + 1
        switch at(i) {
        case 0x21?: // <!-- comment, <!DOCTYPE, <![CDATA[
            return at(i + 1) == 0x2D && at(i + 2) == 0x2D || isLetter(at(i + 1)) || at(i + 1) == 0x5B
        case 0x3F?: // <? processing instruction ?>
            return true
        case 0x2F?: // </closing>
            i += 1
            guard isLetter(at(i)) else { return false }
            while isLetter(at(i)) || at(i).map({ (0x30...0x39).contains($0) || $0 == 0x2D }) == true { i += 1 }
            while at(i) == 0x20 || at(i) == 0x09 { i += 1 }
            return at(i) == 0x3E
        default:
            guard isLetter(at(i)) else { return false }
            while isLetter(at(i)) || at(i).map({ (0x30...0x39).contains($0) || $0 == 0x2D }) == true { i += 1 }
            // after the name: attributes, '/>' or '>'; an autolink (<https:...>, <a@b>) stops here
            guard let next = at(i), next == 0x20 || next == 0x09 || next == 0x2F || next == 0x3E else { return at(i) == nil }
            return b[i...].contains(0x3E) || next == 0x20
        }
    }
}
