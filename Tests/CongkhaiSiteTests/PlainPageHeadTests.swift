@testable import CongkhaiSite
import CongkhaiDomain
import Foundation
import Testing

/// Whether a file is a plain page is read from its first bytes; the lines that cannot say so are passed over
/// as bytes. The answer must be the one of reading every line as Characters.
@Suite struct PlainPageHeadTests {
    typealias SplitMix = IncrementalBuildTests.Random

    /// The reading of every line as Characters, which the bytes shortcut must agree with.
    static func byCharacters(_ head: Data) -> Bool { PlainPage.typeByCharacters(head) }

    /// Pieces front matter is made of, with what could fool a reading by bytes: a no-break space or an ideographic
    /// space before "type:", a combining mark after a dash or a colon, "\r\n", tabs, a letter "t" that starts
    /// another key, an accented "Type".
    static let pieces = ["---", "\n", "type:", "type: trang", " trang", "Trang", "TRANG", "tiêu đề: Giới thiệu", "title: x",
                         "\u{00A0}", "\u{3000}", "\u{0301}", "\t", " ", "\r\n", "\r", "-", "t", "ty", "\"", "'", "văn bản", "tráng",
                         "- a", "tags: [a]", "loai: kế hoạch", "ý", "\u{FEFF}", ":"]

    @Test func linesPassedOverAsBytesSayWhatTheirCharactersSay() {
        var rng = SplitMix(state: 7)
        var plain = 0
        for _ in 0..<30_000 {
            let body = (0..<Int.random(in: 0...14, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            let text = (Bool.random(using: &rng) ? "---\n" : "") + body
            var head = Data(text.utf8)
            if Int.random(in: 0..<10, using: &rng) == 0, !head.isEmpty { head.removeLast() } // a sequence cut short
            if Int.random(in: 0..<20, using: &rng) == 0 { // not UTF-8: a stray byte, an overlong "/", a surrogate
                let bad: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80]]
                head.insert(contentsOf: bad.randomElement(using: &rng)!, at: Int.random(in: 0...head.count, using: &rng))
            }
            let expected = Self.byCharacters(head)
            if expected { plain += 1 }
            #expect(PlainPage.isPlainPage(path: "2024/a.md", head: head) == expected, "\(text.debugDescription)")
        }
        #expect(plain > 50) // the random heads do reach both answers
    }

    @Test func examples() {
        let cases: [(String, Bool)] = [
            ("---\ntitle: Giới thiệu\ntype: trang\n---\n", true),
            ("---\ntiêu đề: Sở\ntype: Trang\n---\n", true),
            ("---\ntitle: A\n---\ntype: trang\n", false),
            ("---\n\u{00A0}type: trang\n---\n", true),
            ("---\r\ntype: trang\r\n---\r\n", false), // "\r\n" is one Character: the whole text is the opening line
            ("---\ntags: [t]\ntype: 'trang'\n", true),
            ("---\ntype: kế hoạch\n", false),
            ("type: trang\n", false),
            ("\u{FEFF}---\ntype: trang\n", true), // Foundation's decoding drops a byte order mark
            ("---\u{0301}\ntype: trang\n", false),
            ("---", false), ("--", false), ("", false),
        ]
        for (text, expected) in cases {
            #expect(PlainPage.isPlainPage(path: "2024/a.md", head: Data(text.utf8)) == expected, "\(text.debugDescription)")
            #expect(Self.byCharacters(Data(text.utf8)) == expected, "\(text.debugDescription)")
        }
    }
}
