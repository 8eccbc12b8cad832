import Testing
@testable import CongkhaiMarkdown

/// The raw-HTML allow-list: tables, line breaks and emphasis stay; everything
/// else goes and is named with its line.
@Suite struct HTMLSanitizerTests {
    let sanitizer = HTMLSanitizer()

    func clean(_ html: String) -> String { sanitizer.sanitize(html).html }

    /// No tag in the output other than the allowed ones, and no "<" that does not open one.
    func expectOnlyAllowedTags(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: lt)...]
            let name = after.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter })
            #expect(HTMLSanitizer.allowed.contains(String(name)), "unexpected tag in \(html)", sourceLocation: sourceLocation)
            rest = after
        }
    }

    @Test func simpleTableIsKeptWithItsSpans() {
        let result = sanitizer.sanitize("""
        <table border="1" style="width:100%">
        <tr><th colspan="2">Chỉ tiêu</th></tr>
        <tr><td rowspan=2>Số hộ</td><td class="x">1.250</td></tr>
        </table>
        """)
        #expect(result.html == """
        <table>
        <tr><th colspan="2">Chỉ tiêu</th></tr>
        <tr><td rowspan="2">Số hộ</td><td>1.250</td></tr>
        </table>
        """)
        #expect(result.removed.map(\.description) == [
            "line 1: the attribute border of <table>", "line 1: the attribute style of <table>", "line 3: the attribute class of <td>",
        ])
    }

    @Test func lineBreaksSuperscriptsAndEmphasisStay() {
        #expect(clean("m<sup>2</sup>, H<sub>2</sub>O<br>dòng hai<br/><b>đậm</b> <i>nghiêng</i> <strong>s</strong> <em>e</em>")
                == "m<sup>2</sup>, H<sub>2</sub>O<br>dòng hai<br><b>đậm</b> <i>nghiêng</i> <strong>s</strong> <em>e</em>")
        #expect(clean("<p>Một</p><ul><li>a<li>b</ul><ol><li>c</li></ol>") == "<p>Một</p><ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>")
    }

    @Test func scriptsAndStylesGoWithTheirContent() {
        let result = sanitizer.sanitize("a<script>alert('<b>x</b>')</script>b<STYLE>td{color:red}</STYLE>c<ScRiPt src=x.js></sCrIpT>d")
        #expect(result.html == "abcd")
        #expect(result.removed.map(\.what) == ["<script> and its content", "<style> and its content", "<script> and its content"])
    }

    @Test func eventHandlersAndUnsafeLinksAreRemoved() {
        let result = sanitizer.sanitize("<td onclick=\"alert(1)\" onmouseover=x colspan=\"3\">ô</td>"
                                        + "<a href=\"javascript:alert(1)\">xem</a>")
        #expect(result.html == "<td colspan=\"3\">ô</td>xem")
        #expect(result.removed.map(\.what) == [
            "the attribute onclick of <td>", "the attribute onmouseover of <td>", "the link <a>; its text is kept",
        ])
    }

    @Test func imagesSvgAndIframesAreRemoved() {
        let result = sanitizer.sanitize("<img src=x onerror=alert(1)>trước<svg onload=alert(1)><svg><script>alert(1)</script></svg>ẩn</svg>"
                                        + "sau<iframe src=//x></iframe>")
        #expect(result.html == "trướcsau")
        #expect(result.removed.map(\.what) == ["the image <img>", "<svg> and its content", "<iframe> and its content"])
    }

    @Test func commentsCdataAndDeclarationsAreRemoved() {
        let result = sanitizer.sanitize("a<!-- <script>x</script> -->b<![CDATA[<img src=x>]]>c<!DOCTYPE html>d<?xml x?>e")
        #expect(result.html == "abcde")
        #expect(result.removed.count == 4)
        #expect(clean("a<!-- never closed <b>x</b>") == "a")
    }

    @Test func unclosedTagsAreClosedOrDropped() {
        #expect(clean("<table><tr><td>1<td>2<tr><td>3") == "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>")
        let dangling = sanitizer.sanitize("văn bản <td onclick=\"x")
        #expect(dangling.html == "văn bản ")
        #expect(dangling.removed.map(\.what) == ["an unclosed tag"])
        #expect(clean("</td></table>chữ</b>") == "chữ")
    }

    @Test func nestedTablesStayBalanced() {
        let html = clean("<table><tr><td><table><tr><td>trong</td></tr></table></td><td>ngoài</td></tr></table>")
        #expect(html == "<table><tr><td><table><tr><td>trong</td></tr></table></td><td>ngoài</td></tr></table>")
    }

    @Test func uppercaseTagsAndUnquotedAttributes() {
        #expect(clean("<TABLE><TR><TD COLSPAN=2 STYLE=x>A</TD></TR></TABLE>") == "<table><tr><td colspan=\"2\">A</td></tr></table>")
        #expect(clean("<td colspan=\"2 onmouseover=alert(1)\">x</td>") == "<td>x</td>")
        #expect(clean("<td rowspan=-1 colspan=99999>x</td>") == "<td>x</td>")
        #expect(clean("<p colspan=2>x</p>") == "<p>x</p>")
    }

    @Test func entitiesAreDecodedAndEscapedAgain() {
        #expect(clean("a &lt;script&gt; &amp; &#7871; &#x1EBF; &nbsp;b &copy; & c < d > e \" '") ==
                "a &lt;script&gt; &amp; ế ế \u{00A0}b &amp;copy; &amp; c &lt; d &gt; e &quot; &#39;")
        #expect(clean("&#0;&#x110000;") == "\u{FFFD}\u{FFFD}")
    }

    @Test func hostileInputNeverLeavesAnUnescapedTag() {
        let hostile = [
            "<scr<script>ipt>alert(1)</script>", "<<b>>x", "<b <i>x</i>", "<td colspan='2'' onclick=x>", "<a href=\"x\"<script>",
            "<svg/onload=alert(1)>", "<img/src/onerror=alert(1)>", "<br/onload=x>", "<math><mi xlink:href=x>y</mi></math>",
            "<table><tr><td><textarea></td></tr></table><script>alert(1)</script>", "<!--><script>alert(1)</script>-->",
            "<style><img src=x onerror=alert(1)></style>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        ]
        for input in hostile {
            let html = clean(input)
            expectOnlyAllowedTags(html)
            #expect(!html.lowercased().contains("onerror") || !html.contains("<img"), "\(input) → \(html)")
            #expect(!html.contains("<script"), "\(input) → \(html)")
        }
    }

    @Test func removalsCarryTheirLine() {
        let result = sanitizer.sanitize("<table>\n<tr>\n<td style=\"x\">1</td>\n</tr>\n</table>\n<script>\n</script>")
        #expect(result.removed == [
            .init(line: 3, what: "the attribute style of <td>"), .init(line: 6, what: "<script> and its content"),
        ])
    }
}

extension HTMLSanitizerTests {
    @Test func inlineTagsPairUpAcrossNodes() {
        let results = sanitizer.sanitize(inline: ["<sup>", "</sup>", "<b onclick=x>", "<td>", "<br>"])
        #expect(results.map(\.html) == ["<sup>", "</sup>", "<b>", "", "<br></b>"])
        #expect(results.map { $0.removed.map(\.what) } == [
            [], [], ["the attribute onclick of <b>"], ["the tag <td>; its text is kept"], [],
        ])
        #expect(sanitizer.sanitize(inline: ["</i>", "<script>"]).map(\.html) == ["", ""])
    }
}
