import CongkhaiMessages
import CongkhaiDomain
import CongkhaiSite
import Testing

/// Word and PDF files that no document names are reported, with the import command to run.
@Suite struct StrayOriginalsTests {
    @Test func unnamedWordAndPDFFilesAreReported() {
        let attachments = ["2024/5-kh-stttt.pdf", "2024/nhan-duoc.docx", "cu/van-ban.doc", "2024/so-lieu.xlsx", "anh/so-do.png",
                           "thu-tuc/1-004492/mau-don.docx", "2024/bao-cao.pdf"]
        let named: Set<String> = ["2024/5-kh-stttt.pdf", "thu-tuc/1-004492/mau-don.docx", "2024/bao-cao.pdf"]
        let diagnostics = StrayOriginals.diagnostics(attachments: attachments, named: named)
        #expect(diagnostics.map(\.file) == ["2024/nhan-duoc.docx", "cu/van-ban.doc"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics[0].message
            == "this file belongs to no document; to publish it as a document, run `congkhai import 2024/nhan-duoc.docx`")
    }
}
