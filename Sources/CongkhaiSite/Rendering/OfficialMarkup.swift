import CongkhaiDomain
import Foundation

/// Gives the body's set-apart lines (`OfficialLines`) the classes the theme
/// lays out as printed. Markdown has no way to give a paragraph a class and
/// the Content-Security-Policy allows no inline style, so the rendered HTML
/// is marked here: `<p class="official-authority">`, `<p class="official-enacting">`,
/// and "Kính gửi:" with its list wrapped in `<div class="official-addressees">`.
/// Written by hand because it only touches the `<p>` tags cmark-gfm itself wrote
/// (never raw HTML, which the sanitizer rebuilt), so no HTML parser is needed.
enum OfficialMarkup {
    static func apply(_ html: String, typeCode: String?) -> String {
        guard html.contains("<p>") else { return html }
        // the paragraphs, in order, as plain text
        var ranges: [Range<String.Index>] = []
        var search = html.startIndex
        while let open = html.range(of: "<p>", range: search..<html.endIndex),
              let close = html.range(of: "</p>", range: open.upperBound..<html.endIndex) {
            ranges.append(open.lowerBound..<close.upperBound)
            search = close.upperBound
        }
        let texts = ranges.map { plainText(html[$0]) }
        let kinds = OfficialLines.kinds(of: texts, typeCode: typeCode)
        guard kinds.contains(where: { $0 != nil }) else { return html }
        var out = ""
        var cursor = html.startIndex
        for (range, kind) in zip(ranges, kinds) {
            guard let kind else { continue }
            out += html[cursor..<range.lowerBound]
            let inner = html[html.index(range.lowerBound, offsetBy: 3)..<html.index(range.upperBound, offsetBy: -4)]
            switch kind {
            case .authority: out += "<p class=\"official-authority\">" + inner + "</p>"; cursor = range.upperBound
            case .decisionWord: out += "<p class=\"official-enacting\">" + inner + "</p>"; cursor = range.upperBound
            case .addressee:
                // "Kính gửi:" and the list of addressees right after it stand together.
                let after = html[range.upperBound...]
                let gap = after.prefix { $0 == "\n" }
                if after.dropFirst(gap.count).hasPrefix("<ul>"),
                   let listEnd = after.range(of: "</ul>") {
                    out += "<div class=\"official-addressees\"><p>" + inner + "</p>" + gap + after[after.index(after.startIndex,
                        offsetBy: gap.count)..<listEnd.upperBound] + "</div>"
                    cursor = listEnd.upperBound
                } else {
                    out += "<p class=\"official-addressee\">" + inner + "</p>"
                    cursor = range.upperBound
                }
            }
        }
        return out + html[cursor...]
    }

    /// A paragraph's words: tags removed, the entities cmark-gfm writes decoded.
    static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
