/// Escaping for the few places that build HTML in Swift rather than in a template.
enum HTMLText {
    static func escape(_ s: String) -> String {
        // most values (titles, numbers, dates) need nothing: return them as they are
        func special(_ byte: UInt8) -> Bool { entity(for: byte) != nil }
        guard s.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? s.utf8.contains(where: special) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            if ch.isASCII, let entity = entity(for: UInt8(ch.value)) { out += entity.description } else { out.unicodeScalars.append(ch) }
        }
        return out
    }

    /// The entity that stands for a byte escaping replaces ("&", "<", ">" and the two quote marks), or nil;
    /// the one table of `escape` and of pages written as bytes (`PageBytes.appendEscaped`).
    static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// The text of rendered HTML, without its tags, entities decoded, for
    /// outputs that index or summarise words (the HTML is our own renderer's).
    static func strip(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for ch in html {
            switch ch {
            case "<": inTag = true
            case ">" where inTag: inTag = false; out.append(" ")
            default: if !inTag { out.append(ch) }
            }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Plain text from front matter: one paragraph per line.
    static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n").map { "<p>" + escape(String($0).trimmingCharacters(in: .whitespaces)) + "</p>" }.joined(separator: "\n")
    }
}
