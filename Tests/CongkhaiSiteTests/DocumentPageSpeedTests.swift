import CongkhaiDomain
import Foundation
import Mustache
import Testing
@testable import CongkhaiSite

/// The shortcuts of a document's page give what the longer ways give: escaping by a bit mask, and a context built
/// as template values (compared with swift-mustache rendering it as `[String: Any]`).
@Suite struct DocumentPageSpeedTests {
    /// The bit mask of `PageBytes.appendEscaped` holds the bytes `HTMLText.entity(for:)` replaces, and no other.
    @Test func theEscapeMaskIsTheEntityTable() {
        for byte in 0...255 {
            let inMask = byte < 64 && PageBytes.escapedBelow64 >> UInt64(byte) & 1 != 0
            #expect(inMask == (HTMLText.entity(for: UInt8(byte)) != nil), "\(byte)")
        }
    }

    /// The test of eight bytes at once finds each of the five at each place, whatever bytes are around it.
    @Test func eightBytesAtOnceMissNoEscapedByte() {
        var generator = SystemRandomNumberGenerator()
        for byte in [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")] {
            for place in 0..<8 {
                for _ in 0..<500 {
                    var word = UInt64.random(in: 0...UInt64.max, using: &generator)
                    word = word & ~(0xFF << UInt64(place * 8)) | UInt64(byte) << UInt64(place * 8)
                    #expect(PageBytes.mayHoldEscaped(word), "\(byte) at \(place) in \(String(word, radix: 16))")
                }
            }
        }
        #expect(!PageBytes.mayHoldEscaped(0x6E68_E1BB_8720_6261)) // "ba ̣ nh…": letters, a space, UTF-8 of Vietnamese
    }

    /// Random texts of Vietnamese letters, the five escaped characters, spaces, line ends and emoji, escaped into
    /// page bytes, are `HTMLText.escape` of them.
    @Test func escapingIntoBytesIsEscapingText() {
        for text in Self.randomTexts() {
            var bytes = PageBytes()
            bytes.appendEscaped(text)
            #expect(bytes.bytes == Array(HTMLText.escape(text).utf8), "\(text)")
        }
    }

    /// Links and suffixes made at their size at once are those `+` makes.
    @Test func textsJoinedAtOnceAreTextsAdded() {
        let texts = Self.randomTexts(count: 300) + ["../../", "van-ban/2024/05-kh-snv/", String(repeating: "ộ", count: 40)]
        for (a, b) in zip(texts, texts.shuffled()) {
            #expect(Formatting.joined(a, b) == a + b)
            #expect(Formatting.joined(" (", a, b) == " (" + a + b)
            #expect(Routes.href(a, b) == a + b + "index.html")
        }
    }

    /// Texts of Vietnamese letters, the five escaped characters, spaces, line ends, combining marks and emoji.
    static func randomTexts(count: Int = 2000) -> [String] {
        let pieces = ["Ủy", "ban", " ", "nhân", "dân", "&", "<", ">", "\"", "'", "&amp;", "\r\n", "\n", "đ", "Đ", "ạ", "ỹ",
                      "🇻🇳", "a", "1", "?", "=", ";", "/", "\u{0301}", "\t", ""]
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "&", "<>", "không có gì", "'\"'"]
        for _ in 0..<count {
            let length = Int.random(in: 0...24, using: &generator)
            texts.append((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return texts
    }

    /// Template values converted to `Any` and back are the same values.
    @Test func valuesAsAnyConvertBackToThemselves() throws {
        let values: [TemplateValue] = [
            .text("chữ"), .number(3), .flag(false), .list([]), .list([.text("a"), .text("b")]),
            .list([.object(["id": .text("i"), "n": .number(1)]), .object([:])]), .list([.object(["a": .flag(true)]), .text("x")]),
            .object(["doc": .object(["meta": .list([.object(["label": .text("l"), "datetime": .flag(false)])])]),
                     "t": .strings(["home": "Trang chủ"])]),
        ]
        for value in values {
            #expect(RenderingFastPathTests.describe(try TemplateValue(value.any)) == RenderingFastPathTests.describe(value))
        }
    }

    /// Every document of the sample site: its page from the values built for the compiled templates is the page
    /// swift-mustache renders from the same context as `[String: Any]`, and converting that context gives the values.
    @Test func documentPagesAreWhatSwiftMustacheRenders() throws {
        let content = SiteFixture.repository.appendingPathComponent("Content")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("page-speed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = SiteBuilder.Options(content: content, theme: SiteFixture.theme, output: output)
        let (_, state) = try SiteBuilder(options).run(into: PageSink(.memory)) { _ in }
        var page = DocumentPage(frame: state.pageFrame)
        page.citationPages = CitationPageIndex(state.graph)
        let documents = state.records.filter { $0.procedure == nil }
        #expect(documents.count > 5)
        for record in documents {
            let values = page.values(of: record)
            let context = page.context(of: record)
            #expect(RenderingFastPathTests.describe(try TemplateValue(context)) == RenderingFastPathTests.describe(.object(values)),
                    "\(record.url)")
            let slow = try #require(state.theme.library.render(context, withTemplate: "document"))
            #expect(page.renderBytes(record) == Array(slow.utf8), "\(record.url)")
            #expect(page.render(record) == slow, "\(record.url)")
        }
    }
}
