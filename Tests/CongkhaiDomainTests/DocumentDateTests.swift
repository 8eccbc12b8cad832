import Testing
@testable import CongkhaiDomain

@Suite struct DocumentDateTests {
    @Test func isoFullAndPartial() throws {
        #expect(DocumentDate.parseISO("2020-01-05") == DocumentDate(year: 2020, month: 1, day: 5))
        #expect(DocumentDate.parseISO("2020-04")?.day == nil)
        #expect(DocumentDate.parseISO("2020-04")?.month == 4)
        let yearOnly = try #require(DocumentDate.parseISO("2023"))
        #expect(yearOnly.month == nil && yearOnly.day == nil)
        #expect(yearOnly.iso == "2023")
    }

    @Test(arguments: ["2023-02-30", "2023-13-01", "20-01-01", "2020/01/05", "hôm qua", "2020-1-"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(DocumentDate.parseISO(text) == nil)
    }

    @Test func leapYears() {
        #expect(DocumentDate(year: 2024, month: 2, day: 29) != nil)
        #expect(DocumentDate(year: 2023, month: 2, day: 29) == nil)
        #expect(DocumentDate(year: 2000, month: 2, day: 29) != nil)
        #expect(DocumentDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test func officialStyleLeadingZeros() {
        #expect(DocumentDate(year: 2020, month: 1, day: 5)!.official == "ngày 05 tháng 01 năm 2020")
        #expect(DocumentDate(year: 2021, month: 4, day: 7)!.official == "ngày 07 tháng 4 năm 2021")
        #expect(DocumentDate(year: 2020, month: 11, day: 16)!.official == "ngày 16 tháng 11 năm 2020")
        #expect(DocumentDate(year: 2023, month: 2)!.official == "tháng 02 năm 2023")
        #expect(DocumentDate(year: 2023)!.official == "năm 2023")
    }

    @Test func shortForm() {
        #expect(DocumentDate.parseShort("15/4/2016") == DocumentDate(year: 2016, month: 4, day: 15))
        #expect(DocumentDate.parseShort("07/10/2020") == DocumentDate(year: 2020, month: 10, day: 7))
        #expect(DocumentDate.parseShort("31/4/2016") == nil)
        #expect(DocumentDate.parseISO("15/4/2016") == DocumentDate(year: 2016, month: 4, day: 15))
        #expect(DocumentDate(year: 2016, month: 4, day: 15)!.short == "15/04/2016")
    }

    @Test func printedPlaceAndDateLine() throws {
        let line = try #require(OfficialDateLine.find(in: "Trà Vinh, ngày 16 tháng 4 năm 2020"))
        #expect(line.place == "Trà Vinh")
        #expect(line.date == DocumentDate(year: 2020, month: 4, day: 16))
        let italic = try #require(OfficialDateLine.find(in: "*Lam Hà, ngày 05 tháng 01 năm 2024*"))
        #expect(italic.place == "Lam Hà")
        #expect(italic.date?.iso == "2024-01-05")
    }

    @Test func blankDayAndMonthKeepTheYearOnly() throws {
        let blank = try #require(OfficialDateLine.find(in: "Trà Vinh, ngày       tháng      năm 2023"))
        #expect(blank.date == DocumentDate(year: 2023))
        let dotted = try #require(OfficialDateLine.find(in: "Hà Nội, ngày ..... tháng 11 năm 2024"))
        #expect(dotted.date == DocumentDate(year: 2024, month: 11))
        #expect(DocumentDate.parseOfficial("ngày 05 tháng 01 năm 2020")?.iso == "2020-01-05")
    }

    @Test func sortsNewestLastWithPartialDatesFirstInTheirYear() {
        let full = DocumentDate(year: 2023, month: 3, day: 1)!
        let yearOnly = DocumentDate(year: 2023)!
        #expect(yearOnly < full)
        #expect(full < DocumentDate(year: 2024)!)
    }
}
