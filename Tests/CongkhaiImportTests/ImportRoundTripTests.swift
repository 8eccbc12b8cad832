import CongkhaiDomain
@testable import CongkhaiImport
import Foundation
import Testing

/// Each kind of file imported into a content folder, then the site built from it:
/// the document's page and its catalogue entry carry what import recognised.
@Suite struct ImportRoundTripTests {
    /// Imports one file, checks the front matter against what the fixture prints,
    /// builds the site and checks the page and the catalogue entry.
    func roundTrip(_ file: (ImportFixture) throws -> URL, expected: ExpectedFields, destination: String,
                   url: String, ocr: Bool = false, allowedWrong: Int = 0, keepsTables: Bool = true) throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let source = try file(fixture)
        let results = fixture.run([source], ocr: ocr)
        let result = try #require(results.first)
        #expect(result.status == .imported, "\(result.problem.map { "\($0)" } ?? "")")
        #expect(result.destination == destination)
        let metadata = try fixture.metadata(destination)
        let wrong = expected.wrongFields(metadata)
        print("\(source.lastPathComponent): \(10 - wrong.count) of 10 fields right\(wrong.isEmpty ? "" : "; wrong: \(wrong)")")
        #expect(wrong.count <= allowedWrong, "fields read wrong: \(wrong) in \(metadata)")

        // page furniture is gone: the running footer and page numbers
        let text = try fixture.text(destination)
        #expect(!text.contains("\nSở Thông tin và Truyền thông tỉnh Sông Lam\n"))
        #expect(!text.split(separator: "\n").contains { PrintedPages.isPageNumber(String($0)) })

        // the original is kept beside the document and named as its attachment
        let original = (destination as NSString).deletingPathExtension + "." + source.pathExtension
        if ["pdf", "docx"].contains(source.pathExtension) {
            #expect(fixture.exists(original))
            #expect(metadata.attachments == [(original as NSString).lastPathComponent])
        }

        let report = try fixture.build()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let entry = try fixture.entry(url)
        #expect(entry["type"] as? String == expected.type)
        #expect(entry["date"] as? String == expected.date)
        // one issuer has one name in the catalogue (IssuerName), whichever spelling the original printed
        #expect((entry["issuer"] as? String).map(IssuerName.key) == IssuerName.key(expected.issuer))
        if !wrong.contains("title") { #expect(entry["title"] as? String == expected.title) }
        if !wrong.contains("signer") { #expect(entry["signer"] as? String == expected.signer) }
        let attachments = entry["attachments"] as? [[String: Any]] ?? []
        if ["pdf", "docx"].contains(source.pathExtension) { #expect(attachments.count == 1) }
        let page = try fixture.page(url + "index.html")
        #expect(page.contains(expected.title))
        #expect(page.contains(expected.number) || expected.number.hasPrefix("/"))
        // the printed header is shown once, in the layout, never again as body text
        #expect(page.components(separatedBy: "Độc lập - Tự do - Hạnh phúc").count <= 2)
        #expect(!page.contains("congkhai-media"))
        // the appendix's table is a table on the page
        if keepsTables, let cell = expected.appendixCell { #expect(page.contains("<td>\(cell)</td>"), "the appendix table is lost") }
    }

    @Test(.enabled(if: Tools.pandoc, "pandoc is missing: apt-get install -y pandoc"))
    func wordPlanWithHeaderTableAndOneLineHeading() throws {
        try roundTrip({ try $0.word(from: "ke-hoach-chuyen-doi-so") }, expected: .plan,
                      destination: "2024/5-kh-stttt.md", url: "van-ban/2024/5-kh-stttt/")
    }

    @Test(.enabled(if: Tools.pandoc, "pandoc is missing: apt-get install -y pandoc"))
    func wordReportWithBlankNumberAndAppendixTable() throws {
        try roundTrip({ try $0.word(from: "bao-cao-an-toan-thong-tin") }, expected: .report,
                      destination: "2024/ket-qua-bao-dam-an-toan-thong-tin-mang-nam-2024.md",
                      url: "van-ban/2024/ket-qua-bao-dam-an-toan-thong-tin-mang-nam-2024/")
    }

    @Test(.enabled(if: Tools.pandoc, "pandoc is missing: apt-get install -y pandoc"))
    func wordLetterWithSubjectLine() throws {
        try roundTrip({ try $0.word(from: "cong-van-chu-ky-so") }, expected: .letter,
                      destination: "2024/318-stttt-bcvt.md", url: "van-ban/2024/318-stttt-bcvt/")
    }

    @Test(.enabled(if: Tools.poppler, "poppler is missing: apt-get install -y poppler-utils"))
    func pdfPlanWithTextLayer() throws {
        try roundTrip({ try $0.copy("pdf/ke-hoach-chuyen-doi-so.pdf") }, expected: .plan,
                      destination: "2024/5-kh-stttt.md", url: "van-ban/2024/5-kh-stttt/")
    }

    @Test(.enabled(if: Tools.poppler, "poppler is missing: apt-get install -y poppler-utils"))
    func pdfReportOverTwoPages() throws {
        try roundTrip({ try $0.copy("pdf/bao-cao-an-toan-thong-tin.pdf") }, expected: .report,
                      destination: "2024/ket-qua-bao-dam-an-toan-thong-tin-mang-nam-2024.md",
                      url: "van-ban/2024/ket-qua-bao-dam-an-toan-thong-tin-mang-nam-2024/")
    }

    @Test(.enabled(if: Tools.poppler, "poppler is missing: apt-get install -y poppler-utils"))
    func pdfLetterWithTextLayer() throws {
        try roundTrip({ try $0.copy("pdf/cong-van-chu-ky-so.pdf") }, expected: .letter,
                      destination: "2024/318-stttt-bcvt.md", url: "van-ban/2024/318-stttt-bcvt/")
    }

    @Test func textCopiedFromPDF() throws {
        // copied text puts each table cell on a line of its own: the table's text is kept, not its rows
        try roundTrip({ try $0.copy("text/bao-cao-an-toan-thong-tin.txt") }, expected: .report,
                      destination: "2024/ket-qua-bao-dam-an-toan-thong-tin-mang-nam-2024.md",
                      url: "van-ban/2024/ket-qua-bao-dam-an-toan-thong-tin-mang-nam-2024/", keepsTables: false)
    }

    @Test(.enabled(if: Tools.poppler && Tools.tesseract,
                   "poppler or Tesseract's Vietnamese model is missing: apt-get install -y poppler-utils tesseract-ocr tesseract-ocr-vie"))
    func scannedLetterWithOCR() throws {
        // OCR misreads some letters; the fields that carry the identity must still be right
        try roundTrip({ try $0.copy("pdf/cong-van-chu-ky-so-scan.pdf") }, expected: .letter,
                      destination: "2024/318-stttt-bcvt.md", url: "van-ban/2024/318-stttt-bcvt/", ocr: true, allowedWrong: 2)
    }

    @Test func markdownPassesThroughUnchanged() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let text = "---\ntype: TB\nnumber: \"12/TB-STTTT\"\ndate: 2024-05-02\ntitle: Lịch tiếp công dân tháng 5\n---\n\n"
            + "Nội dung thông báo.\n"
        let results = fixture.run([try fixture.write("thong-bao.md", text)])
        #expect(results.first?.status == .imported)
        #expect(try fixture.text("2024/12-tb-stttt.md") == text)
        try fixture.build()
        #expect(try fixture.entry("van-ban/2024/12-tb-stttt/")["title"] as? String == "Lịch tiếp công dân tháng 5")
    }
}
