/// What cmark-gfm cannot do through its API in safe mode: ids on headings
/// and a scrollable, focusable wrapper around tables. Safe mode omits all
/// raw HTML, so every `<hN>` and `<table>` in its output is its own.
enum HTMLPostprocessor {
    static func finish(_ html: String, headings: [RenderedMarkdown.Heading]) -> String {
        guard !headings.isEmpty || html.contains("<table") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 24)
        var headingIndex = 0
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            if rest.count >= 4, rest.hasPrefix("<h"), let digit = rest.dropFirst(2).first, digit.isNumber, rest.dropFirst(3).first == ">" {
                if headingIndex < headings.count {
                    out += "<h\(digit) id=\"\(headings[headingIndex].id)\">"
                    headingIndex += 1
                } else {
                    out += rest.prefix(4)
                }
                rest = rest.dropFirst(4)
            } else if rest.hasPrefix("<table>") {
                out += "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Bảng\"><table>"
                rest = rest.dropFirst(7)
            } else if rest.hasPrefix("</table>") {
                out += "</table></div>"
                rest = rest.dropFirst(8)
            } else {
                out += "<"
                rest = rest.dropFirst()
            }
        }
        out += rest
        return out
    }
}
