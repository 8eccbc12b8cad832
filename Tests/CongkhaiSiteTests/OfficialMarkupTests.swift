import Testing
@testable import CongkhaiSite

@Suite struct OfficialMarkupTests {
    @Test func paragraphWordsAreDecodedInOnePass() {
        #expect(OfficialMarkup.plainText("<p><strong>A &amp; B</strong> &lt;x&gt; &quot;q&quot; &amp;lt; &nbsp;</p>")
                == "A & B <x> \"q\" &lt; &nbsp;")
    }

    @Test func setApartLinesGetTheirClassesAndLongParagraphsStayAsWritten() {
        let long = String(repeating: "Nội dung dài của đoạn văn. ", count: 80)
        let html = "<p>GIÁM ĐỐC SỞ MÂY TRẮNG</p>\n<p>\(long)</p>\n<pre><p>x</p></pre>\n<p><strong>QUYẾT ĐỊNH:</strong></p>\n"
            + "<p>Kính gửi:</p>\n<ul>\n<li>Ủy ban nhân dân xã Đồi Mây</li>\n</ul>\n<p>Cuối.</p>"
        let out = OfficialMarkup.apply(html, typeCode: "QĐ")
        #expect(out == "<p class=\"official-authority\">GIÁM ĐỐC SỞ MÂY TRẮNG</p>\n<p>\(long)</p>\n<pre><p>x</p></pre>\n"
                + "<p class=\"official-enacting\"><strong>QUYẾT ĐỊNH:</strong></p>\n<div class=\"official-addressees\"><p>Kính gửi:</p>\n"
                + "<ul>\n<li>Ủy ban nhân dân xã Đồi Mây</li>\n</ul></div>\n<p>Cuối.</p>")
        #expect(OfficialMarkup.apply("<p>Không có gì.</p>", typeCode: "QĐ") == "<p>Không có gì.</p>")
    }
}
