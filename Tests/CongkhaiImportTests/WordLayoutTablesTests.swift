@testable import CongkhaiImport
import Foundation
import Testing

/// Word's header and footer tables in pandoc's document tree become lines; data tables stay tables.
@Suite struct WordLayoutTablesTests {
    static func para(_ text: String) -> [String: Any] {
        var inlines: [Any] = []
        for (i, word) in text.split(separator: " ").enumerated() {
            if i > 0 { inlines.append(["t": "Space"]) }
            inlines.append(["t": "Str", "c": String(word)])
        }
        return ["t": "Para", "c": inlines]
    }

    static func cell(_ blocks: [Any]) -> [Any] { [["", [], []], ["t": "AlignDefault"], 1, 1, blocks] as [Any] }

    static func table(_ rows: [[[Any]]], head: [[[Any]]] = []) -> [String: Any] {
        let row = { (cells: [[Any]]) -> [Any] in [["", [], []], cells.map(cell)] as [Any] }
        let width = (rows.first ?? head.first)?.count ?? 0
        return ["t": "Table", "c": [
            ["", [], []], [NSNull(), []] as [Any], Array(repeating: [["t": "AlignDefault"], ["t": "ColWidthDefault"]], count: width),
            [["", [], []], head.map(row)] as [Any],
            [[["", [], []], 0, [], rows.map(row)] as [Any]],
            [["", [], []], []] as [Any],
        ] as [Any]]
    }

    func rewrite(_ blocks: [Any]) throws -> [[String: Any]] {
        let document: [String: Any] = ["pandoc-api-version": [1, 22, 2, 1], "meta": [:] as [String: Any], "blocks": blocks]
        let out = try WordLayoutTables.rewrite(pandocJSON: try JSONSerialization.data(withJSONObject: document))
        let json = try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
        return try #require(json["blocks"] as? [[String: Any]])
    }

    @Test func headerTableBecomesLinesLeftColumnFirst() throws {
        let header = Self.table([
            [[Self.para("UBND TỈNH SÔNG LAM"), Self.para("SỞ THÔNG TIN VÀ TRUYỀN THÔNG")],
             [Self.para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), Self.para("Độc lập - Tự do - Hạnh phúc")]],
            [[Self.para("Số: 05/KH-STTTT")], [Self.para("Sông Lam, ngày 12 tháng 3 năm 2024")]],
        ])
        let blocks = try rewrite([header, Self.para("KẾ HOẠCH")])
        #expect(blocks.map { $0["t"] as? String } == Array(repeating: "Para", count: 7))
        #expect(blocks.map { WordLayoutTables.text(of: $0).trimmingCharacters(in: .newlines) } == [
            "UBND TỈNH SÔNG LAM", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: 05/KH-STTTT",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sông Lam, ngày 12 tháng 3 năm 2024", "KẾ HOẠCH",
        ])
    }

    @Test func footerTableKeepsTheRecipientsListBeforeTheSignature() throws {
        let list: [String: Any] = ["t": "BulletList", "c": [[Self.para("Sở Nội vụ;")], [Self.para("Lưu: VT.")]]]
        let footer = Self.table([[[Self.para("Nơi nhận:"), list], [Self.para("GIÁM ĐỐC"), Self.para("Lê Quang Vinh")]]])
        let blocks = try rewrite([footer])
        #expect(blocks.map { $0["t"] as? String } == ["Para", "BulletList", "Para", "Para"])
    }

    @Test func dataTableStaysATableWithItsCellsOnOneLine() throws {
        let data = Self.table([[[Self.para("1")], [Self.para("Nâng cấp mạng"), Self.para("nội bộ")]]],
                              head: [[[Self.para("STT")], [Self.para("Nhiệm vụ")]]])
        let blocks = try rewrite([data])
        #expect(blocks.count == 1 && blocks[0]["t"] as? String == "Table")
        let table = try #require(Table(blocks[0]))
        let cell = table.rows[1][1]
        #expect(cell.count == 1 && (cell[0] as? [String: Any])?["t"] as? String == "Plain")
        #expect(WordLayoutTables.text(of: cell) == "Nâng cấp mạng; nội bộ\n")
    }

    @Test func picturesLoseWordsSizeSoTheyStayMarkdown() throws {
        let attributes: [Any] = ["", [], [["width", "5cm"]]]
        let image: [String: Any] = ["t": "Image", "c": [attributes, [["t": "Str", "c": "Sơ"]], ["media/a.png", ""]] as [Any]]
        let blocks = try rewrite([["t": "Para", "c": [image]] as [String: Any]])
        let inline = try #require((blocks[0]["c"] as? [[String: Any]])?.first)
        let written = try #require((inline["c"] as? [Any])?.first as? [Any])
        #expect((written[2] as? [Any])?.isEmpty == true)
    }

    @Test func notPandocJSONIsAnError() {
        #expect(throws: ImportFailure.self) { try WordLayoutTables.rewrite(pandocJSON: Data("[1,2]".utf8)) }
    }

    @Test func printedNumbersAreNotEscapedAsLists() {
        let markdown = "1\\. Mục tiêu\n12\\) Điểm\nvăn bản 1\\. giữa"
        #expect(WordConverter.unescapingPrintedNumbers(markdown) == "1. Mục tiêu\n12) Điểm\nvăn bản 1\\. giữa")
    }
}
