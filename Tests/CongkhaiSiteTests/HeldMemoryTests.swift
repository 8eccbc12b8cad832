import CongkhaiDomain
@testable import CongkhaiSite
import Foundation
import Testing

/// What a large build holds less of: each document's Markdown packed from reading until rendering
/// (`PackedMarkdown`), and the open data's catalogues written piece by piece (`PageSink.write(_:streaming:)`).
@Suite struct HeldMemoryTests {
    @Test func packedMarkdownUnpacksToWhatWasPacked() throws {
        let parts = [
            ShapedMarkdown(text: "## I. MỤC ĐÍCH\n\nTriển khai Kế hoạch số 12/KH-UBND ngày 05/01/2024.\n", lineMap: [14, 15, 16, 300]),
            ShapedMarkdown(text: "", lineMap: []),
            // a line map that goes back, and numbers past a varint's first byte
            ShapedMarkdown(text: String(repeating: "Phụ lục ", count: 5000), lineMap: [9, 3, 70_000, 1 << 40]),
        ]
        let packed = PackedMarkdown(parts)
        let unpacked = try #require(packed.unpacked())
        #expect(unpacked == parts)
    }

    @Test func aDocumentReadsTheSameOncePackedAndUnpacked() throws {
        let source = """
        ---
        type: KH
        number: 05/KH-SNV
        date: 2024-02-20
        title: Kế hoạch thử
        ---
        ## I. MỤC ĐÍCH

        Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh.

        PHỤ LỤC I

        Danh sách đơn vị

        Nội dung phụ lục.
        """
        let read = try DocumentReader(types: try DocumentTypeTable.bundled()).read(Data(source.utf8), path: "2024/ke-hoach.md").get()
        var packed = read
        packed.packMarkdown()
        #expect(packed.body.text.isEmpty, "packed, the body is not held as text")
        let appendicesEmpty = packed.appendices.allSatisfy { $0.body.text.isEmpty }
        #expect(appendicesEmpty)
        // unpacked for rendering, the Markdown stays in the layout's bytes, which the renderer reads as they are
        let unpacked = try #require(packed.unpacked)
        #expect(unpacked.markdownParts == [read.body] + read.appendices.map(\.body))
        #expect(unpacked.appendices.map(\.title) == read.appendices.map(\.title))
        #expect(!read.appendices.isEmpty, "the fixture has an appendix")
        #expect(read.withoutMarkdown.packedMarkdown == nil)
    }

    /// A streamed file is byte for byte, and in the sink's records, what writing it whole gives; one the same as
    /// the file online is kept as that file, and not left in the staging folder.
    @Test func aStreamedFileIsWhatWritingItWholeGives() throws {
        let pieces = ["{\n", String(repeating: "\"Quyết định\", ", count: 1000), "\n}\n"]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = PageSink(.folder(folder.appendingPathComponent("whole")))
        whole.write("api/documents.json", pieces.joined())
        let wholeFiles = try whole.finish()
        let streamed = PageSink(.folder(folder.appendingPathComponent("streamed")))
        streamed.write("api/documents.json", streaming: { append in pieces.forEach(append) })
        #expect(try streamed.finish() == wholeFiles)
        let written = try Data(contentsOf: folder.appendingPathComponent("streamed/api/documents.json"))
        #expect(written == Data(pieces.joined().utf8))

        let rebuild = PageSink(.folder(folder.appendingPathComponent("rebuild")), online: wholeFiles)
        rebuild.write("api/documents.json", streaming: { append in pieces.forEach(append) })
        #expect(try rebuild.finish() == wholeFiles)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("rebuild/api/documents.json").path))

        let memory = PageSink(.memory)
        memory.write("api/documents.json", streaming: { append in pieces.forEach(append) })
        #expect(memory.files["api/documents.json"] == Data(pieces.joined().utf8))
    }

    /// A catalogue of more items than one batch is the same text whole or in pieces, and its pieces are batches.
    @Test func aCatalogueInPiecesIsTheCatalogueWhole() {
        let items = (0..<(JSONValue.catalogueBatch * 2 + 3)).map { JSONValue.object([("n", .int($0)), ("tên", .string("Văn bản \($0)"))]) }
        var pieces: [String] = []
        JSONValue.catalogue("documents", items, item: { $0 }, into: { pieces.append($0) })
        #expect(pieces.count == 2 + 3, "a head, three batches and a tail")
        let whole = JSONValue.object([("count", .int(items.count)), ("documents", .array(items))]).serialized()
        #expect(pieces.joined() == whole)
    }

    /// The build's summary counts documents by type and year, in the order of the lists readers browse (types in
    /// Vietnamese order, unknown last; years newest first, unknown last), without grouping copies of them.
    @Test func theSummaryCountsTypesAndYearsInTheListsOrder() throws {
        let fixture = try SiteFixture(files: [
            "2024/kh-1.md": "---\ntype: KH\nnumber: 1/KH-SNV\ndate: 2024-02-20\ntitle: Kế hoạch một\n---\nNội dung.\n",
            "2024/kh-2.md": "---\ntype: KH\nnumber: 2/KH-SNV\ndate: 2024-03-20\ntitle: Kế hoạch hai\n---\nNội dung.\n",
            "2023/bc-1.md": "---\ntype: BC\nnumber: 1/BC-SNV\ndate: 2023-05-02\ntitle: Báo cáo một\n---\nNội dung.\n",
            "2022/cv-1.md": "---\ntype: CV\nnumber: 7/SNV-VP\ndate: 2022-01-02\ntitle: V/v thử\n---\nNội dung.\n",
            "khac/ghi-chu.md": "---\ntitle: Ghi chép không loại, không năm\n---\nNội dung.\n",
        ])
        let report = try fixture.build()
        #expect(report.byType.map(\.0) == ["Báo cáo", "Công văn", "Kế hoạch", "?"])
        #expect(report.byType.map(\.1) == [1, 1, 2, 1])
        #expect(report.byYear.map(\.0) == ["2024", "2023", "2022", "?"])
        #expect(report.byYear.map(\.1) == [2, 1, 1, 1])
    }
}
