import Foundation
import Mustache
import Testing
import CongkhaiDomain
@testable import CongkhaiSite

/// The shortcuts of the rendering step give what the longer ways gave.
@Suite struct RenderSpeedEquivalenceTests {
    /// A paragraph left out by `candidateText` is one `OfficialLines` finds nothing in, in and out of a decision,
    /// before and after the enacting word.
    @Test func paragraphsLeftOutOfTheOfficialReadingAreOrdinary() {
        let paragraphs = ["<p>GIÁM ĐỐC SỞ MÂY TRẮNG</p>", "<p><strong>QUYẾT ĐỊNH:</strong></p>", "<p>Kính gửi:</p>",
                          "<p>\u{212A}ính gửi: Sở</p>", "<p>ỦY BAN NHÂN DÂN x</p>", "<p>CHỦ TỊCH &amp; PHÓ</p>", "<p>QUYẾT ĐỊNH:</p>",
                          "<p>Căn cứ Luật Tổ chức.</p>", "<p>ĐIỀU 1. QUY ĐỊNH</p>", "<p>**GIÁM ĐỐC**</p>", "<p>- Kính gửi: A</p>",
                          "<p>Nơi nhận:</p>", "<p>TRƯỞNG BAN</p>", "<p>&quot;QUYẾT NGHỊ:&quot;</p>", "<p>K</p>", "<p></p>"]
        for paragraph in paragraphs {
            let text = OfficialMarkup.plainText(paragraph[...])
            for inDecision in [false, true] {
                for after in [false, true] where OfficialMarkup.candidateText(paragraph[...], inDecision: inDecision).isEmpty {
                    #expect(OfficialLines.kind(of: text, inDecision: inDecision, afterEnactingWord: after) == nil, "\(paragraph)")
                }
                let candidate = OfficialMarkup.candidateText(paragraph[...], inDecision: inDecision)
                #expect(candidate.isEmpty || candidate == text, "\(paragraph)")
            }
        }
    }

    /// A page rendered as bytes is the page rendered as a string, escapes, indented partials and "\r\n" included.
    @Test func pagesAsBytesAreThePagesAsStrings() throws {
        let texts = ["a & b <c> \"d\" 'e'", "Kính gửi: Sở", "", "x\r\n", "\r\n  y", "&amp;", "Ủy ban \u{2028}"]
        for text in texts {
            var bytes = PageBytes()
            bytes.appendEscaped(text)
            #expect(bytes.bytes == Array(HTMLText.escape(text).utf8), "\(text)")
            var plain = PageBytes()
            plain.append(text)
            #expect(plain.endsLine == text.endsLine, "\(text)")
        }
        let compiled = try #require(CompiledRenderer(try Self.library(), names: ["page", "item"]))
        let value = try TemplateValue(["items": [["name": "A & B\r\n"], ["name": "Kính gửi\n"]], "title": "<T>"] as [String: Any])
        let page = try #require(try compiled.render(value, template: "page"))
        let bytes = try #require(try compiled.render(value, template: "page", as: PageBytes.self))
        #expect(bytes.bytes == Array(page.utf8))
        #expect(page.contains("  <li>A &amp; B"))
    }

    private static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        _ = FastHTMLContentType.registered
        try library.register(FastHTMLContentType.pragma + "<h1>{{title}}</h1>\n<ul>\n  {{> item}}\n</ul>\n", named: "page")
        try library.register(FastHTMLContentType.pragma + "{{#items}}\n<li>{{name}}</li>\n{{{name}}}\n{{/items}}\n", named: "item")
        return library
    }

    /// `trimmingSpaces` trims what `trimmingCharacters(in: .whitespaces)` trims.
    @Test func spacesAreFoundationsWhitespaces() {
        let scalars = (0..<0x3100).compactMap(Unicode.Scalar.init) + [0xFEFF, 0x1680, 0x180E, 0xE0020].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let text = String(scalar)
            #expect(scalar.isSpace == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(scalar.value)")
        }
        for text in ["", " a ", "\ta", "a\u{3000}", "\u{00A0}x\u{00A0}", "x\n", "\nx", "Mức độ 4"] {
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
    }
}
