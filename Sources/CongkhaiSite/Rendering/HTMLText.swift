/// Escaping for the few places that build HTML in Swift rather than in a template.
enum HTMLText {
    static func escape(_ s: String) -> String {
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

    /// Plain text from front matter: one paragraph per line.
    static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n").map { "<p>" + escape(String($0).trimmingCharacters(in: .whitespaces)) + "</p>" }.joined(separator: "\n")
    }
}
