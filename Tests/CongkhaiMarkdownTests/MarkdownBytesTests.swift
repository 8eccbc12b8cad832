import Testing
@testable import CongkhaiMarkdown

/// Markdown rendered from its bytes is Markdown rendered from its String, and the postprocessor's search for tags
/// and alignments finds what a look at every byte found.
@Suite struct MarkdownBytesTests {
    static let texts: [String] = [
        "# Tiêu đề\n\nĐoạn **đậm** và `mã` <sup>2</sup>.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
            + "## Mục\n\n<table><tr><td>x</td></tr></table>\n",
        "", "Văn bản\u{0}phần sau NUL", "| x | y | z |\n|:-:|---|:--|\n| \" style=\"text-align: left\" | <b>q</b> | r |\n",
        "###### Sáu\n\n####### Bảy\n\ntext style=\"text-align: right\" và <h2>thô</h2>\n",
    ]

    @Test(arguments: texts) func bytesRenderAsTheString(_ text: String) {
        let renderer = MarkdownRenderer()
        let options = RenderOptions(minimumHeadingLevel: 2, idPrefix: "p-", tableLabel: "Bảng \"x\" & <y>")
        var bytes = text
        let fromBytes = bytes.withUTF8 { renderer.render(utf8: $0, options: options) }
        let fromString = text.withCString { renderer.render(String(cString: $0), options: options) }
        #expect(fromBytes.html == fromString.html)
        #expect(fromBytes.headings == fromString.headings)
    }

    /// The places the postprocessor changes, found by looking at every byte as it did before it used memchr.
    @Test func tagsAndAlignmentsAreFoundAsByLookingAtEveryByte() {
        let html = "<h2>A</h2>\n<p>x style=\"text-align: left\" y</p><table><tr><th style=\"text-align: center\">a</th>"
            + "<td style=\"text-align: right\">b</td><td style=\"text-align: justify\">c</td></tr></table>\n<h3>B</h3><h7>"
            + "<h4>C</h4> style=\"text-align: left\"<table></table>Đ \" \"\" style=\"text-align: right\""
        let headings = [RenderedMarkdown.Heading(level: 2, text: "A", id: "a"), .init(level: 3, text: "B", id: "muc-b")]
        for (html, headings) in [(html, headings), (html, []), ("<p>no table</p>", []), ("", headings)] {
            var bytes = Array(html.utf8)
            let finished = bytes.withUnsafeMutableBufferPointer {
                HTMLPostprocessor.finish(UnsafeBufferPointer($0), headings: headings, tableLabel: "Bảng & \"x\"")
            }
            #expect(finished == Self.finishByLooking(html, headings: headings, tableLabel: "Bảng &amp; &quot;x&quot;"))
        }
    }

    static func finishByLooking(_ html: String, headings: [RenderedMarkdown.Heading], tableLabel: String) -> String {
        let bytes = Array(html.utf8)
        func starts(_ pattern: String, at i: Int) -> Bool { bytes[i...].starts(with: Array(pattern.utf8)) }
        guard !headings.isEmpty || (0..<bytes.count).contains(where: { starts("<table>", at: $0) }) else { return html }
        var out: [UInt8] = []
        var i = 0, heading = 0
        scan: while i < bytes.count {
            for name in ["left", "center", "right"] where starts(" style=\"text-align: \(name)\"", at: i) {
                out += Array(" class=\"align-\(name)\"".utf8)
                i += " style=\"text-align: \(name)\"".utf8.count
                continue scan
            }
            if i + 3 < bytes.count, starts("<h", at: i), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 2]),
               bytes[i + 3] == UInt8(ascii: ">"), heading < headings.count {
                out += Array("<h".utf8) + [bytes[i + 2]] + Array(" id=\"\(headings[heading].id)\">".utf8)
                heading += 1
                i += 4
            } else if starts("<table>", at: i) {
                out += Array("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(tableLabel)\"><table>".utf8)
                i += 7
            } else if starts("</table>", at: i) {
                out += Array("</table></div>".utf8)
                i += 8
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
