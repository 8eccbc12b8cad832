import Testing
@testable import CongkhaiDomain

@Suite struct ProcedureReaderTests {
    let reader = ProcedureReader()

    @Test func standardHeadingsFillTheSections() {
        let body = """
        Lĩnh vực: Báo chí. Cơ quan thực hiện: Sở Thông tin và Truyền thông. Cấp thực hiện: Cấp tỉnh.

        ## 1. Trình tự thực hiện

        - Bước 1: nộp hồ sơ.

        ### Chi tiết

        Nội dung chi tiết.

        ## Thành phần hồ sơ

        - Tờ khai.

        ## Phí, lệ phí

        Không.

        ## Ghi chú riêng

        Điều khác.
        """
        let (p, findings) = reader.read(values: [:], title: "Cấp phép (mã 1.000001)", body: body)
        #expect(findings.isEmpty)
        #expect(p.code == "1.000001")
        #expect(p.name == "Cấp phép")
        #expect(p.field == "Báo chí")
        #expect(p.agency == "Sở Thông tin và Truyền thông")
        #expect(p.level == "Cấp tỉnh")
        #expect(p.sections[.steps] == .markdown("- Bước 1: nộp hồ sơ.\n\n### Chi tiết\n\nNội dung chi tiết."))
        #expect(p.sections[.dossier] == .markdown("- Tờ khai."))
        #expect(p.sections[.fees] == .markdown("Không."))
        #expect(p.otherSections.map(\.title) == ["Ghi chú riêng"])
        #expect(Set(p.missingParts) == ["cách thức thực hiện", "thời hạn giải quyết", "đối tượng thực hiện", "kết quả thực hiện"])
    }

    @Test func headingsMatchInTheirUsualSpellings() {
        #expect(Procedure.Section.matching(heading: "Thành phần, số lượng hồ sơ") == .dossier)
        #expect(Procedure.Section.matching(heading: "Tên mẫu đơn, mẫu tờ khai") == .forms)
        #expect(Procedure.Section.matching(heading: "Yêu cầu, điều kiện thực hiện") == .conditions)
        #expect(Procedure.Section.matching(heading: "12. Căn cứ pháp lý") == .legalBasis)
        #expect(Procedure.Section.matching(heading: "Thời gian tiếp nhận và trả kết quả") == .hours)
        #expect(Procedure.Section.matching(heading: "Lịch sử") == nil)
    }

    @Test func frontMatterWinsOverSections() throws {
        let values: [String: YAMLValue] = [
            "code": .text("1.004492", line: 2), "time_limit": .text("10 ngày", line: 3),
            "channels": .list([.map([("channel", .text("Trực tuyến", line: 4)), ("fee", .text("Không", line: 4))], line: 4)], line: 4),
            "history": .list([.map([("number", .text("12/QĐ-UBND", line: 5)), ("date", .text("2020-01-02", line: 5)),
                                    ("status", .text("mới", line: 5))], line: 5)], line: 5),
        ]
        let (p, _) = reader.read(values: values, title: "Thủ tục", field: "Bưu chính", status: "sửa đổi, bổ sung",
                                 body: "## Thời hạn giải quyết\n\n30 ngày")
        #expect(p.code == "1.004492")
        #expect(p.sections[.timeLimit] == .text("10 ngày"))
        #expect(p.channels == [Procedure.Channel(channel: "Trực tuyến", timeLimit: nil, fee: "Không", description: nil)])
        #expect(p.has(.method))
        #expect(p.status == .amended)
        #expect(p.history.first?.date == DocumentDate(year: 2020, month: 1, day: 2))
    }

    @Test func statusWords() {
        #expect(ProcedureReader.status("bãi bỏ").0 == .abolished)
        #expect(ProcedureReader.status("Sửa đổi, bổ sung").0 == .amended)
        #expect(ProcedureReader.status("thay thế").0 == .replacing)
        #expect(ProcedureReader.status("mới").0 == .current)
    }
}
