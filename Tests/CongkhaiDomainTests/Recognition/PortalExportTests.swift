import Testing
@testable import CongkhaiDomain

/// A procedure exported from the national portal.
@Suite struct PortalExportTests {
    @Test func everyKeyOfThePortalExportIsRead() {
        let read = ProcedureFixtures.read(ProcedureFixtures.portalExport)
        for (key, expected) in ProcedureFixtures.expected {
            #expect(read[key] == expected, "\(key)")
        }
    }

    @Test func titleCaseHeadingsMatchTheirSection() {
        #expect(Procedure.Section.matching(heading: "Trình Tự Thực Hiện") == .steps)
        #expect(Procedure.Section.matching(heading: "THÀNH PHẦN HỒ SƠ") == .dossier)
        #expect(Procedure.Section.matching(heading: "Yêu Cầu, Điều Kiện Thực Hiện") == .conditions)
    }

    @Test func nameLabelAndNoInformation() {
        #expect(ProcedureReader.withoutLabel("Thủ tục cấp giấy phép in") == "Cấp giấy phép in")
        #expect(ProcedureReader.withoutLabel("Thủ tục hành chính về in") == "Thủ tục hành chính về in")
        #expect(ProcedureReader.withoutLabel("Cấp giấy phép in") == "Cấp giấy phép in")
        #expect(ProcedureReader.isNoInformation("Không có thông tin"))
        #expect(ProcedureReader.isNoInformation("*Không có thông tin.*"))
        #expect(!ProcedureReader.isNoInformation("Không."))
    }

    @Test func frontMatterStillWinsOverExportLines() {
        let (p, _) = ProcedureReader().read(values: ["code": .text("1.000001", line: 2)], title: "Đăng ký hoạt động in",
                                            body: "Tên thủ tục: Thủ tục khác\nMã thủ tục: 2.002288\n"
                                                + "Đối tượng thực hiện: Không có thông tin\n")
        #expect(p.code == "1.000001")
        #expect(p.name == "Đăng ký hoạt động in")
        #expect(p.sections[.applicants] == nil)
    }
}
