import CongkhaiDomain
import Testing

/// Mistakes office staff make, each named once, with its line and what was expected.
struct ClerkMistakeTests {
    let types = DocumentTypeTable([DocumentType(code: "KH", name: "Kế hoạch"), DocumentType(code: "BC", name: "Báo cáo")])
    func split(_ text: String) throws -> (FrontMatter, [Diagnostic]) {
        try FrontMatter.split(text, file: "a.md", types: types).get()
    }
    func layout(_ text: String) -> PrintedLayout {
        LayoutRecognizer(types: types).recognize(Substring(text), firstLine: 1)
    }

    @Test func vietnameseKeysWithOrWithoutAccentsInAnyCase() throws {
        let (fm, diagnostics) = try split("""
            ---
            Loại: KH
            SỐ: "12/KH-SVHTT"
            ngay: 2025-03-10
            Trích yếu: Thực hiện chuyển đổi số
            nguoi_ky: Nguyễn Thị Hoa
            Nơi nhận: [Sở Nội vụ]
            lĩnh vực: Chuyển đổi số
            ---
            Nội dung.
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(fm.metadata.type?.code == "KH")
        #expect(fm.metadata.number?.written == "12/KH-SVHTT")
        #expect(fm.metadata.date == DocumentDate(year: 2025, month: 3, day: 10))
        #expect(fm.metadata.title == "Thực hiện chuyển đổi số")
        #expect(fm.metadata.signer == "Nguyễn Thị Hoa")
        #expect(fm.metadata.recipients == ["Sở Nội vụ"])
        #expect(fm.metadata.field == "Chuyển đổi số")
        #expect(fm.extra.isEmpty)
    }

    @Test func anUnknownKeyNamesTheClosestKnownOne() {
        let known = KnownKeys(["attachments", "title", "number"])
        let warning = known.unknownKey("atachments", file: "a.md", line: 4)
        #expect(warning.key == .unknownKey && warning.line == 4 && warning.arguments["suggestion"] == "attachments")
        #expect(known.unknownKey("xyz", file: "a.md", line: 5).key == .unknownKeyNoSuggestion)
    }

    @Test func theShortDateInThePlaceAndDateLineIsRead() throws {
        let line = try #require(OfficialDateLine.find(in: "Lam Hà, ngày 3/9/2025"))
        #expect(line.place == "Lam Hà" && line.date == DocumentDate(year: 2025, month: 9, day: 3) && line.problem == nil)
        let printed = layout("SỞ VĂN HÓA\n\nSố: 45/BC-SVHTT\n\nLam Hà, ngày 03/7/2025\n\nBÁO CÁO\n\nKết quả 6 tháng\n\nNội dung.\n")
        #expect(printed.metadata.date == DocumentDate(year: 2025, month: 7, day: 3))
        #expect(printed.metadata.title == "Kết quả 6 tháng")
        #expect(printed.findings.isEmpty)
    }

    /// "ngày 3 tháng chín 2025" is meant as the date line: it is named with the expected form, not taken as the title.
    @Test func anUnreadablePlaceAndDateLineIsNamedNotTakenAsTheTitle() {
        let printed = layout("SỞ VĂN HÓA\n\nSố: 45/BC-SVHTT\n\nLam Hà, ngày 3 tháng chín 2025\n\nBÁO CÁO\n\nKết quả 6 tháng\n\nNội dung.\n")
        #expect(printed.findings.map(\.key) == [.placeDateUnreadable])
        #expect(printed.findings.first?.line == 5)
        #expect(printed.findings.first?.arguments["value"] == "Lam Hà, ngày 3 tháng chín 2025")
        #expect(printed.metadata.title == "Kết quả 6 tháng")
        #expect(printed.metadata.type?.code == "BC")
    }

    @Test func anImpossibleDateIsOneWarningNamingTheValueAndTheLine() throws {
        let printed = layout("SỞ VĂN HÓA\n\nSố: 45/BC-SVHTT\n\nLam Hà, ngày 31/02/2025\n\nBÁO CÁO\n\nKết quả\n\nNội dung.\n")
        #expect(printed.findings.count == 1)
        #expect(printed.findings.first?.key == .placeDateImpossible && printed.findings.first?.line == 5)
        #expect(printed.findings.first?.arguments["value"] == "31/02/2025")
        #expect(printed.metadata.date == DocumentDate(year: 2025))
        let (fm, diagnostics) = try split("---\nngày: 31/02/2025\n---\nx\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.key == .impossibleDate && diagnostics.first?.line == 2)
        #expect(diagnostics.first?.arguments["value"] == "31/02/2025")
        #expect(fm.metadata.date == DocumentDate(year: 2025))
    }

    @Test func aTypeHeadingWithoutANumberLineIsSeen() {
        let without = layout("SỞ VĂN HÓA\n\nLam Hà, ngày 03 tháng 7 năm 2025\n\nBÁO CÁO\n\nKết quả\n\nNội dung.\n")
        #expect(without.typeHeadingLine == 5 && !without.sawNumberLine)
        let draft = layout("SỞ VĂN HÓA\n\nSố:     /BC-SVHTT\n\nLam Hà, ngày    tháng 7 năm 2025\n\nBÁO CÁO\n\nKết quả\n\nNội dung.\n")
        #expect(draft.typeHeadingLine == 7 && draft.sawNumberLine)
    }
}
