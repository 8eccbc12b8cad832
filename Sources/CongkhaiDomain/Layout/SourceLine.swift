import Foundation

/// One line of a document's text with its line number in the source file,
/// and whether a blank line stood before it (a paragraph start).
public struct SourceLine: Sendable, Equatable {
    public var text: String
    public let number: Int
    public var startsParagraph: Bool

    public init(_ text: String, number: Int, startsParagraph: Bool) {
        self.text = text
        self.number = number
        self.startsParagraph = startsParagraph
    }

    /// Splits text into non-blank lines, remembering paragraph starts.
    public static func lines(of text: Substring, firstLine: Int) -> [SourceLine] {
        // Over the contiguous bytes when the text has them (always, for text read from a file):
        // indexing Substring.UTF8View byte by byte was a few per cent of a large build.
        guard let spans = text.utf8.withContiguousStorageIfAvailable({ lineSpans(of: $0, firstLine: firstLine) }) else {
            var copy = String(text)
            return copy.withUTF8 { bytes in
                lineSpans(of: bytes, firstLine: firstLine).map { span in
                    SourceLine(String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self),
                               number: span.number, startsParagraph: span.startsParagraph)
                }
            }
        }
        // Each line is copied out of the text it is part of: String(decoding:) would check its UTF-8
        // again, which the text already passed (a twentieth of reading a document). A line ends at a
        // line feed, a character of its own, so the slice boundaries are character boundaries.
        let utf8 = text.utf8
        return spans.map { span in
            let start = utf8.index(utf8.startIndex, offsetBy: span.start)
            let end = utf8.index(start, offsetBy: span.end - span.start)
            return SourceLine(String(text[start..<end]), number: span.number, startsParagraph: span.startsParagraph)
        }
    }

    /// Where each non-blank line lies in the text, in bytes.
    private struct LineSpan {
        let start: Int
        let end: Int
        let number: Int
        let startsParagraph: Bool
    }

    private static func lineSpans(of bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> [LineSpan] {
        var out: [LineSpan] = []
        var blankBefore = true
        var number = firstLine
        var lineStart = 0
        let end = bytes.count
        // Byte-wise, each line's end found by memchr and only its leading spaces read: splitting by Character
        // would walk grapheme clusters, and testing every byte was a few per cent of reading.
        while true {
            let lineEnd = bytes.index(of: 0x0A, from: lineStart)
            var firstNonSpace = lineStart
            while firstNonSpace < lineEnd, bytes[firstNonSpace] == 0x20 { firstNonSpace += 1 }
            if firstNonSpace == lineEnd {
                blankBefore = true
            } else {
                out.append(LineSpan(start: lineStart, end: lineEnd, number: number, startsParagraph: blankBefore))
                blankBefore = false
            }
            if lineEnd == end { break }
            number += 1
            lineStart = lineEnd + 1
        }
        return out
    }

    /// Groups lines into paragraphs.
    public static func paragraphs(_ lines: ArraySlice<SourceLine>) -> [[SourceLine]] {
        var out: [[SourceLine]] = []
        for line in lines {
            if line.startsParagraph || out.isEmpty { out.append([line]) } else { out[out.count - 1].append(line) }
        }
        return out
    }
}

/// Reading a printed line without its Markdown decoration.
enum LineText {
    /// "**KT. GIÁM ĐỐC**  " → "KT. GIÁM ĐỐC"; "# BÁO CÁO" → "BÁO CÁO"; hard-break backslash dropped.
    /// Emphasis markers are dropped wherever they stand; this runs on every
    /// paragraph, so it works on scalars rather than through Foundation.
    static func clean<S: StringProtocol>(_ line: S) -> String {
        isUnchangedByCleaning(line) ? String(line) : cleanedByBytes(line)
    }

    static func cleanedByBytes<S: StringProtocol>(_ line: S) -> String {
        // copied at once from contiguous storage: Array(line.utf8) went byte by byte over a Substring
        var bytes = line.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(line.utf8)
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x23 || bytes[start] == 0x3E { start += 1 } // ' ' '#' '>'
        var end = bytes.count
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x5C { end -= 1 } // ' ' '\\'
        var out = 0
        var i = start
        while i < end {
            let c = bytes[i]
            if c == 0x2A || c == 0x5F, i + 1 < end, bytes[i + 1] == c { i += 2; continue } // "**" "__"
            bytes[out] = c
            out += 1
            i += 1
        }
        var a = 0, b = out
        while a < b, bytes[a] == 0x2A || bytes[a] == 0x5F || bytes[a] == 0x20 { a += 1 }
        while b > a, bytes[b - 1] == 0x2A || bytes[b - 1] == 0x5F || bytes[b - 1] == 0x20 { b -= 1 }
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }

    /// Whether cleaning leaves the line as it is: no "*" or "_" in it, nothing to strip at its start (" ", "#", ">")
    /// or end (" ", "\\"). Most lines of a body are so, and copying them into an array and back was most of cleaning.
    static func isUnchangedByCleaning<S: StringProtocol>(_ line: S) -> Bool {
        let unchanged = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, let first = bytes.first, let last = bytes.last else { return true }
            if first == 0x20 || first == 0x23 || first == 0x3E || first == 0x2A || first == 0x5F { return false }
            if last == 0x20 || last == 0x5C || last == 0x2A || last == 0x5F { return false }
            return memchr(base, 0x2A, bytes.count) == nil && memchr(base, 0x5F, bytes.count) == nil
        }
        return unchanged == true
    }

    /// The cleaned start of a line, enough to read its numbering or a label
    /// such as "Nơi nhận:" without copying a long paragraph.
    static func head(_ line: String, length: Int = 80) -> String {
        let utf8 = line.utf8
        guard utf8.count > length * 2 else { return clean(line) }
        var end = utf8.index(utf8.startIndex, offsetBy: length * 2)
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) } // a scalar boundary
        return clean(line[..<end])
    }

    /// The last character that carries meaning, ignoring emphasis markers and spaces.
    static func lastMeaningful<S: StringProtocol>(_ line: S) -> Unicode.Scalar? {
        line.unicodeScalars.last(where: { $0 != " " && $0 != "*" && $0 != "_" && $0 != "\\" })
    }

    /// Ends a sentence or a list item: the next printed line starts a new paragraph.
    static func endsSentence<S: StringProtocol>(_ line: S) -> Bool {
        guard let c = lastMeaningful(line) else { return true }
        return c == "." || c == ":" || c == ";" || c == "!" || c == "?" || c == "…"
    }

    static func isSeparator(_ s: String) -> Bool {
        // A first byte that is an ASCII letter or digit starts a Character that is none of the marks (each a lone
        // scalar, none of them a letter or a digit): the first Character already says no.
        if let first = s.utf8.first, isASCIILetterOrDigit(first) { return false }
        // the characters first: they rule out most lines at the first one, and counting walks the whole line
        return s.allSatisfy { "-_=*–—.".contains($0) } && s.count >= 3
    }

    /// "\\*", "* * *", "***": an asterisk or star line printed under the Party header, or a stray escape.
    static func isDecoration(_ s: String) -> Bool {
        // as in `isSeparator`: a letter or digit first is no decoration, without counting the line's Characters
        if let first = s.utf8.first, isASCIILetterOrDigit(first) { return false }
        return !s.isEmpty && s.count <= 12 && s.allSatisfy { "*\\-_=–—.·• ".contains($0) }
    }

    /// `text.count <= limit`, without counting the Characters of a text whose bytes are already few enough (a
    /// Character has at least one), and walking no more than `limit` of them otherwise.
    static func hasAtMost(_ limit: Int, _ text: String) -> Bool {
        if text.utf8.count <= limit { return true }
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) else { return true }
        return end == text.endIndex
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isMotto(_ s: String) -> Bool {
        if isRuledOutAsMottoByFirstScalar(s) { return false }
        return isMottoByFolding(s)
    }

    static func isMottoByFolding(_ s: String) -> Bool {
        // the motto is a short line: folding a long paragraph whole is costly and needless
        let f = VietnameseText.fold(String(s.prefix(120))).filter { $0.isLetter }
        return f.hasPrefix("conghoaxahoichunghiavietnam") || f.hasPrefix("doclaptudohanhphuc") || f == "dangcongsanvietnam"
    }

    /// Every header line is asked whether it is a motto, and folding it is most of that cost. The folded letters of a
    /// motto start with "c" or "d". When the line's first scalar is a letter whose fold starts with another ASCII
    /// letter ("S" of "Số:", "Ủ" of "ỦY BAN"), that letter leads the folded text (lower-casing goes scalar by scalar,
    /// and decomposition never moves a starter) and is kept by the letter filter, so the answer is already no.
    /// False means "not decided": the folding path answers.
    static func isRuledOutAsMottoByFirstScalar(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        let folded: UInt8
        if first.isASCII {
            let byte = UInt8(first.value)
            guard (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) else { return false }
            folded = byte | 0x20 // its lower case
        } else {
            guard let letter = foldedLeadingLetter[first.value] else { return false }
            folded = letter
        }
        return folded != 0x63 && folded != 0x64 // "c", "d"
    }

    /// For the Latin letters with diacritics (Vietnamese ones among them): the ASCII letter their fold starts with,
    /// taken from `VietnameseText.fold` itself. Letters whose fold starts otherwise are left out.
    static let foldedLeadingLetter: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for value in UInt32(0x00C0)...0x024F { add(value) }
        for value in UInt32(0x1E00)...0x1EFF { add(value) }
        func add(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic,
                  let lead = VietnameseText.fold(String(scalar)).unicodeScalars.first, lead.isASCII,
                  lead.properties.isAlphabetic, lead.properties.canonicalCombiningClass == .notReordered else { return }
            table[value] = UInt8(lead.value)
        }
        return table
    }()

    /// "- Sở Nội vụ;", "+ ...", "• ...".
    static func isBullet<S: StringProtocol>(_ s: S) -> Bool {
        isBulletByBytes(s.utf8) ?? isBulletByCharacters(s)
    }

    /// `isBullet` on the first bytes, asked of every paragraph; nil when they leave it open. No character other than
    /// "•" itself is canonically equivalent to it (nor to "–"), so a line whose first scalar is not ASCII and not
    /// of the U+2000 block (lead byte E2) opens with none of the marks; an ASCII mark, or a space after it, is a
    /// character of its own when an ASCII byte (or nothing) follows it.
    static func isBulletByBytes<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool? {
        var iterator = bytes.makeIterator()
        guard let first = iterator.next() else { return false }
        if first == 0xE2 { return nil }
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") else { return false }
        guard let second = iterator.next() else { return true }
        guard second < 0x80 else { return nil }
        guard second == UInt8(ascii: " ") else { return false }
        guard let third = iterator.next() else { return true }
        return third < 0x80 ? true : nil
    }

    static func isBulletByCharacters<S: StringProtocol>(_ s: S) -> Bool {
        guard let f = s.first else { return false }
        guard "-+•*–".contains(f) else { return false }
        let rest = s.dropFirst()
        return rest.isEmpty || rest.first == " "
    }

    /// "1. ", "1) ", "4- ", "a) ", "đ) ", "I. ", "II. ": the numbering of a section, item or point.
    static func numbering<S: StringProtocol>(_ s: S) -> (marker: String, kind: NumberingKind)? {
        guard mayOpenNumbering(firstByte: s.utf8.first), !isRomanCapitalsWithoutDot(s.utf8) else { return nil }
        return numberingByBytes(s) ?? numberingByCharacters(s)
    }

    /// `numberingByCharacters` on the first bytes, when they decide it; nil when they leave it open. Asked of every
    /// numbered paragraph and of many that open with a capital, where walking Characters was most of the cost.
    /// An ASCII byte followed by an ASCII byte (or by nothing) is a Character of its own, and a Character that
    /// starts with an ASCII byte equals an ASCII mark only when it is that byte; where a byte outside ASCII follows
    /// one that matters (a combining mark may join it), the Characters answer.
    static func numberingByBytes<S: StringProtocol>(_ s: S) -> (marker: String, kind: NumberingKind)?? {
        // the longest decided marker is five numerals, ".", " ", and one byte after it; short lines end inside
        let b = LeadingBytes(s.utf8)
        guard let first = b.first else { return .some(nil) }
        guard first < 0x80 else { return nil }
        func marker(_ end: Int) -> String { b.decoded(upTo: end) }
        /// Whether a space stands after the mark at `i`, both Characters of their own; nil when undecided.
        func spaceAfter(_ i: Int) -> Bool? {
            guard i + 1 < b.count else { return false }
            guard b[i + 1] < 0x80 else { return nil }
            guard b[i + 1] == 0x20 else { return false }
            return i + 2 >= b.count || b[i + 2] < 0x80 ? true : nil
        }
        var digits = 0
        while digits < b.count, b[digits] >= 0x30, b[digits] <= 0x39 { digits += 1 }
        if digits > 0 {
            // four digits or more are no marker ("2020." is a year); a digit is neither a numeral nor lower case
            guard digits <= 3, digits < b.count else { return .some(nil) }
            let mark = b[digits]
            guard mark < 0x80 else { return nil }
            guard mark == 0x2E || mark == 0x29 || mark == 0x2D else { return .some(nil) } // "." ")" "-"
            if digits + 1 == b.count { return .some((marker(digits + 1), .arabic)) } // the mark ends the line
            guard let spaced = spaceAfter(digits) else { return nil }
            return spaced ? .some((marker(digits + 1), .arabic)) : .some(nil)
        }
        var numerals = 0
        while numerals < b.count, isRomanCapital(b[numerals]) { numerals += 1 }
        if numerals > 0 {
            // more than five numerals, or no "." after them: no marker; a capital is not lower case
            guard numerals <= 5, numerals < b.count else { return .some(nil) }
            let mark = b[numerals]
            guard mark < 0x80 else { return nil }
            guard mark == 0x2E else { return .some(nil) }
            guard let spaced = spaceAfter(numerals) else { return nil }
            return spaced ? .some((marker(numerals + 1), .roman)) : .some(nil)
        }
        // "a) ": a lower-case ASCII letter alone, ")" and a space
        guard b.count < 2 || b[1] < 0x80 else { return nil }
        guard first >= 0x61, first <= 0x7A else { return .some(nil) }
        guard b.count > 2, b[1] == 0x29 else { return .some(nil) }
        guard b[2] < 0x80 else { return nil }
        guard b[2] == 0x20 else { return .some(nil) }
        return b.count <= 3 || b[3] < 0x80 ? .some((marker(2), .letter)) : nil
    }

    /// The first ten bytes of a line (fewer when it is shorter), held in place: an array of them, made for every
    /// numbered paragraph, was most of what `numberingByBytes` cost.
    struct LeadingBytes: RandomAccessCollection {
        private var storage: (UInt64, UInt64) = (0, 0)
        let endIndex: Int
        var startIndex: Int { 0 }

        init<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            endIndex = withUnsafeMutableBytes(of: &storage) { raw in
                // copied at once from contiguous bytes (a String's always are), else one by one
                if let copied = bytes.withContiguousStorageIfAvailable({ source -> Int in
                    let count = Swift.min(source.count, 10)
                    raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(source)[..<count]))
                    return count
                }) {
                    return copied
                }
                var count = 0
                for byte in bytes {
                    guard count < 10 else { break }
                    raw[count] = byte
                    count += 1
                }
                return count
            }
        }

        subscript(position: Int) -> UInt8 {
            withUnsafeBytes(of: storage) { $0[position] }
        }

        /// The first `end` bytes as a string (a marker: ASCII, cut before a byte that starts a Character).
        func decoded(upTo end: Int) -> String {
            withUnsafeBytes(of: storage) { String(decoding: UnsafeRawBufferPointer(rebasing: $0[..<end]), as: UTF8.self) }
        }
    }

    /// "Căn cứ", "Về việc", "Lãnh đạo": a line that starts with one of the capitals "IVXLC" has a numbering only
    /// when its run of such bytes is followed by "." ("II. "). When it is not, every branch fails: the first
    /// character is neither a digit nor lower case, and the character after the run of numerals is not "."
    /// (a combining mark after the run makes its last character neither a numeral nor ".").
    static func isRomanCapitalsWithoutDot(_ bytes: some Sequence<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        guard let first = iterator.next(), isRomanCapital(first) else { return false }
        while let b = iterator.next() {
            if !isRomanCapital(b) { return b != UInt8(ascii: ".") }
        }
        return true
    }

    /// "I", "V", "X", "L" or "C": the bytes a Roman numeral of a section is written with.
    static func isRomanCapital(_ byte: UInt8) -> Bool {
        byte == 0x49 || byte == 0x56 || byte == 0x58 || byte == 0x4C || byte == 0x43
    }

    /// Most lines start with a capital or a mark that no numbering starts with, and this runs on every paragraph.
    /// A first scalar that is ASCII but not a digit, not one of "IVXLC" and not a lower-case letter begins a
    /// character that is neither an ASCII digit, nor "I"…"C", nor a lower-case letter (an upper-case ASCII
    /// letter stays a capital whatever marks follow it), so every branch of `numberingByCharacters` fails.
    /// An empty text (nil) has no numbering either.
    static func mayOpenNumbering(firstByte: UInt8?) -> Bool {
        guard let first = firstByte else { return false }
        switch first {
        case 0x80...: return true
        case 0x30...0x39, 0x61...0x7A: return true // digits, a-z
        case 0x49, 0x56, 0x58, 0x4C, 0x43: return true // I V X L C
        default: return false
        }
    }

    /// The first byte of a line that is not a space, "#", ">", "*" or "_", or nil. `clean` (and `head`) of the line
    /// is empty or starts with this byte, "#" or ">": what stands before it is markup that cleaning drops or
    /// keeps as "#" or ">", and the byte itself is dropped only as part of the line's trailing backslashes.
    /// It tells, without cleaning, that a cleaned line cannot start with a label or a numbering.
    static func firstTextByte(_ line: String) -> UInt8? {
        line.utf8.first { $0 != 0x20 && $0 != 0x23 && $0 != 0x3E && $0 != 0x2A && $0 != 0x5F }
    }

    static func numberingByCharacters<S: StringProtocol>(_ s: S) -> (marker: String, kind: NumberingKind)? {
        var i = s.startIndex
        var digits = 0
        while i < s.endIndex, s[i].isASCII, s[i].isNumber { digits += 1; i = s.index(after: i) }
        if digits > 0, digits <= 3, i < s.endIndex, ".)-".contains(s[i]) {
            let after = s.index(after: i)
            if after == s.endIndex || s[after] == " " {
                // "1.2." subsections are still items; "2020." at a line start is a year
                return (String(s[s.startIndex...i]), .arabic)
            }
        }
        i = s.startIndex
        var romans = 0
        while i < s.endIndex, "IVXLC".contains(s[i]) { romans += 1; i = s.index(after: i) }
        if romans > 0, romans <= 5, i < s.endIndex, s[i] == ".", s.index(after: i) < s.endIndex, s[s.index(after: i)] == " " {
            return (String(s[s.startIndex...i]), .roman)
        }
        if let f = s.first, f.isLowercase, f.isLetter, s.dropFirst().first == ")", s.dropFirst(2).first == " " {
            return (String(s.prefix(2)), .letter)
        }
        return nil
    }

    enum NumberingKind { case roman, arabic, letter }
}
