import Foundation
import Testing
@testable import CongkhaiDomain

/// The hand reading of flat front matter, and trimming by scalars, answer exactly as Yams and Foundation do.
@Suite struct FrontMatterShortcutTests {
    static let keys = ["type", "title", "số", "so\u{0302}\u{0301}", "so\u{0301}", "Trích yếu", "Tri\u{0301}ch yê\u{0301}u", "nguoi_ky",
                       "a b", "a  b", "x-y", "null",
                       "1", "2019", "K", "\u{00A0}k", "k\u{00A0}", "ký", "-k", "_k", "k.v", "k/v", "k#", "k'", "k\"", "&k",
                       "*k", "?k", "!k", "%k", "@k", "`k", "[k]", "{k}", "k,v", "<<", "=", "k\t", "k\r", "\u{FEFF}k", "k\u{2028}"]
    static let separators = [": ", ":  ", ":", " : ", ":\t", ": \t", "：", ":: "]
    static let values = [
        "\"Kế hoạch\"", "\"Sở Thông tin và Truyền thông tỉnh An Hòa\"", "\"a # b\"", "\"a: b\"", "\"it's\"", "\"a\\\"b\"", "\"\\u00e9\"",
        "\"  spaced  \"", "\"\"", "\"open", "\"a\" x", "\"a\"  ", "\"a\" # c", "'single'", "'it''s'", "''", "'a \" b'", "'open",
        "27/KH-STTTT", "2019-03-02", "02/3/2019", "null", "Null", "~", "true", "1.004492", "05", "Kế hoạch", "ke-hoach  ", "a - b",
        "a: b", "a:b", "a #b", "a#b", "- a", "-a", "[a, b]", "{a: b}", "|", ">", "&a x", "*a", "!tag x", "%x", "@x", "`x`", "? x",
        "a\u{00A0}b", "a\u{0085}b", "a\u{2028}b", "a\u{FEFF}b", "a\u{FFFE}b", "a\u{009F}b", "a\u{007F}b", "😀 x", "e\u{0301}", "\u{0301}",
        "x\ty", "x\r", "", " ", "a,b", "a, b", "Điều 1. Ban hành", "(mã 1.004492)",
    ]
    static let extraLines = ["", " ", "  - a", "- a", "  more", "# comment", "\tk: v", "  k: v", "...", "--- x", "%YAML 1.1", "k: v # c"]

    /// Mostly lines as files write them, so that many documents are read flat, with every odd piece now and then.
    static func randomYAML(_ generator: inout SystemRandomNumberGenerator) -> String {
        func pick(_ all: [String], _ usual: Int) -> String {
            Int.random(in: 0..<4, using: &generator) == 0
                ? all.randomElement(using: &generator)! : all[Int.random(in: 0..<usual, using: &generator)]
        }
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...5, using: &generator) {
            if Int.random(in: 0..<12, using: &generator) == 0 {
                lines.append(extraLines.randomElement(using: &generator)!)
            } else {
                lines.append(pick(keys, 12) + pick(separators, 2) + pick(values, 30))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func same(_ a: [FlatYAML.Pair], _ b: [FlatYAML.Pair]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            Array(x.key.utf8) == Array(y.key.utf8) && x.value.line == y.value.line && x.value == y.value
                && x.value.text.map { Array($0.utf8) } == y.value.text.map { Array($0.utf8) }
        }
    }

    @Test func flatReadingGivesWhatYamsComposes() {
        var generator = SystemRandomNumberGenerator()
        var read = 0
        for _ in 0..<20000 {
            let yaml = Self.randomYAML(&generator)
            guard let flat = FlatYAML.pairs(in: yaml) else { continue }
            read += 1
            guard case .success(let composed) = FrontMatter.composedPairs(yaml, file: "x.md") else {
                Issue.record("Yams refuses what was read flat: \(yaml.debugDescription)")
                continue
            }
            #expect(Self.same(flat, composed), "\(yaml.debugDescription)")
        }
        // most random documents hold something left to Yams; enough must still be read flat to mean something
        #expect(read > 2000)
    }

    @Test func corpusLikeFrontMatterIsReadFlat() throws {
        let yaml = "type: \"Kế hoạch\"\nnumber: \"27/KH-STTTT\"\ndate: 2019-03-02\n\n"
            + "title: \"Thực hiện công tác dân vận\"\nissuer: 'Sở A'\n"
        let flat = try #require(FlatYAML.pairs(in: yaml))
        guard case .success(let composed) = FrontMatter.composedPairs(yaml, file: "x.md") else { Issue.record("refused"); return }
        #expect(Self.same(flat, composed))
        #expect(flat.map(\.value.line) == [2, 3, 4, 6, 7])
    }

    @Test func whatFlatReadingLeavesToYams() {
        for yaml in ["", "\n", "k:\n", "k: \n", "k: v\nk: w\n", "k: v\n  more\n", "k:\n  - a\n", "k: v # c\n",
                     "k: \"a\\nb\"\n", "k: v\r\n",
                     "số: 1\nso\u{0302}\u{0301}: 2\n", "\u{FEFF}k: v\n", "k: a\u{0085}b\n", "k: {a: b}\n", "k: *a\n"] {
            #expect(FlatYAML.pairs(in: yaml) == nil, "\(yaml.debugDescription)")
        }
    }

    static let edgePieces = [" ", "  ", "\t", "\n", "\r\n", "\r", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{0085}", "\u{2028}", "\u{200B}",
                             "\u{FEFF}", ".", "*", "_", "-", ":", "a", "Đ", "ộ", "\u{0301}", "😀", "\u{1F3FB}", "e\u{0301}", "x y"]

    @Test func trimmingByScalarsTrimsAsFoundationDoes() {
        var generator = SystemRandomNumberGenerator()
        let sets: [CharacterSet] = [.whitespaces, .whitespacesAndNewlines, ProcedureReader.noInformationEdges,
                                    ProcedureReader.introValueEdges, ProcedureReader.introKeyEdges]
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...7, using: &generator))
                .map { _ in Self.edgePieces.randomElement(using: &generator)! }.joined()
            let set = sets.randomElement(using: &generator)!
            #expect(Array(text.trimmingScalars(in: set).utf8) == Array(text.trimmingCharacters(in: set).utf8), "\(text.debugDescription)")
            let slice = text.dropFirst(Int.random(in: 0...1, using: &generator))
            #expect(Array(slice.trimmingScalars(in: set).utf8) == Array(slice.trimmingCharacters(in: set).utf8),
                    "\(slice.debugDescription)")
        }
    }

    @Test func theIntroIsTheSameCharactersWalkedEitherWay() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["#", "# ", "a", "Ộ", "\u{0301}", "\r\n", "\n", "x#", "😀", String(repeating: "ệ", count: 3000)]
        for _ in 0..<3000 {
            let body = (0..<Int.random(in: 0...9, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            let limit = Int.random(in: 0...5000, using: &generator)
            #expect(body.prefix(limit).prefix(while: { $0 != "#" }) == body.prefix(while: { $0 != "#" }).prefix(limit))
        }
    }

    @Test func knownKeysAreCanonicalAsFoldingMakesThem() {
        for (key, canonical) in FrontMatterAliases.knownKeys {
            #expect(canonical == (FrontMatterAliases.table[FrontMatterAliases.fold(key)] ?? key))
            #expect(canonical == key)
        }
    }
}
