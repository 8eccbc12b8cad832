/// A JSON string literal, written by hand because the open data and the
/// archive's index lines are written field by field, tens of thousands of
/// times: a JSONSerialization round trip per field costs more than the line.
/// `<` and the two line separators are escaped too, so the text is safe to
/// embed in a page (JSON-LD) and in JavaScript.
public enum JSONString {
    public static func quote(_ text: String, into out: inout String) {
        out += "\""
        var text = text
        // Over the UTF-8 bytes, appending the runs between escapes whole: a document's body
        // (tens of kilobytes, in the JSON twin) costs a copy, not an append per character.
        // Runs end only before an ASCII byte or a whole U+2028/U+2029, so each is valid UTF-8.
        text.withUTF8 { bytes in
            var run = 0, i = 0
            while i < bytes.count {
                let byte = bytes[i]
                var escape: String?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case ..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: break
                }
                guard let escape else { i += 1; continue }
                if run < i { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<i]), as: UTF8.self) }
                out += escape
                i += width
                run = i
            }
            if run < bytes.count { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[run...]), as: UTF8.self) }
        }
        out += "\""
    }

    public static func quote(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }
}
