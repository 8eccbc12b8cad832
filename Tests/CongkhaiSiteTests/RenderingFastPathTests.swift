@testable import CongkhaiSite
import CongkhaiDomain
import CongkhaiMarkdown
import Foundation
import Testing

/// The shortcuts taken while rendering must change nothing: each is compared
/// with the slower way it replaced, on examples and on random inputs.
@Suite struct RenderingFastPathTests {
    /// A small generator with a fixed seed, so a failure can be replayed: the incremental build tests' one.
    typealias SplitMix = IncrementalBuildTests.Random

    /// Pieces citations are made of, and the prose around them.
    static let pieces = ["1", "2", "0", "15", "2020", "144", "/", "-", " ", "NĐ", "CP", "KH", "TU", "QĐ", "UBND", "BCA", ":",
                         ".", "số ", "Nghị định ", "Kế hoạch ", "ngày ", "của ", "Ủy ban", "“", "”", "–", "x", "a", "\n", "_", "&"]

    static func randomText(_ rng: inout SplitMix, length: Int) -> String {
        (0..<length).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func mayHoldCitation(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { DocumentTextRenderer.mayHoldCitation($0) }
    }

    @Test func textRuledOutHoldsNoCitation() {
        let scanner = CitationScanner()
        var rng = SplitMix(state: 42)
        var ruledOut = 0, kept = 0
        for _ in 0..<20_000 {
            let text = Self.randomText(&rng, length: Int.random(in: 1...24, using: &rng))
            if Self.mayHoldCitation(text) {
                kept += 1
            } else {
                ruledOut += 1
                #expect(scanner.scan(text, details: false).isEmpty, "\(text)")
            }
        }
        // both sides of the check are exercised
        #expect(ruledOut > 1000 && kept > 1000)
    }

    @Test func citationsAreNotRuledOut() {
        let examples = ["Nghị định số 144/2021/NĐ-CP ngày 31/12/2021", "Kế hoạch 12-KH/TU", "theo 15/2020/NĐ- CP",
                        "QĐ 5/QĐ-UBND", "“01-CT/TW”", "số 3/BC-UBND.", "Thông tư 05/2015/TT-BCA"]
        for text in examples {
            #expect(!CitationScanner().scan(text, details: false).isEmpty, "\(text)")
            #expect(Self.mayHoldCitation(text), "\(text)")
        }
        for text in ["Điều 5", "năm 2020", "ngày 15.4", "a-b/c", "", "1", "khoản 2 - điểm a", "ngày 15/4/2016", "1/3", "20-",
                     "2015/2020/", "12/2015/5"] {
            #expect(!Self.mayHoldCitation(text), "\(text)")
        }
    }

    /// Rendering with the check gives the same HTML as handing every text node to the linker.
    @Test func linkingWithTheCheckRendersTheSame() {
        let scanner = CitationScanner()
        let link: (String) -> [TextPiece] = { text in
            let found = scanner.scan(text, details: false)
            guard let first = found.first else { return [.text(text)] }
            let bytes = Array(text.utf8)
            return [.text(String(decoding: bytes[..<first.linkRange.lowerBound], as: UTF8.self)),
                    .link(String(decoding: bytes[first.linkRange], as: UTF8.self), url: "van-ban.html"),
                    .text(String(decoding: bytes[first.linkRange.upperBound...], as: UTF8.self))]
        }
        let checked = TextLinker(mayLink: DocumentTextRenderer.mayHoldCitation, link: link)
        let unchecked = TextLinker(link: link)
        var rng = SplitMix(state: 7)
        let markup = ["\n\n", "# ", "**", "*", "[x](y) ", "`", "| a | b |\n|---|---|\n| ", "- ", "<b>", "</b>",
                      "Nghị định 144/2021/NĐ-CP ", " 12-KH/TU", "ngày 15/4/2016 "]
        var linked = 0
        for _ in 0..<1_000 {
            var markdown = ""
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                markdown += Bool.random(using: &rng) ? markup.randomElement(using: &rng)! : Self.randomText(&rng, length: 8)
            }
            let fast = MarkdownRenderer().render(markdown, linkText: checked).html
            let slow = MarkdownRenderer().render(markdown, linkText: unchecked).html
            #expect(fast == slow, "\(markdown)")
            if fast.contains("van-ban.html") { linked += 1 }
        }
        #expect(linked > 50)
    }

    /// A value as text with the keys of each object sorted, so two conversions can be compared.
    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .text(let s): return "text(\(s))"
        case .number(let n): return "number(\(n))"
        case .flag(let b): return "flag(\(b))"
        case .list(let items): return "list[" + items.map(Self.describe).joined(separator: ", ") + "]"
        case .object(let values): return "object{" + values.sorted { $0.key < $1.key }.map { "\($0.key): \(Self.describe($0.value))" }
            .joined(separator: ", ") + "}"
        case .strings(let values): return "strings\(values.sorted { $0.key < $1.key })"
        }
    }

    /// Converting by exact type gives what the casts gave, for every type pages put in a context.
    @Test func templateValuesByTypeMatchTheCasts() throws {
        let values: [Any] = [
            "chữ", 7, true, false, ["a", "b"], [String](), ["id": "muc-1", "text": "Một"], [["id": "muc-1", "text": "Một"]],
            [[String: String]](), ["label": "Số", "datetime": false, "n": 3] as [String: Any],
            [["href": "a.html", "date": false]] as [[String: Any]],
            [[String: Any]](), [String: Any](), ["x", 1, true, ["y": "z"]] as [Any], [Any](), [["a"], ["b", "c"]],
            ["doc": ["toc": [["id": "i", "text": "t"]], "meta": [["label": "l", "datetime": false] as [String: Any]]] as [String: Any]],
        ]
        for value in values {
            #expect(Self.describe(try TemplateValue(value)) == Self.describe(try TemplateValue(casting: value)), "\(value)")
        }
        #expect(throws: TemplateValue.Unsupported.self) { try TemplateValue(3.5) }
    }
}
