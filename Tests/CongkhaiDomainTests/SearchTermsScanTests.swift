import Foundation
import Testing
@testable import CongkhaiDomain

/// The tokenizer reads bytes and the index tells words apart as bytes, for speed: these tests hold them to
/// what the plain rules give, word for word, on text built to reach every path (the Latin table, the rare
/// slow path, combining marks, dots between digits, scalars of every UTF-8 length).
@Suite struct SearchTermsScanTests {
    /// The tokenizer as it was when the index made a string per word (commit 4ee7ce6), copied unchanged but for its
    /// name and its output: the rule the byte tokenizer must follow exactly, since the site's files must not change.
    static func referenceExactKeys(in text: String) -> [String] {
        var keys: [String] = []
        func body(_ key: String) { keys.append(key) }
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var tones: [UInt8] = []
        var slowWord = String.UnicodeScalarView() // a word with letters outside the table's one-scalar bases
        var isSlow = false
        var previousIsNumber = false
        var pendingDot = false
        let table = LatinTable.shared
        func finish() {
            if isSlow {
                if !slowWord.isEmpty {
                    body(String(slowWord).precomposedStringWithCanonicalMapping + String(decoding: tones, as: UTF8.self))
                }
            } else if !word.isEmpty {
                word.append(contentsOf: tones)
                body(String(decoding: word, as: UTF8.self))
            }
            word.removeAll(keepingCapacity: true)
            tones.removeAll(keepingCapacity: true)
            if isSlow { slowWord = String.UnicodeScalarView() } // removeAll on this view is slow: only for the rare slow word
            isSlow = false
            previousIsNumber = false
            pendingDot = false
        }
        func append(_ scalar: Unicode.Scalar) {
            if isSlow { slowWord.append(scalar); return }
            let v = scalar.value
            if v < 0x80 {
                word.append(UInt8(v))
            } else if v < 0x800 {
                word.append(UInt8(0xC0 | v >> 6)); word.append(UInt8(0x80 | v & 0x3F))
            } else if v < 0x10000 {
                word.append(UInt8(0xE0 | v >> 12)); word.append(UInt8(0x80 | v >> 6 & 0x3F)); word.append(UInt8(0x80 | v & 0x3F))
            } else {
                word.append(UInt8(0xF0 | v >> 18)); word.append(UInt8(0x80 | v >> 12 & 0x3F))
                word.append(UInt8(0x80 | v >> 6 & 0x3F)); word.append(UInt8(0x80 | v & 0x3F))
            }
        }
        func goSlow() {
            guard !isSlow else { return }
            isSlow = true
            slowWord = String(decoding: word, as: UTF8.self).unicodeScalars
        }
        for scalar in text.unicodeScalars {
            let letter = table.entry(scalar)
            if letter.kind == .separator {
                if scalar == ".", previousIsNumber, !pendingDot {
                    pendingDot = true
                    continue
                }
                finish()
                continue
            }
            if pendingDot {
                pendingDot = false
                if letter.kind == .digit {
                    append(".")
                } else {
                    finish() // "1.a": the dot ends the word after all
                }
            }
            switch letter.kind {
            case .digit:
                append(scalar)
                previousIsNumber = true
            case .letter:
                if let base = letter.base {
                    append(base)
                } else {
                    goSlow()
                    slowWord.append(contentsOf: LatinTable.make(scalar).1.baseText.unicodeScalars)
                }
                if letter.tone != 0 { tones.append(letter.tone) }
                previousIsNumber = false
            case .mark:
                if letter.tone != 0 {
                    tones.append(letter.tone)
                } else if !(isSlow ? slowWord.isEmpty : word.isEmpty) {
                    goSlow()
                    slowWord.append(scalar)
                }
            case .separator:
                break
            }
        }
        finish()
        return keys
    }

    /// Scalars that reach every path of the tokenizer.
    static let pool: [Unicode.Scalar] = {
        let text = "aAzZ09 .,;/-_^`~\t\n" // ASCII letters, digits, separators
            + "ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ" // Vietnamese
            + "ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
            + "\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}" // the five tone marks, combining
            + "\u{0302}\u{0306}\u{031B}\u{0308}\u{20DD}" // other marks: circumflex, breve, horn, diaeresis, enclosing circle
            + "ßẞİıǰŉȺȾǅǄǆ" // letters whose lower case or base is special
            + "ΑάΐωΩЁёѐ" // Greek and Cyrillic (outside the table), some with a tone mark
            + "中文한국어日本" // CJK and Hangul
            + "²½Ⅻⅻ٣" // numbers that are not ASCII digits
            + "“”–—…\u{00A0}\u{2028}\u{FEFF}" // punctuation and spaces
            + "😀𝐀𐐀𐐨" // four-byte scalars: an emoji, a mathematical letter, Deseret capital and small
        return Array(text.unicodeScalars)
    }()

    /// A little generator with a fixed seed, so that a failure shows again on the next run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ state >> 29
        }
    }

    static let examples = [
        "hoá hóa Hoá HÓA", "uỷ ủy Uỷ ban", "thuỷ thủy", "Thủ tục 1.004492", "mã 1.004492.000.00.00.H12", "1..2", "1.a", "2020. Tiếp",
        "545/KH-STTTT-VP", "Quyết định", "Quyết định".decomposedStringWithCanonicalMapping, "a\u{0301}\u{0301}", "\u{0301}a",
        "1.\u{0301}a", "1\u{0302}.2", "x\u{0302}y", "\u{0302}x", "ĐỒNG", "İstanbul", "Ⱥⱥ", "ǰ", "한국어 中文", "αβγ άλφα", "x².5",
        "😀a😀", "𐐀𐐨", "", " ", "...", "1.", ".1", "a.1.2", "9.9.9.x",
    ]

    @Test func theByteTokenizerFollowsTheRulesOnExamples() {
        for text in Self.examples {
            #expect(SearchTerms.exactKeys(in: text) == Self.referenceExactKeys(in: text), "\(text.debugDescription)")
        }
    }

    @Test func theByteTokenizerFollowsTheRulesOnGeneratedText() {
        var generator = Generator(state: 20_261_207)
        for _ in 0..<3_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text.append(Self.pool.randomElement(using: &generator)!) }
            let string = String(text)
            #expect(SearchTerms.exactKeys(in: string) == Self.referenceExactKeys(in: string), "\(string.debugDescription)")
        }
    }

    @Test func theTokenizerReadsTextThatIsNotNativeUTF8() {
        // a string bridged from UTF-16 storage has no contiguous UTF-8: the tokenizer must read it all the same
        let text = NSString(string: "Quyết định số 1.004492 về thuỷ lợi") as String
        #expect(SearchTerms.exactKeys(in: text) == Self.referenceExactKeys(in: "Quyết định số 1.004492 về thuỷ lợi"))
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3] // invalid UTF-8 is repaired when the string is made: "a�b�"
        #expect(SearchTerms.exactKeys(in: String(decoding: bytes, as: UTF8.self)) == ["a", "b"])
    }

    @Test func wordsAreCollectedOncePerDocumentWithTheirPlace() {
        let terms = SearchIndex.terms(head: ["Hoá đơn 1.004492", "uỷ ban"], body: ["hóa đơn điện tử, ủy ban, thuế; hóa đơn", "thuế"])
        #expect(terms == ["hoaS": true, "đơn": true, "1.004492": true, "uyR": true, "ban": true,
                          "điênJ": false, "tưR": false, "thuêS": false])
    }

    @Test func termsMatchAPlainDictionaryOnGeneratedText() {
        var generator = Generator(state: 7)
        for _ in 0..<200 {
            func text() -> String {
                var out = String.UnicodeScalarView()
                for _ in 0..<Int.random(in: 0...200, using: &generator) { out.append(Self.pool.randomElement(using: &generator)!) }
                return String(out)
            }
            let head = (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() }
            let body = (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() }
            var expected: [String: Bool] = [:]
            for key in body.flatMap(Self.referenceExactKeys) where expected[key] == nil { expected[key] = false }
            for key in head.flatMap(Self.referenceExactKeys) { expected[key] = true }
            #expect(SearchIndex.terms(head: head, body: body) == expected)
        }
    }

    @Test func manyDistinctWordsGrowTheSet() {
        // more distinct words than the set's first table holds, each twice, and some in the head too
        let body = (0..<5_000).map { "w\($0) từ\($0)" }.joined(separator: " ")
        let terms = SearchIndex.terms(head: ["w42 w4999 mới"], body: [body, body])
        #expect(terms.count == 10_001)
        #expect(terms["w42"] == true && terms["w4999"] == true && terms["mơiS"] == true)
        #expect(terms["w43"] == false && terms["tưF4999"] == nil && terms["tư4999F"] == false)
    }

    @Test func theSetTellsApartWordsThatShareTheirStartOrTheirLength() {
        var words = DistinctWords()
        for word in ["ab", "ba", "abc", "ab", "a", "", "ba"] {
            Array(word.utf8).withUnsafeBufferPointer { words.insert($0, inHead: word == "a") }
        }
        var seen: [String: Bool] = [:]
        words.forEach { seen[$0] = $1 }
        #expect(words.count == 5)
        #expect(seen == ["ab": false, "ba": false, "abc": false, "a": true, "": false])
    }

    /// The tokenizer ends a word at an ASCII byte without a key byte (other than the dot) without looking it up: each
    /// must be a separator, and each byte with a key byte a letter or a digit that puts that byte in the key.
    @Test func asciiBytesWithoutAKeyAreSeparators() {
        let table = LatinTable.shared
        for byte in UInt8(0)..<0x80 {
            let entry = table.entry(Unicode.Scalar(byte))
            let keyByte = table.asciiKeys[Int(byte)]
            if keyByte == 0 {
                #expect(entry.kind == .separator, "\(byte)")
            } else {
                #expect(entry.kind == .letter || entry.kind == .digit, "\(byte)")
                #expect(entry.tone == 0 && entry.base?.value == UInt32(keyByte), "\(byte)")
            }
        }
        for text in ["1.004492 và 2.a, Điều 3. x", "1..2 3.\u{301}4 5._6 (7).8", "a.b 9.ả", "số: 12/2018/QĐ-UBND; ngày 5."] {
            #expect(SearchTerms.exactKeys(in: text) == Self.referenceExactKeys(in: text), "\(text)")
        }
    }
}
