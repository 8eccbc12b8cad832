/// The Markdown block structure that the joining heuristics (PDF unwrapping,
/// page-break joining) must respect: they join printed lines of running text,
/// never a line that Markdown reads as a block of its own. Hand-written
/// because the domain has no Markdown parser; it follows CommonMark's rules
/// for where such blocks start, which only need a look at a line's beginning.
enum MarkdownBlocks {
    /// For each line, whether it belongs to a fenced code block (its fences
    /// included). An unclosed fence runs to the end, as CommonMark reads it.
    static func fencedLines(_ lines: [SourceLine]) -> [Bool] {
        var out = [Bool](repeating: false, count: lines.count)
        var open: (marker: UInt8, length: Int)?
        for (i, line) in lines.enumerated() {
            let fence = self.fence(line.text)
            if let current = open {
                out[i] = true
                if let fence, fence.marker == current.marker, fence.length >= current.length, fence.closes { open = nil }
            } else if let fence {
                out[i] = true
                open = (fence.marker, fence.length)
            }
        }
        return out
    }

    /// "```swift", "~~~~": up to three spaces, then three or more backticks or tildes.
    static func fence(_ line: String) -> (marker: UInt8, length: Int, closes: Bool)? {
        let bytes = line.utf8
        var i = bytes.startIndex
        var indent = 0
        while i < bytes.endIndex, bytes[i] == 0x20, indent < 4 { indent += 1; i = bytes.index(after: i) }
        guard indent < 4, i < bytes.endIndex, bytes[i] == 0x60 || bytes[i] == 0x7E else { return nil }
        let marker = bytes[i]
        var length = 0
        while i < bytes.endIndex, bytes[i] == marker { length += 1; i = bytes.index(after: i) }
        guard length >= 3 else { return nil }
        let rest = bytes[i...]
        // a backtick fence's info string may not hold a backtick
        if marker == 0x60, rest.contains(0x60) { return nil }
        return (marker, length, rest.allSatisfy { $0 == 0x20 })
    }

    /// A line that Markdown reads as the start of a block other than running
    /// text: an ATX heading, a block quote, a table row, a fence, indented
    /// code, an HTML block, or a list item written with `*` or `+`. Printed
    /// dashes ("- ...") are the documents' own bullets and are left to the
    /// callers, which join them with a page-break continuation.
    static func opensBlock(_ line: String) -> Bool {
        if LineText.hasASCIIPrefix(line, "    ") || fence(line) != nil { return true }
        return firstMarkAfterSpaces(line, marks: "#>|<", spaceAfter: "*+") ?? opensBlockByCharacters(line)
    }

    static func opensBlockByCharacters(_ line: String) -> Bool {
        if line.hasPrefix("    ") || fence(line) != nil { return true }
        let trimmed = line.drop(while: { $0 == " " })
        guard let first = trimmed.first else { return false }
        switch first {
        case "#", ">", "|", "<": return true
        case "*", "+": return trimmed.dropFirst().first == " "
        default: return false
        }
    }

    /// Whether the first character after the leading spaces is one of `marks`, or one of `spaceAfter` with a space
    /// after it, read on the bytes (these are asked of every paragraph); nil when the bytes leave it open. A
    /// character that starts with a byte outside ASCII is none of the marks (no other is canonically equivalent to
    /// one), and an ASCII byte followed by an ASCII byte (or nothing) is a character of its own.
    private static func firstMarkAfterSpaces(_ line: String, marks: StaticString, spaceAfter: StaticString) -> Bool? {
        let decided: Bool?? = line.utf8.withContiguousStorageIfAvailable { all in
            var start = 0
            while start < all.count, all[start] == 0x20 { start += 1 }
            return firstMark(UnsafeBufferPointer(rebasing: all[start...]), marks: marks, spaceAfter: spaceAfter)
        }
        return decided ?? nil
    }

    private static func firstMark(_ bytes: UnsafeBufferPointer<UInt8>, marks: StaticString, spaceAfter: StaticString) -> Bool? {
        guard let first = bytes.first else { return false }
        let isASCIIAlone = { (at: Int) in at >= bytes.count || bytes[at] < 0x80 }
        if marks.withUTF8Buffer({ $0.contains(first) }) { return isASCIIAlone(1) ? true : nil }
        if spaceAfter.withUTF8Buffer({ $0.contains(first) }) {
            guard bytes.count > 1 else { return false }
            guard bytes[1] < 0x80 else { return nil }
            return bytes[1] == 0x20 ? (isASCIIAlone(2) ? true : nil) : false
        }
        return false
    }

    /// A line after which nothing may be joined: a block that ends with its line.
    static func endsBlock(_ line: String) -> Bool {
        switch firstMarkAfterSpaces(line, marks: "#|", spaceAfter: "") {
        case true?: return true
        case false?: return fence(line) != nil
        case nil: return endsBlockByCharacters(line)
        }
    }

    static func endsBlockByCharacters(_ line: String) -> Bool {
        let trimmed = line.drop(while: { $0 == " " })
        guard let first = trimmed.first else { return false }
        return first == "#" || first == "|" || fence(line) != nil
    }
}
