import CongkhaiMessages
import Testing
@testable import CongkhaiDomain

@Suite struct FrontMatterTests {
    let types = DocumentTypeTable([DocumentType(code: "KH", name: "Kế hoạch"),
                                   DocumentType(code: "TTHC", name: "Thủ tục hành chính", aliases: ["thu-tuc"])])

    func split(_ text: String) -> Result<(FrontMatter, [Diagnostic]), Diagnostic> {
        FrontMatter.split(text, file: "a.md", types: types)
    }

    @Test func readsCommonKeysAndKeepsTheBody() throws {
        let (fm, diagnostics) = try split("---\ntype: KH\nnumber: \"05/KH-STTTT\"\ndate: 2024-02\ntitle: Kế hoạch năm\n"
            + "signer_title: [KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC]\n---\n\nNội dung.\n").get()
        #expect(diagnostics.isEmpty)
        #expect(fm.isPresent)
        #expect(fm.metadata.type?.code == "KH")
        #expect(fm.metadata.number?.written == "05/KH-STTTT")
        #expect(fm.metadata.date == DocumentDate(year: 2024, month: 2))
        #expect(fm.metadata.signerTitle == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        #expect(fm.body == "\nNội dung.\n")
        #expect(fm.bodyFirstLine == 8)
    }

    @Test func valuesStayStringsAsWritten() throws {
        let (fm, _) = try split("---\ntype: thu-tuc\ncode: 1.004492\nnumber: 05/KH-STTTT\n---\n").get()
        #expect(fm.extra["code"]?.text == "1.004492")
        #expect(fm.metadata.type?.code == "TTHC")
        #expect(fm.metadata.number?.written == "05/KH-STTTT")
    }

    @Test func malformedYAMLIsAnErrorWithItsLine() throws {
        guard case .failure(let d) = split("---\ntitle: Kế hoạch\nnumber: [12/KH\n---\nNội dung") else {
            Issue.record("malformed front matter was accepted"); return
        }
        #expect(d.severity == .error)
        #expect(d.line != nil && d.line! >= 3)
        #expect(d.message.contains("YAML"))
    }

    @Test func unclosedFrontMatterIsAnError() {
        guard case .failure(let d) = split("---\ntitle: Kế hoạch\n\nNội dung dài.") else {
            Issue.record("unclosed front matter was accepted"); return
        }
        #expect(d.message.contains("never closed"))
    }

    @Test func unusableValuesWarnWithTheirLine() throws {
        let (fm, diagnostics) = try split("---\ntype: XYZ\ndate: 31/02/2020\nnumber: ba mươi\n---\n").get()
        #expect(fm.metadata.type == nil && fm.metadata.number == nil)
        // an impossible day keeps its year, with one warning naming the value
        #expect(fm.metadata.date == DocumentDate(year: 2020))
        #expect(diagnostics.count == 3)
        #expect(diagnostics.contains { $0.key == .impossibleDate && $0.line == 3 && $0.arguments["value"] == "31/02/2020" })
        #expect(diagnostics.map(\.line) == [2, 3, 4] || Set(diagnostics.compactMap(\.line)) == [2, 3, 4])
    }

    @Test func noFrontMatter() throws {
        let (fm, _) = try split("Số: 1/KH-STTTT\n").get()
        #expect(!fm.isPresent)
        #expect(fm.bodyFirstLine == 1)
    }

    @Test func procedureCodeInATitle() {
        #expect(ProcedureCode.find(in: "Thủ tục cấp giấy phép (mã 1.004492)") == "1.004492")
        #expect(ProcedureCode.find(in: "Mã thủ tục: 2.001234.") == "2.001234")
        #expect(ProcedureCode.find(in: "Thủ tục cấp phép") == nil)
    }
}
