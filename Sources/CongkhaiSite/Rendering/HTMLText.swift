/// Escaping for the few places that build HTML in Swift rather than in a template.
enum HTMLText {
    static func escape(_ s: String) -> String {
        // most values (titles, numbers, dates) need nothing: return them as they are
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
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

import Mustache

/// The same escaping as swift-mustache's HTML content type (the five
/// characters & < > " '), without its per-character dictionary lookup,
/// which was a tenth of a large build. Every theme template is given this
/// content type when it is loaded.
struct FastHTMLContentType: MustacheContentType {
    static let name = "CONGKHAI_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"
    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
