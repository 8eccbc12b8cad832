import CongkhaiDomain
@testable import CongkhaiSite
import Testing

/// The search index's text files hold each document's plain text: made byte by byte for speed, it must be
/// exactly what the rule gives, since the site's files must not change by a byte.
@Suite struct SearchFilesTextTests {
    /// How the text was made when each part was stripped into its own string (commit 4ee7ce6): the rule.
    static func referenceStrip(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        var inTag = false
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            var b = bytes[i]
            i += 1
            if inTag {
                if b == 0x3E { inTag = false; pendingSpace = true }
                continue
            }
            switch b {
            case 0x3C: inTag = true; continue
            case 0x20, 0x0A, 0x09, 0x0D: pendingSpace = true; continue
            case 0x26:
                for (name, value) in SearchFiles.entities where i - 1 + name.count <= bytes.count {
                    if (1..<name.count).allSatisfy({ bytes[i - 1 + $0] == name[$0] }) {
                        b = value
                        i += name.count - 1
                        break
                    }
                }
            default: break
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func reference(_ parts: [String]) -> String {
        parts.map(referenceStrip).filter { !$0.isEmpty }.joined(separator: " ")
    }

    static let examples: [[String]] = [
        ["<p>Quyết <strong>định</strong> số 1.004492</p>\n<p>  về thuỷ lợi </p>"],
        ["<p>A &amp; B</p>", "", "<div></div>", "  \n ", "<p>&lt;x&gt; &quot;q&quot; &#39;s&#39; &amp;lt; &nbsp; &</p>"],
        ["", "<p>only the second</p>"],
        ["text without tags", "<unclosed tag", "a<b>c</b>d", "&am", "&amp"],
        ["<p>x</p>", "<p>y</p>", ""],
        [],
        ["tail &"],
        ["\t\r\nxin\tchào\r\n"],
    ]

    /// A little generator with a fixed seed, so that a failure shows again on the next run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ state >> 29
        }
    }

    @Test func partsAreStrippedAndJoinedAsTheRuleSays() {
        for parts in Self.examples {
            #expect(SearchFiles.stripTags(parts) == Self.reference(parts), "\(parts)")
        }
        #expect(SearchFiles.stripTags(["<p>A &amp; B</p>", "<p></p>", "<p>Ủy ban</p>"]) == "A & B Ủy ban")
    }

    @Test func generatedMarkupGivesWhatTheRuleGives() {
        var generator = Generator(state: 4_492)
        let pieces = ["<p>", "</p>", "<a href=\"x\">", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&", " ", "\n", "\t", "  ",
                      "Quyết", "định", "số", "1.004492", "ủy", "<", ">", "x", "😀", "&amp", ""]
        for _ in 0..<2_000 {
            let parts = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            #expect(SearchFiles.stripTags(parts) == Self.reference(parts), "\(parts)")
        }
    }

    /// The text file as it was written before it was made in one string (commit 4ee7ce6): the rule.
    static func referenceTextFile(id: String, text: String) -> String {
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x3C { return false }
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
                i += 1
            }
            return true
        } ?? false
        return "CKSearch.text(\"\(id)\"," + (clean ? "\"" + text + "\"" : JSONString.quote(text)) + ");\n"
    }

    @Test func textFilesQuoteTheTextAsTheRuleSays() {
        let texts = ["Quyết định số 1.004492", "", "a \"quoted\" word", "back\\slash", "<script>", "tab\there", "line\nbreak",
                     "\u{01}", "dash – and … ok", "sep\u{2028}arator", "para\u{2029}graph", "x–",
                     "\u{2013}\u{2026}\u{2028}", "😀 ủy ban"]
        for text in texts {
            #expect(SearchFiles.textFile(name: "0123456789abcdef", text: text)
                    == Self.referenceTextFile(id: "0123456789abcdef", text: text),
                    "\(text.debugDescription)")
        }
        #expect(SearchFiles.textFile(name: "ab", text: "x\"y") == "CKSearch.text(\"ab\",\"x\\\"y\");\n")
        #expect(SearchFiles.textFile(name: "ab", text: "xin chào") == "CKSearch.text(\"ab\",\"xin chào\");\n")
    }
}

/// A document's context file keeps passages of its text only: the first use of every word, with the text around
/// it, must be in them, in order, so that the script finds a query's first match where the whole text has it.
@Suite struct SearchPassagesTests {
    /// The plain rule: the text around each word's first use, found by looking for it in the words one by one.
    static func check(_ text: String) {
        let found = SearchIndex.termsAndFirstUses(head: [], body: text)
        let passages = SearchFiles.passages(of: text, firstUses: found.firstUses)
        let bytes = Array(text.utf8)
        var searchFrom = passages.startIndex
        for use in found.firstUses {
            // the word with at least the bytes kept around it (cut to whole scalars), in order
            var start = max(0, use.lowerBound - SearchFiles.contextBefore)
            var end = min(bytes.count, use.upperBound + SearchFiles.contextAfter)
            while start < use.lowerBound && bytes[start] & 0xC0 == 0x80 { start += 1 }
            while end > use.upperBound && end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            let around = String(decoding: bytes[start..<end], as: UTF8.self)
            guard let at = passages.range(of: around, range: searchFrom..<passages.endIndex) else {
                Issue.record("\(around.debugDescription) is not in the passages of \(text.debugDescription): \(passages.debugDescription)")
                return
            }
            searchFrom = at.lowerBound
        }
        // nothing but the text's own bytes and the gaps' marks
        #expect(passages.replacingOccurrences(of: "… ", with: "").replacingOccurrences(of: " …", with: "").utf8.count <= bytes.count)
        if found.firstUses.isEmpty { #expect(passages.isEmpty) }
    }

    @Test func passagesOnExamples() {
        #expect(SearchFiles.passages(of: "", firstUses: []) == "")
        let words = (0..<60).map { "từ\($0)" }.joined(separator: " ")
        Self.check(words)
        Self.check(words + " " + words + " " + words + " mới")
        // a new word far from the others: its passage stands apart, marked as a gap
        let text = "Kế hoạch số 545/KH. " + String(repeating: "kế hoạch ", count: 60) + "đường giao thông."
            + String(repeating: " kế", count: 60)
        let passages = SearchFiles.passages(of: text, firstUses: SearchIndex.termsAndFirstUses(head: [], body: text).firstUses)
        #expect(passages.hasPrefix("Kế hoạch số 545/KH. kế hoạch"))
        #expect(passages.contains(" … "))
        #expect(passages.contains("kế hoạch đường giao thông. kế"))
        #expect(passages.hasSuffix(" …"))
        #expect(passages.utf8.count < text.utf8.count / 2)
        Self.check(text)
    }

    @Test func passagesOnGeneratedText() {
        var generator = SearchFilesTextTests.Generator(state: 545)
        let pieces = ["kế", "hoạch", "545/KH", "1.004492", "ủy", "ban", "thuỷ", "😀", "x", ".", ",", "–", "đường", "mới", "số"]
        for _ in 0..<500 {
            var words: [String] = []
            for _ in 0..<Int.random(in: 0...400, using: &generator) {
                words.append(Int.random(in: 0..<8, using: &generator) == 0
                    ? "w\(Int.random(in: 0..<50, using: &generator))" : pieces.randomElement(using: &generator)!)
            }
            Self.check(words.joined(separator: " "))
        }
    }
}
