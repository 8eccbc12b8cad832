import CongkhaiMessages
import Foundation
import Testing
@testable import CongkhaiDomain

/// Text that once crashed, hung or damaged the reading of a document.
@Suite struct HostileTextTests {
    let types = DocumentTypeTable([DocumentType(code: "KH", name: "Kế hoạch")])

    func shape(_ text: String) -> String {
        BodyShaper.shape(SourceLine.lines(of: Substring(text), firstLine: 1)).text
    }

    // MARK: front matter

    @Test func aFileThatIsOnlyTheOpeningLineIsAnError() throws {
        for text in ["---", "---\n", "---\r"] {
            guard case .failure(let error) = FrontMatter.split(text, file: "a.md", types: types) else {
                Issue.record("'\(text.debugDescription)' was accepted"); continue
            }
            #expect(error.message.contains("never closed"))
        }
    }

    /// Eight levels of nine aliases: 43 million nodes once expanded.
    static let aliasBomb: String = {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = Array("abcdefghi")
        for level in 1..<names.count {
            let previous = "*\(names[level - 1])"
            yaml += "\(names[level]): &\(names[level]) [" + Array(repeating: previous, count: 9).joined(separator: ",") + "]\n"
        }
        return yaml
    }()

    @Test func aYAMLAliasBombIsRefusedNamingTheFileAndLine() throws {
        let text = "---\ntitle: Kế hoạch\n" + Self.aliasBomb + "---\nNội dung.\n"
        guard case .failure(let error) = FrontMatter.split(text, file: "bom.md", types: types) else {
            Issue.record("the alias bomb was accepted"); return
        }
        #expect(error.file == "bom.md")
        #expect(error.line == 3)
        #expect(error.message.contains("alias"))
        #expect(error.hint != nil)
    }

    @Test func anAliasUsedAsAKeyIsRefused() throws {
        let text = "---\n" + Self.aliasBomb + "? *i\n: 1\n---\n"
        guard case .failure(let error) = FrontMatter.split(text, file: "khoa.md", types: types) else {
            Issue.record("an alias key was accepted"); return
        }
        #expect(error.message.contains("alias"))
    }

    @Test func starsAndAmpersandsInsideValuesAreNotAliases() throws {
        let text = "---\ntitle: \"*Kế hoạch* & chương trình\"\nfield: Q&A\nsteps: |\n  - *Bước 1*: nộp hồ sơ\n  - &nbsp;\n---\n"
        let (fm, _) = try FrontMatter.split(text, file: "a.md", types: types).get()
        #expect(fm.metadata.title == "*Kế hoạch* & chương trình")
        #expect(fm.extra["steps"]?.text?.contains("*Bước 1*") == true)
    }

    // MARK: Markdown blocks survive page-break joining

    @Test func aClosingFenceIsNeverGluedToTheNextParagraph() {
        let md = shape("Mã nguồn\n\n```\nlet a = 1\n\nlet b = 2\n```\n\nđoạn sau viết thường.\n\n# Mục cuối")
        #expect(md.contains("```\n\nđoạn sau viết thường.\n"))
        #expect(md.contains("let a = 1\n\nlet b = 2\n```\n"))
    }

    @Test func headingsQuotesTablesAndStarListsAreNeverJoined() {
        for block in ["# Mục một", "> Trích dẫn không dấu chấm", "| a | b |", "* mục danh sách", "+ mục danh sách", "    mã thụt lề",
                      "<div>khối"] {
            let md = shape(block + "\n\nđoạn sau viết thường.")
            #expect(md.hasSuffix("\n\nđoạn sau viết thường.\n"), "\(block) was joined: \(md.debugDescription)")
        }
    }

    @Test func aLowerCaseParagraphDoesNotJoinOntoAFenceOrQuote() {
        let md = shape("Đoạn văn đang dở\n\n```\nmã\n```")
        #expect(md == "Đoạn văn đang dở\n\n```\nmã\n```\n")
        let quote = shape("Đoạn văn đang dở\n\n> trích dẫn")
        #expect(quote == "Đoạn văn đang dở\n\n> trích dẫn\n")
    }

    @Test func thousandsOfPageBreaksJoinIntoOneParagraph() {
        let parts = (0..<20_000).map { "phần \($0) của câu" }
        let md = shape("Mở đầu của câu\n\n" + parts.joined(separator: "\n\n"))
        #expect(md == "Mở đầu của câu " + parts.joined(separator: " ") + "\n")
    }

    @Test func normalisingInPiecesGivesTheWholeTextsResult() {
        let decomposed = String(repeating: "Kế hoạch số 5 của Sở Thông tin, người dân ", count: 600).decomposedStringWithCanonicalMapping
        #expect(decomposed.utf8.count > 4096)
        let whole = decomposed.precomposedStringWithCanonicalMapping
        #expect(VietnameseText.inPieces(decomposed, \.precomposedStringWithCanonicalMapping) == whole)
        let composed = decomposed.precomposedStringWithCanonicalMapping
        let pieces = VietnameseText.inPieces(composed, \.decomposedStringWithCanonicalMapping)
        #expect(pieces.unicodeScalars.elementsEqual(decomposed.unicodeScalars))
        #expect(VietnameseText.fold(decomposed).hasPrefix("ke hoach so 5 cua so thong tin, nguoi dan"))
    }

    // MARK: PDF unwrapping

    func pdfShaped(_ lines: [String]) -> [SourceLine] {
        SourceLine.lines(of: Substring(lines.map { $0 + "  " }.joined(separator: "\n\n")), firstLine: 1)
    }

    @Test func unwrappingKeepsFencedCodeLineForLine() {
        let lines = ["Văn bản trích từ PDF có các dòng in được ngắt", "cứng ở cuối mỗi dòng và một dòng trống",
                     "```", "mã dòng một", "mã dòng hai", "```", "tiếp theo là đoạn văn viết thường", "và kết thúc ở đây."]
        let out = PDFUnwrapper.unwrap(pdfShaped(lines)).map(\.text)
        #expect(Array(out.dropFirst()) == ["```  ", "mã dòng một  ", "mã dòng hai  ", "```  ",
                                           "tiếp theo là đoạn văn viết thường và kết thúc ở đây."])
    }

    @Test func unwrappingNeverContinuesAHeadingOrQuote() {
        let out = PDFUnwrapper.unwrap(pdfShaped(["# Tiêu đề viết thường", "dòng tiếp theo", "> trích dẫn", "dòng nữa"])).map(\.text)
        #expect(out == ["# Tiêu đề viết thường", "dòng tiếp theo", "> trích dẫn", "dòng nữa"])
    }

    @Test func sixtyFourThousandPrintedLinesUnwrapIntoOneParagraph() {
        let lines = (0..<64_000).map { "dòng in thứ \($0) của một đoạn văn rất dài" }
        let out = PDFUnwrapper.unwrap(pdfShaped(["Mở đầu"] + lines))
        #expect(out.count == 1)
        #expect(out.last?.text.hasPrefix("Mở đầu dòng in thứ 0 của") == true)
        #expect(out.last?.text.hasSuffix("dòng in thứ 63999 của một đoạn văn rất dài") == true)
    }

    @Test func anIdentifierCutAtALineEndIsGluedBack() {
        var text = "theo Chỉ thị số 19-"
        PDFUnwrapper.glue(&text, "CT/TU ngày")
        #expect(text == "theo Chỉ thị số 19-CT/TU ngày")
        PDFUnwrapper.glue(&text, "tiếp")
        #expect(text == "theo Chỉ thị số 19-CT/TU ngày tiếp")
    }
}
