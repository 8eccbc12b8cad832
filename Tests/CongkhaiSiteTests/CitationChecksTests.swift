import CongkhaiMessages
import CongkhaiDomain
import Foundation
import Testing
@testable import CongkhaiSite

/// The citation checks the reader makes once a document's metadata is known.
@Suite struct CitationChecksTests {
    func read(_ text: String) throws -> Document {
        let result = DocumentReader(types: try DocumentTypeTable.bundled()).read(Data(text.utf8), path: "2025/kh.md")
        return try result.get()
    }

    @Test func ownNumberMistypedYearAndStandards() throws {
        let document = try read("""
        ỦY BAN NHÂN DÂN TỈNH LAM HÀ

        Số: 40/KH-UBND

        Lam Hà, ngày 15 tháng 01 năm 2025

        KẾ HOẠCH

        Phòng cháy năm 2025

        Căn cứ Quyết định số 45/QĐ-UBND ngày 08/6/20210 của UBND tỉnh; các mục của Kế hoạch số 40/KH-UBND được nêu tại Phụ lục; \
        QCVN 03:2023/BCA, TCVN 5738:2021.

        CHỦ TỊCH

        Lương Văn Tín

        PHỤ LỤC

        (Kèm theo Kế hoạch số 40/KH-UBND ngày 15/01/2025 của UBND tỉnh)

        Áp dụng QCVN 03:2023/BCA.
        """)
        // its own number, in the body and in its appendix's "Kèm theo" line, is not a citation
        #expect(document.citations.map(\.citation.written) == ["45/QĐ-UBND"])
        let warning = try #require(document.diagnostics.first { $0.message.contains("20210") })
        #expect(warning.english.hasPrefix("2025/kh.md:11: warning: the date '08/6/20210' after 45/QĐ-UBND"))
        #expect(document.standards.map(\.written) == ["QCVN 03:2023/BCA", "TCVN 5738:2021"])
    }
}
