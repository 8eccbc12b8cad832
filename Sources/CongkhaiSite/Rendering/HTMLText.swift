/// Escaping for the few places that build HTML in Swift rather than in a template.
enum HTMLText {
    static func escape(_ s: String) -> String {
        // most values (titles, numbers, dates) need nothing: return them as they are
        func special(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        guard s.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? s.utf8.contains(where: special) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
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
