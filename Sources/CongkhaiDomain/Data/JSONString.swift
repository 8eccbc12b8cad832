/// A JSON string literal, written by hand because the open data and the
/// archive's index lines are written field by field, tens of thousands of
/// times: a JSONSerialization round trip per field costs more than the line.
/// `<` and the two line separators are escaped too, so the text is safe to
/// embed in a page (JSON-LD) and in JavaScript.
public enum JSONString {
    /// The literal appended as UTF-8 bytes: how the open data is written (one string made at the end, not one per run).
    public static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        // Over the UTF-8 bytes, copying the runs between escapes whole: a document's body
        // (tens of kilobytes, in the JSON twin) holds a `<` or `"` every fifty bytes or so.
        text.withUTF8 { bytes in
            var run = 0, i = 0
            while true {
                i = firstByteToLook(in: bytes, from: i)
                guard i < bytes.count else { break }
                let width = escapeWidth(bytes, at: i)
                guard width > 0 else { i += 1; continue }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                appendEscape(bytes, at: i, to: &out)
                i += width
                run = i
            }
            if run < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    public static func quote(_ text: String, into out: inout String) {
        var text = text
        // Most strings (words, numbers, names) need no escape: then the text is appended as it is,
        // without a buffer of bytes in between.
        let clean = text.withUTF8 { bytes in
            var i = firstByteToLook(in: bytes, from: 0)
            while i < bytes.count {
                if escapeWidth(bytes, at: i) > 0 { return false }
                i = firstByteToLook(in: bytes, from: i + 1)
            }
            return true
        }
        guard !clean else {
            out += "\""
            out += text
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 8)
        quote(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    public static func quote(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    /// The first byte from `start` on that may begin an escape (see `needsLook`), or the end. Eight bytes
    /// at a time: byte by byte, the scan cost twice as much (a body's HTML runs fifty bytes between escapes).
    @inline(__always)
    private static func firstByteToLook(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let flags = bytesToLook(word)
                // The lowest flag is the first byte in memory (little-endian) and is never a false one.
                if flags != 0 { return i + flags.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < bytes.count && !needsLook(bytes[i]) { i += 1 }
        return i
    }

    /// The eight bytes of `word` tested as `needsLook` does, all at once: the high bit of each byte of the
    /// result is set where the byte is below 0x20 or equal to one of the four. The usual bit tricks
    /// ("determine if a word has a zero byte", "has a byte less than n"): a borrow can set a false flag only
    /// in a byte above a true one, so the lowest flag is exact, which is all the caller reads.
    @inline(__always)
    private static func bytesToLook(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func below(_ limit: UInt8, _ x: UInt64) -> UInt64 { (x &- ones &* UInt64(limit)) & ~x & highBits }
        @inline(__always) func equal(_ byte: UInt8) -> UInt64 { below(1, word ^ (ones &* UInt64(byte))) }
        return below(0x20, word) | equal(UInt8(ascii: "\"")) | equal(UInt8(ascii: "\\")) | equal(UInt8(ascii: "<")) | equal(0xE2)
    }

    /// Whether a byte may begin an escape: a control character, `"`, `\`, `<`, or the lead byte of
    /// U+2028/U+2029. Every other byte (letters, digits, most punctuation, Vietnamese) is copied.
    @inline(__always)
    private static func needsLook(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") || byte == 0xE2
    }

    /// How many bytes the escape at `i` replaces: 1 for an ASCII byte, 3 for U+2028/U+2029, 0 when the
    /// byte is written as it is (0xE2 leading another character, such as the dashes and quotes of U+2010–U+2027).
    @inline(__always)
    private static func escapeWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard bytes[i] == 0xE2 else { return 1 }
        return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
    }

    private static func appendEscape(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, to out: inout [UInt8]) {
        let escape: StaticString
        switch bytes[i] {
        case UInt8(ascii: "\""): escape = "\\\""
        case UInt8(ascii: "\\"): escape = "\\\\"
        case UInt8(ascii: "\n"): escape = "\\n"
        case UInt8(ascii: "\r"): escape = "\\r"
        case UInt8(ascii: "\t"): escape = "\\t"
        case UInt8(ascii: "<"): escape = "\\u003c"
        case 0xE2: escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
        default: return appendControlEscape(bytes[i], to: &out)
        }
        escape.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// `\u00XX` in lowercase hexadecimal, as the other control characters have always been written.
    private static func appendControlEscape(_ byte: UInt8, to out: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        hex.withUTF8Buffer { digits in
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                    digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
        }
    }
}
