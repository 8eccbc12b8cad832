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
            while i < bytes.count {
                guard needsLook(bytes[i]) else { i += 1; continue }
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
            var i = 0
            while i < bytes.count {
                if needsLook(bytes[i]) && escapeWidth(bytes, at: i) > 0 { return false }
                i += 1
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
        let byte = bytes[i]
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
        case 0xE2: appendUnicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
        default: appendUnicodeEscape(UInt16(byte), to: &out)  // `<` and the other control characters
        }
    }

    /// `\uXXXX` in lowercase hexadecimal, as the escapes have always been written.
    private static func appendUnicodeEscape(_ code: UInt16, to out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        digits.withUTF8Buffer { hex in
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int(code >> UInt16(shift)) & 0xF]) }
        }
    }
}
