import CongkhaiDomain
@testable import CongkhaiImport
import CongkhaiMessages
import Foundation
import Testing

/// OCR output is listed for a human check; identifiers near letters OCR misreads are named, never corrected.
@Suite struct OCRReviewTests {
    @Test func identifiersWithAccentedOrMisreadCodesAreFlagged() {
        let text = """
        Số: 318/STTTT-BCVT
        Thực hiện Quyết định số 245/QĐ-UBND ngày 15/02/2024 và Nghị định 61/2018/ND-CP;
        Kế hoạch số 18/KH-UBND và Quyết định 12/QD-UBND.
        """
        let flags = OCRReview.flags(in: text)
        #expect(flags.map(\.description) == ["line 2: 245/QĐ-UBND", "line 2: 61/2018/ND-CP", "line 3: 12/QD-UBND"])
    }

    @Test func nothingIsCorrected() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        // the same check runs on the imported text; here the text is kept exactly, misreading and all
        let text = "Số: 12/QD-UBND\n\nSông Lam, ngày 03 tháng 6 năm 2024\n\nQUYẾT ĐỊNH\n\nVề việc thử\n"
        _ = fixture.run([try fixture.write("qd.md", text)])
        #expect(try fixture.text("2024/12-qd-ubnd.md") == text)
    }

    /// OCR's character accuracy on the scanned letter: the OCR'd text against the text
    /// layer of the same letter, both through the same import (edit distance).
    @Test(.enabled(if: Tools.poppler && Tools.tesseract,
                   "poppler or Tesseract's Vietnamese model is missing: apt-get install -y poppler-utils tesseract-ocr tesseract-ocr-vie"))
    func ocrCharacterAccuracyOnTheScannedLetter() throws {
        let fixture = try ImportFixture()
        defer { fixture.remove() }
        let scan = fixture.run([try fixture.copy("pdf/cong-van-chu-ky-so-scan.pdf")], ocr: true)
        #expect(scan.first?.status == .imported)
        #expect(scan.first?.review.first == Messages.current.text(ImportText.readByOCR))
        let read = Self.body(try fixture.text("2024/318-stttt-bcvt.md"))
        let reference = try PrintedText(types: ImportFixture.types).markdown(fromPages: String(decoding:
            ExternalTool.pdftotext.run(["-layout", "-enc", "UTF-8", try ImportFixture.fixture("pdf/cong-van-chu-ky-so.pdf").path, "-"]),
            as: UTF8.self))
        let expected = Self.body(reference)
        let distance = Self.levenshtein(Array(read), Array(expected))
        let accuracy = 1 - Double(distance) / Double(expected.count)
        print("OCR character accuracy on cong-van-chu-ky-so-scan.pdf: \(String(format: "%.2f", accuracy * 100))% "
              + "(\(distance) edits over \(expected.count) characters)")
        #expect(accuracy >= 0.95)
    }

    /// The text after the front matter, spaces collapsed.
    static func body(_ file: String) -> String {
        var text = file
        if text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
            text = String(text[end.upperBound...])
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
