import Foundation
import Testing
@testable import CongkhaiDomain

/// `JSONString.quote` copies runs of bytes that need no escape whole and writes into bytes as well as
/// into a string: both must write, byte for byte, what the escaping written scalar by scalar wrote
/// before (the published open data must not change), and what they write must read back as the text.
@Suite struct JSONStringTests {
    /// Compared as bytes: `==` on strings treats canonically equivalent text as equal.
    /// The escaping as it was first written: one scalar at a time, by rule, with no fast path.
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20: out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static let samples = [
        "", "a", "\"", "\\", "<", "\u{2028}", "\u{2029}", "\u{0}", "\u{1F}", "\u{7F}",
        "Quyết định số 15/QĐ-STTTT", "\u{01}\u{02}\u{0B}\u{0C}\u{0E}\u{10}\u{1A}\u{1F}",
        "<p>Thực hiện <a href=\"../../van-ban/2018/51-tb/index.html\">Thông báo</a> ngày 7/5/2018;</p>\n<p>hết</p>",
        "dòng\nhai\r\tba", "tách\u{2028}đoạn\u{2029}hết", "\u{2028}\u{2028}\u{2029}",
        // Other characters whose UTF-8 begins with 0xE2, as U+2028 does: dashes, quotes, the ellipsis, arrows.
        "– — … “” ‘’ • ₫ € → ⇒ ∑ ⌘ ☃ ⓐ \u{2027}\u{202A}\u{2000}",
        "kết thúc bằng <", "kết thúc bằng \\", "kết thúc bằng \u{2029}", "ends in E2 lead: –",
        "😀 emoji 🇻🇳 and combining: e\u{301} a\u{300}", String(repeating: "dài không cần thoát ", count: 500),
        String(repeating: "<b>\"x\"</b>\\", count: 200),
    ]

    @Test func quoteWritesWhatTheScalarByScalarEscapingWrote() {
        for text in Self.samples {
            let expected = Self.reference(text)
            #expect(Array(JSONString.quote(text).utf8) == Array(expected.utf8), "\(text.debugDescription)")
            var bytes: [UInt8] = Array("prefix".utf8)
            JSONString.quote(text, into: &bytes)
            #expect(bytes == Array(("prefix" + expected).utf8), "\(text.debugDescription)")
            var string = "prefix"
            JSONString.quote(text, into: &string)
            #expect(Array(string.utf8) == Array(("prefix" + expected).utf8), "\(text.debugDescription)")
        }
    }

    @Test func randomTextIsEscapedAsBefore() {
        // Every special character among ordinary ones, at every position; a fixed seed, so a failure repeats.
        let alphabet: [Character] = ["a", " ", "\"", "\\", "<", ">", "&", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{2028}",
                                     "\u{2029}", "–", "…", "ệ", "Đ", "😀", "\u{2027}", "\u{202F}"]
        var generator = SplitMix(seed: 2026)
        for _ in 0..<2000 {
            let length = Int(generator.next() % 40)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            #expect(Array(JSONString.quote(text).utf8) == Array(Self.reference(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test func quotedTextReadsBack() throws {
        for text in Self.samples {
            let quoted = JSONString.quote(text)
            #expect(!quoted.contains("<") && !quoted.unicodeScalars.contains("\u{2028}") && !quoted.unicodeScalars.contains("\u{2029}"))
            let decoded = try JSONSerialization.jsonObject(with: Data(("[" + quoted + "]").utf8)) as? [String]
            #expect(decoded == [text], "\(quoted)")
        }
    }

    /// A small deterministic generator (SplitMix64), so that the random test is the same on every run.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
