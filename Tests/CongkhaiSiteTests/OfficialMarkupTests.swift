import Testing
import CongkhaiDomain
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

    /// Outside a decision a paragraph is turned into text only when its first visible byte may open "Kính gửi":
    /// every paragraph must get the class the full reading gives it.
    @Test func theAddresseeGateAgreesWithTheFullReading() {
        let paragraphs = ["<p>Kính gửi:</p>", "<p><strong>Kính gửi:</strong> Sở Mây Trắng</p>", "<p>- Kính gửi: Ban Đồi Mây</p>",
                          "<p>\u{00A0}Kính gửi:</p>", "<p>**Kính gửi:**</p>", "<p>__<em>Kính gửi</em>__: Ủy ban</p>",
                          "<p>  -  Kính gửi: Phòng A</p>", "<p>Lời Kính gửi</p>", "<p>Kinh gui</p>", "<p>&quot;Kính gửi&quot;</p>",
                          "<p>K</p>", "<p></p>", "<p>\u{2003}Kính gửi: Sở</p>", "<p>1. Kính gửi</p>"]
        for paragraph in paragraphs {
            let text = OfficialMarkup.plainText(paragraph[...])
            let expected = OfficialLines.kind(of: text, inDecision: false, afterEnactingWord: false) == .addressee
            let marked = OfficialMarkup.apply(paragraph, typeCode: "CV").contains("official-addressee")
            #expect(marked == expected, "\(paragraph)")
        }
        #expect(OfficialMarkup.apply("<p>\u{00A0}Kính gửi:</p>", typeCode: "CV").contains("official-addressee"))
        #expect(OfficialMarkup.firstVisibleByte("<p><em>* - x</em></p>"[...].utf8) == UInt8(ascii: "x"))
        #expect(OfficialMarkup.firstVisibleByte("<p> </p>"[...].utf8) == nil)
    }
}
